"""Reading, checking, caching and writing corpus folders (``taxonomy.yaml``, ``parties.yaml``, ``documents/``)."""
