"""negotiation: typed, dated, sourced negotiating positions, compared issue by issue."""

from negotiation.loader import load

__version__ = "0.1.0"
__all__ = ["load"]
