"""The vocabulary every public result shares: ``to_frame``, ``to_dict``, ``render``, ``summary``.

============== ===================================================================
``to_frame()``  a pandas DataFrame, one row per thing the result is about
``to_dict()``   JSON-ready plain data (str, int, float, bool, None, lists, dicts)
``to_json()``   :meth:`to_dict` as a JSON string
``render()``    ``render(fmt="simple", lang="en")``: the result for people, a ``str``
                in any format of :data:`negotiation.render.table.FORMATS`
``summary``     an attribute (never a method): a small frozen dataclass of the result's
                headline numbers and ids, a :class:`ResultSummary`, with no words in it
``summary_lines()`` ``summary`` in words, ``list[str]``, in ``lang``
============== ===================================================================

Every method takes ``lang`` (labels beside ids are in that language; results without
labels give the same data in every language). The words of :meth:`render` are written in
``negotiation.render``; this module only names them (:mod:`negotiation.delegates`).
``tests/test_result_vocabulary.py`` walks every public result type and checks all of this.
"""

from __future__ import annotations

import dataclasses
import json
import math
import warnings
from collections.abc import Mapping
from enum import Enum
from typing import Any

from negotiation.delegates import delegate
from negotiation.model.lang import Lang


def plain_data(value: Any) -> Any:
    """``value`` as JSON-ready data: dataclasses and mappings as dicts, sets sorted, NaN as None."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain_data(getattr(value, f.name)) for f in dataclasses.fields(value) if f.repr}
    if isinstance(value, Mapping):
        return {str(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, frozenset | set):
        return sorted(plain_data(v) for v in value)
    if isinstance(value, list | tuple):
        return [plain_data(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, Enum):
        return plain_data(value.value)
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return plain_data(value.item())  # a numpy scalar
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class ResultSummary:
    """The base of every result's ``summary``: a frozen dataclass of numbers and ids, no words.

    ``to_dict()`` gives it as plain data. The words for it are in ``result.render()``.
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready plain data."""
        data: dict[str, Any] = plain_data(self)
        return data


class LinesSummary(ResultSummary):
    """A summary that can still be called as the old ``summary(lang)`` method (deprecated).

    ``result.summary`` is data; ``result.summary("ar")`` still gives the lines the method used
    to give, with a :class:`DeprecationWarning` pointing to ``result.summary_lines(lang)``.
    """

    __slots__ = ()
    LINES = ""
    """The ``module:function`` that writes the lines (summary, lang) -> list[str]."""

    def __call__(self, lang: Lang = "en") -> list[str]:
        warnings.warn("summary is data now (a frozen dataclass); call summary_lines(lang) for the lines "
                      "summary(lang) used to give", DeprecationWarning, stacklevel=2)
        return self.lines(lang)

    def lines(self, lang: Lang = "en") -> list[str]:
        """The summary in words, one line each, in ``lang``."""
        lines: list[str] = delegate(self.LINES)(self, lang)
        return lines


class ResultViews:
    """``render`` and ``to_json`` for a result that has ``to_dict``: the same on every result."""

    __slots__ = ()

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:  # pragma: no cover - every result overrides
        raise NotImplementedError

    def summary_lines(self, lang: Lang = "en") -> list[str]:
        """:attr:`summary` in words, one line each, in ``lang`` (the lines under the rendered table)."""
        lines: list[str] = delegate("negotiation.render.results:summary_words")(self.summary, lang)  # type: ignore[attr-defined]
        return lines

    def render(self, fmt: str = "simple", lang: Lang = "en", *, width: int = 100) -> str:
        """The result for people, titled, with its summary, in ``fmt`` and ``lang``.

        ``fmt`` is any of :data:`negotiation.render.table.FORMATS` (``simple``, ``github``,
        ``markdown``, ``html``, ``json``, ``csv``…); raises ``FormatError`` for another.
        """
        text: str = delegate("negotiation.render.results:render_result")(self, fmt, lang, width=width)
        return text

    def to_json(self, lang: Lang = "en", indent: int | None = 2) -> str:
        """:meth:`to_dict` as a JSON string (like pandas, ``to_json`` returns text)."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent, default=plain_data)


def deprecated_to_json(result: Any, lang: Lang) -> dict[str, Any]:
    """The old ``to_json`` of a redline or chain, which returned a dict: warn, and give :meth:`to_dict`."""
    warnings.warn(f"{type(result).__name__}.to_json() returns a dict, as to_dict() does; it will return a JSON "
                  "string, as every result's to_json() does: call to_dict() for the data",
                  DeprecationWarning, stacklevel=3)
    data: dict[str, Any] = result.to_dict(lang)
    return data
