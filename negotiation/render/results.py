"""``result.render(fmt, lang)`` for every public result: a titled table with its summary, in any format.

Each result gives data (:mod:`negotiation.analysis.results`); :func:`result_table` turns it
into a :class:`~negotiation.render.table.Table` (records, the columns people read, a title,
the summary in words) and :func:`negotiation.render.formats.render` writes that in the format
asked for. The command line prints the same tables (``negotiation redline`` is
:func:`redline_table`). A comparison has its own report (:mod:`negotiation.render.report`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from negotiation.render import i18n
from negotiation.render.formats import Column, Table, render, table_of
from negotiation.render.i18n import Lang

if TYPE_CHECKING:
    from negotiation.analysis.chain import RedlineChain
    from negotiation.analysis.redline import Redline
    from negotiation.analysis.results import ResultSummary


def _fallback(lang: Lang) -> list[str]:
    """Point texts are the documents' own English: say so outside English."""
    return [i18n.say("english_fallback", lang)] if lang != "en" else []


def redline_table(red: Redline, lang: Lang = "en") -> Table:
    """A redline as the table ``negotiation redline OLD NEW`` prints."""
    from negotiation.analysis.redline import Redline as _Redline

    return table_of(red.to_records(lang), lang=lang, title=red.title(lang), summary=red.summary_lines(lang),
                    notes=_fallback(lang), columns=[Column(c, header=i18n.header(c, lang)) for c in _Redline.COLUMNS],
                    data=red.to_dict(lang))


def chain_table(chain: RedlineChain, lang: Lang = "en") -> Table:
    """A redline chain as the table ``negotiation redline A B C`` prints."""
    columns = [Column("point", header=i18n.header("point", lang)), *(Column(c, header=c) for c in chain.columns[1:])]
    return table_of(chain.to_records(lang), lang=lang, title=chain.title(lang), summary=chain.summary_lines(lang),
                    notes=_fallback(lang), columns=columns, data=chain.to_dict(lang))


def _title(result: Any, lang: Lang) -> str:
    """The title of a result that has no title of its own."""
    name = type(result).__name__
    if name == "Agreement":
        return i18n.say("agreement_title", lang, n=len(result.documents))
    if name == "Alignment":
        return i18n.say("align_title", lang, a=result.a.id, b=result.b.id)
    if name == "BacktestResult":
        return i18n.say("backtest_every", lang)
    if name == "BargainResult":
        return i18n.say("bargain_title", lang)
    if name == "MatrixRange":
        return i18n.say("matrix_range_title", lang)
    return i18n.header(name, lang)


def summary_words(summary: ResultSummary, lang: Lang = "en") -> list[str]:
    """A summary's fields in words: ``Header: value`` each, a line per item of a list of records."""
    from negotiation.render.table import cell_text

    def words(obj: Any) -> list[tuple[str, str]]:
        out = []
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if not f.repr or isinstance(value, dict) or dataclasses.is_dataclass(value):
                continue
            if isinstance(value, tuple | list) and value and dataclasses.is_dataclass(value[0]):
                continue  # records: a line each, below
            text = cell_text(list(value) if isinstance(value, tuple) else value, f.name, lang)
            out.append((i18n.header(f.name, lang), text or i18n.say("n_a", lang)))
        return out

    comma = i18n.say("comma", lang)
    lines = [f"{h}: {v}" for h, v in words(summary)]
    for f in dataclasses.fields(summary):  # type: ignore[arg-type]
        value = getattr(summary, f.name)
        if f.repr and isinstance(value, tuple | list):
            lines += [comma.join(f"{h}: {v}" for h, v in words(item)) for item in value
                      if dataclasses.is_dataclass(item)]
    return lines


def result_table(result: Any, lang: Lang = "en") -> Table:
    """Any public result as a :class:`Table`: its frame, a title, its summary in words, its data for json."""
    from negotiation.analysis.chain import RedlineChain
    from negotiation.analysis.redline import Redline

    if isinstance(result, Redline):
        return redline_table(result, lang)
    if isinstance(result, RedlineChain):
        return chain_table(result, lang)
    return table_of(result.to_frame(lang), lang=lang, title=_title(result, lang),
                    summary=result.summary_lines(lang), data=result.to_dict(lang))


def render_result(result: Any, fmt: str = "simple", lang: Lang = "en", *, width: int = 100) -> str:
    """``result.render(fmt, lang)``: :func:`result_table` written in ``fmt`` (a redline's html is its own page)."""
    from negotiation.analysis.redline import Redline
    from negotiation.render.table import check_format

    check_format(fmt)
    if fmt == "html" and isinstance(result, Redline):
        return result.to_html(lang, page=True)
    return render(result_table(result, lang), fmt, width=width)
