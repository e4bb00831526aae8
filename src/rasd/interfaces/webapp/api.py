"""JSON endpoints with no page of their own: the index of the API and the raw export items.

Events, claims, commitments and conflicts are served in their export shape
(``shared/spec/EXPORT.md``), filtered and paged; the pages' own JSON lives beside each page
(``routes``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import FastAPI

from rasd.interfaces.report import date_range
from rasd.interfaces.webapp import downloads
from rasd.interfaces.webapp.common import bound, overlaps, page
from rasd.interfaces.webapp.corpus import Corpus
from rasd.interfaces.webapp.routes import From, Limit, Offset, To
from rasd.models import Event, to_dict

ENDPOINTS = (
    "/api/home", "/api/search?q=&kind=documents|quotes|incidents", "/api/documents", "/api/documents/{id}",
    "/api/entities", "/api/entities/{id}", "/api/incidents", "/api/incidents/{id}", "/api/disagreements",
    "/api/disagreements/{id}", "/api/threads", "/api/threads/{id}?as_of=", "/api/quotes", "/api/timeline",
    "/api/map", "/api/events", "/api/claims", "/api/commitments", "/api/conflicts",
)  # fmt: skip


def _involves(e: Event, ent: str) -> bool:
    return ent == e.place or ent in e.actors or ent in e.targets


def install(app: FastAPI, corpus: Corpus) -> None:
    c = corpus

    @app.get("/api")
    def api_root() -> dict[str, Any]:
        """What is served: the source, ``as_of``, counts, the endpoints (ids accept unique prefixes) and the downloads."""
        v = c.views
        return {
            "source": c.source, "as_of": c.as_of,
            "counts": {"documents": len(c.docs), "entities": len(v.entities), "events": len(v.events),
                       "claims": len(v.claims), "commitments": len(v.commitments), "conflicts": len(v.conflicts),
                       "incidents": len(v.incidents), "threads": len(v.threads), "quotes": len(c.quotes)},
            "endpoints": list(ENDPOINTS),
            "exports": list(downloads.URLS),  # downloads, as `rasd export` writes them
        }  # fmt: skip

    @app.get("/api/events")
    def events(limit: Limit = 100, offset: Offset = 0, type: str | None = None, entity: str | None = None,
               date_from: From = None, date_to: To = None) -> dict[str, Any]:  # fmt: skip
        """Events (one source's report each) whose period meets ``from``–``to``, by id."""
        lo, hi = bound(date_from, False), bound(date_to, True)
        ent = c.resolve("entities", entity) if entity else None
        evs = [e for e in c.views.events if (not type or e.type == type.upper()) and (not ent or _involves(e, ent))
               and overlaps(e.date.value, lo, hi)]  # fmt: skip
        evs.sort(key=lambda e: e.id)
        out = page(evs, limit, offset)
        out["items"] = [{**to_dict(e), "incident": c.incident_of_event.get(e.id)} for e in out["items"]]
        return out

    @app.get("/api/claims")
    def claims(limit: Limit = 100, offset: Offset = 0, entity: str | None = None,
               polarity: str | None = None) -> dict[str, Any]:  # fmt: skip
        ent = c.resolve("entities", entity) if entity else None
        cs = sorted(c.views.claims, key=lambda x: x.id)
        if ent:
            cs = [x for x in cs if ent in (x.attributed_to, x.subject, x.object)]
        if polarity:
            cs = [x for x in cs if x.polarity == polarity]
        out = page(cs, limit, offset)
        out["items"] = [to_dict(x) for x in out["items"]]
        return out

    @app.get("/api/commitments")
    def commitments(status: str | None = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        """Commitments by deadline, their status seen from the server's ``as_of``."""
        cs = [x for x in c.views.commitments if status is None or x.status == status]
        far = (dt.date.max, dt.date.max, "")
        cs.sort(key=lambda x: ((date_range(x.deadline) or far)[1], x.id))
        out = page(cs, limit, offset)
        out["items"] = [to_dict(x) for x in out["items"]]
        return {"as_of": c.as_of, **out}

    @app.get("/api/conflicts")
    def conflicts(kind: str | None = None, incident: str | None = None, thread: str | None = None,
                  limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
        """Conflicts in export shape, each with the claims it compares (``claim_a``/``claim_b``) resolved."""
        inc = c.resolve("incidents", incident) if incident else None
        thr = c.resolve("threads", thread) if thread else None
        ks = [k for k in sorted(c.views.conflicts, key=lambda k: k.id)
              if (not kind or k.kind == kind) and (not inc or k.incident == inc) and (not thr or k.thread == thr)]  # fmt: skip
        out = page(ks, limit, offset)
        items = []
        for k in out["items"]:
            item = to_dict(k)
            for side in ("a", "b"):
                claim = c.claim.get(getattr(k, side))
                item[f"claim_{side}"] = to_dict(claim) if claim else None
            items.append(item)
        out["items"] = items
        return out
