"""Small helpers every page shares: labels, paging, date filters, evidence links.

The view models built from these are plain dicts and lists of JSON values: the same dict
is the page's JSON (``/api/…``) and what its template renders, so the two cannot drift.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any
from urllib.parse import urlencode

from rasd.interfaces.report import date_range, format_date
from rasd.interfaces.report import label as report_label
from rasd.models import Evidence
from rasd.resources import load_table

MAX_LIMIT = 1000
CONTEXT = 80  # characters of text either side of an evidence span in an excerpt


class BadRequest(ValueError):
    """A query parameter the page cannot use (an unreadable date, a search over the limits)."""


@cache
def _labels() -> dict[tuple[str, str], str]:
    return {(r[0], r[1]): r[2] for r in load_table("web/labels.tsv") if len(r) >= 3}


def label(kind: str, code: str | None) -> str:
    """Arabic label of a code: the web app's list first, then the report's, else the code."""
    if code is None:
        return ""
    got = _labels().get((kind, code))
    return got if got is not None else report_label(kind, code)


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of ``items`` with what the pager needs."""
    return {"total": len(items), "offset": offset, "limit": limit, "items": items[offset : offset + limit]}


def bound(value: str | None, end: bool) -> dt.date | None:
    """First (or last, ``end``) day of a date filter value; ``BadRequest`` when unreadable."""
    if not value:
        return None
    r = date_range(value)
    if r is None:
        raise BadRequest(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return r[1] if end else r[0]


def overlaps(value: str | None, lo: dt.date | None, hi: dt.date | None) -> bool:
    """Whether a TimeML value's period meets ``[lo, hi]``; undated values only pass an open range."""
    if lo is None and hi is None:
        return True
    r = date_range(value)
    if r is None:
        return False
    return (hi is None or r[0] <= hi) and (lo is None or r[1] >= lo)


def start_of(value: str | None) -> dt.date | None:
    r = date_range(value)
    return r[0] if r else None


def doc_href(doc: str, ev: Evidence | None = None) -> str:
    """The document page, scrolled to and marking ``ev`` when given."""
    if ev is None:
        return f"/documents/{doc}"
    return f"/documents/{doc}?{urlencode({'hl': f'{ev.start}-{ev.end}'})}#hl"


def evidence_links(evidence: list[Evidence], names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """``{doc, start, end, href, title}`` for each evidence span (``names``: document titles)."""
    return [
        {"doc": e.doc, "start": e.start, "end": e.end, "href": doc_href(e.doc, e),
         "title": (names or {}).get(e.doc, e.doc)}
        for e in evidence
    ]  # fmt: skip


def excerpt(text: str, start: int, end: int, context: int = CONTEXT) -> dict[str, str]:
    """``before``/``match``/``after`` around ``text[start:end]`` (the template marks ``match``)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lo, hi = max(0, start - context), min(len(text), end + context)
    return {
        "before": ("…" if lo > 0 else "") + text[lo:start],
        "match": text[start:end],
        "after": text[end:hi] + ("…" if hi < len(text) else ""),
    }


def shorten(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def when(value: str | None) -> str:
    """A TimeML value as Arabic readers write it (``5 أغسطس 2024``)."""
    return format_date(value)


def qs(params: dict[str, Any], **changes: Any) -> str:
    """The query string of ``params`` with ``changes`` applied (``None`` drops a key): pager and filter links."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})
