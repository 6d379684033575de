"""Citations travel with the numbers: ``show``, ``compare`` and ``sources`` in csv, tsv, json and
html carry each stance's quote, outlet, title, date and URL (or why there is none), and every
stance of the bundled corpus has a URL or a documented reason."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pandas as pd
import pytest

import negotiation as ng
from negotiation.render.citations import CITATION_KEYS
from tests.command_line import run_cli as cli
from tests.small_corpus import corpus_folder

A, B = "istanbul-draft-2022-04", "us-28-point-2025-11"
ISSUE = "security.army_cap"
SEEDED = "ru-position-2026-02"
"""A document citing a seed article (source key ``seed-000``), which has no URL but a reason."""


def _stance(corpus: ng.Corpus, doc_id: str, issue: str = ISSUE) -> tuple[ng.Stance, ng.Source]:
    doc = corpus[doc_id]
    source = doc.source_of(issue)
    assert source is not None
    return doc.stances[issue], source


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, _ = cli(capsys, *argv)
    assert code == 0
    return out


# --- every machine format and html, through the command line


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "html"])
@pytest.mark.parametrize("argv", [("show", B), ("sources", B), ("compare", A, B)])
def test_a_known_stances_quote_and_url_are_in_the_output(argv: tuple[str, ...], fmt: str, corpus: ng.Corpus,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    stance, source = _stance(corpus, B)
    assert stance.quote and source.url
    out = _out(capsys, *argv, "--format", fmt)
    if fmt == "json":
        text = json.dumps(json.loads(out), ensure_ascii=False)
        assert json.dumps(stance.quote, ensure_ascii=False) in text
        assert json.dumps(source.url) in text
    elif fmt == "html":
        assert html.escape(stance.quote) in out
        assert f'<a href="{html.escape(source.url, quote=True)}">' in out
    else:
        assert stance.quote in out and source.url in out
        assert source.outlet in out and source.date.isoformat() in out


def test_compare_csv_round_trips_with_pandas_each_side_cited(corpus: ng.Corpus,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    frame = pd.read_csv(io.StringIO(_out(capsys, "compare", A, B, "--format", "csv")), keep_default_na=False)
    for side in ("a", "b"):
        assert {f"{k}_{side}" for k in CITATION_KEYS} <= set(frame.columns)
    row = frame.set_index("issue").loc[ISSUE]
    for side, doc_id in (("a", A), ("b", B)):
        stance, source = _stance(corpus, doc_id)
        assert row[f"quote_{side}"] == stance.quote
        assert row[f"source_outlet_{side}"] == source.outlet
        assert row[f"source_date_{side}"] == source.date.isoformat()
        assert row[f"url_{side}"] == (source.url or "")


@pytest.mark.parametrize("argv", [("show", B), ("sources", B), ("show", "RU@2026-02-24"), ("sources", "RU@2026-02-24")])
def test_show_and_sources_csv_round_trip_one_citation_per_stance(argv: tuple[str, ...], corpus: ng.Corpus,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    frame = pd.read_csv(io.StringIO(_out(capsys, *argv, "--format", "csv")), keep_default_na=False)
    doc = corpus.resolve(argv[1])
    assert set(CITATION_KEYS) <= set(frame.columns)
    cited = frame[frame["issue"] != ""].set_index("issue")
    assert sorted(cited.index) == sorted(doc.stances)
    for issue, stance in doc.stances.items():
        source = doc.source(stance.source)
        assert cited.loc[issue, "quote"] == (stance.quote or "")
        assert cited.loc[issue, "source_outlet"] == source.outlet
        assert cited.loc[issue, "url"] == (source.url or "")
        assert cited.loc[issue, "no_url_reason"] == (source.no_url_reason or "")


def test_compare_json_cites_each_side_of_each_issue(corpus: ng.Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    issues = {i["issue"]: i for i in json.loads(_out(capsys, "compare", A, B, "--format", "json"))["issues"]}
    stance, source = _stance(corpus, A)
    assert (issues[ISSUE]["quote_a"], issues[ISSUE]["url_a"]) == (stance.quote, source.url)


def test_show_json_gives_each_stance_its_citation(corpus: ng.Corpus, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_out(capsys, "show", SEEDED, "--format", "json"))
    for issue, stance in corpus[SEEDED].stances.items():
        source = corpus[SEEDED].source(stance.source)
        citation = data["stances"][issue]["citation"]
        assert citation["source_outlet"] == source.outlet and citation["url"] == source.url
        assert citation["no_url_reason"] == source.no_url_reason


@pytest.mark.parametrize("fmt", ["csv", "tsv", "html", "simple_grid", "github"])
@pytest.mark.parametrize("command", ["show", "sources"])
def test_readers_see_outlets_and_reasons_never_source_keys(command: str, fmt: str, corpus: ng.Corpus,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    doc = corpus[SEEDED]
    seeded = [s for s in doc.sources if s.seed]
    assert seeded and all(s.no_url_reason and not s.url for s in seeded)
    out = _out(capsys, command, SEEDED, "--format", fmt, "--width", "400")
    for source in doc.sources:
        assert source.id not in out
        assert not source.seed or source.seed not in out
    assert seeded[0].outlet in out
    if fmt in ("csv", "tsv", "html"):
        assert html.escape(seeded[0].no_url_reason or "") in out or (seeded[0].no_url_reason or "") in out


def test_the_html_list_names_the_side_and_says_why_a_source_has_no_url(corpus: ng.Corpus,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(capsys, "compare", "RU@2026-02-24", "UA@2026-02-24", "--format", "html", "--lang", "ar")
    section = out.split('<section class="citations">')[1].split("</section>")[0]
    assert "<h2>الاقتباسات والمصادر</h2>" in section
    assert "<bdi>أ: " in section and "<bdi>ب: " in section
    reason = corpus[SEEDED].source("seed-000").no_url_reason or ""
    assert f"لا رابط: <bdi>{html.escape(reason)}</bdi>" in section


# --- corpus text stays text


HOSTILE = """\
id: {doc_id}
title: A hostile document
date: 2022-01-01
kind: proposal
status: official
authors: [{author}]
sources:
  - id: s1
    outlet: "@SUM(1+1)"
    title: "<script>alert(1)</script>"
    date: 2022-01-01
    url: "javascript:alert(1)"
stances:
  sec.level:
    value: a
    source: s1
    quote: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = corpus_folder(tmp_path / "corpus")
    for doc_id, author in (("ru-x", "RU"), ("ua-y", "UA")):
        (root / "documents" / f"{doc_id}.yaml").write_text(HOSTILE.format(doc_id=doc_id, author=author),
                                                         encoding="utf-8")
    return root


@pytest.mark.parametrize("argv", [("show", "ru-x"), ("sources", "ru-x"), ("compare", "ru-x", "ua-y")])
def test_spreadsheet_formulas_in_citations_are_neutralised_unless_raw(argv: tuple[str, ...], hostile: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        frame = pd.read_csv(io.StringIO(_out(capsys, "--corpus", str(hostile), *argv, "--format", fmt)), sep=sep,
                            keep_default_na=False, quoting=3 if sep == "\t" else 0)
        quotes = [c for c in frame.columns if c.startswith("quote") and "kind" not in c]
        outlets = [c for c in frame.columns if c.startswith("source_outlet")]
        cells = [str(v) for c in [*quotes, *outlets] for v in frame[c] if v]
        assert cells and all(v.startswith("'") for v in cells), cells
    raw = _out(capsys, "--corpus", str(hostile), *argv, "--format", "csv", "--raw")
    assert '"=HYPERLINK(' in raw and ",@SUM(1+1)," in raw


@pytest.mark.parametrize("argv", [("show", "ru-x"), ("sources", "ru-x"), ("compare", "ru-x", "ua-y")])
def test_html_citations_link_only_http_and_escape_everything(argv: tuple[str, ...], hostile: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(capsys, "--corpus", str(hostile), *argv, "--format", "html")
    section = out.split('<section class="citations">')[1]
    assert "<a " not in section and "javascript:alert(1)" in section  # shown as text, never a link
    assert "<script>" not in out and "&lt;script&gt;" in section


# --- every stance has a URL or a reason


def test_every_stance_of_the_bundled_corpus_has_a_url_or_a_reason(corpus: ng.Corpus) -> None:
    missing = [f"{doc.id}: {issue} ({stance.source})" for doc in corpus for issue, stance in doc.stances.items()
               if not (doc.source(stance.source).url or doc.source(stance.source).no_url_reason)]
    assert missing == []


def test_every_source_of_the_bundled_corpus_has_a_url_or_a_reason(corpus: ng.Corpus) -> None:
    missing = [f"{doc.id}: {s.id}" for doc in corpus for s in doc.sources if not (s.url or s.no_url_reason)]
    assert missing == []


def test_the_export_says_why_a_row_has_no_url(corpus: ng.Corpus) -> None:
    frame = corpus.to_frame()
    no_url = frame[frame["url"].isna()]
    assert len(no_url) > 0 and no_url["no_url_reason"].notna().all()


def _validate_one(tmp_path: Path, source: str) -> list[ng.Problem]:
    root = corpus_folder(tmp_path / "corpus")
    doc = HOSTILE.format(doc_id="ru-x", author="RU").replace(
        '    url: "javascript:alert(1)"\n', source).replace('"@SUM(1+1)"', "Outlet").replace(
        '"<script>alert(1)</script>"', "Title").replace('"=HYPERLINK(\\"http://evil.example\\",\\"click\\")"', "q")
    (root / "documents" / "ru-x.yaml").write_text(doc, encoding="utf-8")
    return ng.validate(root)


def test_a_source_with_neither_url_nor_reason_is_a_validate_warning(tmp_path: Path) -> None:
    [problem] = _validate_one(tmp_path, "")
    assert (problem.severity, problem.location) == ("warning", "sources[0]")
    assert "no_url_reason" in problem.message


def test_a_reason_or_a_url_alone_validates_clean(tmp_path: Path) -> None:
    assert _validate_one(tmp_path / "1", "    no_url_reason: A printed text handed out at the talks.\n") == []
    assert _validate_one(tmp_path / "2", "    url: https://example.org/a\n") == []


def test_a_url_and_a_reason_together_are_an_error(tmp_path: Path) -> None:
    problems = _validate_one(tmp_path, "    url: https://example.org/a\n    no_url_reason: Printed.\n")
    assert [p.severity for p in problems] == ["error"]
    assert "either url or no_url_reason" in problems[0].message
