"""``--quotes`` on show, compare and sources: each stance's quote, outlet, date and full URL."""

from __future__ import annotations

import pytest

import negotiation as ng
from negotiation.render.quotes import quotes_text
from tests.command_line import run_cli as cli

DOC = "us-28-point-2025-11"


@pytest.mark.parametrize("argv", [("show", DOC), ("sources", DOC), ("compare", "istanbul-draft-2022-04", DOC)])
def test_quotes_print_every_url_whole_on_its_own_line(argv: tuple[str, ...], corpus: ng.Corpus,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, *argv, "--quotes", "--width", "60")
    assert code == 0
    doc = corpus[DOC]
    urls = {doc.source_of(i).url for i in doc.stances if doc.source_of(i) and doc.source_of(i).url}
    lines = {line.strip() for line in out.splitlines()}
    assert urls and urls <= lines  # never broken, never sharing a line
    assert "\x1b]8;;" not in out  # not a terminal: no OSC 8
    quote = next(s.quote for s in doc.stances.values() if s.quote)
    assert f"“{' '.join(quote.split())}”" in " ".join(out.split())  # wrapped at spaces to the width
    assert "seed-" not in out.split("Quotes and sources")[1]  # readers see outlets, not source keys


def test_without_the_flag_no_quotes_block(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "show", DOC)
    assert "Quotes and sources" not in out


def test_osc8_hyperlinks_only_when_asked_for_a_terminal(corpus: ng.Corpus) -> None:
    doc = corpus[DOC]
    linked = quotes_text([("", doc)], corpus.taxonomy, hyperlinks=True)
    url = next(doc.source_of(i).url for i in doc.stances if doc.source_of(i).url)
    assert f"\x1b]8;;{url}\x1b\\" in linked
    assert f"\n  {url}\n" in linked  # the full URL still on its own line


def test_arabic_quotes_isolate_left_to_right_runs(corpus: ng.Corpus) -> None:
    text = quotes_text([("", corpus[DOC])], corpus.taxonomy, "ar")
    assert "الاقتباسات والمصادر" in text
    assert "\u2066" in text and text.count("\u2066") == text.count("\u2069")
