"""Which taxonomy an analysis measures on: the one its documents came with.

Documents loaded in a corpus know that corpus's taxonomy, so ``compare(a, b)`` needs no
extra argument. An explicit ``taxonomy=`` overrides; documents built alone (no taxonomy
attached) are measured on the bundled corpus's taxonomy; documents of two different
taxonomies cannot be compared and raise :class:`~negotiation.errors.TaxonomyMismatchError`.
"""

from __future__ import annotations

from collections.abc import Iterable

from negotiation.errors import TaxonomyMismatchError
from negotiation.model.models import Document, Taxonomy


def taxonomy_of(documents: Iterable[Document], taxonomy: Taxonomy | None = None) -> Taxonomy:
    """The taxonomy shared by ``documents`` (or ``taxonomy`` when given)."""
    if taxonomy is not None:
        return taxonomy
    found: Taxonomy | None = None
    found_in = ""
    for doc in documents:
        tax = doc.taxonomy
        if tax is None:
            continue
        if found is None:
            found, found_in = tax, doc.id
        elif tax is not found and tax != found:
            raise TaxonomyMismatchError(
                f"{found_in!r} belongs to {found.describe()} but {doc.id!r} to {tax.describe()}; "
                "documents of different corpora cannot be compared (pass taxonomy= to measure both on one)"
            )
    if found is not None:
        return found
    from negotiation.corpus.loader import load  # documents built alone: the bundled corpus

    return load().taxonomy
