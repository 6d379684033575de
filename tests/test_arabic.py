"""Arabic output: left-to-right text isolated in every medium, grids still aligned, words in Arabic.

Checked on what the command line really prints (against the frozen golden corpus), in HTML
(``<bdi>`` or ``dir="ltr"``), in markdown and on a terminal (LRI U+2066 … PDI U+2069), and on
the renderers' own rules (:mod:`negotiation.render.bidi`, :mod:`negotiation.render.packages`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from negotiation.render import i18n
from negotiation.render.bidi import LRI, PDI, bidi_html, isolate, strip_isolates
from negotiation.render.text import display_width
from tests.command_line import run_cli
from tests.test_goldens import COMMANDS, CORPUS

LTR_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F]")
ARABIC_LETTER = re.compile("[\u0600-\u06FF]")
ISOLATED = re.compile(f"{LRI}[^{PDI}]*{PDI}")

# One command per kind of output: prose and ids, quotes and URLs, English point texts, numbers with units.
SAMPLE = ["show", "sources", "compare", "redline", "align", "search", "predict", "backtest", "zopa"]


def _out(capsys: pytest.CaptureFixture[str], name: str, fmt: str, lang: str = "ar", width: str = "100") -> str:
    code, out, err = run_cli(capsys, "--corpus", str(CORPUS), *COMMANDS[name], "--lang", lang, "--format", fmt,
                             "--width", width)
    assert code == 0, err
    return out


class _Unisolated(HTMLParser):
    """Text of a page's body with left-to-right letters outside any ``<bdi>``, ``dir="ltr"`` or ``lang`` element."""

    VOID = frozenset({"br", "meta", "img", "hr", "link", "input"})
    SKIP = frozenset({"style", "script", "title", "head", "svg"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        a = dict(attrs)
        self.stack.append((tag, tag == "bdi" or a.get("dir") == "ltr" or a.get("lang") not in (None, "ar")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if any(t in self.SKIP or isolated for t, isolated in self.stack):
            return
        if LTR_LETTER.search(data):
            self.found.append(data.strip())


def unisolated_html(page: str) -> list[str]:
    parser = _Unisolated()
    parser.feed(page)
    return parser.found


ONE_WORD = re.compile(r"[^\s\u0600-\u06FF]+")


URL_NOTE = re.compile(r"\[\d+\] \S+")


def unisolated_text(out: str) -> list[str]:
    """Pieces of Arabic output (each cell of a table line, each line of prose) with left-to-right
    letters outside LRI … PDI; a piece that is one left-to-right word alone (an id) needs none."""
    found = []
    for line in out.replace("<br>", "\n").splitlines():
        if URL_NOTE.fullmatch(line):  # a URL moved below a terminal grid: a line of its own, all LTR
            continue
        for piece in re.split(r"[│|]", line):
            piece = piece.strip()
            if ONE_WORD.fullmatch(piece) or not LTR_LETTER.search(ISOLATED.sub("", piece)):
                continue
            found.append(piece)
    return found


# --- HTML


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_arabic_html_page_isolates_its_left_to_right_text(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    page = _out(capsys, name, "html")
    assert unisolated_html(page) == []


def test_the_arabic_report_page_isolates_its_left_to_right_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, page, err = run_cli(capsys, "--corpus", str(CORPUS), "report", "istanbul-draft-2022-04",
                              "us-28-point-2025-11", "--lang", "ar")
    assert code == 0, err
    assert unisolated_html(page) == []
    assert "<blockquote><bdi dir=\"ltr\">" in page  # English quotes as one run, final stop inside


def test_the_html_check_finds_a_bare_english_word() -> None:
    assert unisolated_html('<p>المدونة: positions</p><p><bdi dir="ltr">x</bdi></p>') == ["المدونة: positions"]


def test_an_english_sentence_in_arabic_html_keeps_its_full_stop_inside_the_isolate() -> None:
    assert bidi_html("Ukraine's sovereignty is reaffirmed.", "ar") == (
        '<bdi dir="ltr">Ukraine&#x27;s sovereignty is reaffirmed.</bdi>')


def test_russian_and_ukrainian_quotes_are_isolated_like_english() -> None:
    assert bidi_html("«Россия и Украина.»", "ar") == '<bdi dir="ltr">«Россия и Украина.»</bdi>'
    assert isolate("قال: «Україна — це Європа» أمس", "ar") == f"قال: «{LRI}Україна — це Європа{PDI}» أمس"


# --- markdown and terminal


@pytest.mark.parametrize("fmt", ["github", "markdown", "simple_grid", "grid"])
@pytest.mark.parametrize("name", SAMPLE)
def test_arabic_text_isolates_every_left_to_right_run(name: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(capsys, name, fmt)
    assert unisolated_text(out) == []
    for line in out.splitlines():  # balanced on every line: a terminal lays out each line on its own
        assert line.count(LRI) == line.count(PDI), line


def test_the_text_check_finds_a_bare_english_word_but_not_an_id_alone() -> None:
    assert unisolated_text("المدونة: positions\n│ us-28 │ أ │") == ["المدونة: positions"]


@pytest.mark.parametrize("fmt", ["github", "simple_grid", "html"])
def test_english_output_has_no_isolates(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(capsys, "compare", fmt, lang="en")
    assert LRI not in out and PDI not in out and '<bdi dir="ltr">' not in out


def test_ids_dates_and_numbers_keep_the_arabic_sentence_order() -> None:
    text = "البنود: 28 ← 20: 11 أُعيدت، المسافة عن RU: 0.42، 600 km، us-28-point-2025-11 (2025-11-20)"
    assert isolate(text, "ar") == (
        f"البنود: 28 ← 20: 11 أُعيدت، المسافة عن {LRI}RU{PDI}: 0.42، {LRI}600 km{PDI}، "
        f"{LRI}us-28-point-2025-11{PDI} (2025-11-20)")


def test_a_cell_that_is_one_id_or_number_is_left_alone() -> None:
    assert isolate("us-28-point-2025-11", "ar") == "us-28-point-2025-11"
    assert isolate("15/43 (35%)", "ar") == "15/43 (35%)"
    assert isolate("The draft is silent.", "ar") == f"{LRI}The draft is silent.{PDI}"


def test_isolates_take_no_terminal_column() -> None:
    from tabulate import tabulate

    assert display_width(f"{LRI}RU{PDI}: أ") == display_width("RU: أ")
    drawn = tabulate([[f"{LRI}abc{PDI}", "x"], ["abcd", "y"]], tablefmt="grid").splitlines()
    assert len({display_width(line) for line in drawn}) == 1


def _columns(line: str) -> list[int]:
    """The display columns at which a grid line has a rule or a crossing."""
    cols, at = [], 0
    for ch in line:
        if ch in "│┼├┤┌┐└┘┬┴|+":
            cols.append(at)
        at += display_width(ch)
    return cols


@pytest.mark.parametrize("fmt", ["simple_grid", "grid", "fancy_grid"])
@pytest.mark.parametrize("name", ["search", "show", "align", "backtest"])
def test_arabic_grids_with_isolates_stay_aligned(name: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(capsys, name, fmt)
    assert LRI in out
    blocks: list[list[str]] = [[]]
    for line in out.splitlines():
        if line and line[0] in "┌├│└╒╞╘+|":
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    for block in filter(None, blocks):
        assert len({display_width(line) for line in block}) == 1
        assert len({tuple(_columns(line)) for line in block}) == 1 or fmt == "fancy_grid"


# --- words


def test_arabic_counts_of_steps_agree_with_the_number() -> None:
    assert [i18n.steps(n, "ar") for n in (1, 2, 3, 10, 11, 100, 103)] == [
        "درجة واحدة", "درجتان", "3 درجات", "10 درجات", "11 درجة", "100 درجة", "103 درجات"]
    assert [i18n.steps(n) for n in (1, 2)] == ["1 step", "2 steps"]


def test_arabic_lists_use_the_arabic_comma() -> None:
    assert i18n.join(["RU", "UA"], "ar") == "RU، UA" and i18n.join(["RU", "UA"]) == "RU, UA"


def test_search_packages_read_in_arabic_with_the_taxonomy_labels(capsys: pytest.CaptureFixture[str]) -> None:
    out = strip_isolates(_out(capsys, "search", "github"))
    rows = [line for line in out.splitlines() if line.startswith("|") and "←" in line]
    assert rows and all("step" not in r and "Foreign" not in r for r in rows)
    assert "القوات الأجنبية في أوكرانيا" in out and "درجة واحدة" in out


def test_search_packages_in_english_are_the_analysis_words(capsys: pytest.CaptureFixture[str]) -> None:
    import negotiation as ng
    from negotiation.analysis.search import search

    corpus = ng.load(CORPUS)
    a, b = corpus.resolve("RU@2026-02-24"), corpus.resolve("UA@2026-02-24")
    expected = list(search(a, b, taxonomy=corpus.taxonomy, max_steps=2, top=20)["package"])
    code, out, err = run_cli(capsys, "--corpus", str(CORPUS), "search", "RU@2026-02-24", "UA@2026-02-24",
                             "--max-steps", "2", "--top", "20", "--format", "github")
    assert code == 0, err
    shown = [line.split("|")[2].strip() for line in out.splitlines() if line.startswith("|")][2:]
    assert shown == expected


def test_numeric_moves_say_their_part_of_the_gap_in_arabic(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--corpus", str(CORPUS), "search", "eu-24-point-2025-11", "us-28-point-2025-11",
                             "--max-steps", "3", "--top", "300", "--lang", "ar", "--format", "github")
    assert code == 0, err
    assert "4 من الفجوة" in out and "gap" not in out and "step" not in out


def test_backtest_headers_are_arabic(capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(capsys, "backtest", "github")
    header = next(line for line in out.splitlines() if line.startswith("|"))
    assert "exact" not in header and "Geneva" not in header and "جنيف: مطابق" in header
    assert i18n.hit_rate_header("28-pt exact") == "28-pt exact" and i18n.hit_rate_header("all ±1") == "All ±1"


def test_schema_fields_in_arabic(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "schema", "--format", "github", "--lang", "ar")
    assert code == 0, err
    assert out.startswith("حقول ملف الوثيقة") and "إلزامي" in out and "نعم" in out
    lines = [line for line in strip_isolates(out).splitlines() if line.startswith("|")]
    kept = [out.splitlines()[0], lines[0], *(cells.split("|")[3:5] for cells in lines[2:])]  # title, header, types
    body = "\n".join(map(str, kept))  # the descriptions are the schema's own English text
    for english in ("string", "list of", "mapping to", " or ", "yes", "Required", "fields of"):
        assert english not in body
    code, out, err = run_cli(capsys, "schema", "--format", "github")
    assert code == 0 and "fields of a document file" in out and "| yes " in out
