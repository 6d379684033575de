"""The domain model: scales and their values, the taxonomy, sources, stances, documents, the corpus.

Nothing here reads files, renders output or parses arguments: loading lives in
:mod:`negotiation.corpus`, analyses in :mod:`negotiation.analysis`, output in
:mod:`negotiation.render` and the command line in :mod:`negotiation.cli`.
"""
