"""Same answers everywhere, and nothing lost or rewritten.

Comparing, positions and the matrix give the same output bytes whatever the order of the
files on disk or ``PYTHONHASHSEED``; a corpus dumped and loaded again is equal, documents
made by ``concede``/``scenario`` included; commands that only read leave every file as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import negotiation as ng
from negotiation.cli.main import main
from negotiation.corpus.loader import bundled_path, dump, load

# compare, a position, the matrix: each in a table and in JSON, all in one process.
COMMANDS = [
    ["compare", "us-28-point-2025-11", "istanbul-draft-2022-04"],
    ["compare", "RU@2025-12-31", "UA@2025-12-31", "--format", "json"],
    ["show", "UA@2026-02-24"],
    ["show", "RU@2026-02-24", "--format", "json"],
    ["matrix", "--format", "csv"],
    ["matrix"],
]
# The file system's listing order is simulated: with SHUFFLE=<seed>, every directory
# listing (Path.iterdir, os.listdir, os.scandir) comes back in a shuffled order.
SCRIPT = f"""
import os, pathlib, random, sys
seed = os.environ.get("SHUFFLE")
if seed:
    rng = random.Random(int(seed))
    def shuffled(items):
        items = list(items)
        rng.shuffle(items)
        return items
    iterdir, listdir, scandir = pathlib.Path.iterdir, os.listdir, os.scandir
    pathlib.Path.iterdir = lambda self: iter(shuffled(iterdir(self)))
    os.listdir = lambda path=".": shuffled(listdir(path))
    class Scan:
        def __init__(self, path="."):
            self.entries = shuffled(scandir(path))
        def __iter__(self):
            return iter(self.entries)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return False
        def close(self):
            pass
    os.scandir = Scan
from negotiation.cli.main import main
for argv in {COMMANDS!r}:
    print("$", *argv); sys.stdout.flush(); main(argv); sys.stdout.flush()
"""


def copy_in_order(target: Path, reverse: bool) -> Path:
    """A copy of the bundled corpus whose files are created in sorted or reverse order."""
    source = bundled_path()
    files = sorted((p for p in source.rglob("*") if p.is_file()), reverse=reverse)
    for file in files:
        dest = target / file.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, dest)
    return target


def run_all(cwd: Path, hash_seed: str, shuffle: str = "") -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEGOTIATION_CORPUS")}
    env.update(PYTHONHASHSEED=hash_seed, COLUMNS="120", NO_COLOR="1", SHUFFLE=shuffle)
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_output_bytes_do_not_depend_on_file_order_or_hash_seed(tmp_path: Path) -> None:
    first = copy_in_order(tmp_path / "a" / "positions", reverse=False)
    second = copy_in_order(tmp_path / "b" / "positions", reverse=True)
    out_a = run_all(first.parent, "0")
    out_b = run_all(second.parent, "4242", shuffle="7")
    assert out_a.count("$ ") == len(COMMANDS)
    assert out_a == out_b


def test_a_corpus_with_scenarios_and_positions_dumps_and_loads_equal(tmp_path: Path) -> None:
    c = ng.load()
    position = c.position("UA", "2026-02-24").model_copy(update={"id": "ua-position-copy"})
    conceded = ng.scenario(
        c.position("UA", "2026-02-24"),
        [ng.concede("territory.donetsk", "de_jure_russian", 2), ng.accept("security.army_cap", 800_000)],
        id="ua-scenario-2026-02",
    )
    edited = ng.scenario(c["us-28-point-2025-11"], [ng.set_value("security.army_cap", 700_000)], id="us-28-edit")
    corpus = ng.Corpus.of(c.taxonomy, [*c.documents.values(), position, conceded, edited])
    assert load(dump(corpus, tmp_path / "out")) == corpus


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_commands_that_only_read_rewrite_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "positions"
    shutil.copytree(bundled_path(), folder)
    before = _snapshot(folder)
    runs = [
        ["validate"], ["list"], ["show", "us-28-point-2025-11"], ["compare", "RU", "UA"],
        ["sources", "RU@2026-01-01"], ["matrix"], ["coverage"], ["timeline", "RU", "UA"],
        ["concessions", "us-28-point-2025-11", "us-20-point-2025-12"],
    ]
    for argv in runs:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(["--corpus", str(folder), *argv]) == 0, argv
    assert _snapshot(folder) == before
