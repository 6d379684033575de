"""Running the command line inside a test: exit code, standard output and standard error."""

from __future__ import annotations

import pytest

from negotiation.cli.main import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``negotiation ARGV...`` in this process: (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
