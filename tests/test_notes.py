"""Notes people read name issues and levels by their labels; machine formats keep the ids."""

from __future__ import annotations

import csv
import io
import re

import pytest

import negotiation as ng
from negotiation.render.bidi import strip_isolates
from negotiation.render.notes import readable_note
from negotiation.render.views import document_table
from tests.command_line import run_cli as run


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_note_of_the_bundled_corpus_shows_an_issue_id(corpus: ng.Corpus, lang: str) -> None:
    ids = re.compile(r"(?<![\w.])(" + "|".join(re.escape(i) for i in corpus.taxonomy.issues) + r")(?![\w])")
    shown = [r["note_label"] for doc in corpus for r in document_table(doc, corpus.taxonomy, lang).rows]
    assert any(shown)
    assert [n for n in shown if n and ids.search(n)] == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_show_writes_the_issue_label_where_the_note_names_an_issue(
    corpus: ng.Corpus, lang: str, capsys: pytest.CaptureFixture[str],
) -> None:
    label = corpus.taxonomy.issues["ceasefire.duration_days"].label(lang)
    _, out, _ = run(capsys, "show", "ru-victory-day-truce-2025-04", "--lang", lang, "-f", "github")
    out = strip_isolates(out)  # Arabic cells isolate their left-to-right runs
    assert f"kept off {label}" in out and "ceasefire.duration_days" not in out


def test_csv_keeps_the_note_as_written_beside_the_readable_one(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "ru-victory-day-truce-2025-04", "-f", "csv")
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["issue"] == "ceasefire.unilateral_truce_days")
    assert row["note"].endswith("kept off ceasefire.duration_days.")
    assert row["note_label"].endswith("kept off Ceasefire duration (days).")


def test_level_ids_of_the_stances_own_scale_read_as_labels(corpus: ng.Corpus) -> None:
    issue = corpus.taxonomy.issues["ceasefire.sequence"]
    note = readable_note("a settlement_first reading", issue, corpus.taxonomy, "en")
    assert note == f"a {issue.scale.format('settlement_first')} reading"


def test_words_urls_and_unknown_ids_are_left_alone(corpus: ng.Corpus) -> None:
    issue = corpus.taxonomy.issues["humanitarian.prisoners"]
    text = "none, i.e. partial; see https://x.org/territory.crimea and foo.bar_baz"
    assert readable_note(text, issue, corpus.taxonomy, "en") == text
