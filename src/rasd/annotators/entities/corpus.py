"""Documents of a set of files, for ``rasd entities FILES`` and the entity benchmarks
(``rasd.resolve.entities.analyse`` annotates and links them).

Uses the ingest package (``iter_pages``/``documents_from_page``) when its readers work (a
reader's optional dependency may be missing); otherwise each text file becomes one
document, so entities can be checked on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rasd.ids import make_id
from rasd.ingest import documents_from_page, iter_pages
from rasd.models import Document, Published, RawPage


def load_documents(paths: Sequence[Path]) -> list[Document]:
    """Clean documents of ``paths`` (files or folders of ``.txt``), in sorted order."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(q for q in p.rglob("*") if q.is_file()))
        elif p.is_file():
            files.append(p)
        else:
            raise FileNotFoundError(f"{p} does not exist")
    try:
        docs: list[Document] = []
        for page in iter_pages([str(f) for f in files]):
            if isinstance(page, RawPage):
                docs.extend(documents_from_page(page))
        if docs:
            return docs
    except ImportError:
        pass
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        out.append(
            Document(
                id=make_id("d", text),
                source=f.name,
                part=0,
                title="",
                outlet=None,
                published=Published(),
                language="ar",
                text=text,
            )
        )
    return out
