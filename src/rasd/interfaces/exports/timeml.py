"""TimeML: one document per article, TIMEX3 tags inline over the original body.

The standard TempEval layout, so tools that read TimeBank/TempEval files read ours::

    <?xml version="1.0" encoding="UTF-8"?>
    <TimeML xmlns:xsi="…" xsi:noNamespaceSchemaLocation="…/TimeML_1.2.1.xsd">
    <DOCID>d_…</DOCID>
    <DCT><TIMEX3 tid="t0" type="DATE" value="2024-09-27" temporalFunction="false"
         functionInDocument="CREATION_TIME">2024-09-27</TIMEX3></DCT>
    <TEXT>… <TIMEX3 tid="t1" type="DATE" value="2024-09-26" temporalFunction="true"
         anchorTimeID="t0" functionInDocument="NONE">أمس</TIMEX3> …</TEXT>
    </TimeML>

Removing the tags and unescaping ``<TEXT>`` gives the document's ``text`` exactly, and
each TIMEX3 covers the characters ``[start, end)`` rasd stored for it. Two exceptions,
both rare: a carriage return is written as ``&#13;`` (parsers would turn a bare one into a
line feed), and characters that XML 1.0 cannot carry at all (control characters other than
tab, line feed and carriage return) become U+FFFD, one for one, so offsets hold. TIMEX3
tags cannot overlap; when two stored expressions do, the one that starts first (the longer
at a tie) is kept. A document without a publication date gets an empty ``<DCT/>``; a
TIMEX3 whose value rasd could not normalise has no ``value`` attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from rasd.interfaces.exports.corpus import Corpus
from rasd.models import Document, Timex

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]")


def escape_text(s: str) -> str:
    s = _NOT_XML.sub("\ufffd", s)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def escape_attr(s: str) -> str:
    s = escape_text(s).replace('"', "&quot;")
    return s.replace("\n", "&#10;").replace("\t", "&#9;")


def _tag(tid: str, t: Timex | None, *, dct: bool = False, value: str | None = None, typ: str = "DATE") -> str:
    attrs: list[tuple[str, str | None]] = [("tid", tid)]
    if dct:
        attrs += [
            ("type", typ),
            ("value", value),
            ("temporalFunction", "false"),
            ("functionInDocument", "CREATION_TIME"),
        ]
    else:
        assert t is not None
        relative = t.anchor in ("dct", "previous")
        attrs += [("type", t.type), ("value", t.value), ("mod", t.mod),
                  ("temporalFunction", "true" if relative else "false"),
                  ("anchorTimeID", "t0" if t.anchor == "dct" else None), ("functionInDocument", "NONE")]  # fmt: skip
    return "<TIMEX3 " + " ".join(f'{k}="{escape_attr(v)}"' for k, v in attrs if v) + ">"


def inline_timexes(text: str, timexes: Iterable[Timex]) -> tuple[list[Timex], str]:
    """The timexes that can be tagged (inside the text, no overlap) and the tagged, escaped body."""
    kept: list[Timex] = []
    for t in sorted(timexes, key=lambda t: (t.start, -t.end, t.type, t.value or "")):
        if 0 <= t.start < t.end <= len(text) and (not kept or t.start >= kept[-1].end):
            kept.append(t)
    parts: list[str] = []
    pos = 0
    for i, t in enumerate(kept, 1):
        parts.append(escape_text(text[pos : t.start]))
        parts.append(_tag(f"t{i}", t) + escape_text(text[t.start : t.end]) + "</TIMEX3>")
        pos = t.end
    parts.append(escape_text(text[pos:]))
    return kept, "".join(parts)


def timeml_document(doc: Document, timexes: Iterable[Timex]) -> str:
    """One TimeML file's content (ends with a newline)."""
    p = doc.published
    if p.value:
        typ = "TIME" if "T" in p.value else "DATE"
        dct = _tag("t0", None, dct=True, value=p.value, typ=typ) + escape_text(p.value) + "</TIMEX3>"
    else:
        dct = ""
    _, body = inline_timexes(doc.text, (t for t in timexes if t.doc == doc.id))
    return f"{HEADER}<DOCID>{escape_text(doc.id)}</DOCID>\n<DCT>{dct}</DCT>\n<TEXT>{body}</TEXT>\n</TimeML>\n"


def timeml_documents(corpus: Corpus) -> Iterator[tuple[Document, str]]:
    """Every document (id order) with its TimeML text."""
    for doc in corpus.documents():
        yield doc, timeml_document(doc, corpus.mentions_of([doc.id]).timex)


def file_name(doc_id: str) -> str:
    """``<doc id>.tml``; ids are ``d_`` + hex, anything else is made safe for a file name."""
    return _SAFE_NAME.sub("_", doc_id) + ".tml"


def write_timeml(corpus: Corpus, fp: TextIO) -> int:
    """All documents concatenated (each a complete XML document); returns how many."""
    n = 0
    for _, xml in timeml_documents(corpus):
        fp.write(xml)
        n += 1
    return n


def write_timeml_dir(corpus: Corpus, out_dir: Path) -> int:
    """``OUT_DIR/<doc id>.tml`` per document, each written beside its target and renamed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for doc, xml in timeml_documents(corpus):
        target = out_dir / file_name(doc.id)
        tmp = target.with_name(target.name + ".tmp")
        try:
            with tmp.open("w", encoding="utf-8", newline="") as fp:
                fp.write(xml)
            tmp.replace(target)
        finally:
            tmp.unlink(missing_ok=True)
        n += 1
    return n
