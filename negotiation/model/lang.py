"""The language of output: a code such as ``en`` or ``ar``, passed as an argument (never global)."""

Lang = str
"""A language code such as ``en`` or ``ar`` (BCP 47 style: ``pt-BR`` works too)."""
