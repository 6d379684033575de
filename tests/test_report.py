"""Views of a comparison: DataFrame, text tables, JSON and notebook HTML, in English and Arabic."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import pandas as pd
import pytest

from negotiation.analysis.compare import Comparison, compare
from negotiation.model.models import Document, Taxonomy
from negotiation.render.formats import FormatError
from negotiation.render.report import VERDICT_COLORS, VERDICT_ORDER, comparison_html, frame_table

TAXONOMY: dict[str, Any] = {
    "poles": {
        "low": {"en": "Low pole", "ar": "القطب الأدنى"},
        "high": {"en": "High pole", "ar": "القطب الأعلى"},
    },
    "areas": {"t": {"en": "Territory", "ar": "الأراضي"}, "s": {"en": "Security", "ar": "الأمن"}},
    "parties": {"RU": {"en": "Russia", "ar": "روسيا"}, "UA": {"en": "Ukraine", "ar": "أوكرانيا"}},
    "issues": {
        "t.land": {
            "en": "Land",
            "ar": "الأرض",
            "scale": {
                "kind": "ordinal",
                "levels": [
                    {"id": "ua", "en": "Ukrainian", "ar": "أوكرانية"},
                    {"id": "line", "en": "Contact line", "ar": "خط التماس"},
                    {"id": "ru", "en": "Russian", "ar": "روسية"},
                ],
            },
        },
        "s.cap": {
            "en": "Army cap",
            "ar": "سقف الجيش",
            "scale": {
                "kind": "numeric",
                "unit": "troops",
                "lower": 1000,
                "upper": 1000000,
                "log": True,
                "high_pole": "lower",
            },
        },
        "s.neutral": {"en": "Neutral <status>", "ar": "الحياد", "scale": {"kind": "flag"}},
        "s.nuclear": {"en": "Non-nuclear", "ar": "غير نووي", "scale": {"kind": "flag"}},
    },
}


def _doc(doc_id: str, stances: dict[str, Any]) -> Document:
    return Document.model_validate(
        {
            "id": doc_id,
            "title": f"Document {doc_id}",
            "date": dt.date(2025, 6, 2),
            "kind": "proposal",
            "status": "official",
            "authors": ["RU"],
            "sources": [
                {"id": "s", "outlet": f"Outlet {doc_id}", "title": "T", "date": "2025-06-02"}
            ],
            "stances": {k: {"source": "s", **v} for k, v in stances.items()},
        }
    )


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return Taxonomy.model_validate(TAXONOMY)


@pytest.fixture(scope="module")
def cmp(tax: Taxonomy) -> Comparison:
    """apart (land, cap), agree (neutral), deferred (nuclear)."""
    a = _doc(
        "doc-a",
        {
            "t.land": {"value": "ru"},
            "s.cap": {"value": 85000},
            "s.neutral": {"value": True},
            "s.nuclear": {"modality": "deferred"},
        },
    )
    b = _doc(
        "doc-b",
        {
            "t.land": {"value": "ua"},
            "s.cap": {"value": 600000},
            "s.neutral": {"value": True},
            "s.nuclear": {"value": True},
        },
    )
    return compare(a, b, taxonomy=tax)


@pytest.fixture(scope="module")
def empty(tax: Taxonomy) -> Comparison:
    """Nothing stated by both: convergence is NaN."""
    return compare(_doc("doc-a", {"t.land": {"value": "ru"}}), _doc("doc-b", {}), taxonomy=tax)


# --- DataFrame


def test_frame_puts_a_label_beside_every_id(cmp: Comparison) -> None:
    columns = list(cmp.to_frame().columns)
    assert columns[:11] == [
        "area", "area_label", "issue", "issue_label", "value_a", "value_a_label",
        "value_b", "value_b_label", "distance", "verdict", "verdict_label",
    ]


def test_frame_has_one_row_per_diff_in_taxonomy_order(cmp: Comparison) -> None:
    frame = cmp.to_frame()
    assert len(frame) == len(cmp.diffs)
    assert list(frame["issue"]) == ["t.land", "s.cap", "s.neutral", "s.nuclear"]


def test_frame_rows_carry_plain_values_their_labels_with_units_and_the_verdict(cmp: Comparison) -> None:
    row = cmp.to_frame().set_index("issue").loc["s.cap"]
    assert (row["area"], row["area_label"], row["issue_label"]) == ("s", "Security", "Army cap")
    assert (row["value_a"], row["value_b"]) == (85000, 600000)
    assert (row["value_a_label"], row["value_b_label"]) == ("85,000 troops", "600,000 troops")
    assert row["distance"] == pytest.approx(cmp["s.cap"].distance)
    assert row["verdict"] == "apart"


def test_frame_note_does_not_restate_the_values(cmp: Comparison) -> None:
    row = cmp.to_frame().set_index("issue").loc["s.cap"]
    assert row["note"] == "515,000 troops apart; B nearer Low pole"
    assert cmp["s.cap"].line() == "85,000 troops vs 600,000 troops: 515,000 troops apart"


def test_frame_verdict_is_an_ordered_categorical(cmp: Comparison) -> None:
    verdict = cmp.to_frame()["verdict"]
    assert isinstance(verdict.dtype, pd.CategoricalDtype) and verdict.dtype.ordered
    assert list(verdict.cat.categories) == list(VERDICT_ORDER)
    assert list(verdict.sort_values()) == ["agree", "apart", "apart", "deferred"]


def test_frame_verdict_labels_are_ordered_in_the_frames_language(cmp: Comparison) -> None:
    labels = cmp.to_frame(lang="ar")["verdict_label"]
    assert labels.dtype.ordered
    assert labels.min() == "اتفاق"


def test_frame_distance_is_missing_where_a_side_defers(cmp: Comparison) -> None:
    row = cmp.to_frame().set_index("issue").loc["s.nuclear"]
    assert pd.isna(row["distance"])
    assert row["value_a_label"] == "deferred"


def test_frame_names_each_sides_source_in_its_own_column(cmp: Comparison) -> None:
    row = cmp.to_frame().set_index("issue").loc["t.land"]
    assert (row["source_a"], row["source_b"]) == ("Outlet doc-a (2025-06-02)", "Outlet doc-b (2025-06-02)")


def test_frame_points_are_lists(cmp: Comparison) -> None:
    assert cmp.to_frame()["points_a"].map(type).eq(list).all()


def test_frame_in_arabic_uses_arabic_labels(cmp: Comparison) -> None:
    row = cmp.to_frame(lang="ar").set_index("issue").loc["t.land"]
    assert (row["area_label"], row["issue_label"]) == ("الأراضي", "الأرض")
    assert (row["value_a_label"], row["value_b_label"]) == ("روسية", "أوكرانية")
    assert row["verdict_label"] == "تباعد"


def test_frame_in_arabic_keeps_ids_and_verdict_keys(cmp: Comparison) -> None:
    frame = cmp.to_frame(lang="ar")
    assert list(frame["issue"]) == list(cmp.to_frame()["issue"])
    assert list(frame["verdict"]) == ["apart", "apart", "agree", "deferred"]


# --- text tables


def test_github_table_is_a_pipe_table_with_headers(cmp: Comparison) -> None:
    lines = cmp.to_table("github", width=200).splitlines()
    headers = [c.strip() for c in lines[0].strip("|").split("|")]
    assert headers == ["Area", "Issue", "A", "B", "Distance", "Verdict", "Note"]
    assert set(lines[1]) <= {"|", "-", ":"}
    assert len(lines) == 2 + len(cmp.diffs)


def test_grid_table_separates_the_header_with_equals_signs(cmp: Comparison) -> None:
    table = cmp.to_table("grid")
    assert table.startswith("+")
    assert "+====" in table


def test_html_table_is_a_page_with_a_charset_and_a_table(cmp: Comparison) -> None:
    page = cmp.to_table("html")
    assert '<meta charset="utf-8">' in page
    assert "<th>Verdict</th>" in page and page.count("<tr class=") == len(cmp.diffs)


def test_latex_table_is_a_tabular(cmp: Comparison) -> None:
    assert "\\begin{tabular}" in cmp.to_table("latex")


def test_latex_escapes_percent_signs_in_prose(cmp: Comparison) -> None:
    text = cmp.render("latex")
    coverage_line = next(line for line in text.splitlines() if line.startswith("Coverage"))
    assert "100\\%" in coverage_line and "100%" not in coverage_line.replace("\\%", "")


def test_tsv_is_machine_readable_with_ids_and_labels(cmp: Comparison) -> None:
    lines = cmp.render("tsv").splitlines()
    header = lines[0].split("\t")
    assert header[:4] == ["area", "area_label", "issue", "issue_label"]
    assert len(lines) == 1 + len(cmp.diffs)
    assert all(line.count("\t") == len(header) - 1 for line in lines)


def test_unknown_format_raises_a_clear_error(cmp: Comparison) -> None:
    with pytest.raises(FormatError, match="unknown format 'nonsense'"):
        cmp.to_table("nonsense")


def test_near_format_names_are_suggested(cmp: Comparison) -> None:
    with pytest.raises(ValueError, match=r"did you mean.*fancy_grid"):
        cmp.to_table("fancy_gird")


def test_table_formats_distances_with_two_decimals(cmp: Comparison) -> None:
    assert f"{cmp['t.land'].distance:.2f}" in cmp.to_table("github")


def test_table_in_arabic_uses_arabic_headers_labels_and_verdicts(cmp: Comparison) -> None:
    table = cmp.to_table("github", lang="ar", width=200)
    for word in ("المجال", "القضية", "الحكم", "الأرض", "سقف الجيش", "تباعد", "اتفاق", "مؤجل"):
        assert word in table
    assert "Verdict" not in table and "Land" not in table


def test_markup_in_arabic_keeps_the_first_column_first(cmp: Comparison) -> None:
    header = cmp.to_table("github", lang="ar").splitlines()[0]
    cells = [c.strip() for c in header.strip("|").split("|")]
    assert cells[0] == "المجال" and cells[-1] == "ملاحظة"  # a right-to-left page shows it on the right


def test_render_names_both_documents_and_the_summary(cmp: Comparison) -> None:
    text = cmp.render()
    assert text.startswith("doc-a vs doc-b\nA: Document doc-a (doc-a, 2025-06-02, official)\nB: Document doc-b")
    assert "Convergence index:" in text
    assert "Verdicts: agree 1, apart 2, deferred 1" in text


def test_frame_table_renders_any_frame() -> None:
    frame = pd.DataFrame({"x": [0.123456], "y": ["z"]})
    assert frame_table(frame, "github").splitlines()[2] == "| 0.12 | z |"


# --- JSON


def test_to_json_is_a_json_string(cmp: Comparison) -> None:
    assert isinstance(cmp.to_json(), str)
    assert json.loads(cmp.to_json()) == json.loads(json.dumps(cmp.to_dict()))


def test_to_dict_round_trips_the_counts(cmp: Comparison) -> None:
    assert json.loads(cmp.to_json())["summary"]["counts"] == cmp.summary.counts


def test_to_dict_round_trips_convergence_and_coverage(cmp: Comparison) -> None:
    summary = json.loads(cmp.to_json())["summary"]
    assert summary["convergence"] == pytest.approx(cmp.summary.convergence)
    assert summary["coverage"] == pytest.approx(cmp.summary.coverage)


def test_to_dict_lists_every_issue_with_plain_values_and_labels(cmp: Comparison) -> None:
    issues = {i["issue"]: i for i in json.loads(cmp.to_json())["issues"]}
    assert list(issues) == [d.issue.id for d in cmp]
    assert issues["s.cap"]["a"]["value"] == 85000
    assert (issues["s.cap"]["value_b"], issues["s.cap"]["value_b_label"]) == (600000, "600,000 troops")
    assert issues["s.nuclear"]["distance"] is None


def test_to_dict_in_arabic_keeps_ids_and_translates_labels(cmp: Comparison) -> None:
    issue = cmp.to_dict("ar")["issues"][0]
    assert (issue["verdict"], issue["verdict_label"]) == ("apart", "تباعد")


def test_to_dict_names_both_documents(cmp: Comparison) -> None:
    data = cmp.to_dict()
    assert (data["a"]["id"], data["a"]["title"], data["a"]["date"]) == ("doc-a", "Document doc-a", "2025-06-02")
    assert data["b"]["id"] == "doc-b"


def test_to_json_writes_nan_convergence_as_null(empty: Comparison) -> None:
    assert math.isnan(empty.summary.convergence)
    assert json.loads(empty.to_json())["summary"]["convergence"] is None


# --- HTML for notebooks


def test_repr_html_is_a_table(cmp: Comparison) -> None:
    page = cmp._repr_html_()
    assert "<table" in page and "</table>" in page
    assert page.count("<tr class=") == len(cmp.diffs)


def test_repr_html_colors_each_row_by_its_verdict_text_and_background(cmp: Comparison) -> None:
    page = cmp._repr_html_()
    for verdict in ("apart", "agree", "deferred"):
        assert f'<tr class="v-{verdict}">' in page
        fg, bg = VERDICT_COLORS[verdict]
        assert f"color: {fg}; background-color: {bg}" in page


def test_repr_html_names_both_documents_in_the_header(cmp: Comparison) -> None:
    assert "<th>doc-a</th><th>doc-b</th>" in cmp._repr_html_()


def test_repr_html_escapes_text(cmp: Comparison) -> None:
    page = cmp._repr_html_()
    assert "Neutral &lt;status&gt;" in page
    assert "<status>" not in page


def test_repr_html_includes_the_summary(cmp: Comparison) -> None:
    assert "Convergence index:" in cmp._repr_html_()


def test_html_in_arabic_runs_right_to_left_with_arabic_cells(cmp: Comparison) -> None:
    page = comparison_html(cmp, "ar")
    assert page.startswith('<div class="negotiation-comparison" lang="ar" dir="rtl">')
    assert "<td>الأرض</td>" in page and "<td>تباعد</td>" in page
    assert "<th>الحكم</th>" in page and "<th>Verdict</th>" not in page


def test_there_is_no_global_display_language(cmp: Comparison) -> None:
    import negotiation.render.report as report

    assert not hasattr(report, "DISPLAY_LANG")
    with pytest.raises(TypeError, match=r"cmp\.view\('ar'\)"):
        report.set_display_language("ar")
    assert 'dir="ltr"' in cmp._repr_html_()


def test_notebook_view_follows_a_per_object_language(cmp: Comparison) -> None:
    assert 'dir="rtl"' in cmp.view("ar")._repr_html_()
    assert 'dir="ltr"' in cmp._repr_html_()


def test_style_sets_text_and_background_colours_per_verdict(cmp: Comparison) -> None:
    page = cmp.style().to_html()
    fg, bg = VERDICT_COLORS["apart"]
    assert f"color: {fg}" in page and f"background-color: {bg}" in page


def test_note_on_different_flags_says_they_are_opposite(tax: Taxonomy) -> None:
    c = compare(
        _doc("doc-a", {"s.nuclear": {"value": True}}),
        _doc("doc-b", {"s.nuclear": {"value": False}}),
        taxonomy=tax,
    )
    assert c["s.nuclear"].line() == "yes vs no: opposite"
