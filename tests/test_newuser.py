"""What a demanding new user met in the rendering and command-line layers, kept fixed."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import negotiation as ng
from negotiation.analysis.compare import Comparison
from negotiation.errors import NegotiationError
from negotiation.render.text import fit_widths


@pytest.fixture(scope="module")
def comparison(corpus: ng.Corpus) -> Comparison:
    return ng.compare(corpus["istanbul-draft-2022-04"], corpus["us-28-point-2025-11"])


def test_hyphenated_words_stay_whole_when_another_column_can_give_way() -> None:
    headers = ["Area", "Verdict", "Note"]
    rows = [["Pay and conditions of employment", "one-sided", "a long note that can wrap anywhere"]]
    widths = fit_widths(headers, rows, 40)
    assert widths is not None
    assert widths[1] >= len("one-sided")


def test_hyphenated_words_never_break_when_nothing_fits() -> None:
    # The caller splits the table into blocks or records instead (render.text_table).
    assert fit_widths(["Id", "Verdict"], [["union-2024-01", "one-sided"]], 14) is None


def test_style_without_jinja2_says_what_to_install(monkeypatch: pytest.MonkeyPatch, comparison: Comparison) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)  # import jinja2 now raises ImportError
    with pytest.raises(NegotiationError, match="jinja2"):
        comparison.style()


def test_arabic_html_isolates_dates_and_ids_so_they_keep_their_order(comparison: Comparison) -> None:
    from negotiation.render.page import report_page

    page = report_page(comparison, "ar")
    assert '<bdi dir="ltr">2022-04-15</bdi>' in page
    assert '<bdi dir="ltr">istanbul-draft-2022-04</bdi>' in page


def test_arabic_html_keeps_brackets_outside_isolated_runs() -> None:
    from negotiation.render.formats import bidi_html

    expected = 'مؤشر: <bdi dir="ltr">0.80</bdi> (<bdi dir="ltr">1</bdi> = تطابق)'
    assert bidi_html("مؤشر: 0.80 (1 = تطابق)", "ar") == expected
    assert bidi_html("<b>x</b>", "ar").count("<b>") == 0


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    from negotiation.cli.main import main

    assert main([*argv, "--width", "100"]) == 0
    return capsys.readouterr().out


def test_predict_in_arabic_has_arabic_headers_title_and_issue_labels(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "predict", "RU", "UA", "--as-of", "2026-02-24", "--issue", "territory.crimea", "--lang", "ar")
    for english in ("Predicted", "Distance", "Model", "Weights", "territory.crimea", "weighted_median"):
        assert english not in out
    assert "وسيفاستوبول" in out and "المسافة عن" in out


def test_predict_names_each_distance_column_after_its_party(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "predict", "RU", "UA", "--as-of", "2026-02-24", "--issue", "territory.crimea")
    table = out.split("\n\n")[1]
    assert table.count("Distance to") == 2 and "Crimea and" in table and "territory.crimea" not in table


def test_backtest_takes_lang_like_every_other_table(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "backtest", "--lang", "ar")
    assert "Backtest" not in out and "Exact" not in out and "اختبار رجعي" in out


def test_search_in_arabic_writes_its_packages_in_arabic(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "search", "RU@2026-02-24", "UA@2026-02-24", "--max-steps", "1", "--top", "2", "--lang", "ar")
    assert "Packages" not in out and "Base convergence" not in out and "step" not in out
    assert "درجة واحدة" in out and "ملاحظة: بعض النصوص غير متوفرة بالعربية" not in out


def test_csv_writes_a_bracket_as_party_value_pairs_not_a_python_dict(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "concessions", "us-28-point-2025-11", "us-20-point-2025-12", "--format", "csv")
    assert "{'" not in out
    assert re.search(r",[A-Z]{2}:[a-z_]+;[A-Z]{2}:[a-z_]+,", out)  # e.g. US:demilitarized;UA:contact_line


def test_schema_takes_the_kind_as_a_word(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from negotiation.cli.main import main

    assert main(["schema", "taxonomy"]) == 0
    taxonomy = json.loads(capsys.readouterr().out)
    assert main(["schema", "--kind", "taxonomy"]) == 0
    assert json.loads(capsys.readouterr().out) == taxonomy
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) != taxonomy


def test_timeline_names_moved_issues_by_label_not_id(capsys: pytest.CaptureFixture[str], corpus: ng.Corpus) -> None:
    out = _run(capsys, "timeline", "RU", "UA")
    assert not re.search(r"\b(RU|UA):[a-z]+\.[a-z_]+", out)
    assert corpus.taxonomy.issues["territory.crimea"].label("en").split()[0] in out


def test_dumbbell_shows_both_sides_where_they_agree(corpus: ng.Corpus) -> None:
    pytest.importorskip("matplotlib")
    from negotiation.render.charts import dumbbell

    doc = corpus["us-28-point-2025-11"]
    fig = dumbbell(ng.compare(doc, doc))
    points = [tuple(c.get_offsets()[0]) for ax in fig.axes for c in ax.collections if c.get_gid() == "stance"]
    assert points and len(set(points)) == len(points)  # no marker drawn exactly over another


def test_concessions_toward_names_the_party_in_its_header(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "concessions", "us-28-point-2025-11", "us-20-point-2025-12", "--toward", "RU")
    header = out.split("\n\n")[1].split("├")[0]
    assert "RU@2025-12-23" in header  # the date used: the new version's


def test_concessions_toward_takes_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "concessions", "us-28-point-2025-11", "us-20-point-2025-12", "--toward", "RU@2025-06-02")
    header = out.split("\n\n")[1].split("├")[0]
    assert "Closer to" in header and "RU@2025-06-02" in header


def test_concessions_toward_an_impossible_date_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.cli.main import main

    assert main(["concessions", "us-28-point-2025-11", "us-20-point-2025-12", "--toward", "RU@2025-02-29"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("negotiation: error: invalid date '2025-02-29': 29 February does not exist "
                   "(February 2025 has 28 days)\n")


def test_zopa_has_a_title_that_says_what_the_table_is(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "zopa", "RU", "UA", "--as-of", "2026-02-24")
    assert out.startswith("Zone of possible agreement: RU@2026-02-24, UA@2026-02-24")


def test_sources_name_the_issues_by_label(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "sources", "us-28-point-2025-11")
    assert "security.army_cap" not in out and "Army size cap" in out
    data = _run(capsys, "sources", "us-28-point-2025-11", "--format", "json")
    assert "security.army_cap" in data  # machine formats keep the ids beside the labels


@pytest.mark.parametrize("argv", [["zopa", "RU", "UA", "--as-of", "2020-01-01"],
                                  ["predict", "RU", "UA", "--as-of", "1990-01-01"],
                                  ["show", "RU@1990-01-01"], ["compare", "RU@2021-01-01", "UA"]])
def test_a_party_before_its_first_document_is_an_error_naming_that_date(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from negotiation.cli.main import main

    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "RU has no documents up to " in err and "its first, ru-draft-2022-03, is dated 2022-03-07" in err


def test_a_party_without_documents_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.cli.main import main
    from tests.small_corpus import corpus_folder

    folder = corpus_folder(tmp_path / "c")  # parties RU and UA, no documents
    assert main(["--corpus", str(folder), "timeline", "RU", "UA"]) == 2
    assert capsys.readouterr().err == "negotiation: error: RU has no documents in this corpus: no position to take\n"


def test_predict_suggests_the_nearest_issue(capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.cli.main import main

    assert main(["predict", "RU", "UA", "--issue", "territory.crimeaa"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("negotiation: error: unknown issue 'territory.crimeaa'; did you mean "
                                        "territory.crimea")


def test_a_bad_plot_file_name_is_refused_before_the_table_prints(capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.cli.main import main

    assert main(["compare", "istanbul-draft-2022-04", "us-28-point-2025-11", "--plot", "chart.gif"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and ".png or .svg" in err


def test_arabic_html_keeps_a_path_whole(comparison: Comparison) -> None:
    from negotiation.render.formats import bidi_html

    assert bidi_html("المدونة: /work/positions", "ar") == 'المدونة: <bdi dir="ltr">/work/positions</bdi>'


def test_arabic_heading_separates_id_date_and_status_with_arabic_commas(comparison: Comparison) -> None:
    from negotiation.render.report import heading

    assert "(istanbul-draft-2022-04، 2022-04-15، " in heading(comparison, "ar")[0]


@pytest.mark.parametrize("key", ["moves", "zones"])
def test_arabic_counts_do_not_put_a_number_before_a_singular_noun(key: str) -> None:
    # Arabic nouns after 3-10 take the plural: "10 قضية" is wrong; the sentences name the count after a colon.
    from negotiation.render import i18n

    text = i18n.say(key, "ar", n=5, total=7, low=3, high=2, low_pole="أ", high_pole="ب")
    assert not re.search(r"\d+ قضية", text)


def test_redline_in_arabic_has_an_arabic_title_and_says_what_stays_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "redline", "us-28-point-2025-11", "us-20-point-2025-12", "--lang", "ar")
    assert not out.startswith("Redline") and out.startswith("مقارنة البنود")
    assert "ملاحظة: بعض النصوص غير متوفرة بالعربية" in out


def test_a_table_split_into_blocks_keeps_each_id_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "coverage")
    ids = [line.split("│")[1].strip() for line in out.splitlines() if line.startswith("│ ") and "-20" in line]
    assert ids and all(re.fullmatch(r"[a-z0-9-]+-\d{4}-\d{2}", i) for i in ids)
    assert "├" not in "".join(out.splitlines()[4:6])  # rows of one line need no rule between them


def test_notebook_view_in_arabic_isolates_dates(comparison: Comparison) -> None:
    assert '<bdi dir="ltr">2022-04-15</bdi>' in comparison.view("ar")._repr_html_()


def test_dumbbell_labels_take_at_most_two_lines_so_rows_do_not_overlap(corpus: ng.Corpus) -> None:
    pytest.importorskip("matplotlib")
    from negotiation.render.charts import dumbbell

    fig = dumbbell(ng.compare(corpus.position("RU", "2026-06-15"), corpus.position("UA", "2026-06-15")),
                   lang="ar", svg=True)
    labels = [tick.get_text() for ax in fig.axes[:1] for tick in ax.get_yticklabels()]
    assert labels and max(label.count("\n") for label in labels) <= 1


def test_a_mistyped_command_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.cli.main import main

    assert main(["comapre", "a", "b"]) == 2
    assert "did you mean compare?" in capsys.readouterr().err


@pytest.mark.parametrize("choices", ["'list', 'show', 'compare'", "list, show, compare"])
def test_the_suggestion_reads_quoted_and_unquoted_choices(choices: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Python 3.12.8+ and 3.13.1+ list argparse's choices without quotes."""
    from negotiation.cli.main import _Parser

    with pytest.raises(SystemExit):
        _Parser(prog="negotiation").error(f"argument COMMAND: invalid choice: 'comapre' (choose from {choices})")
    assert "did you mean compare?" in capsys.readouterr().err


def test_align_comment_lines_fit_the_width(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "align", "us-28-point-2025-11", "us-20-point-2025-12")
    comments = [line for line in out.splitlines() if line.startswith("#")]
    assert comments and all(len(line) <= 100 for line in comments)
    assert any(line.startswith("# corpus: ") for line in comments)  # like every table, it names the corpus


@pytest.mark.parametrize("argv", [["compare", "istanbul-draft-2022-04", "us-28-point-2025-11"],
                                  ["predict", "RU", "UA", "--as-of", "2026-02-24", "--issue", "territory.crimea"]])
def test_a_very_narrow_terminal_still_gets_lines_that_fit(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.cli.main import main
    from negotiation.render.text import display_width

    assert main([*argv, "--width", "40"]) == 0
    assert max(display_width(line) for line in capsys.readouterr().out.splitlines()) <= 40


def test_predict_writes_numbers_with_their_unit(capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.cli.main import main

    assert main(["predict", "RU", "UA", "US", "--issue", "security.army_cap", "-f", "json"]) == 0
    rows = __import__("json").loads(capsys.readouterr().out)
    assert rows and all(r["unit"] == "personnel" and r["predicted"].endswith(" personnel") for r in rows)


def test_schema_as_markdown_is_a_table_of_fields(capsys: pytest.CaptureFixture[str]) -> None:
    from negotiation.cli.main import main

    assert main(["schema", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("|")]
    assert lines[0] == "| Part | Field | Type | Required | Description |"
    assert any("| stances |" in line for line in lines) and any("| quote_kind |" in line for line in lines)
    assert not out.lstrip().startswith("{")
    assert main(["schema"]) == 0 and capsys.readouterr().out.startswith("{")  # no --format: the schema itself
