"""``python -m negotiation`` runs the same command line as ``negotiation``."""

from negotiation.cli import run

if __name__ == "__main__":
    run()
