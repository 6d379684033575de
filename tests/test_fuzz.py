"""Fuzzing the loader: whatever bytes a corpus holds, it loads or lists problems, never crashes.

(a) Real corpus files mutated as a hurried editor (or a broken disk) would: lines deleted,
duplicated, swapped, re-indented; values changed to other types; bytes injected; files
truncated; structures nested deep. (b) Documents generated from the schema, valid (they
must load and round-trip) and invalid (they must be reported).

The invariant: ``load`` returns a corpus or raises :class:`CorpusError` /
:class:`NegotiationError` carrying problems, never another exception; the command line
returns 0 or 2 (or ``compare``'s documented 1 when neither side states anything), never a
traceback.

CI runs a modest number of examples. The long run (>= 100,000 cases, several minutes per
process; split it over processes with different seeds)::

    HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=25000 NEGOTIATION_FUZZ_LOG=/tmp/fuzz.log \\
        python -m pytest tests/test_fuzz.py -p no:cacheprovider --hypothesis-seed=1

``NEGOTIATION_FUZZ_LOG`` collects one line per case ("loaded" or the kind of the first
problem), for counting cases and distinct error kinds.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from negotiation import strategies as nst
from negotiation.cli.main import main
from negotiation.corpus.loader import bundled_path, dump, load
from negotiation.errors import CorpusError, NegotiationError

BUNDLED = bundled_path()
DOC_FILES = sorted((BUNDLED / "documents").glob("*.yaml"))[:6]
TEXTS = {
    "taxonomy.yaml": (BUNDLED / "taxonomy.yaml").read_bytes(),
    "parties.yaml": (BUNDLED / "parties.yaml").read_bytes(),
    **{f"documents/{f.name}": f.read_bytes() for f in DOC_FILES},
}
# One document as JSON too: the loader reads .json files by their suffix.
TEXTS[f"documents/{DOC_FILES[1].stem}.json"] = json.dumps(
    yaml.safe_load(TEXTS[f"documents/{DOC_FILES[1].name}"]), default=str, ensure_ascii=False, indent=1
).encode("utf-8")
LOG = os.environ.get("NEGOTIATION_FUZZ_LOG")

# Values an editor might type in place of another: other types, YAML 1.1 traps, tags, bad dates.
ODD_VALUES = [
    "", "~", "null", "NO", "yes", "off", "true", "0", "-1", "1e309", "0x1F", "0o17", "600_000", "1:30",
    ".nan", "-.inf", "[]", "{}", "[a, b]", "{a: 1}", "2025-02-30", "2099-01-01", "'2024-13-01'", '"x"',
    "!!python/object/apply:os.system ['true']", "!!binary aGVsbG8=", "!!timestamp 2020-01-01", "*nope",
    "&a [1, *a]", "|\n  block", ">-\n  folded", "'unterminated", '"\\xZZ"', "{a: 1, a: 2}", "[" * 1200,
    "- - - - x", "? [a]\n: b", "{{}: 1}", "\t", "é", "\ufeff", "😀",
]


@contextlib.contextmanager
def corpus_folder(files: dict[str, bytes]) -> Iterator[Path]:
    """A temporary corpus folder holding ``files`` (relative path -> bytes)."""
    root = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        for rel, data in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def kind_of(message: str) -> str:
    """A problem's message with names, numbers, bytes and lists taken out: its kind."""
    text = re.split(r"; | \(|: expected one of|, got ", message, maxsplit=1)[0]
    text = re.sub(r"'[^']*'|\"[^\"]*\"|(0x|#x)[0-9a-fA-F]+|\d+", "_", text)
    return re.sub(r"\s+", " ", text)[:60]


def record(outcome: str) -> None:
    if LOG:
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(outcome.replace("\n", " ") + "\n")


def assert_loads_or_reports(folder: Path) -> Any:
    """The invariant: a corpus, or problems that each name a file; nothing else escapes."""
    try:
        corpus = load(folder)
    except CorpusError as exc:
        assert exc.problems, "a CorpusError lists its problems"
        for p in exc.problems:
            assert p.file and p.message, p
            assert "Traceback" not in p.message
        record("error: " + kind_of(exc.problems[0].message))
        return None
    except NegotiationError as exc:
        assert str(exc)
        record("error: " + kind_of(str(exc)))
        return None
    record("loaded")
    return corpus


def run_cli(*argv: str) -> int:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    # Exit 1 is the compare command's documented "nothing to compare" (neither side states an issue).
    nothing = code == 1 and "nothing to compare" in err.getvalue()
    assert code in (0, 2) or nothing, (code, err.getvalue())
    assert "Traceback" not in err.getvalue()
    record(f"cli exit {code}: " + kind_of(err.getvalue().split(chr(10))[0][:200]))
    return code


# --- (a) mutations of real files


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real corpus file with one or more mutations applied."""
    name = draw(st.sampled_from(sorted(TEXTS)))
    data = TEXTS[name]
    for _ in range(draw(st.integers(1, 3))):
        data = draw(mutations(data))
    return name, data


# Built once: a strategy made afresh on every draw is validated afresh by Hypothesis.
MUTATION_OPS = st.sampled_from([
    "delete", "duplicate", "swap", "indent", "dedent", "value", "truncate", "bytes", "nest", "crlf", "bom",
    "duplicate_block",
])
NEW_VALUES = st.sampled_from(ODD_VALUES) | st.text(max_size=12)
NEST_STYLES = st.sampled_from(["flow", "block"])


@st.composite
def mutations(draw: st.DrawFn, data: bytes) -> bytes:
    lines = data.split(b"\n")
    n = len(lines)
    i, j = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
    op = draw(MUTATION_OPS)
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, lines[i])
    elif op == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "indent":
        lines[i] = b"  " + lines[i]
    elif op == "dedent":
        lines[i] = lines[i].lstrip()
    elif op == "value":  # change the type or text of a value
        line = lines[i]
        head, sep, _ = line.partition(b": ")
        new = draw(NEW_VALUES).encode("utf-8", "surrogatepass")
        lines[i] = head + b": " + new if sep else line + b" " + new
    elif op == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    elif op == "bytes":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    elif op == "nest":
        depth = draw(st.integers(1, 3000))
        style = draw(NEST_STYLES)
        deep = (b"[" * depth + b"x" + b"]" * depth) if style == "flow" else b"- " * depth + b"x"
        head, sep, _ = lines[i].partition(b": ")
        lines[i] = head + b": " + deep if sep else deep
    elif op == "crlf":
        return data.replace(b"\n", b"\r\n")
    elif op == "bom":
        return b"\xef\xbb\xbf" + data
    elif op == "duplicate_block":  # a whole block written twice: duplicate keys at depth
        k = draw(st.integers(1, 6))
        lines[i:i] = lines[i:i + k]
    return b"\n".join(lines)


def with_file(name: str, data: bytes) -> dict[str, bytes]:
    """A small corpus: taxonomy, parties and one document, with ``name`` replaced by ``data``."""
    files = {k: v for k, v in TEXTS.items() if not k.startswith("documents/")}
    files[name if name.startswith("documents/") else f"documents/{DOC_FILES[0].name}"] = (
        data if name.startswith("documents/") else TEXTS[f"documents/{DOC_FILES[0].name}"]
    )
    return {**files, name: data}


@given(mutated())
def test_a_mutated_real_file_loads_or_is_reported(case: tuple[str, bytes]) -> None:
    name, data = case
    with corpus_folder(with_file(name, data)) as folder:
        assert_loads_or_reports(folder)


@given(mutated(), st.sampled_from([
    ("validate",), ("validate", "--format", "json"), ("list",), ("compare", DOC_FILES[0].stem, "UA"),
    ("show", "RU@2025-01-01"),
]))
def test_the_command_line_on_a_mutated_corpus_exits_0_or_2(case: tuple[str, bytes], argv: tuple[str, ...]) -> None:
    name, data = case
    with corpus_folder(with_file(name, data)) as folder:
        run_cli("--corpus", str(folder), *argv)


# --- (b) documents generated from the schema

TAXONOMY = load(BUNDLED).taxonomy


def _plain(doc: Any) -> dict[str, Any]:
    data: dict[str, Any] = doc.model_dump(mode="json", exclude_defaults=True)
    return data


@given(nst.documents(TAXONOMY, id="doc-generated"))
def test_a_valid_generated_document_loads_and_round_trips(doc: Any) -> None:
    text = yaml.safe_dump(_plain(doc), allow_unicode=True, sort_keys=False).encode("utf-8")
    with corpus_folder({**{k: v for k, v in TEXTS.items() if not k.startswith("documents/")},
                        "documents/doc-generated.yaml": text}) as folder:
        corpus = assert_loads_or_reports(folder)
        assert corpus is not None, "a valid document loads"
        assert corpus["doc-generated"] == doc.with_taxonomy(corpus.taxonomy)


JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=10),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


@st.composite
def broken_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A generated document's data with fields dropped, retyped or added, at any depth."""
    data = _plain(draw(nst.documents(TAXONOMY, id="doc-generated")))
    for _ in range(draw(st.integers(1, 4))):
        target: Any = data
        path = []
        while isinstance(target, (dict, list)) and target and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(target, key=str) if isinstance(target, dict) else range(len(target))))
            path.append(key)
            if not isinstance(target[key], (dict, list)):
                break
            target = target[key]
        if not isinstance(target, (dict, list)) or not target:
            continue
        key = draw(st.sampled_from(sorted(target, key=str) if isinstance(target, dict) else range(len(target))))
        op = draw(st.sampled_from(["drop", "retype", "add"]))
        if op == "drop":
            del target[key]
        elif op == "retype":
            target[key] = draw(JUNK)
        elif isinstance(target, dict):
            target[draw(st.text(min_size=1, max_size=8))] = draw(JUNK)
    return data


@given(broken_documents())
def test_an_invalid_generated_document_is_reported_never_raised(data: dict[str, Any]) -> None:
    try:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    except yaml.YAMLError:
        assume(False)
    with corpus_folder({**{k: v for k, v in TEXTS.items() if not k.startswith("documents/")},
                        "documents/doc-generated.yaml": text}) as folder:
        assert_loads_or_reports(folder)


@given(nst.corpora(max_documents=3))
def test_a_generated_corpus_dumped_loads_equal(corpus: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        again = assert_loads_or_reports(dump(corpus, Path(tmp) / "c"))
        assert again == corpus
