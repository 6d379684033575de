"""What the README tells a user to type exists: every command and flag in its shell examples."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from negotiation.cli.main import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"


def _commands() -> list[list[str]]:
    """Every ``negotiation …`` line of the README's bash blocks, split into words."""
    text = README.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.split("#", 1)[0].strip()
            for part in re.split(r"&&|\|", line):
                words = shlex.split(part.split(">", 1)[0])
                if words[:1] == ["negotiation"]:
                    found.append(words[1:])
    return found


def _subparsers() -> dict[str, object]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return dict(action.choices)  # type: ignore[arg-type]


@pytest.mark.parametrize("words", _commands(), ids=" ".join)
def test_every_readme_command_and_flag_exists(words: list[str]) -> None:
    subs = _subparsers()
    command = next(w for w in words if not w.startswith("-") and w in subs)
    flags = {o for a in subs[command]._actions for o in a.option_strings}  # type: ignore[attr-defined]
    flags |= {"--corpus"}
    for word in words:
        if word.startswith("--"):
            assert word.split("=", 1)[0] in flags, f"negotiation {command}: no flag {word}"


def test_the_readme_names_export_quotes_and_init() -> None:
    commands = {tuple(w[:1]) for w in _commands()}
    assert {("export",), ("init",)} <= commands
    assert any("--quotes" in w for w in _commands())
    assert any(w[:1] == ["compare"] and "github" in w for w in _commands())
