"""The part of the shipped country outlines (country_pages.geo) that only the demonstration
maps use: a State with its neighbours."""

from __future__ import annotations

from collections.abc import Iterator

from country_pages.geo import Ring, all_shapes, bounding_box


def neighbours_box(iso3: str, margin: float = 0.1) -> tuple[float, float, float, float]:
    west, south, east, north = bounding_box(all_shapes()[iso3])
    pad_x, pad_y = (east - west) * margin, (north - south) * margin
    return west - pad_x, south - pad_y, east + pad_x, north + pad_y


def country_shapes(box: tuple[float, float, float, float]) -> Iterator[tuple[str, list[Ring]]]:
    """The rings of each country that meet the given (west, south, east, north) box."""
    west, south, east, north = box
    for iso3, rings in all_shapes().items():
        visible = []
        for ring in rings:
            r_west, r_south, r_east, r_north = bounding_box([ring])
            crosses_antimeridian = r_east - r_west > 180
            if crosses_antimeridian:
                continue
            if r_east >= west and r_west <= east and r_north >= south and r_south <= north:
                visible.append(ring)
        if visible:
            yield iso3, visible
