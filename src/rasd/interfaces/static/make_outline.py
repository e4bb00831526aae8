"""Regenerate ``middle_east.json``: country outlines for the report's offline map.

Run once by hand (never at run time; the report reads the JSON it writes)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python src/rasd/interfaces/static/make_outline.py package/countries-50m.json

Source: Natural Earth 1:50m Admin 0 countries (public domain) as TopoJSON from the npm
package ``world-atlas`` 2.0.2 (ISC licence, © Michael Bostock). We decode the topology,
clip every ring to the Middle East box, simplify and round to 0.01°, so the bundled file
stays small and the report needs no network and no geo library.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BOX = (24.0, 11.0, 64.0, 43.0)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE = 0.04  # degrees, Douglas-Peucker

Pt = tuple[float, float]


def _decode_arcs(topo: dict) -> list[list[Pt]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring(arcs: list[list[Pt]], idx: list[int]) -> list[Pt]:
    out: list[Pt] = []
    for i in idx:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def _clip(ring: list[Pt]) -> list[Pt]:
    """Sutherland-Hodgman against the box: keeps shapes closed along the box edges."""
    x0, y0, x1, y1 = BOX
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: (x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= x1, lambda a, b: (x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= y0, lambda a, b: (a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0)),
        (lambda p: p[1] <= y1, lambda a, b: (a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1)),
    ]
    pts = ring
    for inside, cut in edges:
        if not pts:
            break
        res: list[Pt] = []
        prev = pts[-1]
        for cur in pts:
            if inside(cur):
                if not inside(prev):
                    res.append(cut(prev, cur))
                res.append(cur)
            elif inside(prev):
                res.append(cut(prev, cur))
            prev = cur
        pts = res
    return pts


def _simplify(pts: list[Pt]) -> list[Pt]:
    if len(pts) < 4:
        return pts

    def dp(a: int, b: int, keep: set[int]) -> None:
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-12
        best, far = 0.0, -1
        for i in range(a + 1, b):
            d = abs(dy * (pts[i][0] - ax) - dx * (pts[i][1] - ay)) / norm
            if d > best:
                best, far = d, i
        if best > TOLERANCE and far > 0:
            keep.add(far)
            dp(a, far, keep)
            dp(far, b, keep)

    # A closed ring starts and ends on the same point: split it at the point farthest
    # from the start so both halves have a real baseline.
    x0, y0 = pts[0]
    mid = max(range(len(pts)), key=lambda i: (pts[i][0] - x0) ** 2 + (pts[i][1] - y0) ** 2)
    keep = {0, mid, len(pts) - 1}
    dp(0, mid, keep)
    dp(mid, len(pts) - 1, keep)
    return [pts[i] for i in sorted(keep)]


def _area(pts: list[Pt]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(pts, pts[1:] + pts[:1], strict=True))) / 2


def _centroid(pts: list[Pt]) -> Pt:
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def main(src: str) -> None:
    topo = json.loads(Path(src).read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        rings = []
        for poly in polys:
            for ring_idx in poly:
                ring = _simplify(_clip(_ring(arcs, ring_idx)))
                ring = [(round(x, 2), round(y, 2)) for x, y in ring]
                if len(ring) >= 3 and _area(ring) > 0.02:
                    rings.append(ring)
        if rings:
            big = max(rings, key=_area)
            cx, cy = _centroid(big)
            countries.append(
                {"name": g["properties"]["name"], "label": [round(cx, 2), round(cy, 2)],
                 "area": round(sum(_area(r) for r in rings), 1), "rings": rings}
            )
    countries.sort(key=lambda c: c["name"])
    out = {
        "source": "Natural Earth 1:50m Admin 0 countries (public domain) via npm world-atlas 2.0.2 (ISC)",
        "box": list(BOX),
        "countries": countries,
    }
    dest = Path(__file__).with_name("middle_east.json")
    dest.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{dest}: {len(countries)} countries, {dest.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
