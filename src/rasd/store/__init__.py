"""Storage: the ``Store`` protocol and its SQLite backend (see ``base`` and ``sqlite``)."""

from rasd.store.base import AddStats, SearchHit, Store, open_store
from rasd.store.prepare import Prepared, prepare

__all__ = ["AddStats", "Prepared", "SearchHit", "Store", "open_store", "prepare"]
