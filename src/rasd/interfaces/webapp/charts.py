"""Geometry of the small inline SVG charts and of the map, as numbers for the templates.

Nothing here writes markup: each function returns coordinates and labels, and the
templates draw them (so every label is escaped like any other value, and the page needs
no ``style`` attribute: sizes are SVG attributes, colours are classes).
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Any

from rasd.interfaces.report import date_range
from rasd.interfaces.report.charts import country_labels, outline
from rasd.temporal import TimeValue, month_value

BAR_W, BAR_GAP, CHART_H = 18, 4, 80
MAP_W = 900
MAP_MARGIN = 2.0  # degrees around the places in the first view
MAP_MIN_SPAN = (12.0, 8.0)  # smallest first view, degrees of longitude and latitude
MAP_LABELS = 40  # place names drawn; the rest keep their tooltip


def month_bars(counts: list[tuple[str, int]]) -> dict[str, Any]:
    """Bars for ``[(YYYY-MM, n)]``, every month of the range drawn (empty months at 0)."""
    if not counts:
        return {"width": 0, "height": CHART_H, "bars": []}
    first, last = TimeValue.parse(counts[0][0]), counts[-1][0]
    have = dict(counts)
    months: list[str] = []
    if first.year is not None and first.month is not None:
        for shift in range(240):
            k = month_value(first.year, first.month, shift)
            if k > last:
                break
            months.append(k)
    return bars([(k, k, have.get(k, 0)) for k in months])


def bars(items: list[tuple[str, str, int]], href: Any = None) -> dict[str, Any]:
    """Vertical bars for ``[(key, label, count)]`` laid right to left (the page reads that way)."""
    top = max((c for _, _, c in items), default=0) or 1
    width = len(items) * (BAR_W + BAR_GAP) + BAR_GAP
    out = []
    for i, (key, text, c) in enumerate(items):
        h = round((CHART_H - 16) * c / top, 1) if c else 0.0
        x = width - (i + 1) * (BAR_W + BAR_GAP)
        out.append({"key": key, "label": text, "count": c, "x": x, "y": round(CHART_H - 14 - h, 1), "w": BAR_W,
                    "h": h, "href": href(key) if href else None})  # fmt: skip
    return {"width": width, "height": CHART_H, "bars": out}


def deadline_chart(points: list[dict[str, Any]], as_of: str, width: int = 520, height: int = 200) -> dict[str, Any]:
    """Deadline history: x = when a deadline was stated, y = the deadline it gave.

    ``points`` carry ``stated_on`` and ``value`` (TimeML); a point lacking either is left
    off (the table lists it). A vertical line marks ``as_of``.
    """
    pts = []
    for p in points:
        s, v = date_range(p.get("stated_on")), date_range(p.get("value"))
        if s and v:
            pts.append((s[0], v[1], p))
    if not pts:
        return {"width": width, "height": height, "points": [], "path": "", "ticks": [], "as_of_x": None}
    day = date_range(as_of)
    xs = [p[0] for p in pts] + ([day[0]] if day else [])
    ys = [p[1] for p in pts]
    x0, x1 = min(xs) - dt.timedelta(days=15), max(xs) + dt.timedelta(days=15)
    y0, y1 = min(ys) - dt.timedelta(days=30), max(ys) + dt.timedelta(days=30)
    pad_l, pad_r, pad_t, pad_b = 60, 20, 10, 30

    def px(d: dt.date) -> float:  # time runs right to left, as the page reads
        return round(width - pad_r - (d - x0).days / max(1, (x1 - x0).days) * (width - pad_l - pad_r), 1)

    def py(d: dt.date) -> float:
        return round(height - pad_b - (d - y0).days / max(1, (y1 - y0).days) * (height - pad_t - pad_b), 1)

    dots = [{"x": px(s), "y": py(v), "stated_on": p.get("stated_on"), "value": p.get("value"),
             "by": p.get("by") or "", "current": bool(p.get("current"))} for s, v, p in pts]  # fmt: skip
    path = "M" + " L".join(f"{d['x']},{d['y']}" for d in dots)
    ticks: list[dict[str, Any]] = []
    for _, due, p in sorted(pts, key=lambda t: t[1]):  # one label per height: close deadlines would overprint
        if not ticks or abs(ticks[-1]["y"] - py(due)) >= 12:
            ticks.append({"y": py(due), "label": p.get("value") or ""})
    return {"width": width, "height": height, "points": dots, "path": path, "ticks": ticks,
            "as_of_x": px(day[0]) if day and x0 <= day[0] <= x1 else None}  # fmt: skip


# --------------------------------------------------------------------------- map


def _projection() -> tuple[Any, float, float, list[float]]:
    box = outline()["box"]
    lon0, lat0, lon1, lat1 = box
    k = math.cos(math.radians((lat0 + lat1) / 2))
    scale = MAP_W / ((lon1 - lon0) * k)
    height = round((lat1 - lat0) * scale)

    def proj(lon: float, lat: float) -> tuple[float, float]:
        return round((lon - lon0) * k * scale, 1), round((lat1 - lat) * scale, 1)

    return proj, scale, height, box


@cache
def countries() -> tuple[dict[str, Any], ...]:
    """Every country outline of the bundled map as an SVG path, with its Arabic name."""
    proj, _, _, _ = _projection()
    names = country_labels()
    out = []
    for c in outline()["countries"]:
        d = " ".join("M" + " L".join("{},{}".format(*proj(lon, lat)) for lon, lat in ring) + " Z" for ring in c["rings"])
        x, y = proj(*c["label"])
        out.append({"name": names.get(c["name"], c["name"]), "d": d, "x": x, "y": y, "area": c["area"]})
    return tuple(out)


def map_geometry(places: list[dict[str, Any]], incidents: list[dict[str, Any]]) -> dict[str, Any]:
    """The map: outlines, a dot per place (``lat``/``lon``/``count``) and per incident, and a
    first view (``viewbox``) fitted to what is drawn; the page's script zooms and pans from there."""
    proj, _, height, box = _projection()

    def within(p: dict[str, Any]) -> bool:
        return bool(box[0] <= p["lon"] <= box[2] and box[1] <= p["lat"] <= box[3])

    inside = [p for p in places + incidents if within(p)]
    top = max((p["count"] for p in places), default=1) or 1
    dots = []
    for p in sorted(places, key=lambda p: (-p["count"], p["id"])):
        if not within(p):
            continue
        x, y = proj(p["lon"], p["lat"])
        dots.append({**p, "x": x, "y": y, "r": round(4 + 8 * math.sqrt(max(p["count"], 1) / top), 1)})
    for i, d in enumerate(dots):
        d["labelled"] = i < MAP_LABELS
    marks = []
    for inc in incidents:
        if within(inc):
            x, y = proj(inc["lon"], inc["lat"])
            marks.append({**inc, "x": x, "y": y})
    if inside:
        lons, lats = [p["lon"] for p in inside], [p["lat"] for p in inside]
        a0, a1 = min(lons) - MAP_MARGIN, max(lons) + MAP_MARGIN
        b0, b1 = min(lats) - MAP_MARGIN, max(lats) + MAP_MARGIN
        if a1 - a0 < MAP_MIN_SPAN[0]:
            a0, a1 = (a0 + a1 - MAP_MIN_SPAN[0]) / 2, (a0 + a1 + MAP_MIN_SPAN[0]) / 2
        if b1 - b0 < MAP_MIN_SPAN[1]:
            b0, b1 = (b0 + b1 - MAP_MIN_SPAN[1]) / 2, (b0 + b1 + MAP_MIN_SPAN[1]) / 2
        xa, ya = proj(max(a0, box[0]), min(b1, box[3]))
        xb, yb = proj(min(a1, box[2]), max(b0, box[1]))
        view = [xa, ya, round(xb - xa, 1), round(yb - ya, 1)]
    else:
        view = [0, 0, MAP_W, height]
    outside = [p for p in places if not within(p)]
    # sizes are given for the whole map (scale 1); the first view is ``scale`` of its width,
    # so dots and labels are drawn that much smaller and keep their size on screen
    return {"width": MAP_W, "height": height, "viewbox": " ".join(str(v) for v in view),
            "scale": round(view[2] / MAP_W, 4),
            "countries": list(countries()), "places": dots, "incidents": marks, "outside": outside}  # fmt: skip
