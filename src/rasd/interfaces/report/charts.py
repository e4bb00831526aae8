"""The report's two SVG charts, drawn as strings of numbers and escaped names.

The timeline runs right to left, one lane per event type; the map is the bundled Natural
Earth outline (``static/middle_east.json``) with a dot per geocoded place. No script, no
external request: both are inline in the page.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources as _res
from typing import Any

from markupsafe import Markup, escape

from rasd.interfaces.report.context import Ctx
from rasd.interfaces.report.labels import format_date, label, shorten
from rasd.models import Entity, Event
from rasd.resources import load_pairs

EVENT_COLORS = load_pairs("report/event_colors.tsv")  # type -> colour; one line per type
MAP_MARGIN = 2.5  # degrees around the places
MAP_LABELS = 60  # place names tried on the map (label placement is quadratic in labels)
MAP_MIN_SPAN = (16.0, 11.0)  # smallest view, degrees of longitude and latitude

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


def timeline_svg(ctx: Ctx, marks: list[Mark], width: int = 1100) -> Markup:
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
        f'aria-label="{escape(label("ui", "timeline"))}">'
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
def outline() -> dict[str, Any]:
    raw = _res.files("rasd.interfaces").joinpath("static/middle_east.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@cache
def country_labels() -> dict[str, str]:
    """Arabic country names of the map outline (``report/countries.tsv``)."""
    return load_pairs("report/countries.tsv")


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


def map_svg(ctx: Ctx, places: list[Entity], width: int = 760) -> tuple[Markup, list[Entity]]:
    """Equirectangular map (part of the Middle East box) with a dot per geocoded place.

    Longitudes are scaled by cos(mid-latitude) so shapes are not stretched. The view
    fits the places (``_fit_view``). Labels are placed greedily, most-mentioned first,
    and dropped when they would overlap another label (the dot keeps its tooltip).
    Places outside the box are returned to be listed under the map rather than dropped.
    """
    data = outline()
    box = data["box"]
    lon0, lat0, lon1, lat1 = _fit_view(places, box)
    k = math.cos(math.radians((lat0 + lat1) / 2))
    scale = width / ((lon1 - lon0) * k)
    height = round((lat1 - lat0) * scale)

    def proj(lon: float, lat: float) -> tuple[float, float]:
        return (lon - lon0) * k * scale, (lat1 - lat) * scale

    parts = [
        f'<svg class="map" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(label("ui", "map"))}">'
        f'<rect width="{width}" height="{height}" class="sea"/>'
    ]
    names = country_labels()
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
            f'{escape(label("ui", "place_mentions").format(n=p.mentions))}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/></a>'
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
