"""Issue 18's table, one test per row: a hostile copy of the bundled corpus in ``tmp_path``,
opened as a new user would (the real command line in a subprocess, or the public API).

Rows: cache forgery, cache folder, terminal escapes, spreadsheet formulas, files outside the
corpus, look-alike identifiers, crashes, mutable results, library misuse, HTML. Then what
held up well and must stay so: HTML escaping, LaTeX escaping, many processes on one cache,
broken pipes, very large documents, 20,000 documents. The detailed cases live in the other
``test_hostile_*.py`` files; these tests are the table's summary, each a real user's path.

``NEGOTIATION_HOSTILE_PROCESSES=80`` runs the parallel test at the issue's 80 processes
(the suite runs a dozen, as the suite shares its machine).
"""

from __future__ import annotations

import fcntl
import os
import pickle
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import negotiation as ng
from tests.test_hostile_corpus import HOSTILE_TITLE
from tests.test_hostile_library import _mutable_inside
from tests.test_hostile_pages import _hostile as hostile_links
from tests.test_hostile_strategy import _controls, _formula_cells

BUNDLED = ng.load()
DOC = "us-28-point-2025-11"
OTHER = "istanbul-draft-2022-04"
KEPT = 12
"""How many bundled documents besides :data:`DOC` the hostile copy keeps (:data:`NAMED` among them)."""
NAMED = (OTHER, "us-20-point-2025-12")
"""The documents the tests below name, besides :data:`DOC`."""
PROCESSES = int(os.environ.get("NEGOTIATION_HOSTILE_PROCESSES", "12"))


def _cli(*argv: str, env: dict[str, str] | None = None, cache: Path | None = None,
         **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """``negotiation ARGV`` in a subprocess; the cache off unless a cache folder is given."""
    base = {k: v for k, v in os.environ.items() if k not in ("NEGOTIATION_NO_CACHE", "NEGOTIATION_CACHE_DIR")}
    base.update({"NEGOTIATION_CACHE_DIR": str(cache)} if cache else {"NEGOTIATION_NO_CACHE": "1"})
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("timeout", 300)
    return subprocess.run([sys.executable, "-m", "negotiation", *argv], stderr=subprocess.PIPE,
                          env={**base, **(env or {})}, check=False, **kwargs)  # type: ignore[call-overload]


def _one_line(err: bytes) -> str:
    text = err.decode()
    assert "Traceback" not in text and len(text.strip().splitlines()) == 1, text
    return text.strip()


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, (file, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A hostile copy of the bundled corpus: its taxonomy and parties, :data:`KEPT` of its documents, and
    one document whose title carries escapes and a formula (as in test_hostile_corpus).

    A dozen documents rather than all of them: each test starts the command line several times
    with the cache off, and every start reads the whole corpus.
    """
    doc = BUNDLED[DOC]
    stance = doc.stances["justice.amnesty"].model_copy(update={"note": "=cmd|' /C calc'!A0 \x1b[31mred"})
    bad = doc.model_copy(update={"title": HOSTILE_TITLE, "stances": {**doc.stances, "justice.amnesty": stance}})
    named = [BUNDLED[i] for i in NAMED]
    kept = [*named, *[d for d in BUNDLED if d.id != DOC and d.id not in NAMED][:KEPT - len(named)]]
    return ng.dump(ng.Corpus.of(BUNDLED.taxonomy, [*kept, bad]), tmp_path / "hostile")


class _Planted:
    """Unpickling this writes a file: the proof that a forged cache ran code."""

    def __init__(self, proof: Path) -> None:
        self.proof = proof

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.write_text, (self.proof, "ran"))


# --- the table ------------------------------------------------------------------------------


def test_cache_forgery_a_file_written_into_the_cache_folder_never_runs_code(hostile: Path, tmp_path: Path) -> None:
    cache, proof = tmp_path / "cache", tmp_path / "proof"
    argv = ("--corpus", str(hostile), "compare", OTHER, DOC)
    first = _cli(*argv, cache=cache)
    assert first.returncode == 0 and any(cache.iterdir())
    evil = pickle.dumps(_Planted(proof))
    for file in [f for f in cache.iterdir() if f.is_file() and f.name != "secret"]:
        header = b"\n".join(file.read_bytes().split(b"\n", 2)[:2])  # its key and digest kept, as a forger can
        file.write_bytes(header + b"\n" + evil)
    (cache / "planted.pickle").write_bytes(evil)
    again = _cli(*argv, cache=cache)
    assert not proof.exists(), "a forged cache file was unpickled"
    assert again.returncode == 0 and again.stdout == first.stdout


def test_cache_folder_is_private_and_one_others_can_write_is_not_used(hostile: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _cli("--corpus", str(hostile), "list", cache=cache).returncode == 0
    assert cache.stat().st_mode & 0o777 == 0o700
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in cache.iterdir())
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    done = _cli("--corpus", str(hostile), "list", cache=shared)
    assert done.returncode == 0 and "not used" in _one_line(done.stderr) and list(shared.iterdir()) == []


def test_terminal_escapes_are_shown_never_obeyed(hostile: Path) -> None:
    file = hostile / "documents" / f"{OTHER}.yaml"
    _edit(file, "stances:\n", 'stances:\n  "bad\\e]0;owned\\a.key":\n    value: 1\n')  # a field path with an OSC
    (hostile / "documents" / "name\x1b[2J.yaml").write_text("id: [\n", encoding="utf-8")  # a file name with a CSI
    for argv in (("show", DOC), ("list",), ("compare", OTHER, DOC, "--quotes"), ("validate",)):
        done = _cli("--corpus", str(hostile), *argv)
        assert b"Traceback" not in done.stderr
        for stream in (done.stdout, done.stderr):
            assert not _controls(stream.decode().replace("\r\n", "\n")), (argv, stream[:300])
    shown = _cli("--corpus", str(hostile), "validate").stderr + _cli("--corpus", str(hostile), "validate").stdout
    assert b"\\x1b]0;owned\\x07" in shown and b"name\\x1b[2J.yaml" in shown


def test_spreadsheet_formulas_are_neutralised_unless_raw(hostile: Path) -> None:
    for argv in (("list",), ("show", DOC), ("compare", OTHER, DOC)):
        for fmt in ("csv", "tsv"):
            done = _cli("--corpus", str(hostile), *argv, "-f", fmt)
            assert done.returncode == 0 and not _formula_cells(done.stdout.decode(), fmt), (argv, fmt)
    raw = _cli("--corpus", str(hostile), "list", "-f", "csv", "--raw")
    assert raw.returncode == 0 and b',"=HYPERLINK' in raw.stdout


def test_files_outside_the_corpus_are_never_read_nor_revealed(hostile: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret text", encoding="utf-8")
    (hostile / "sources").mkdir(exist_ok=True)
    os.mkfifo(hostile / "sources" / "pipe.txt")
    doc = BUNDLED[OTHER]
    targets = ["../secret.txt", str(secret), "sources/pipe.txt", "/dev/zero"]
    sources = tuple(s.model_copy(update={"text_file": targets[i]}) if i < len(targets) else s
                    for i, s in enumerate(doc.sources))
    ng.dump(ng.Corpus.of(BUNDLED.taxonomy, [doc.model_copy(update={"sources": sources})]), hostile)
    done = _cli("--corpus", str(hostile), "validate", timeout=120)  # a FIFO read would hang past the timeout
    out = done.stdout + done.stderr
    assert done.returncode != 0 and b"Traceback" not in out
    assert b"the secret text" not in out and str(secret).encode() not in out.replace(b"text_file", b"")
    assert out.count(b".text_file") >= min(len(sources), len(targets)), out.decode()


def test_look_alike_identifiers_are_located_validate_errors(hostile: Path) -> None:
    for file, old, new, where, code in [
        ("parties.yaml", "RU:", "RU\u200b:", "parties.yaml:1: RU", "U+200B"),
        (f"documents/{OTHER}.yaml", "title: Treaty", "title: \u202eTreaty", ": title:", "U+202E"),
    ]:
        text = (hostile / file).read_text(encoding="utf-8")
        _edit(hostile / file, old, new)
        done = _cli("--corpus", str(hostile), "validate")
        out = (done.stdout + done.stderr).decode()
        assert done.returncode != 0 and "Traceback" not in out
        assert where in out and code in out, out
        refused = _cli("--corpus", str(hostile), "list")
        assert refused.returncode == 2 and b"Traceback" not in refused.stderr
        (hostile / file).write_text(text, encoding="utf-8")


def test_crashes_are_one_line_and_an_exit_code(hostile: Path, tmp_path: Path) -> None:
    loop = hostile / "documents" / "loop.yaml"
    loop.symlink_to(loop)
    looped = _cli("--corpus", str(hostile), "validate")
    assert looped.returncode != 0 and b"Traceback" not in looped.stderr + looped.stdout
    assert b"symlink loop" in looped.stderr + looped.stdout
    loop.unlink()
    env = {**os.environ, "NEGOTIATION_NO_CACHE": "1"}
    closed = subprocess.run(f"'{sys.executable}' -m negotiation --corpus '{hostile}' list >&-", shell=True,
                            capture_output=True, timeout=120, check=False, env=env)
    assert closed.returncode == 1 and "cannot write" in _one_line(closed.stderr)
    with open("/dev/full", "wb") as full:
        disk = _cli("--corpus", str(hostile), "list", stdout=full.fileno())
    assert disk.returncode == 1 and "cannot write" in _one_line(disk.stderr)
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    unwritable = _cli("init", str(tmp_path / "a-file" / "corpus"))
    assert unwritable.returncode == 2 and "cannot write" in _one_line(unwritable.stderr)
    interrupted = _interrupted("--corpus", str(hostile), "list")
    assert interrupted.returncode == 130 and _one_line(interrupted.stderr) == "negotiation: interrupted"


def _blocked_in_write(pid: int, patience: float = 30.0) -> None:
    """Wait until process ``pid`` sleeps in a pipe write (Linux's ``/proc/PID/wchan``), at least 0.2 s."""
    time.sleep(0.2)
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        try:
            where = Path(f"/proc/{pid}/wchan").read_text(encoding="ascii", errors="replace")
        except OSError:
            return  # no /proc here: the 0.2 s must do
        if "pipe" in where or where.strip() in ("", "0"):  # "0": the kernel does not say
            return
        time.sleep(0.02)


def _interrupted(*argv: str) -> subprocess.CompletedProcess[bytes]:
    """``negotiation ARGV`` sent SIGINT while it writes its output into a pipe it fills."""
    read, write = os.pipe()
    fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 4096)  # the output blocks once 4 KiB wait unread
    env = {**os.environ, "NEGOTIATION_NO_CACHE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "negotiation", *argv], stdout=write, stderr=subprocess.PIPE, env=env)
    os.close(write)
    with os.fdopen(read, "rb") as out:
        assert out.read(1)  # it is running and writing: the handlers are in place
        _blocked_in_write(proc.pid)  # it has filled the pipe and waits in write()
        proc.send_signal(signal.SIGINT)
        out.read()
    err = proc.stderr.read() if proc.stderr else b""
    return subprocess.CompletedProcess(proc.args, proc.wait(timeout=120), b"", err)


def test_mutable_results_are_read_only_all_the_way_down(hostile: Path) -> None:
    corpus = ng.load(hostile)
    doc, other = corpus[DOC], corpus[OTHER]
    with pytest.raises(TypeError, match="read-only"):
        doc.stances["justice.amnesty"] = doc.stances["territory.crimea"]
    results = {"corpus": corpus, "compare": ng.compare(other, doc), "position": ng.position(corpus, "RU"),
               "redline": ng.redline(doc, corpus["us-20-point-2025-12"]),
               "scenario": ng.scenario(other, [ng.set_value("security.army_cap", 600_000)])}
    for name, result in results.items():
        found: list[str] = []
        _mutable_inside(result, name, set(), found)
        assert not found, found[:5]
    assert ng.load(hostile)[DOC].stances == doc.stances


def test_library_misuse_says_what_was_expected(hostile: Path) -> None:
    corpus = ng.load(hostile)
    with pytest.raises(TypeError, match=r"^compare\(\) takes a Document .*for 'a', got None$"):
        ng.compare(None, corpus[DOC])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^matrix\(\) takes a list of .*got the string 'an-id' \(write \['an-id'\]"):
        ng.matrix(corpus, "an-id")
    with pytest.raises(ValueError, match=r"^stances\(\) takes a language code .*known: ar, en$"):
        ng.stances(corpus, lang="english!")
    with pytest.raises(ValueError, match=r"unknown language 'english!'; known: ar, en"):
        ng.compare(corpus[OTHER], corpus[DOC]).to_table(lang="english!")


def test_html_pages_carry_a_strict_csp_and_links_only_http_and_mailto(tmp_path: Path) -> None:
    folder = hostile_links(tmp_path)
    page = _cli("--corpus", str(folder), "compare", DOC, OTHER, "-f", "html")
    report = tmp_path / "report.html"
    assert _cli("--corpus", str(folder), "report", DOC, OTHER, "--output", str(report)).returncode == 0
    for html in (page.stdout.decode(), report.read_text(encoding="utf-8")):
        assert "default-src 'none'" in html and 'href="javascript:' not in html and "<script>" not in html
    for fmt in ("markdown", "github"):
        for argv in (("compare", DOC, OTHER), ("sources", DOC)):
            out = _cli("--corpus", str(folder), *argv, "-f", fmt).stdout.decode()
            assert "](javascript:" not in out and "<javascript:" not in out and "<script>" not in out, (fmt, argv)


# --- held up well: keep it so -----------------------------------------------------------------


def test_held_up_html_escaping(hostile: Path) -> None:
    doc = BUNDLED[DOC]
    ng.dump(ng.Corpus.of(BUNDLED.taxonomy, [doc.model_copy(update={"title": "<script>alert(1)</script><b x='\"'>"})]),
            hostile)
    for argv in (("show", DOC, "-f", "html"), ("compare", OTHER, DOC, "-f", "html"), ("list", "-f", "html")):
        page = _cli("--corpus", str(hostile), *argv).stdout.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b x=" in page and "<script" not in page and "<b x" not in page


def test_held_up_latex_escaping(hostile: Path) -> None:
    doc = BUNDLED[DOC]
    ng.dump(ng.Corpus.of(BUNDLED.taxonomy, [doc.model_copy(update={"title": r"\input{/etc/passwd} 100% $x$ #1 a_b"})]),
            hostile)
    out = _cli("--corpus", str(hostile), "show", DOC, "-f", "latex").stdout.decode()
    assert r"\textbackslash{}input\{/etc/passwd\} 100\% \$x\$ \#1 a\_b" in out and r"\input{" not in out


def test_held_up_many_processes_on_one_cache(hostile: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    argv = ("--corpus", str(hostile), "compare", OTHER, DOC)
    with ThreadPoolExecutor(PROCESSES) as pool:
        runs = list(pool.map(lambda _: _cli(*argv, cache=cache), range(PROCESSES)))
    assert all(r.returncode == 0 and b"Traceback" not in r.stderr for r in runs)
    assert len({r.stdout for r in runs}) == 1
    assert not [f for f in cache.iterdir() if f.name.startswith((".", "tmp"))], "temporary files left behind"


def test_held_up_broken_pipes(hostile: Path) -> None:
    read, write = os.pipe()
    fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 4096)
    env = {**os.environ, "NEGOTIATION_NO_CACHE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "negotiation", "--corpus", str(hostile), "list"], stdout=write,
                            stderr=subprocess.PIPE, env=env)
    os.close(write)
    with os.fdopen(read, "rb") as out:
        assert out.read(100)  # like `| head -c 100`
    assert proc.wait(timeout=120) == 0
    assert proc.stderr is not None and proc.stderr.read() == b""


def test_held_up_very_large_documents(hostile: Path) -> None:
    doc = BUNDLED[DOC]
    big = doc.model_copy(update={"summary": "word " * 200_000, "title": "T" * 20_000})
    ng.dump(ng.Corpus.of(BUNDLED.taxonomy, [big, BUNDLED[OTHER]]), hostile)
    for argv in (("show", DOC), ("compare", OTHER, DOC), ("list", "-f", "csv")):
        done = _cli("--corpus", str(hostile), *argv)
        assert done.returncode == 0 and b"Traceback" not in done.stderr, argv


def test_held_up_twenty_thousand_documents() -> None:
    from tests.generated_corpus import copies

    corpus = copies(BUNDLED, 20_000)
    assert len(corpus) > 19_000
    assert ng.coverage(corpus).shape[0] == len(corpus)
    assert ng.matrix(corpus, corpus.ids[-30:]).shape == (30, 30)


def test_ascii_only_stdout_in_arabic_is_one_note_and_no_traceback() -> None:
    done = _cli("compare", OTHER, DOC, "--lang", "ar", env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert done.returncode == 0 and done.stdout.isascii() and b"\\u" in done.stdout
    assert "encoding" in _one_line(done.stderr)
