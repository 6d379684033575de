"""negotiation: typed, dated, sourced negotiating positions, compared issue by issue.

Parties' stances in the Russia–Ukraine talks (2022–2026) on territory, security guarantees,
elections, language, church and reconstruction are encoded per document and date as
sourced data (the bundled corpus), and :func:`compare` reports where any two documents or
positions converge and where the gaps are.

>>> import negotiation as ng
>>> corpus = ng.load()
>>> cmp = ng.compare(corpus["istanbul-draft-2022-04"], corpus["us-28-point-2025-11"])
>>> print(cmp.to_table("github"))  # doctest: +SKIP

The strategies for hypothesis live in :mod:`negotiation.strategies` (not imported here, so
hypothesis stays optional).
"""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Every public name is imported on first use (PEP 562), so that `import negotiation` costs
# nothing and the command line starts without pydantic, numpy or pandas when it can
# (see negotiation.cli.snapshot). Add a public name here, to TYPE_CHECKING below and
# to __all__.
_LAZY = {
    "Agreement": "negotiation.analysis.agreement",
    "agreement": "negotiation.analysis.agreement",
    "Alignment": "negotiation.analysis.align",
    "align": "negotiation.analysis.align",
    "BacktestResult": "negotiation.analysis.backtest",
    "backtest": "negotiation.analysis.backtest",
    "BargainResult": "negotiation.analysis.bargaining",
    "bargain": "negotiation.analysis.bargaining",
    "predict": "negotiation.analysis.predict",
    "Comparison": "negotiation.analysis.compare",
    "IssueDiff": "negotiation.analysis.compare",
    "Summary": "negotiation.analysis.compare",
    "Verdict": "negotiation.analysis.compare",
    "compare": "negotiation.analysis.compare",
    "concessions": "negotiation.analysis.concessions",
    "Encoding": "negotiation.analysis.matrix",
    "matrix": "negotiation.analysis.matrix",
    "MatrixRange": "negotiation.analysis.matrix_range",
    "matrix_range": "negotiation.analysis.matrix_range",
    "Redline": "negotiation.analysis.redline",
    "RedlineChain": "negotiation.analysis.chain",
    "redline": "negotiation.analysis.redline",
    "redline_chain": "negotiation.analysis.chain",
    "Edit": "negotiation.analysis.scenarios",
    "accept": "negotiation.analysis.scenarios",
    "concede": "negotiation.analysis.scenarios",
    "scenario": "negotiation.analysis.scenarios",
    "set_value": "negotiation.analysis.scenarios",
    "search": "negotiation.analysis.search",
    "search_ties": "negotiation.analysis.search_ties",
    "coverage": "negotiation.analysis.timeline",
    "position": "negotiation.analysis.timeline",
    "trajectory": "negotiation.analysis.timeline",
    "zopa": "negotiation.analysis.zopa",
    "init_corpus": "negotiation.corpus.init",
    "codebook": "negotiation.corpus.frame",
    "stances": "negotiation.corpus.frame",
    "bundled_path": "negotiation.corpus.locate",
    "document_schema": "negotiation.corpus.loader",
    "dump": "negotiation.corpus.loader",
    "load": "negotiation.corpus.loader",
    "validate": "negotiation.corpus.loader",
    "find_corpus": "negotiation.corpus.locate",
    "parties_schema": "negotiation.corpus.schemas",
    "taxonomy_schema": "negotiation.corpus.schemas",
    "CorpusError": "negotiation.errors",
    "NegotiationError": "negotiation.errors",
    "Problem": "negotiation.errors",
    "ScaleError": "negotiation.errors",
    "UnknownDocumentError": "negotiation.errors",
    "UnknownPartyError": "negotiation.errors",
    "Area": "negotiation.model.models",
    "Confidence": "negotiation.model.models",
    "QuoteKind": "negotiation.model.models",
    "Event": "negotiation.model.events",
    "Corpus": "negotiation.model.models",
    "Document": "negotiation.model.models",
    "Issue": "negotiation.model.models",
    "Modality": "negotiation.model.models",
    "Party": "negotiation.model.models",
    "Point": "negotiation.model.models",
    "Source": "negotiation.model.models",
    "Stance": "negotiation.model.models",
    "Taxonomy": "negotiation.model.models",
    "Salience": "negotiation.model.salience",
    "FlagScale": "negotiation.model.scales",
    "NumericScale": "negotiation.model.scales",
    "OrdinalScale": "negotiation.model.scales",
    "Scale": "negotiation.model.scales",
    "SetScale": "negotiation.model.scales",
}

if TYPE_CHECKING:
    from negotiation.analysis.agreement import Agreement, agreement
    from negotiation.analysis.align import Alignment, align
    from negotiation.analysis.backtest import BacktestResult, backtest
    from negotiation.analysis.bargaining import BargainResult, bargain
    from negotiation.analysis.chain import RedlineChain, redline_chain
    from negotiation.analysis.compare import Comparison, IssueDiff, Summary, Verdict, compare
    from negotiation.analysis.concessions import concessions
    from negotiation.analysis.matrix import Encoding, matrix
    from negotiation.analysis.matrix_range import MatrixRange, matrix_range
    from negotiation.analysis.predict import predict
    from negotiation.analysis.redline import Redline, redline
    from negotiation.analysis.scenarios import Edit, accept, concede, scenario, set_value
    from negotiation.analysis.search import search
    from negotiation.analysis.search_ties import search_ties
    from negotiation.analysis.timeline import coverage, position, trajectory
    from negotiation.analysis.zopa import zopa
    from negotiation.corpus.frame import codebook, stances
    from negotiation.corpus.init import init_corpus
    from negotiation.corpus.loader import document_schema, dump, load, validate
    from negotiation.corpus.locate import bundled_path, find_corpus
    from negotiation.corpus.schemas import parties_schema, taxonomy_schema
    from negotiation.errors import (
        CorpusError,
        NegotiationError,
        Problem,
        ScaleError,
        UnknownDocumentError,
        UnknownPartyError,
    )
    from negotiation.model.events import Event
    from negotiation.model.models import (
        Area,
        Confidence,
        Corpus,
        Document,
        Issue,
        Modality,
        Party,
        Point,
        QuoteKind,
        Source,
        Stance,
        Taxonomy,
    )
    from negotiation.model.salience import Salience
    from negotiation.model.scales import FlagScale, NumericScale, OrdinalScale, Scale, SetScale


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'negotiation' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Agreement",
    "Alignment",
    "Area",
    "BacktestResult",
    "BargainResult",
    "Comparison",
    "Confidence",
    "Corpus",
    "CorpusError",
    "Document",
    "Edit",
    "Encoding",
    "Event",
    "FlagScale",
    "Issue",
    "IssueDiff",
    "MatrixRange",
    "Modality",
    "NegotiationError",
    "NumericScale",
    "OrdinalScale",
    "Party",
    "Point",
    "Problem",
    "QuoteKind",
    "Redline",
    "RedlineChain",
    "Salience",
    "Scale",
    "ScaleError",
    "SetScale",
    "Source",
    "Stance",
    "Summary",
    "Taxonomy",
    "UnknownDocumentError",
    "UnknownPartyError",
    "Verdict",
    "__version__",
    "accept",
    "agreement",
    "align",
    "backtest",
    "bargain",
    "bundled_path",
    "codebook",
    "compare",
    "concede",
    "concessions",
    "coverage",
    "document_schema",
    "dump",
    "find_corpus",
    "init_corpus",
    "load",
    "matrix",
    "matrix_range",
    "parties_schema",
    "position",
    "predict",
    "redline",
    "redline_chain",
    "scenario",
    "search",
    "search_ties",
    "set_value",
    "stances",
    "taxonomy_schema",
    "trajectory",
    "validate",
    "zopa",
]
