"""World outlines for the map (resources/countries-110m.geojson) and India's MoU partners.

Rings are returned as line strips ready to draw in longitude/latitude. A ring that crosses the
180th meridian (Russia, Fiji, Antarctica) is broken wherever two consecutive longitudes differ by
more than 180 degrees; drawn unbroken it would streak across the whole map.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache

import numpy as np

from model.resources import resource_path

ANTIMERIDIAN_JUMP = 180.0


@dataclass(frozen=True)
class Country:
    iso_a3: str | None
    name: str
    strips: tuple[np.ndarray, ...]  # each (N, 2): lon, lat


def split_at_antimeridian(ring: np.ndarray) -> list[np.ndarray]:
    """Break a ring (N, 2) where consecutive longitudes jump by more than 180 degrees."""
    jumps = np.flatnonzero(np.abs(np.diff(ring[:, 0])) > ANTIMERIDIAN_JUMP) + 1
    return [part for part in np.split(ring, jumps) if len(part) >= 2]


def _rings(geometry: dict) -> list[list]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


@cache
def countries() -> tuple[Country, ...]:
    with resource_path("countries-110m.geojson").open(encoding="utf-8") as fh:
        data = json.load(fh)
    out = []
    for feature in data["features"]:
        strips = []
        for ring in _rings(feature["geometry"]):
            strips += split_at_antimeridian(np.asarray(ring, dtype=float))
        props = feature["properties"]
        out.append(Country(props.get("iso_a3"), props.get("name", ""), tuple(strips)))
    return tuple(out)


def outline_path(selected: set[str] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All strips (of the selected countries, or all) as x, y and a 'connect' mask for one
    pyqtgraph curve: one draw call for the whole world instead of ~300."""
    xs, ys, connect = [], [], []
    for country in countries():
        if selected is not None and country.iso_a3 not in selected:
            continue
        for strip in country.strips:
            xs.append(strip[:, 0])
            ys.append(strip[:, 1])
            link = np.ones(len(strip), dtype=bool)
            link[-1] = False  # no line from the end of one strip to the start of the next
            connect.append(link)
    if not xs:
        return np.zeros(0), np.zeros(0), np.zeros(0, dtype=bool)
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(connect)


@cache
def mou_countries() -> dict[str, str]:
    """ISO code -> source of India's MoU on critical minerals with that country."""
    with resource_path("india-mou-countries.csv").open(newline="", encoding="utf-8") as fh:
        return {row["iso_a3"]: row["source"] for row in csv.DictReader(fh)}
