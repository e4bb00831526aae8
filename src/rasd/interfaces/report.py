"""The self-contained HTML report: one right-to-left page an analyst can read offline.

Everything (CSS, JS, SVG charts, the map outline) is inlined so the file can be mailed or
archived and opened anywhere without a single network request. Every item links to the
characters it came from: documents are rendered (whole, or around the evidence on a big
corpus) with evidence spans in ``<mark>`` at their exact offsets, and
``#<doc>-<start>-<end>`` anchors scroll to them.

Public API: ``render_report(analysis, as_of) -> str``, ``write_report(analysis, path, as_of)``,
``load_analysis(path)`` / ``analysis_from_dict(data)`` to read ``analysis.json`` back,
``restatus(analysis, as_of)`` to see commitments from another day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import types
import typing
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources as _res
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from rasd.models import Analysis, Claim, Document, Entity, Event, Evidence, Quote, Side
from rasd.resources import load_table
from rasd.text import fold

# --------------------------------------------------------------------------- loading


# ``rasd.store.codec`` does the same, but importing anything under ``rasd.store`` loads the
# store's ingest machinery (seconds, numpy); the report must stay light, so it keeps this
# small converter of its own.


def _convert(tp: Any, value: Any) -> Any:
    """``value`` (JSON) as an instance of annotation ``tp``: dataclasses, lists, dicts, unions."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        for a in args:
            if dataclasses.is_dataclass(a) and isinstance(value, dict):
                return _convert(a, value)
        return _convert(args[0], value) if len(args) == 1 else value
    if origin in (list, tuple):
        arg = (typing.get_args(tp) or (Any,))[0]
        return [_convert(arg, v) for v in value] if isinstance(value, list) else []
    if origin is dict:
        kv = typing.get_args(tp)
        return {k: _convert(kv[1], v) for k, v in value.items()} if len(kv) == 2 else dict(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise ValueError(f"expected an object for {tp.__name__}, got {type(value).__name__}")
        hints = _hints(tp)
        return tp(**{f.name: _convert(hints[f.name], value[f.name]) for f in dataclasses.fields(tp)
                     if f.init and f.name in value})  # fmt: skip
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an ``Analysis`` from the export JSON; unknown keys are ignored, missing ones default."""
    from rasd.interfaces.export import conflict_model  # schema-2 conflicts carry their sides inline

    if isinstance(data.get("conflicts"), list):
        data = {**data, "conflicts": [conflict_model(k) if isinstance(k, dict) else k for k in data["conflicts"]]}
    result: Analysis = _convert(Analysis, data)
    return result


def load_analysis(path: Path) -> tuple[Analysis, dict[str, Any]]:
    """Read ``analysis.json``: the analysis and its top-level metadata (``as_of``, ``tool``…)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not an analysis export (top level is not an object)")
    meta = {k: v for k, v in data.items() if not isinstance(v, (list, dict)) or k == "tool"}
    return analysis_from_dict(data), meta


def restatus(analysis: Analysis, as_of: str) -> Analysis:
    """A copy of ``analysis`` whose commitment statuses are seen from ``as_of``.

    For ``rasd report --as-of`` on an export made on another day; uses the views
    stage's own rule (``rasd.story.commitments.status``) so both always agree.
    """
    from rasd.story.commitments import status  # the views stage, imported only when needed

    return dataclasses.replace(
        analysis,
        commitments=[dataclasses.replace(c, status=status(c.deadline, as_of)) for c in analysis.commitments],
    )


# --------------------------------------------------------------------------- labels & dates


@cache
def _labels() -> dict[tuple[str, str], str]:
    return {(r[0], r[1]): r[2] for r in load_table("report/labels.tsv") if len(r) >= 3}


def label(kind: str, code: str | None) -> str:
    """Arabic label for an export code (``label("event", "ATTACK")``); the code itself if unknown."""
    if code is None:
        return ""
    return _labels().get((kind, code), code)


_SEASON_MONTHS = {"WI": (1, 3), "SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "AU": (9, 12)}


def date_range(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """First and last day a TimeML date value covers, and its precision; None when not a date.

    Handles ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY-Wnn``,
    seasons (``YYYY-SU``) and times (``YYYY-MM-DDTHH:MM``); ``PAST_REF``/durations give None.
    """
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    try:
        year = int(value[:4])
        rest = value[4:]
        if not rest:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        if rest[0] != "-":
            return None
        part = rest[1:]
        if len(part) >= 5 and part[2] == "-" and part[:2].isdigit() and part[3:5].isdigit():
            d = dt.date(year, int(part[:2]), int(part[3:5]))
            return d, d, "day"
        if part.isdigit() and len(part) == 2:
            m = int(part)
            last = (dt.date(year + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
            return dt.date(year, m, 1), last, "month"
        if len(part) == 2 and part[0] in "QH" and part[1].isdigit():
            n = int(part[1])
            span = 3 if part[0] == "Q" else 6
            m0 = (n - 1) * span + 1
            m1 = m0 + span - 1
            if not 1 <= m0 <= 12 or m1 > 12:
                return None
            last = dt.date(year + (m1 == 12), m1 % 12 + 1, 1) - dt.timedelta(days=1)
            return dt.date(year, m0, 1), last, "month"
        if part[:1] == "W" and part[1:3].isdigit():
            start = dt.date.fromisocalendar(year, int(part[1:3]), 1)
            return start, start + dt.timedelta(days=6), "day"
        if part[:2] in _SEASON_MONTHS:
            m0, m1 = _SEASON_MONTHS[part[:2]]
            last = dt.date(year + (m1 == 12), m1 % 12 + 1, 1) - dt.timedelta(days=1)
            return dt.date(year, m0, 1), last, "month"
    except ValueError:
        return None
    return None


def format_date(value: str | None) -> str:
    """Readable Arabic form of a TimeML value: ``5 يونيو 2021``, ``أغسطس 2024``, ``2014``."""
    if not value:
        return "غير محدد"
    r = date_range(value)
    if r is None:
        return value
    start, _end, precision = r
    if precision == "year":
        return str(start.year)
    if precision == "month" and len(value) == 7:
        return f"{label('month', f'{start.month:02d}')} {start.year}"
    if precision == "day" and len(value) >= 10:
        return f"{start.day} {label('month', f'{start.month:02d}')} {start.year}"
    return value


# --------------------------------------------------------------------------- view model

EVENT_COLORS = {
    "ATTACK": "#c0392b", "AIRSTRIKE": "#8e2b1f", "AGREEMENT": "#1e8449", "STATEMENT": "#2471a3",
    "DENIAL": "#7d3c98", "MEETING": "#b9770e", "WITHDRAWAL": "#117a65", "REDEPLOYMENT": "#148f77",
    "ARREST": "#6e2c00", "FORMATION": "#34495e", "ELECTION": "#a04000", "OTHER": "#707b7c",
}
ENTITY_ORDER = ["PER", "ORG", "GPE", "LOC", "FAC", "MISC"]
CONTEXT = 90  # characters of context either side of an evidence excerpt
EXCERPT_PAD = 160  # characters kept around evidence in documents shown as excerpts
CONFLICTS_SHOWN = 15  # conflicts open on the page; the rest sit in a <details> below
ENTITIES_SHOWN = 25  # rows per entity type before the rest fold into <details>
MAP_MARGIN = 2.5  # degrees around the places
MAP_LABELS = 60  # place names tried on the map (label placement is quadratic in labels)
MAP_MIN_SPAN = (16.0, 11.0)  # smallest view, degrees of longitude and latitude


def anchor(ev: Evidence) -> str:
    """The in-page anchor of one evidence span: ``d_xxx-1234-1300``."""
    return f"{ev.doc}-{ev.start}-{ev.end}"


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
            return Markup('<span class="muted">(مصدر غير متاح)</span>')
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
        return f"#{ev.doc}" if ev.doc in self.rendered else "#documents"


def _all_evidence(a: Analysis) -> Iterable[Evidence]:
    for group in (a.events, a.claims, a.commitments, a.conflicts):
        for item in group:
            yield from item.evidence


# --------------------------------------------------------------------------- document text


def render_text(
    text: str,
    marks: Iterable[tuple[int, int]],
    layers: Iterable[tuple[int, int, str, str]] = (),
    doc_id: str = "",
    offset: int = 0,
    anchors: Iterable[tuple[int, int]] = (),
) -> Markup:
    """``text`` as HTML with evidence spans in ``<mark>`` and entity mentions styled.

    Spans may overlap, so the text is cut at every span boundary into segments; a segment
    covered by evidence is a ``<mark>`` carrying its own offsets (``data-s``/``data-e``),
    and an empty anchor ``<a id>`` is placed where each evidence span starts. Stripping
    the tags and unescaping gives back ``text`` exactly, which the tests check. ``offset``
    is added to every emitted offset when ``text`` is a slice of the document. Layer
    spans carry their offsets too, and ``anchors`` (e.g. an entity's first mention) get
    an ``<a id>`` like evidence, so a link can land on a mention that is not evidence.
    """
    n = len(text)
    spans = sorted({(s, e) for s, e in marks if 0 <= s < e <= n})
    lays = sorted({(s, e, c, t) for s, e, c, t in layers if 0 <= s < e <= n})
    # sweep over the boundaries keeping the spans and layers open there: linear in the
    # spans, however many mentions a long document has
    opens: dict[int, list[tuple[int, int]]] = defaultdict(list)
    closes: dict[int, int] = defaultdict(int)
    for s, e in spans:
        opens[s].append((s, e))
        closes[e] += 1
    extra: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for s, e in sorted({(s, e) for s, e in anchors if 0 <= s < e <= n} - set(spans)):
        extra[s].append((s, e))
    lay_open: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    lay_close: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for lay in lays:
        lay_open[lay[0]].append(lay)
        lay_close[lay[1]].append(lay)
    bounds = sorted({0, n, *opens, *closes, *lay_open, *lay_close, *extra})
    active = 0
    active_lays: set[tuple[int, int, str, str]] = set()
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        active += len(opens.get(a, ())) - closes.get(a, 0)
        active_lays.difference_update(lay_close.get(a, ()))
        active_lays.update(lay_open.get(a, ()))
        for s, e in [*opens.get(a, ()), *extra.get(a, ())]:
            out.append(f'<a class="ev-anchor" id="{escape(doc_id)}-{s + offset}-{e + offset}"></a>')
        seg = str(escape(text[a:b]))
        if active_lays:
            _, _, cls, title = min(active_lays)
            seg = (
                f'<span class="{escape(cls)}" title="{escape(title)}" data-s="{a + offset}" '
                f'data-e="{b + offset}">{seg}</span>'
            )
        if active:
            seg = f'<mark data-s="{a + offset}" data-e="{b + offset}">{seg}</mark>'
        out.append(seg)
    return Markup("".join(out))


def render_excerpts(
    text: str,
    marks: Iterable[tuple[int, int]],
    layers: Iterable[tuple[int, int, str, str]] = (),
    doc_id: str = "",
    pad: int = EXCERPT_PAD,
) -> Markup:
    """Only the parts of ``text`` around evidence (``pad`` characters either side, merged),
    with a gap marker between them: how documents past ``max_docs`` are shown, so every
    evidence link still lands on its marked span while the file stays small."""
    spans = sorted({(s, e) for s, e in marks if 0 <= s < e <= len(text)})
    windows: list[list[int]] = []
    for s, e in spans:
        a, b = max(0, s - pad), min(len(text), e + pad)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    lays = list(layers)
    gap = '<span class="gap" aria-hidden="true"> … </span>'
    out: list[str] = []
    for a, b in windows:
        if a > 0 and not out:
            out.append(gap)
        piece = render_text(
            text[a:b],
            [(s - a, e - a) for s, e in spans if a <= s and e <= b],
            [(max(s, a) - a, min(e, b) - a, c, t) for s, e, c, t in lays if s < b and e > a],
            doc_id,
            offset=a,
        )
        out.append(str(piece))
        if b < len(text):
            out.append(gap)
    return Markup("".join(out))


# --------------------------------------------------------------------------- timeline SVG

LANE_H = 34
ROW_H = 11  # vertical step between stacked rows inside a lane
MAX_ROWS = 8
LABEL_W = 130
YEAR_GAP = 26
YEAR_MIN_W = 48  # narrowest year slot on the timeline


@dataclass
class Mark:
    event: Event
    start: dt.date
    end: dt.date
    precision: str


def _timeline_svg(ctx: Ctx, marks: list[Mark], width: int = 1100) -> Markup:
    """Events as marks on a right-to-left time axis, one lane per event type.

    Years without events are collapsed into a small break and busy years get wider
    slots, so a corpus spanning 2007–2024 does not squeeze its busy months into a few
    pixels; inside a year the scale is linear by day. Day precision is a dot, month/year precision a bar over
    the period it covers; planned/expected events are hollow, denied ones dashed.
    Overlapping marks in a lane go on extra rows (the lane grows, up to ``MAX_ROWS``).
    """
    if not marks:
        return Markup("")
    years = sorted({y for m in marks for y in range(m.start.year, m.end.year + 1)})
    gap_before = {y: i > 0 and y - years[i - 1] > 1 for i, y in enumerate(years)}
    n_gaps = sum(gap_before.values())
    plot_right = width - LABEL_W
    plot_left = 16
    # each year gets a base width plus a share proportional to its events: busy years
    # get room, a lone 2007 raid does not take a ninth of the chart
    per_year = Counter(y for m in marks for y in range(m.start.year, m.end.year + 1))
    room = plot_right - plot_left - n_gaps * YEAR_GAP
    base = min(YEAR_MIN_W, room / len(years))
    total = sum(per_year.values())
    slot_w = {y: base + (room - base * len(years)) * per_year[y] / total for y in years}
    x_of_year: dict[int, float] = {}
    x = float(plot_right)
    for y in years:
        if gap_before[y]:
            x -= YEAR_GAP
        x_of_year[y] = x  # right edge of this year's slot (time runs right to left)
        x -= slot_w[y]

    def xpos(d: dt.date) -> float:
        y0 = dt.date(d.year, 1, 1)
        days = (dt.date(d.year + 1, 1, 1) - y0).days
        return x_of_year[d.year] - slot_w[d.year] * ((d - y0).days + 0.5) / days

    types_present = [t for t in EVENT_COLORS if any(m.event.type == t for m in marks)]
    types_present += sorted({m.event.type for m in marks} - set(types_present))

    # Rows: sorted by start date, every mark placed before reaches at least as far right
    # as the new one, so a row is free iff its leftmost occupied x lies right of the new
    # mark: one number per row, O(n) overall.
    left_edge: dict[tuple[str, int], float] = {}
    rows_used: dict[str, int] = defaultdict(lambda: 1)
    placed: list[tuple[Mark, float, float, int]] = []
    for m in sorted(marks, key=lambda m: (m.start, m.end, m.event.id)):
        x1, x0 = xpos(m.start), xpos(m.end)
        if m.precision == "day":
            x0, x1 = x0 - 6, x1 + 6
        else:
            x0, x1 = min(x0, x1 - 8), max(x1, x0 + 8)
        t = m.event.type
        free = [r for r in range(MAX_ROWS) if left_edge.get((t, r), math.inf) > x1 + 1]
        row = free[0] if free else max(range(MAX_ROWS), key=lambda r: left_edge[(t, r)])
        left_edge[(t, row)] = min(left_edge.get((t, row), math.inf), x0)
        rows_used[t] = max(rows_used[t], row + 1)
        placed.append((m, x0, x1, row))

    lane_top: dict[str, float] = {}
    lane_h: dict[str, float] = {}
    cur = 10.0
    for t in types_present:
        lane_top[t] = cur
        lane_h[t] = max(LANE_H, ROW_H * rows_used[t] + 12)
        cur += lane_h[t]
    axis_y = cur
    height = axis_y + 46
    parts: list[str] = [
        f'<svg class="timeline" viewBox="0 0 {width} {height:.0f}" width="100%" role="img" '
        f'aria-label="الخط الزمني للأحداث">'
    ]
    for i, t in enumerate(types_present):
        fill = "#f7f9fb" if i % 2 == 0 else "#ffffff"
        top, h = lane_top[t], lane_h[t]
        parts.append(f'<rect x="{plot_left}" y="{top:.1f}" width="{plot_right - plot_left}" height="{h:.1f}" fill="{fill}"/>')
        parts.append(
            f'<text x="{width - 8}" y="{top + h / 2 + 5:.1f}" text-anchor="start" class="lane">'
            f'<tspan fill="{EVENT_COLORS.get(t, "#555")}">■</tspan> {escape(label("event", t))}</text>'
        )
    parts.append(f'<line x1="{plot_left}" x2="{plot_right}" y1="{axis_y:.1f}" y2="{axis_y:.1f}" class="axis"/>')
    for yr in years:
        xr = x_of_year[yr]
        sw = slot_w[yr]
        xl = xr - sw
        parts.append(f'<line x1="{xl:.1f}" x2="{xl:.1f}" y1="10" y2="{axis_y + 6:.1f}" class="year-sep"/>')
        parts.append(f'<text x="{(xl + xr) / 2:.1f}" y="{axis_y + 22:.1f}" text-anchor="middle" class="year">{yr}</text>')
        if sw >= 120:
            step = 1 if sw >= 360 else 3
            for mth in range(1, 13, step):
                mx = xpos(dt.date(yr, mth, 1)) + sw / 730
                parts.append(f'<line x1="{mx:.1f}" x2="{mx:.1f}" y1="{axis_y:.1f}" y2="{axis_y + 4:.1f}" class="tick"/>')
                if sw >= 240:
                    parts.append(
                        f'<text x="{mx:.1f}" y="{axis_y + 38:.1f}" text-anchor="middle" class="month">'
                        f"{escape(label('month', f'{mth:02d}'))}</text>"
                    )
        if gap_before[yr]:
            gx = xr + YEAR_GAP / 2
            parts.append(f'<path d="M{gx - 5:.1f},{axis_y - 6:.1f} l5,12 M{gx:.1f},{axis_y - 6:.1f} l5,12" class="break"/>')
    for m, x0, x1, row in placed:
        t = m.event.type
        rows = rows_used[t]
        cy = lane_top[t] + lane_h[t] / 2 + (row - (rows - 1) / 2) * ROW_H
        color = EVENT_COLORS.get(t, "#555")
        hollow = m.event.modality in ("planned", "expected")
        dash = ' stroke-dasharray="3 2"' if m.event.modality == "denied" else ""
        fill = "#fff" if hollow else color
        ev = m.event.evidence[0] if m.event.evidence else None
        href = ctx.href(ev) if ev else f"#ev-{m.event.id}"
        title = f"{format_date(m.event.date.value)} · {label('event', t)} · {shorten(m.event.summary or m.event.trigger, 160)}"
        if m.precision == "day":
            shape = (
                f'<circle cx="{(x0 + x1) / 2:.1f}" cy="{cy:.1f}" r="5.5" fill="{fill}" stroke="{color}" '
                f'stroke-width="2"{dash}/>'
            )
        else:
            opacity = "0.6" if m.precision == "month" else "0.3"
            shape = (
                f'<rect x="{x0:.1f}" y="{cy - 4.5:.1f}" width="{x1 - x0:.1f}" height="9" rx="4" fill="{fill}" '
                f'fill-opacity="{opacity if not hollow else 1}" stroke="{color}" stroke-width="1.5"{dash}/>'
            )
        parts.append(
            f'<a href="{escape(href)}" class="tl-mark" data-event="{escape(m.event.id)}">'
            f"<title>{escape(title)}</title>{shape}</a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# --------------------------------------------------------------------------- map SVG


@cache
def _outline() -> dict[str, Any]:
    raw = _res.files("rasd.interfaces").joinpath("static/middle_east.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@cache
def _country_labels() -> dict[str, str]:
    return {r[0]: r[1] for r in load_table("report/countries.tsv") if len(r) >= 2}


def _fit_view(places: list[Entity], box: list[float]) -> tuple[float, float, float, float]:
    """The part of ``box`` to draw: the places' extent plus a margin, at least
    ``MAP_MIN_SPAN`` degrees wide, so a corpus about Iraq is not a speck on a map of the region."""
    lon0, lat0, lon1, lat1 = box
    inside = [p.geo for p in places if p.geo and lon0 <= p.geo.lon <= lon1 and lat0 <= p.geo.lat <= lat1]
    if not inside:
        return lon0, lat0, lon1, lat1
    a0 = min(g.lon for g in inside) - MAP_MARGIN
    a1 = max(g.lon for g in inside) + MAP_MARGIN
    b0 = min(g.lat for g in inside) - MAP_MARGIN
    b1 = max(g.lat for g in inside) + MAP_MARGIN
    w_min, h_min = MAP_MIN_SPAN
    if a1 - a0 < w_min:
        mid = (a0 + a1) / 2
        a0, a1 = mid - w_min / 2, mid + w_min / 2
    if b1 - b0 < h_min:
        mid = (b0 + b1) / 2
        b0, b1 = mid - h_min / 2, mid + h_min / 2
    # slide back inside the box, then clip
    a0, a1 = (a0 + max(0, lon0 - a0) - max(0, a1 - lon1), a1 + max(0, lon0 - a0) - max(0, a1 - lon1))
    b0, b1 = (b0 + max(0, lat0 - b0) - max(0, b1 - lat1), b1 + max(0, lat0 - b0) - max(0, b1 - lat1))
    return max(a0, lon0), max(b0, lat0), min(a1, lon1), min(b1, lat1)


def _map_svg(ctx: Ctx, places: list[Entity], width: int = 760) -> tuple[Markup, list[Entity]]:
    """Equirectangular map (part of the Middle East box) with a dot per geocoded place.

    Longitudes are scaled by cos(mid-latitude) so shapes are not stretched. The view
    fits the places (``_fit_view``). Labels are placed greedily, most-mentioned first,
    and dropped when they would overlap another label (the dot keeps its tooltip).
    Places outside the box are returned to be listed under the map rather than dropped.
    """
    data = _outline()
    box = data["box"]
    lon0, lat0, lon1, lat1 = _fit_view(places, box)
    k = math.cos(math.radians((lat0 + lat1) / 2))
    scale = width / ((lon1 - lon0) * k)
    height = round((lat1 - lat0) * scale)

    def proj(lon: float, lat: float) -> tuple[float, float]:
        return (lon - lon0) * k * scale, (lat1 - lat) * scale

    parts = [
        f'<svg class="map" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="خريطة الأماكن">'
        f'<rect width="{width}" height="{height}" class="sea"/>'
    ]
    names = _country_labels()
    for c in data["countries"]:
        lons = [p[0] for ring in c["rings"] for p in ring]
        lats = [p[1] for ring in c["rings"] for p in ring]
        if max(lons) < lon0 or min(lons) > lon1 or max(lats) < lat0 or min(lats) > lat1:
            continue
        d = " ".join(
            "M" + " L".join(f"{proj(lon, lat)[0]:.1f},{proj(lon, lat)[1]:.1f}" for lon, lat in ring) + " Z"
            for ring in c["rings"]
        )
        parts.append(f'<path d="{d}" class="land"><title>{escape(names.get(c["name"], c["name"]))}</title></path>')
    step = 5 if lon1 - lon0 > 16 else 2
    for lon in range(math.ceil(lon0 / step) * step, math.floor(lon1) + 1, step):
        x, _ = proj(lon, lat0)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height}" class="grat"/>')
        parts.append(f'<text x="{x + 2:.1f}" y="{height - 4}" class="grat-l">{lon}°E</text>')
    for lat in range(math.ceil(lat0 / step) * step, math.floor(lat1) + 1, step):
        _, y = proj(lon0, lat)
        parts.append(f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grat"/>')
        parts.append(f'<text x="2" y="{y - 2:.1f}" class="grat-l">{lat}°N</text>')
    outside: list[Entity] = []
    max_m = max((p.mentions for p in places), default=1) or 1
    dots: list[tuple[Entity, float, float, float]] = []
    for p in sorted(places, key=lambda p: (-p.mentions, p.id)):
        assert p.geo is not None
        if not (box[0] <= p.geo.lon <= box[2] and box[1] <= p.geo.lat <= box[3]):
            outside.append(p)
            continue
        x, y = proj(p.geo.lon, p.geo.lat)
        r = 4 + 6 * math.sqrt(max(p.mentions, 1) / max_m)
        dots.append((p, x, y, r))
        parts.append(
            f'<a href="#{escape(p.id)}" class="place"><title>{escape(p.name)} ({p.geo.lat:.2f}، {p.geo.lon:.2f}) · '
            f'{p.mentions} إشارة</title><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/></a>'
        )
    # labels avoid every dot and every label placed before them; place names first,
    # then country names where room is left
    taken: list[tuple[float, float, float, float]] = [(x - r, y - r, x + r, y + r) for _, x, y, r in dots]
    labels: list[str] = []

    def put(text: str, cls: str, spots: list[tuple[float, float]], size: float) -> None:
        w = size * len(text) + 4
        for lx, ly in spots:
            bb = (lx - w / 2, ly - size * 1.6, lx + w / 2, ly + 3)
            if bb[0] < 0 or bb[2] > width or bb[1] < 0 or bb[3] > height:
                continue
            if all(bb[2] < t[0] or bb[0] > t[2] or bb[3] < t[1] or bb[1] > t[3] for t in taken):
                taken.append(bb)
                labels.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle" class="{cls}">{escape(text)}</text>')
                return

    for p, x, y, r in dots[:MAP_LABELS]:  # most-mentioned first; the rest keep tooltips
        taken.remove((x - r, y - r, x + r, y + r))  # a label may touch its own dot
        w = 7.0 * len(p.name) + 4
        put(p.name, "place-l", [(x, y - r - 4), (x, y + r + 13), (x + r + 4 + w / 2, y + 4), (x - r - 4 - w / 2, y + 4)], 7.0)
        taken.append((x - r, y - r, x + r, y + r))
    shown = {p.name for p, *_ in dots}  # "العراق" the place already says it
    for c in data["countries"]:
        lon, lat = c["label"]
        if c["area"] >= 1.0 and c["name"] in names and names[c["name"]] not in shown and lon0 < lon < lon1 and lat0 < lat < lat1:
            x, y = proj(lon, lat)
            put(names[c["name"]], "country", [(x, y), (x, y + 16), (x, y - 16)], 6.5)
    parts.extend(labels)  # on top of every dot
    parts.append("</svg>")
    return Markup("".join(parts)), outside


# --------------------------------------------------------------------------- assembling


def _evidence_links(ctx: Ctx, evidence: list[Evidence]) -> list[dict[str, Any]]:
    return [
        {"href": ctx.href(ev), "source": ctx.source_label(ev), "excerpt": ctx.excerpt(ev), "anchor": anchor(ev)}
        for ev in evidence
    ]


def _sources(ctx: Ctx, evidence: list[Evidence]) -> list[tuple[str, list[str]]]:
    """Evidence grouped by outlet: ``[(outlet, [href, …]), …]`` so one outlet cited
    three times reads "العربي الجديد ¹ ² ³" rather than its name three times."""
    groups: dict[str, list[str]] = {}
    for ev in evidence:
        groups.setdefault(ctx.source_label(ev), []).append(ctx.href(ev))
    return list(groups.items())


def shorten(text: str, n: int = 240) -> str:
    """At most ``n`` characters, cut at a space, with an ellipsis: long summaries stay scannable."""
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n)
    return text[: cut if cut > n // 2 else n] + " …"


def timeline_events(a: Analysis) -> list[Event]:
    """The timeline's rows: one per incident (its label as summary, its reports' evidence,
    the lowest figure any source gave per slot), or the events of an analysis without incidents."""
    if not a.incidents:
        return list(a.events)
    reports = {e.id: e for e in a.events}
    out = []
    for inc in a.incidents:
        evs = [reports[r] for r in inc.reports if r in reports]
        modality = "happened" if not evs or any(e.modality == "happened" for e in evs) else evs[0].modality
        counts = {k: min(float(v.value) for v in vals) for k, vals in inc.slots.items()
                  if vals and all(isinstance(v.value, (int, float)) and not isinstance(v.value, bool) for v in vals)}  # fmt: skip
        out.append(Event(inc.id, inc.type, inc.date, inc.place, list(inc.actors), list(inc.targets), counts, modality,
                         inc.label, "", list(inc.evidence), inc.confidence, label=inc.label, sources=inc.sources))  # fmt: skip
    return out


def _claim_side(ctx: Ctx, claim: Claim | None, evidence: list[Evidence], side: Side | None = None) -> dict[str, Any]:
    if side is not None and not claim:
        evidence = side.evidence or evidence
    evs = (claim.evidence if claim and claim.evidence else evidence) or []
    first = evs[0] if evs else None
    doc = ctx.docs.get(first.doc) if first else None
    return {
        "claim": claim,
        "text": " · ".join(
            x for x in (ctx.name(claim.subject), label("predicate", claim.predicate), ctx.name(claim.object)) if x
        )
        if claim
        else "",
        "who": (ctx.name(claim.attributed_to) if claim and claim.attributed_to else "") or (ctx.speaker(first) if first else ""),
        "polarity": label("polarity", claim.polarity) if claim else "",
        "deny": bool(claim and claim.polarity == "deny"),
        "modality": label("claim_modality", claim.modality) if claim else "",
        "time": format_date(claim.time) if claim and claim.time else "",
        "doc": doc,
        "doc_date": format_date(doc.published.value) if doc else "",
        "evidence": _evidence_links(ctx, evs),
        "value": side.value if side is not None and side.value not in ("", None) else "",
    }


def _build(analysis: Analysis, as_of: str, max_docs: int) -> dict[str, Any]:
    a = analysis
    docs = {d.id: d for d in a.documents}
    ctx = Ctx(a, docs, {e.id: e for e in a.entities}, {c.id: c for c in a.claims})

    # documents by publication date then id: the order of the input never shows
    documents = sorted(a.documents, key=lambda d: (d.published.value or "9999", d.id))
    cited = {ev.doc for ev in _all_evidence(a) if ev.doc in docs}
    order = [d for d in documents if d.id in cited] + [d for d in documents if d.id not in cited]
    full = {d.id for d in order[:max_docs]}  # rendered whole
    ctx.rendered = full | cited  # cited documents past max_docs are rendered as excerpts

    # --- events
    dated: list[Mark] = []
    undated: list[Event] = []
    for event in timeline_events(a):
        r = date_range(event.date.value if event.date else None)
        if r is None:
            undated.append(event)
        else:
            dated.append(Mark(event, r[0], r[1], event.date.precision or r[2]))
    dated.sort(key=lambda m: (m.start, m.end, m.event.id))
    undated.sort(key=lambda e: e.id)

    def event_row(ev: Event) -> dict[str, Any]:
        return {
            "e": ev,
            "date": format_date(ev.date.value if ev.date else None),
            "type": label("event", ev.type),
            "color": EVENT_COLORS.get(ev.type, "#555"),
            "modality": label("modality", ev.modality),
            "place": ctx.name(ev.place),
            "actors": [ctx.name(x) for x in ev.actors],
            "targets": [ctx.name(x) for x in ev.targets],
            "counts": [(label("count", k), v) for k, v in sorted(ev.counts.items())],
            "summary": shorten(ev.summary or ev.trigger or "—"),
            "sources": _sources(ctx, ev.evidence),
        }

    years: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for mk in dated:
        years[mk.start.year].append(event_row(mk.event))

    # --- commitments
    commitments = [
        {
            "c": c,
            "deadline": format_date(c.deadline),
            "status": label("status", c.status),
            "who": c.who or "، ".join(ctx.name(x) for x in c.actors),
            "evidence": _evidence_links(ctx, c.evidence),
            "sources": _sources(ctx, c.evidence),
            "postponed": bool(getattr(c, "postponed", False)),
            "what": shorten(c.what, 200),
            # quote the source only when ``what`` is a paraphrase, not the sentence itself
            "quote": ctx.excerpt(c.evidence[0], 40) if c.evidence and not ctx.quotes(c.what, c.evidence[0]) else "",
        }
        for c in sorted(
            a.commitments,
            key=lambda c: ((date_range(c.deadline) or (dt.date.max, dt.date.max, ""))[1], c.id),
        )
    ]
    status_counts = Counter(c.status for c in a.commitments)

    # --- conflicts: a claim per side; evidence split when claims are missing
    conflicts = []
    for k in sorted(a.conflicts, key=lambda k: (-k.confidence, k.id)):
        ca, cb = ctx.claims.get(k.a), ctx.claims.get(k.b)
        ev_a = [e for e in k.evidence if not cb or e not in cb.evidence][:1] if not ca else []
        ev_b = [e for e in k.evidence if e not in ev_a][:1] if not cb else []
        conflicts.append(
            {"k": k, "kind": label("conflict", k.kind), "a": _claim_side(ctx, ca, ev_a, k.side_a), "b": _claim_side(ctx, cb, ev_b, k.side_b)}
        )

    # --- entities
    # each entity's first mention in a document shown whole: its index row links there
    first_mention: dict[str, str] = {}
    anchors_by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for em in sorted(a.mentions.entities, key=lambda m: (m.doc not in full, m.doc, m.start)):
        d = docs.get(em.doc)
        if em.entity and em.entity not in first_mention and em.doc in full and d and 0 <= em.start < em.end <= len(d.text):
            first_mention[em.entity] = f"#{em.doc}-{em.start}-{em.end}"
            anchors_by_doc[em.doc].append((em.start, em.end))
    groups = []
    for t in ENTITY_ORDER + sorted({e.type for e in a.entities} - set(ENTITY_ORDER)):
        ents = sorted((e for e in a.entities if e.type == t), key=lambda e: (-e.mentions, e.name, e.id))
        if ents:
            groups.append(
                {
                    "type": t,
                    "label": label("entity", t),
                    "rows": [
                        {"e": e, "first": first_mention.get(e.id)
                         or (f"#{e.docs[0]}" if e.docs and e.docs[0] in ctx.rendered else "")}  # fmt: skip
                        for e in ents
                    ],
                }
            )
    places = [e for e in a.entities if e.geo is not None]
    map_svg, outside = _map_svg(ctx, places) if places else (Markup(""), [])

    # --- documents
    marks_by_doc: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for evd in _all_evidence(a):
        if ctx.valid(evd):
            marks_by_doc[evd.doc].add((evd.start, evd.end))
    ents_by_doc: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for em in a.mentions.entities:
        title = f"{label('entity', em.type)}: {ctx.name(em.entity) if em.entity else em.text}"
        ents_by_doc[em.doc].append((em.start, em.end, f"ent ent-{em.type}", title))
    for tx in a.mentions.timex:
        ents_by_doc[tx.doc].append((tx.start, tx.end, "tmx", f"{tx.type}: {tx.value or '؟'}"))
    doc_rows = []
    for d in documents:
        body = None
        if d.id in full:
            body = render_text(
                d.text, marks_by_doc.get(d.id, ()), ents_by_doc.get(d.id, ()), d.id, anchors=anchors_by_doc.get(d.id, ())
            )
        elif d.id in ctx.rendered:
            body = render_excerpts(d.text, marks_by_doc.get(d.id, ()), ents_by_doc.get(d.id, ()), d.id)
        doc_rows.append(
            {
                "d": d,
                "partial": d.id not in full,
                "date": format_date(d.published.value),
                "method": label("method", d.published.method),
                "body": body,
                "n_marks": len(marks_by_doc.get(d.id, ())),
            }
        )

    pub = sorted(r[0] for d in a.documents if (r := date_range(d.published.value)))
    outlets = sorted({d.outlet for d in a.documents if d.outlet})
    stats = [
        ("وثيقة", len(a.documents)),
        ("منفذ إعلامي", len(outlets)),
        ("حدث", len(a.events)),
        ("كيان", len(a.entities)),
        ("ادعاء", len(a.claims)),
        ("التزام", len(a.commitments)),
        ("تعارض", len(a.conflicts)),
    ]
    return {
        "as_of": as_of,
        "as_of_h": format_date(as_of),
        "stats": stats,
        "outlets": outlets,
        "period": (format_date(pub[0].isoformat()), format_date(pub[-1].isoformat())) if pub else None,
        "timeline": _timeline_svg(ctx, dated),
        "legend": [(label("event", t), c) for t, c in EVENT_COLORS.items() if any(e.type == t for e in a.events)],
        "years": sorted(years.items()),
        "undated": [event_row(e) for e in undated],
        "commitments": commitments,
        "status_counts": [(s, label("status", s), status_counts[s]) for s in ("passed", "due", "pending") if status_counts[s]],
        "conflicts": conflicts,
        "conflicts_shown": CONFLICTS_SHOWN,
        "entities_shown": ENTITIES_SHOWN,
        "groups": groups,
        "map": map_svg,
        "n_places": len(places),
        "outside": outside,
        "map_source": _outline()["source"],
        "documents": doc_rows,
        "n_hidden_docs": len(a.documents) - len(ctx.rendered),
        "n_excerpt_docs": len(ctx.rendered - full),
        "label": label,
    }


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("rasd.interfaces", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates ship with the package; don't stat them on every include
    )


def render_report(analysis: Analysis, as_of: str, max_docs: int = 300, api: bool = False) -> str:
    """The report as one HTML string.

    The first ``max_docs`` documents (cited ones first, then by date) are rendered whole;
    other cited documents only around their evidence; the rest are listed. So a
    30,000-article corpus stays openable in a browser and every link still lands.
    ``api=True`` (only when ``rasd serve`` serves it) adds a search box that queries
    ``/api/search`` on the same server; the file written to disk never makes a request.
    """
    return _env().get_template("report.html.j2").render(**_build(analysis, as_of, max_docs), api=api)


def write_report(analysis: Analysis, path: Path, as_of: str) -> None:
    """Write the report (UTF-8) to ``path``, creating parent folders."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(analysis, as_of), encoding="utf-8")
