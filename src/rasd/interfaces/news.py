"""What is new since a date: the store's incidents, disagreements and deadlines as news items.

An analyst who checks in on Monday asks what changed since Friday. The answer is read
from the views the store holds (``models.Views``) and dated by the publication dates of
the documents behind each item, never by when a page was added, so it is the same
whatever order the pages came in (issue 14):

- ``incident``: an incident first reported on or after D (its earliest source);
- ``conflict``: a disagreement between sources whose later side was published on or after D;
- ``update``: a figure a later source updated (a conflict with relation ``update``);
- ``deadline``: a commitment thread whose current deadline ended between D and ``as_of``,
  unless the thread was kept or superseded;
- ``superseded``: a deadline replaced by a different one stated on or after D.

Items dated after ``as_of`` are left out; they are sorted newest first. ``news_json`` is
what ``/api/news?since=`` serves, ``atom_feed`` the Atom 1.0 document of ``/feed.atom``
(written with feedgen, which checks the feed's required elements and escapes the text).
The Arabic titles come from ``resources/news/labels.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from rasd.ids import make_id
from rasd.interfaces.dates import calendar_date
from rasd.models import VIEW_KINDS, Analysis, Conflict, Incident, Thread, Views, to_dict
from rasd.resources import load_table
from rasd.store.base import Store
from rasd.story.commitments import period

KINDS = ("incident", "conflict", "update", "deadline", "superseded")
FEED_DAYS = 30  # what /feed.atom covers when the reader gives no ``since``
FEED_ID = "urn:rasd:news"


@dataclass
class NewsItem:
    """One piece of news: what kind, the day that made it news, and what it is about."""

    id: str  # n_…, from kind, subject and day
    kind: str  # one of KINDS
    date: str  # YYYY-MM-DD
    title: str  # Arabic, from resources/news/labels.tsv
    about: str  # the incident (i_…), conflict or thread (t_…) id
    docs: list[str] = field(default_factory=list)  # the documents behind it
    summary: str = ""


def check_day(value: str) -> str:
    """``value`` if it is a calendar date YYYY-MM-DD, else ``ValueError`` (the API's 400)."""
    if not calendar_date(value, "day"):  # 2024-02-30 is no date either
        raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}")
    return value


def _labels() -> dict[str, str]:
    return {row[0]: row[1] for row in load_table("news/labels.tsv") if len(row) >= 2}


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def label(key: str, **fields: Any) -> str:
    return _labels().get(key, key).format_map(_Blank(fields))


def _day(value: str | None) -> str | None:
    """First day of the period a TimeML date names ("2025-09" → "2025-09-01"), or ``None``."""
    p = period(value) if value else None
    return p[0] if p else None


def _days(docs: Iterable[str], dates: Mapping[str, str | None]) -> list[str]:
    return sorted(d for d in (_day(dates.get(x)) for x in docs) if d)


def _item(kind: str, day: str, about: str, docs: Iterable[str], summary: str = "", **fields: Any) -> NewsItem:
    return NewsItem(make_id("n", kind, about, day), kind, day, label(kind, **fields), about, sorted(set(docs)), summary)


def _incident_news(inc: Incident, dates: Mapping[str, str | None], since: str, as_of: str) -> NewsItem | None:
    docs = {e.doc for e in inc.evidence} | {v.source for vs in inc.slots.values() for v in vs}
    days = _days(docs, dates)
    if not days or not since <= days[0] <= as_of:
        return None
    return _item("incident", days[0], inc.id, docs, label("sources", n=inc.sources), label=inc.label)


def _conflict_news(k: Conflict, dates: Mapping[str, str | None], since: str, as_of: str) -> NewsItem | None:
    docs = {s.source for s in (k.side_a, k.side_b) if s is not None} or {e.doc for e in k.evidence}
    days = [d for d in _days(docs, dates) if d <= as_of]
    if not days or days[-1] < since:
        return None
    kind = "update" if k.relation == "update" else "conflict"
    return _item(kind, days[-1], k.id, docs, k.explanation, explanation=k.explanation)


def _thread_news(t: Thread, since: str, as_of: str) -> list[NewsItem]:
    out: list[NewsItem] = []
    docs = [e.doc for e in t.evidence]
    if t.deadlines and t.status not in ("kept", "superseded"):
        cur = t.deadlines[-1]
        p = period(cur.value, cur.mod)
        if p and since <= p[1] < as_of:  # the deadline's last day passed within the window
            out.append(_item("deadline", p[1], t.id, docs, t.what, deadline=cur.value, what=t.what))
    for old, new in zip(t.deadlines, t.deadlines[1:], strict=False):
        day = _day(new.stated_on)
        if new.value != old.value and day and since <= day <= as_of:
            out.append(_item("superseded", day, t.id, [e.doc for e in new.evidence] or docs, t.what,
                             old=old.value, new=new.value, what=t.what))  # fmt: skip
    return out


def news_since(views: Views, dates: Mapping[str, str | None], since: str, as_of: str | None = None) -> list[NewsItem]:
    """News items of ``views`` dated from ``since`` to ``as_of`` (today, UTC, by default), newest first.

    ``dates`` maps document ids to their publication dates (``Store.doc_dates``).
    """
    check_day(since)
    as_of = check_day(as_of) if as_of else datetime.now(UTC).strftime("%Y-%m-%d")
    items: list[NewsItem] = []
    for inc in views.incidents:
        if (it := _incident_news(inc, dates, since, as_of)) is not None:
            items.append(it)
    for k in views.conflicts:
        if (it := _conflict_news(k, dates, since, as_of)) is not None:
            items.append(it)
    for t in views.threads:
        items.extend(_thread_news(t, since, as_of))
    unique = {it.id: it for it in items}  # a thread superseded twice on one day is one item
    return sorted(unique.values(), key=lambda it: (_neg(it.date), KINDS.index(it.kind), it.id))


def _neg(day: str) -> tuple[int, ...]:
    return tuple(-int(x) for x in day.split("-"))


def news_from_store(store: Store, since: str, as_of: str | None = None) -> list[NewsItem]:
    """``news_since`` over what ``store`` holds (open it read-only)."""
    return news_since(store.load_views(), store.doc_dates(), since, as_of)


def news_from_analysis(analysis: Analysis, since: str, as_of: str | None = None) -> list[NewsItem]:
    """``news_since`` over an ``Analysis`` (a server reading ``analysis.json`` instead of a store)."""
    views = Views(**{k: getattr(analysis, k) for k in VIEW_KINDS})
    return news_since(views, {d.id: d.published.value for d in analysis.documents}, since, as_of)


def news_json(items: Sequence[NewsItem]) -> list[dict[str, Any]]:
    """The JSON list ``/api/news`` and ``rasd news --json`` give: one object per item."""
    return [to_dict(it) for it in items]


def default_since(as_of: str | None = None) -> str:
    """``FEED_DAYS`` before ``as_of`` (today): what a feed covers when the reader names no date."""
    end = date.fromisoformat(check_day(as_of)) if as_of else datetime.now(UTC).date()
    return (end - timedelta(days=FEED_DAYS)).isoformat()


def _when(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


def atom_feed(items: Sequence[NewsItem], *, self_url: str | None = None, as_of: str | None = None) -> bytes:
    """The Atom 1.0 feed of ``items`` (UTF-8 bytes). Deterministic: the feed's ``updated`` is
    its newest item's day (``as_of`` when it has none), never the clock."""
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.id(FEED_ID)
    fg.title(label("feed_title"))
    fg.language("ar")
    fg.author({"name": "rasd"})
    fg.generator("rasd")
    newest = max((it.date for it in items), default=as_of or datetime.now(UTC).strftime("%Y-%m-%d"))
    fg.updated(_when(newest))
    if self_url:
        fg.link(href=self_url, rel="self", type="application/atom+xml")
    for it in items:
        fe = fg.add_entry(order="append")
        fe.id(f"urn:rasd:{it.id}")
        fe.title(it.title)
        fe.updated(_when(it.date))
        fe.published(_when(it.date))
        fe.category(term=it.kind)
        body = "\n".join(x for x in (it.summary, " ".join(it.docs)) if x)
        fe.content(body or it.title, type="text")
    return bytes(fg.atom_str(pretty=True))


def api_news(store: Store, since: str, as_of: str | None = None) -> list[dict[str, Any]]:
    """``GET /api/news?since=D[&as_of=D]``: ``ValueError`` for a malformed date (answer 400)."""
    return news_json(news_from_store(store, since, as_of))


def feed_atom(store: Store, since: str | None = None, as_of: str | None = None, self_url: str | None = None) -> bytes:
    """``GET /feed.atom[?since=D]``: the last ``FEED_DAYS`` days by default (media type
    ``application/atom+xml``); ``ValueError`` for a malformed date (answer 400)."""
    return atom_feed(news_from_store(store, since or default_since(as_of), as_of), self_url=self_url, as_of=as_of)
