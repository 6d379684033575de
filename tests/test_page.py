"""The report page: one self-contained, escaped HTML file, checked in a real headless browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from negotiation.cli.main import main
from tests.small_corpus import TAXONOMY_YAML as SMALL_TAXONOMY_YAML
from tests.small_corpus import corpus_folder

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ATTACK = "<script>document.body.setAttribute('data-pwned','yes')</script><img src=x onerror=\"document.title='pwned'\">"

TAXONOMY_YAML = SMALL_TAXONOMY_YAML + """\
  sec.monitors:
    en: Monitors
    ar: المراقبون
    scale: {kind: flag}
"""


def _doc(doc_id: str, author: str, title: str, stances: str) -> str:
    return (f"id: {doc_id}\ntitle: {json.dumps(title)}\ndate: 2024-05-01\nkind: proposal\nstatus: official\n"
            f"authors: [{author}]\nsources:\n  - {{id: s1, outlet: Outlet, title: 'Report <i>x</i>', "
            f"date: 2024-05-01, url: 'javascript:alert(1)'}}\n  - {{id: s2, outlet: Wire, title: Story, "
            f"date: 2024-05-02, url: 'https://example.org/story'}}\nstances:\n{stances}")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = corpus_folder(tmp_path_factory.mktemp("page") / "corpus", TAXONOMY_YAML)
    (root / "documents" / "ru-x.yaml").write_text(_doc("ru-x", "RU", f"Plan {ATTACK}", (
        "  sec.level: {value: c, source: s1, quote: 'a quote <b>bold</b>', confidence: medium}\n"
        "  sec.army_cap: {value: 85000, source: s2}\n"
        "  sec.monitors: {modality: deferred, source: s2}\n")), encoding="utf-8")
    (root / "documents" / "ua-y.yaml").write_text(_doc("ua-y", "UA", "Reply", (
        "  sec.level: {value: a, source: s2, quote: 'ответ'}\n"
        "  sec.army_cap: {value: 600000, source: s2}\n")), encoding="utf-8")
    return root


def _page(folder: Path, tmp_path: Path, lang: str) -> Path:
    target = tmp_path / f"report-{lang}.html"
    assert main(["--corpus", str(folder), "report", "ru-x", "ua-y", "-o", str(target), "--lang", lang]) == 0
    return target


class _Counter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Counter()
    parser.feed(html)
    return parser.tags


def test_the_page_is_one_utf8_file_that_fetches_nothing(folder: Path, tmp_path: Path) -> None:
    page = _page(folder, tmp_path, "en").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page
    assert "default-src 'none'" in page
    tags = _tags(page)
    assert not [t for t, a in tags if t in ("script", "link", "iframe", "img")]
    assert not [a for t, a in tags if a.get("src")]


def test_the_page_escapes_data(folder: Path, tmp_path: Path) -> None:
    page = _page(folder, tmp_path, "en").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in page and "onerror" not in page.replace("onerror=&quot;", "")
    assert "javascript:" not in page.replace("javascript:alert(1)", "") and 'href="javascript' not in page
    assert '<a href="https://example.org/story">' in page


def test_the_page_has_the_summary_legend_table_chart_and_every_stance(folder: Path, tmp_path: Path) -> None:
    page = _page(folder, tmp_path, "en").read_text(encoding="utf-8")
    tags = _tags(page)
    assert "Convergence index:" in page
    assert sum(1 for t, a in tags if t == "li" and (a.get("class") or "").startswith("v-")) >= 6  # the legend
    assert sum(1 for t, a in tags if t == "tr" and (a.get("class") or "").startswith("v-")) == 3  # issues
    stance_table = page.split('class="stances"')[1]
    assert stance_table.count("<tr>") == 1 + 5  # header + five stances
    assert "a quote &lt;b&gt;bold&lt;/b&gt;" in page and "ответ" in page and "medium" in page
    if pytest.importorskip is not None and _has_matplotlib():
        assert "<svg" in page


def _has_matplotlib() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def test_the_page_in_arabic_runs_right_to_left(folder: Path, tmp_path: Path) -> None:
    page = _page(folder, tmp_path, "ar").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    assert "مؤشر التقارب" in page and "Convergence index" not in page


def test_the_page_has_light_and_dark_schemes_and_prints(folder: Path, tmp_path: Path) -> None:
    page = _page(folder, tmp_path, "en").read_text(encoding="utf-8")
    assert "@media (prefers-color-scheme: dark)" in page and "@media print" in page


def test_cmp_to_html_is_the_same_page() -> None:
    import negotiation as ng

    corpus = ng.load()
    page = ng.compare(corpus["istanbul-draft-2022-04"], corpus["us-28-point-2025-11"]).to_html()
    assert page.startswith("<!DOCTYPE html>") and 'lang="en" dir="ltr"' in page


# --- in a real browser


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    return subprocess.run([CHROMIUM, *BROWSER_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=90, check=False)


browser = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (Debian package `chromium`)")


@browser
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_browser_renders_every_row_and_runs_no_script_from_data(folder: Path, tmp_path: Path, lang: str) -> None:
    target = _page(folder, tmp_path, lang)
    result = _chromium(tmp_path, "--dump-dom", target.as_uri())
    dom = result.stdout
    assert "<tbody>" in dom, result.stderr[-2000:]
    tags = _tags(dom)
    html_attrs = next(a for t, a in tags if t == "html")
    assert html_attrs.get("dir") == ("rtl" if lang == "ar" else "ltr")
    assert sum(1 for t, a in tags if t == "tr" and (a.get("class") or "").startswith("v-")) == 3
    body = next(a for t, a in tags if t == "body")
    assert "data-pwned" not in body  # the script in the title never ran
    assert "<title>pwned</title>" not in dom and not [t for t, _ in tags if t in ("script", "img")]
    assert "document.body.setAttribute" in dom  # there as text, escaped


@browser
@pytest.mark.parametrize(("lang", "scheme"), [("en", "light"), ("ar", "light"), ("en", "dark")])
def test_the_browser_takes_a_screenshot(folder: Path, tmp_path: Path, lang: str, scheme: str) -> None:
    target = _page(folder, tmp_path, lang)
    shot = tmp_path / f"report-{lang}-{scheme}.png"
    dark = ["--blink-settings=preferredColorScheme=0"] if scheme == "dark" else []
    result = _chromium(tmp_path, *dark, "--window-size=1100,1400", f"--screenshot={shot}", target.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000, result.stderr[-2000:]
    assert re.match(rb"\x89PNG", shot.read_bytes()[:4])
    print(f"screenshot: {shot}")  # the artefact, kept in pytest's tmp folder
