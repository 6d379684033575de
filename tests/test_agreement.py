"""Agreement between two codings: Krippendorff's alpha on constructed cases with known values."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

import negotiation as ng
from negotiation.analysis.agreement import agreement, alpha
from tests.command_line import run_cli
from tests.small_corpus import PARTIES_YAML

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example of four
# observers and twelve units with missing values (None).
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

# The same paper's binary example: two observers, ten units, alpha (nominal) = 0.095.
BINARY_A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
BINARY_B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]

TAXONOMY = """\
poles:
  low: {en: Low}
  high: {en: High}
areas:
  sec: {en: Security}
issues:
  sec.flag:
    en: A flag
    scale: {kind: flag}
  sec.level:
    en: A level
    scale:
      kind: ordinal
      levels: [{id: a, en: A}, {id: b, en: B}, {id: c, en: C}, {id: d, en: D}, {id: e, en: E}]
"""


@pytest.mark.parametrize(("measurement", "expected"),
                         [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)])
def test_alpha_reproduces_krippendorffs_published_example(measurement: str, expected: float) -> None:
    assert alpha(KRIPPENDORFF_2011, measurement) == pytest.approx(expected, abs=0.001)


def test_alpha_is_undefined_when_there_is_one_value_only() -> None:
    assert alpha([[1, 1, 1], [1, 1, 1]], "nominal") is None


def _coding(root: Path, flags: list[int | None], levels: list[str | None] | None = None) -> Path:
    (root / "documents").mkdir(parents=True)
    (root / "taxonomy.yaml").write_text(TAXONOMY, encoding="utf-8")
    (root / "parties.yaml").write_text(PARTIES_YAML, encoding="utf-8")
    for i, flag in enumerate(flags):
        stances = {}
        if flag is not None:
            stances["sec.flag"] = {"value": bool(flag), "source": "s"}
        if levels is not None and levels[i] is not None:
            stances["sec.level"] = {"value": levels[i], "source": "s"}
        doc = {"id": f"d{i}", "title": f"Document {i}", "date": "2025-01-01", "kind": "statement",
               "status": "official", "authors": ["RU"],
               "sources": [{"id": "s", "outlet": "Outlet", "title": "T", "date": "2025-01-01"}],
               "stances": stances}
        (root / "documents" / f"d{i}.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    return root


def test_two_codings_of_binary_data_give_the_published_alpha(tmp_path: Path) -> None:
    a = _coding(tmp_path / "a", BINARY_A)
    b = _coding(tmp_path / "b", BINARY_B)
    result = agreement(a, b)
    assert result.issue("sec.flag").alpha == pytest.approx(0.095, abs=0.001)
    assert result.issue("sec.flag").units == 10
    assert len(result.disagreements) == sum(x != y for x, y in zip(BINARY_A, BINARY_B, strict=True))


def test_identical_codings_agree_perfectly(corpus: ng.Corpus) -> None:
    result = ng.agreement(corpus, corpus)
    assert result.overall == 1.0
    assert result.presence == 1.0
    assert result.disagreements == ()


def test_an_issue_one_coder_left_silent_counts_against_presence_not_the_value(tmp_path: Path) -> None:
    levels_a = ["a", "b", "c", "d", "e", "a"]
    levels_b = ["a", "b", "c", "d", "e", None]
    a = _coding(tmp_path / "a", [1, 0, 1, 0, 1, 0], levels_a)
    b = _coding(tmp_path / "b", [1, 0, 1, 0, 1, 0], levels_b)
    result = agreement(a, b)
    level = result.issue("sec.level")
    assert (level.units, level.only_a, level.only_b) == (5, 1, 0)
    assert level.alpha == 1.0
    assert result.presence is not None and result.presence < 1.0
    silent = [d for d in result.disagreements if d.value_b is None]
    assert [(d.document, d.issue, d.distance) for d in silent] == [("d5", "sec.level", None)]


def test_ordinal_alpha_penalises_far_disagreements_more_than_near_ones(tmp_path: Path) -> None:
    base = ["a", "b", "c", "d", "e", "a", "c", "e"]
    near = ["a", "b", "c", "d", "e", "b", "c", "e"]
    far = ["a", "b", "c", "d", "e", "e", "c", "e"]
    flags = [1] * len(base)
    a = _coding(tmp_path / "a", flags, base)
    alpha_near = agreement(a, _coding(tmp_path / "near", flags, near)).issue("sec.level").alpha
    alpha_far = agreement(a, _coding(tmp_path / "far", flags, far)).issue("sec.level").alpha
    assert alpha_near is not None and alpha_far is not None
    assert alpha_far < alpha_near < 1.0


def test_agreement_refuses_what_is_not_a_corpus() -> None:
    with pytest.raises(TypeError, match="corpora or corpus folders"):
        agreement(None, None)  # type: ignore[arg-type]


def test_the_command_prints_alpha_per_issue_and_overall(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _coding(tmp_path / "a", BINARY_A)
    b = _coding(tmp_path / "b", BINARY_B)
    code, out, _ = run_cli(capsys, "agreement", str(a), str(b), "--format", "json")
    assert code == 0
    import json

    data = json.loads(out)
    flag = next(r for r in data["issues"] if r["issue"] == "sec.flag")
    assert math.isclose(flag["alpha"], 0.095, abs_tol=0.001)
    code, out, _ = run_cli(capsys, "agreement", str(a), str(b), "--disagreements", "--lang", "ar")
    assert code == 0 and "الخلافات" in out


def test_the_blind_second_coding_agrees_with_the_corpus_above_the_target(corpus: ng.Corpus) -> None:
    """tests/data/second_coding: 12 documents coded again by a coder who never saw positions/."""
    second = ng.load(Path(__file__).parent / "data" / "second_coding")
    result = ng.agreement(corpus, second)
    assert len(result.documents) == 12
    assert result.overall is not None and result.overall >= 0.80


def test_the_disagreements_of_set_issues_print(capsys: pytest.CaptureFixture[str]) -> None:
    second = str(Path(__file__).parent / "data" / "second_coding")
    code, out, _ = run_cli(capsys, "agreement", str(ng.bundled_path()), second, "--disagreements", "--width", "200")
    assert code == 0 and "Disagreements:" in out


def test_every_disagreement_left_after_reconciliation_is_kept_for_a_logged_reason(corpus: ng.Corpus) -> None:
    """RECONCILIATION.md has one row per disagreement; each one still standing must be a 'keep' row."""
    folder = Path(__file__).parent / "data" / "second_coding"
    rows: dict[tuple[str, str], str] = {}
    for line in (folder / "RECONCILIATION.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0].isdigit():
            rows[(cells[2], cells[1])] = cells[5]
    assert len(rows) == 45
    result = ng.agreement(corpus, ng.load(folder))
    assert len(result.disagreements) <= 35
    for d in result.disagreements:
        assert rows.get((d.document, d.issue), "").startswith("keep"), (d.document, d.issue)
    low = [row.issue for row in result.issues if row.alpha is not None and row.alpha < 0.67]
    assert low == []  # an issue below 0.67 would need its explanation in the log
    assert result.presence is not None and result.presence >= 0.88
