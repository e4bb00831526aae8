"""Storage: the ``Store`` protocol and its SQLite and PostgreSQL backends (``base``, ``sqlite``, ``postgres``).

Importing this package stays light (no numpy/datasketch) so readers such as the report
or the web API can open a store cheaply; writers import ``rasd.store.prepare`` for
``Prepared``/``prepare``.
"""

from rasd.store.base import (
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    SEARCH_BUDGET_S,
    AddStats,
    QueryError,
    SearchHit,
    SearchTimeout,
    Store,
    StoreBusy,
    StoreUnavailable,
    is_url,
    open_store,
    query_terms,
)

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TERMS",
    "SEARCH_BUDGET_S",
    "AddStats",
    "QueryError",
    "SearchHit",
    "SearchTimeout",
    "Store",
    "StoreBusy",
    "StoreUnavailable",
    "is_url",
    "open_store",
    "query_terms",
]
