"""Country outlines shipped with the project: Natural Earth 1:50m admin-0 countries
(public domain), as TopoJSON from the npm package world-atlas 2.0.2 (ISC licence, see
data/world-atlas-LICENSE.txt). No tile server or map CDN is ever contacted."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pycountry

DATA_FILE = Path(__file__).resolve().parent / "data" / "countries-50m.json"

Ring = list[tuple[float, float]]


@cache
def _topology() -> dict:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _decoded_arcs() -> list[Ring]:
    topology = _topology()
    (scale_x, scale_y), (translate_x, translate_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantised positions
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def _ring(arc_indexes: list[int]) -> Ring:
    arcs = _decoded_arcs()
    points: Ring = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)  # consecutive arcs share an end point
    return points


def _iso3(numeric_id: str | None) -> str | None:
    if not numeric_id:
        return None
    match = pycountry.countries.get(numeric=numeric_id.zfill(3))
    return match.alpha_3 if match else None


# Key for land with no ISO 3166 code in the data (Kosovo, Northern Cyprus, Somaliland, …):
# drawn as land, never linked.
UNCODED = ""


@cache
def all_shapes() -> dict[str, list[Ring]]:
    """Outer and inner rings of every country, by ISO alpha-3 code."""
    shapes: dict[str, list[Ring]] = {}
    for geometry in _topology()["objects"]["countries"]["geometries"]:
        iso3 = _iso3(geometry.get("id")) or UNCODED
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = shapes.setdefault(iso3, [])
        for polygon in polygons:
            rings.extend(_ring(ring) for ring in polygon)
    return shapes


def bounding_box(rings: list[Ring]) -> tuple[float, float, float, float]:
    lons = [lon for ring in rings for lon, _lat in ring]
    lats = [lat for ring in rings for _lon, lat in ring]
    return min(lons), min(lats), max(lons), max(lats)
