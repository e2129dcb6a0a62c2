"""Generate newsdesk/data/world.svg, once, offline: one path per country, id = ISO 3166 alpha-2.

Shapes are Natural Earth's 1:110m countries (public domain) as published in the world-atlas
package of the npm registry (ISC licence), in the Equal Earth projection. The site shades and
links the countries at render time (newsdesk/worldmap.py); this script only draws them.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    pip install -r tools/requirements-gazetteer.txt
    python tools/make_worldmap.py package/countries-110m.json

Countries too small for 1:110m (Singapore, Malta, Bahrain...) have no shape; the table beside
the map lists them.
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

import country_converter as coco

OUT = Path(__file__).resolve().parent.parent / "newsdesk" / "data" / "world.svg"
WIDTH = 1000  # viewBox width; the height follows the projection's aspect ratio
PRECISION = 1  # decimals kept: 0.1 unit of a 1000-wide map is far below a screen pixel
SKIP = {"010"}  # Antarctica: no news desk files briefings there, and it takes a fifth of the height
BY_NAME = {"Kosovo": "XK"}  # shapes without an ISO numeric code in Natural Earth

# Equal Earth projection (Šavrič, Patterson, Jenny 2018): equal-area, and pleasant to look at.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def project(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs: delta-encoded, quantised integers -> longitude/latitude pairs."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def main(source: str) -> None:
    topo = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    x_max = project(180, 0)[0]
    scale = WIDTH / (2 * x_max)
    top, bottom = project(0, 84)[1], project(0, -60)[1]  # Antarctica left out
    height = (top - bottom) * scale

    def xy(lon: float, lat: float) -> tuple[int, int]:
        # In tenths of a unit, as integers: relative moves then add up without rounding drift.
        x, y = project(lon, lat)
        return round((x + x_max) * scale * 10 ** PRECISION), round((top - y) * scale * 10 ** PRECISION)

    def num(v: int) -> str:
        return f"{v / 10 ** PRECISION:g}"

    def path(points: list[tuple[int, int]]) -> str:
        """Absolute first point, then relative moves (about half the bytes of absolute ones)."""
        out = f"M{num(points[0][0])},{num(points[0][1])}l"
        moves = [f"{num(b[0] - a[0])},{num(b[1] - a[1])}" for a, b in itertools.pairwise(points)]
        return out + " ".join(moves).replace(" -", "-") + "z"

    shapes: dict[str, list[str]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric in SKIP:
            continue
        name = geometry["properties"]["name"]
        code = BY_NAME.get(name) or (coco.convert(int(numeric), src="ISOnumeric", to="ISO2", not_found=None)
                                     if numeric else None)
        if not code or not isinstance(code, str):
            print(f"skipped (no ISO code): {name}", file=sys.stderr)
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                lonlat = ring(indexes, arcs)
                if any(abs(b[0] - a[0]) > 180 for a, b in itertools.pairwise(lonlat)):
                    # A ring across the antimeridian (Russia's far east, Fiji): drawn east of it, in
                    # one piece; what passes the map's right edge is cut by the viewBox.
                    lonlat = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in lonlat]
                points = [xy(lon, lat) for lon, lat in lonlat]
                # Consecutive points that round to the same place add bytes and nothing else.
                kept = [p for k, p in enumerate(points) if k == 0 or p != points[k - 1]]
                if len(kept) >= 3:
                    shapes.setdefault(code, []).append(path(kept))
    lines = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {round(height)}">',
             "<!-- Natural Earth 1:110m countries via world-atlas 2.0.2; generated by tools/make_worldmap.py -->"]
    lines += [f'<path id="{code}" d="{"".join(d)}"/>' for code, d in sorted(shapes.items())]
    lines.append("</svg>")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(shapes)} countries, {OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package/countries-110m.json")
