"""Pages that run only their own code (links only to http(s) and mailto; no CSP violation in Chromium),
and pasted tables that show corpus text as written (markdown, github, pipe, rst, orgtbl)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiation as ng
from negotiation.render.formats import render, table_of
from negotiation.render.markup import org_text, rst_text
from negotiation.render.sanitize import markdown_links, safe_url

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x",
                                 "file:///etc/passwd", " javascript:x"])
def test_other_schemes_are_not_link_targets(url: str) -> None:
    assert not safe_url(url)
    assert "](" not in markdown_links(f"[click]({url})")
    assert not markdown_links(f"[x]: {url}").startswith("[")


@pytest.mark.parametrize("url", ["https://example.org/a", "http://x.y", "mailto:a@b.c"])
def test_http_and_mailto_links_are_kept(url: str) -> None:
    assert safe_url(url)
    assert markdown_links(f"[click]({url})") == f"[click]({url})"


def _hostile(tmp_path: Path) -> Path:
    corpus = ng.load()
    doc = corpus["us-28-point-2025-11"]
    source = doc.sources[0].model_copy(update={"url": "javascript:alert(1)"})
    bad = doc.model_copy(update={"title": "[click](javascript:alert(1)) <script>alert(2)</script>",
                                 "sources": (source, *doc.sources[1:])})
    docs = [d for d in corpus if d.id != doc.id] + [bad]
    return ng.dump(ng.Corpus.of(corpus.taxonomy, docs), tmp_path / "hostile")


def _run(*argv: str) -> str:
    done = subprocess.run([sys.executable, "-m", "negotiation", *argv], capture_output=True, text=True,
                          env={**os.environ, "NEGOTIATION_NO_CACHE": "1"}, timeout=120, check=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_a_javascript_link_in_a_corpus_is_plain_text_in_markdown_and_html(tmp_path: Path) -> None:
    folder = _hostile(tmp_path)
    md = _run("--corpus", str(folder), "compare", "us-28-point-2025-11", "istanbul-draft-2022-04", "-f", "markdown")
    assert "](javascript:" not in md and "<script>" not in md
    page = _run("--corpus", str(folder), "compare", "us-28-point-2025-11", "istanbul-draft-2022-04", "-f", "html")
    assert 'href="javascript:' not in page and "<script>" not in page


def _chromium_console(page: Path, tmp_path: Path) -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=90, check=False)
    assert "<html" in done.stdout.lower(), done.stderr[-2000:]
    return done.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (CI installs it: apt-get install chromium)")
@pytest.mark.parametrize("kind", ["report", "compare-html"])
def test_pages_load_in_chromium_without_a_csp_violation(kind: str, tmp_path: Path) -> None:
    cmp = ng.compare(ng.load()["us-28-point-2025-11"], ng.load()["istanbul-draft-2022-04"])
    page = tmp_path / "page.html"
    if kind == "report":
        page.write_text(cmp.to_html(), encoding="utf-8")
    else:
        page.write_text(_run("compare", "us-28-point-2025-11", "istanbul-draft-2022-04", "-f", "html"),
                        encoding="utf-8")
    console = _chromium_console(page, tmp_path)
    assert "Content Security Policy" not in console and "Content-Security-Policy" not in console


# --- pasted tables: markdown, github and pipe read back as written; rst and orgtbl escaped -------

MARKUP = "|\\`*_~[]()!<>&#=-+:/ ab1"
"""Characters markdown, rst and org read as markup, with letters and digits between them."""


def _cells(markdown: str) -> list[tuple[str, list[str]]]:
    """Each body cell of a markdown table as (its text, the token types inside it that are not text)."""
    import markdown_it

    out, inside = [], False
    for token in markdown_it.MarkdownIt("commonmark").enable("table").parse(markdown):
        inside = {"td_open": True, "td_close": False}.get(token.type, inside)
        if token.type == "inline" and inside:
            children = token.children or []
            text = "".join(c.content for c in children if c.type in ("text", "text_special", "code_inline"))
            marks = [c.attrGet("href") or c.type for c in children if c.type not in ("text", "text_special")]
            out.append((text, marks))
    return out


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=MARKUP, min_size=1, max_size=30).filter(lambda s: s.strip() != ""))
def test_a_pasted_markdown_table_reads_back_exactly_what_the_corpus_wrote(text: str) -> None:
    pytest.importorskip("markdown_it")
    table = table_of([{"id": "x", "title": text}, {"id": "y", "title": "plain"}], title=text, summary=[text])
    for fmt in ("github", "pipe", "markdown"):
        cells = _cells(render(table, fmt))
        assert [c for c, _ in cells[::2]] == ["x", "y"], (fmt, cells)  # two columns in each row, whatever the text
        shown, inner = cells[1]
        links = [t for t in inner if t not in ("softbreak",)]
        assert all(str(t).startswith(("http:", "https:", "mailto:")) or ":" not in str(t) for t in links), (fmt, inner)
        assert not any(t in ("html_inline", "image") for t in inner), (fmt, inner)
        if not links:
            assert shown == text.strip(), (fmt, render(table, fmt))


def test_a_heading_or_a_directive_in_corpus_prose_stays_text() -> None:
    table = table_of([{"id": "x"}], title="# not a heading\n.. raw:: html\n#+INCLUDE: \"/etc/passwd\"")
    assert render(table, "github").startswith("\\# not a heading")
    assert "\n\\.. raw:: html" in render(table, "rst")
    assert all(not line.startswith("#") for line in render(table, "orgtbl").splitlines())


@pytest.mark.parametrize(("text", "written"), [
    ("a | b", "a \\| b"), ("*x* `y`", "\\*x\\* \\`y\\`"), ("name_ [1]_", "name\\_ [1]\\_"), ("a_b", "a_b"),
    ("javascript:alert(1)", "javascript\\:alert(1)"), (".. raw:: html", "\\.. raw:: html"), ("a\\b", "a\\\\b"),
])
def test_rst_escapes_its_markup(text: str, written: str) -> None:
    assert rst_text(text) == written


@pytest.mark.parametrize(("text", "written"), [
    ("a | b", "a \\vert{} b"), ("[[elisp:(kill-emacs)]]", "[\u200b[elisp:(kill-emacs)]]"),
    ("#+INCLUDE: x", "\u200b#+INCLUDE: x"), ("* heading", "\u200b* heading"), ("a # b", "a # b"),
])
def test_org_escapes_its_markup(text: str, written: str) -> None:
    assert org_text(text) == written
