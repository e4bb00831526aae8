"""Ingest: read pages, decode, clean furniture, split articles, find title/outlet/date/language.

Public API (used by the pipeline, the store and the CLI):

- ``iter_pages(inputs, date=None)`` yields ``RawPage`` or ``IngestError`` lazily, never raises;
- ``documents_from_page(page)`` turns one page into clean ``Document``s.
"""

from rasd.ingest.document import content_hash, documents_from_page
from rasd.ingest.readers import IngestError, iter_pages

__all__ = ["IngestError", "content_hash", "documents_from_page", "iter_pages"]
