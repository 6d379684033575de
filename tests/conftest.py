"""Shared fixtures and the hypothesis profiles (``ci`` derandomized, picked by CI=true)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import hypothesis
import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

import negotiation as ng

# Corpora cached during the tests go to a throw-away folder, never the user's cache.
if "NEGOTIATION_CACHE_DIR" not in os.environ:
    os.environ["NEGOTIATION_CACHE_DIR"] = tempfile.mkdtemp(prefix="negotiation-cache-")
    atexit.register(shutil.rmtree, os.environ["NEGOTIATION_CACHE_DIR"], True)

# Hypothesis keeps its examples in a throw-away folder, never .hypothesis/ in the repository.
_EXAMPLES = tempfile.mkdtemp(prefix="negotiation-hypothesis-")
atexit.register(shutil.rmtree, _EXAMPLES, True)
if "HYPOTHESIS_STORAGE_DIRECTORY" not in os.environ:  # the examples/ scripts run as subprocesses
    os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = _EXAMPLES
    # Hypothesis keeps its Unicode tables there too (which characters a codec encodes: ~4 s of
    # CPU to compute for utf-8, which st.text() uses). They depend only on the Python and
    # Hypothesis versions, so they are kept across runs in a folder of the temp directory (never
    # the repository), linked into the throw-away folder; rmtree removes only the link.
    _UNICODE = Path(tempfile.gettempdir()) / f"negotiation-hypothesis-unicode-{os.getuid()}-{hypothesis.__version__}"
    try:
        _UNICODE.mkdir(mode=0o700, exist_ok=True)
        if _UNICODE.is_dir() and not _UNICODE.is_symlink() and _UNICODE.stat().st_uid == os.getuid():
            (Path(_EXAMPLES) / "unicode_data").symlink_to(_UNICODE, target_is_directory=True)
    except OSError:  # a read-only temp directory: the tables are computed in the throw-away folder
        pass
settings.register_profile("_base", database=DirectoryBasedExampleDatabase(_EXAMPLES))
settings.load_profile("_base")

settings.register_profile(
    "ci", max_examples=60, derandomize=True, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=40, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
# The long fuzz run of tests/test_fuzz.py (see its docstring): FUZZ_EXAMPLES cases per test.
settings.register_profile(
    "fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25000")), deadline=None, database=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parent.parent


# Workers of pytest-xdist get the controller's environment as the C library holds it, where
# GNU readline (imported by pdb) has set COLUMNS=80 and LINES=24; the CLI reads COLUMNS, so each
# worker is given the environment the run was started with (os.environ, read before readline).
TERMINAL_VARIABLES = ("COLUMNS", "LINES")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """Controller side of pytest-xdist: hand each worker the terminal variables as started."""
    node.workerinput["terminal_variables"] = {k: os.environ.get(k) for k in TERMINAL_VARIABLES}


def pytest_configure(config: pytest.Config) -> None:
    started = getattr(config, "workerinput", {}).get("terminal_variables")
    for key, value in (started or {}).items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite tests/snapshots from the current output (review the diff before committing)")


@pytest.fixture(scope="session")
def corpus() -> ng.Corpus:
    """The bundled corpus."""
    return ng.load()


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, with the cache turned on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEGOTIATION_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEGOTIATION_NO_CACHE", raising=False)
    return folder


@pytest.fixture(scope="session")
def taxonomy(corpus: ng.Corpus) -> ng.Taxonomy:
    """The bundled taxonomy."""
    return corpus.taxonomy


def seeds_dir() -> Path | None:
    """The seed articles, when a checkout of shared/ sits beside the repository."""
    for candidate in (os.environ.get("NEGOTIATION_SEEDS"), REPO.parent / "shared" / "seeds"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None
