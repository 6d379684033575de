"""Pages that run only their own code: links only to http(s) and mailto; no CSP violation in Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import negotiation as ng
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
