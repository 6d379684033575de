"""Generated corpora for the benchmarks and scale tests (not collected by pytest).

Random documents over the bundled taxonomy with every feature the engine measures:
ordinal, numeric, set and flag issues, bracketed alternatives in joint drafts,
reservation ranges (``accepts``) and deferred issues. Seeded, so runs repeat.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

import negotiation as ng
from negotiation.model.scales import FlagScale, NumericScale, OrdinalScale, SetScale

START = dt.date(2022, 2, 24)
DAYS = 4 * 365


def _value(issue: ng.Issue, rng: random.Random) -> Any:
    scale = issue.scale
    if isinstance(scale, OrdinalScale):
        return rng.choice(scale.level_ids)
    if isinstance(scale, NumericScale):
        if scale.unlimited is not None and rng.random() < 0.05:
            return scale.unlimited.id
        return round(rng.uniform(scale.lower, scale.upper))
    if isinstance(scale, SetScale):
        vocab = list(scale.vocabulary)
        return sorted(rng.sample(vocab, rng.randint(0, min(4, len(vocab)))))
    if isinstance(scale, FlagScale):
        return rng.random() < 0.5
    raise TypeError(f"no generator for {scale!r}")


def document_data(i: int, taxonomy: ng.Taxonomy, rng: random.Random) -> dict[str, Any]:
    """One generated document as it would be written in a file."""
    parties = sorted(taxonomy.parties)
    joint = rng.random() < 0.15
    authors = rng.sample(parties, 2) if joint else [rng.choice(parties)]
    issue_ids = list(taxonomy.issues)
    date = (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
    stances: dict[str, Any] = {}
    for issue_id in sorted(rng.sample(issue_ids, rng.randint(3, min(20, len(issue_ids)))), key=issue_ids.index):
        issue = taxonomy.issues[issue_id]
        r = rng.random()
        if r < 0.05:
            stances[issue_id] = {"modality": "deferred", "source": "s1"}
        elif joint and r < 0.35:
            stances[issue_id] = {"alternatives": {a: _value(issue, rng) for a in authors}, "source": "s1"}
        else:
            stance: dict[str, Any] = {"value": _value(issue, rng), "source": "s1"}
            if rng.random() < 0.15:
                stance["accepts"] = [_value(issue, rng)]
            stances[issue_id] = stance
    return {
        "id": f"gen-{i:06d}",
        "title": f"Generated document {i}",
        "date": date,
        "kind": "joint_draft" if joint else "proposal",
        "status": "reported",
        "authors": authors,
        "sources": [{"id": "s1", "outlet": "generator", "title": f"generated {i}", "date": date}],
        "stances": stances,
    }


def documents(n: int, taxonomy: ng.Taxonomy, seed: int = 0, start: int = 0) -> Iterator[ng.Document]:
    """``n`` generated Document objects (validated), numbered from ``start``."""
    rng = random.Random(f"{seed}-{start}")
    for i in range(start, start + n):
        yield ng.Document.model_validate(document_data(i, taxonomy, rng))


def write_folder(n: int, folder: Path, seed: int = 0) -> Path:
    """A corpus folder of ``n`` generated document files over the bundled taxonomy."""
    bundled = ng.bundled_path()
    taxonomy = ng.load().taxonomy
    (folder / "documents").mkdir(parents=True, exist_ok=True)
    for name in ("taxonomy.yaml", "parties.yaml"):
        shutil.copy(bundled / name, folder / name)
    rng = random.Random(seed)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for i in range(n):
        data = document_data(i, taxonomy, rng)
        text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False)
        (folder / "documents" / f"{data['id']}.yaml").write_text(text, encoding="utf-8")
    return folder


def copy_of(document: ng.Document, k: int) -> ng.Document:
    """``document`` renamed ``ID-k``, revising the copy ``-k`` of what it revises."""
    update: dict[str, Any] = {"id": f"{document.id}-{k}"}
    revises = getattr(document, "revises", None)
    if revises:
        update["revises"] = f"{revises}-{k}"
    return document.model_copy(update=update)


def copies(corpus: ng.Corpus, n: int) -> ng.Corpus:
    """The corpus's documents copied under new ids (``ID-0``, ``ID-1``…) until there are ``n``."""
    docs: list[ng.Document] = []
    k = 0
    while len(docs) < n:
        docs += [copy_of(d, k) for d in corpus]
        k += 1
    kept = docs[:n]
    ids = {d.id for d in kept}
    # A copy cut off from the document it revises would not validate: keep whole lineages only.
    kept = [d for d in kept if not getattr(d, "revises", None) or d.revises in ids]
    return ng.Corpus.of(corpus.taxonomy, kept)
