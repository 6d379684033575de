"""A two-issue taxonomy in English and Arabic for tests that write a corpus of their own."""

from pathlib import Path
from typing import Any

import negotiation as ng

TAXONOMY_YAML = """\
poles:
  low: {en: Low pole, ar: القطب الأدنى}
  high: {en: High pole, ar: القطب الأعلى}
areas:
  sec: {en: Security, ar: الأمن}
issues:
  sec.level:
    en: Neutrality
    ar: الحياد
    scale:
      kind: ordinal
      levels:
        - {id: a, en: Allied, ar: متحالف}
        - {id: b, en: Non-aligned, ar: عدم انحياز}
        - {id: c, en: Neutral, ar: محايد}
  sec.army_cap:
    en: Army cap
    ar: سقف الجيش
    scale: {kind: numeric, unit: troops, lower: 1000, upper: 1000000, log: true, high_pole: lower}
"""

PARTIES_YAML = "RU: {en: Russia, ar: روسيا}\nUA: {en: Ukraine, ar: أوكرانيا}\n"


def corpus_folder(root: Path, taxonomy: str = TAXONOMY_YAML) -> Path:
    """``root`` as a corpus folder with ``taxonomy``, Russia and Ukraine, and no documents yet."""
    (root / "documents").mkdir(parents=True)
    (root / "taxonomy.yaml").write_text(taxonomy, encoding="utf-8")
    (root / "parties.yaml").write_text(PARTIES_YAML, encoding="utf-8")
    return root


SOURCE = {"id": "s", "outlet": "Outlet", "title": "Title", "date": "2025-01-01"}


def document(doc_id: str, points: dict[str, Any], stances: dict[str, Any] | None = None, **extra: Any) -> ng.Document:
    """A US proposal with plan ``points`` and ``stances`` (each citing source ``s``), for redline tests."""
    stances = {k: {"source": "s", **v} for k, v in (stances or {}).items()}
    data = {"id": doc_id, "title": doc_id, "date": "2025-01-01", "kind": "proposal", "status": "leaked",
            "authors": ["US"], "points": points, "sources": [SOURCE], "stances": stances, **extra}
    return ng.Document.model_validate(data)
