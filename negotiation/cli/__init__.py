"""The command line: ``negotiation`` and ``python -m negotiation``."""

from negotiation.cli.main import main, run

__all__ = ["main", "run"]
