"""Conveniences a lower layer offers and a higher layer implements, found by name on first use.

A :class:`~negotiation.model.models.Corpus` offers ``corpus.position(...)`` and a
:class:`~negotiation.analysis.compare.Comparison` offers ``cmp.to_table(...)``; the code behind
them lives in ``analysis/`` and ``render/``, which a model or an analysis must not import (the
layers: docs/ARCHITECTURE.md, checked by import-linter in tests/test_layers.py). As pandas
finds the code behind ``DataFrame.plot`` by the name of its plotting backend, each such method
names the function that implements it, ``"package.module:function"``, and :func:`delegate`
imports it on the first call. The static imports stay layered; tests/test_layers.py checks
that every name given here resolves and points up, never sideways or down.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def delegate(target: str) -> Callable[..., Any]:
    """The function ``"package.module:function"`` names, its module imported on first use."""
    module, _, name = target.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function
