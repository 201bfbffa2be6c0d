"""A world map drawn on the server as SVG paths (Equal Earth projection), from the outlines
shipped with the project (country_pages/geo.py). Paths are simplified and computed once
per process; colours and links are added by the template."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from .geo import UNCODED, Ring, all_shapes, bounding_box

WIDTH = 1000
# Equal Earth's extent is ±2.7207 × ±1.3173 (unit sphere); we crop Antarctica below -60°.
SCALE = WIDTH / (2 * 2.7207)
SOUTH_LIMIT = -60.0
TOLERANCE = 0.8  # simplification tolerance, in viewBox units (the map is 1000 wide)
SMALL_AREA = 6.0  # countries smaller than this (viewBox units²) also get a dot

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2
        * math.sqrt(3)
        * lam
        * math.cos(theta)
        / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    )
    y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1)
    return x * SCALE + WIDTH / 2, -y * SCALE


_, _TOP = equal_earth(0, 90)
_, _BOTTOM = equal_earth(0, SOUTH_LIMIT)
HEIGHT = round(_BOTTOM - _TOP)


def _project(lon: float, lat: float) -> tuple[float, float]:
    x, y = equal_earth(lon, lat)
    return x, y - _TOP


def _simplify_ring(
    points: list[tuple[float, float]], tolerance: float
) -> list[tuple[float, float]]:
    """A closed ring: split at the point farthest from the first, simplify both halves."""
    if points and points[0] == points[-1]:
        points = points[:-1]
    if len(points) < 4:
        return points
    x0, y0 = points[0]
    far = max(range(len(points)), key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2)
    first = _simplify(points[: far + 1], tolerance)
    second = _simplify(points[far:] + [points[0]], tolerance)
    return first[:-1] + second[:-1]


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Ramer–Douglas–Peucker on an open line, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        (x1, y1), (x2, y2) = points[start], points[end]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1e-9
        farthest, index = 0.0, None
        for i in range(start + 1, end):
            x0, y0 = points[i]
            distance = abs(dy * x0 - dx * y0 + x2 * y1 - y2 * x1) / length
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack.extend([(start, index), (index, end)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def _unwrap(ring: Ring) -> Ring:
    """Rings crossing the antimeridian (far-east Russia, Fiji) are pinned to one side so
    they do not draw a line across the whole map."""
    west, _s, east, _n = bounding_box([ring])
    if east - west <= 180:
        return ring
    mostly_east = sum(1 for lon, _lat in ring if lon > 0) >= len(ring) / 2
    return [
        (180.0 if mostly_east and lon < 0 else -180.0 if not mostly_east and lon > 0 else lon, lat)
        for lon, lat in ring
    ]


def _path(rings: list[Ring]) -> tuple[str, float]:
    parts, area = [], 0.0
    for ring in rings:
        ring = _unwrap(ring)
        if max(lat for _lon, lat in ring) < SOUTH_LIMIT:
            continue
        points = _simplify_ring(
            [_project(lon, max(lat, SOUTH_LIMIT)) for lon, lat in ring], TOLERANCE
        )
        if len(points) < 3:
            continue
        area += (
            abs(
                sum(
                    x1 * y2 - x2 * y1
                    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)
                )
            )
            / 2
        )
        # Relative moves with whole units: a third of the bytes of absolute decimals.
        rounded = [(round(x), round(y)) for x, y in points]
        steps = [f"M{rounded[0][0]} {rounded[0][1]}"]
        for (xa, ya), (xb, yb) in zip(rounded, rounded[1:], strict=False):
            if (xa, ya) != (xb, yb):
                steps.append(f"l{xb - xa} {yb - ya}")
        if len(steps) < 3:
            continue
        parts.append("".join(steps) + "z")
    return "".join(parts), area


@dataclass(frozen=True)
class CountryShape:
    iso3: str
    path: str
    dot: tuple[float, float] | None  # a marker for countries too small to see


@cache
def world_shapes() -> tuple[CountryShape, ...]:
    shapes = []
    for iso3, rings in all_shapes().items():
        if iso3 == "ATA":
            continue
        path, area = _path(rings)
        dot = None
        if iso3 != UNCODED and area < SMALL_AREA:
            west, south, east, north = bounding_box(rings)
            dot = tuple(round(v, 1) for v in _project((west + east) / 2, (south + north) / 2))
        if path or dot:
            shapes.append(CountryShape(iso3, path, dot))
    return tuple(shapes)


VIEWBOX = f"0 0 {WIDTH} {HEIGHT}"
