"""What every section of one report shares: lookups, evidence anchors and excerpts.

Every item links to the characters it came from: ``#<doc>-<start>-<end>`` is the anchor
the document section puts where that evidence span starts (``text.render_text``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from rasd.interfaces.report.labels import label
from rasd.models import Analysis, Claim, Document, Entity, Evidence, Quote
from rasd.text import fold

CONTEXT = 90  # characters of context either side of an evidence excerpt


def anchor(ev: Evidence) -> str:
    """The in-page anchor of one evidence span: ``d_xxx-1234-1300``."""
    return f"{ev.doc}-{ev.start}-{ev.end}"


def all_evidence(a: Analysis) -> Iterable[Evidence]:
    """Every span the report links to: these, and only these, are marked in the documents."""
    for group in (a.events, a.claims, a.commitments, a.conflicts):
        for item in group:
            yield from item.evidence
    for k in a.conflicts:
        for side in (k.side_a, k.side_b):
            if side is not None:
                yield from side.evidence
    for inc in a.incidents:
        yield from inc.evidence
        for values in inc.slots.values():
            for sv in values:
                yield from sv.evidence
    for t in a.threads:
        yield from t.evidence
        yield from t.reports
        for d in t.deadlines:
            yield from d.evidence


@dataclass
class Ctx:
    """Lookups shared by every section while rendering one report."""

    analysis: Analysis
    docs: dict[str, Document]
    entities: dict[str, Entity]
    claims: dict[str, Claim]
    rendered: set[str] = field(default_factory=set)  # docs whose text is in the page
    _quotes: dict[str, list[Quote]] | None = None  # quotes by document, built on first use

    def name(self, ref: str | None) -> str:
        """Display name of an entity id (or the raw string when it is not an id)."""
        if not ref:
            return ""
        e = self.entities.get(ref)
        return e.name if e else ref

    def valid(self, ev: Evidence) -> bool:
        d = self.docs.get(ev.doc)
        return d is not None and 0 <= ev.start <= ev.end <= len(d.text)

    def excerpt(self, ev: Evidence, context: int = CONTEXT) -> Markup:
        """The evidence with ``context`` characters around it, evidence in ``<mark>``."""
        d = self.docs.get(ev.doc)
        if d is None or not self.valid(ev):
            return Markup('<span class="muted">{}</span>').format(label("ui", "no_source"))
        if ev.end - ev.start > 160:  # a long span is its own context
            context = min(context, 30)
        s = max(0, ev.start - context)
        e = min(len(d.text), ev.end + context)
        # widen to word boundaries so an excerpt never starts mid-word
        while s > 0 and not d.text[s - 1].isspace() and ev.start - s < context + 20:
            s -= 1
        while e < len(d.text) and not d.text[e].isspace() and e - ev.end < context + 20:
            e += 1
        pre = ("… " if s > 0 else "") + d.text[s : ev.start]
        post = d.text[ev.end : e] + (" …" if e < len(d.text) else "")
        return Markup("{}<mark>{}</mark>{}").format(pre, d.text[ev.start : ev.end], post)

    def speaker(self, ev: Evidence) -> str:
        """Who is quoted at ``ev`` (a quote overlapping it), for claims with no ``attributed_to``."""
        if self._quotes is None:
            self._quotes = defaultdict(list)
            for q in self.analysis.mentions.quotes:
                self._quotes[q.doc].append(q)
        for q in self._quotes.get(ev.doc, []):
            if q.start < ev.end and ev.start < q.end and q.speaker.text:
                role = f" ({q.speaker.role})" if q.speaker.role and q.speaker.role not in q.speaker.text else ""
                return q.speaker.text + role
        return ""

    def quotes(self, text: str, ev: Evidence) -> bool:
        """Whether ``text`` (ellipsis aside) is taken from the evidence's document around it."""
        d = self.docs.get(ev.doc)
        core = fold(text.strip().rstrip("…").strip())
        if d is None or not core:
            return False
        window = d.text[max(0, ev.start - len(text)) : ev.end + len(text)]
        return core in fold(window)

    def source_label(self, ev: Evidence) -> str:
        d = self.docs.get(ev.doc)
        if d is None:
            return ev.doc
        return d.outlet or d.title or d.source

    def href(self, ev: Evidence) -> str:
        # an empty span has no mark (hence no anchor): link its document instead
        ok = ev.doc in self.rendered and self.valid(ev) and ev.start < ev.end
        if ok:
            return f"#{anchor(ev)}"
        return self.doc_href(ev.doc)

    def doc_href(self, doc: str) -> str:
        """A document's article when its text is in the page, else the document list."""
        return f"#{doc}" if doc in self.rendered else "#documents"

    def evidence_links(self, evidence: list[Evidence]) -> list[dict[str, Any]]:
        return [
            {"href": self.href(ev), "source": self.source_label(ev), "excerpt": self.excerpt(ev), "anchor": anchor(ev)}
            for ev in evidence
        ]

    def sources(self, evidence: list[Evidence]) -> list[tuple[str, list[str]]]:
        """Evidence grouped by outlet: ``[(outlet, [href, …]), …]`` so one outlet cited
        three times reads "العربي الجديد ¹ ² ³" rather than its name three times."""
        groups: dict[str, list[str]] = {}
        for ev in evidence:
            groups.setdefault(self.source_label(ev), []).append(self.href(ev))
        return list(groups.items())
