"""Storage: the ``Store`` protocol and its SQLite backend (see ``base`` and ``sqlite``).

Importing this package stays light (no numpy/datasketch) so readers such as the report
or the web API can open a store cheaply; writers import ``rasd.store.prepare`` for
``Prepared``/``prepare``.
"""

from rasd.store.base import AddStats, SearchHit, Store, open_store

__all__ = ["AddStats", "SearchHit", "Store", "open_store"]
