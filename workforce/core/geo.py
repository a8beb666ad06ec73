"""Kecamatan boundaries: read the GeoJSON named by WORKFORCE_BOUNDARIES, match by code.

The boundary file is not part of the repository (its licence stays with its
source; see the README). Features are matched to ``ref_kecamatan`` on the
Kemendagri code in the feature property ``kode`` (``36.72.06``), never on names:
the file spells Grogol the Kemendagri way, "Gerogol".
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workforce.core import config

CODE_PROPERTY = "kode"


@dataclass(frozen=True)
class Match:
    """Which kecamatan codes have a feature, and what did not match either way."""

    matched: dict[str, str]  # kecamatan_kode -> the feature's own name
    missing: tuple[str, ...]  # codes without a feature
    unknown: tuple[str, ...]  # feature codes that are no kecamatan of ours

    @property
    def complete(self) -> bool:
        """True when every kecamatan has exactly its feature."""
        return not self.missing


def load(path: Path | None = None) -> dict[str, Any] | None:
    """The boundary GeoJSON (``config.boundaries_path()`` by default), None without one."""
    path = path or config.boundaries_path()
    if path is None:
        return None
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("type") != "FeatureCollection":
        raise ValueError(f"{path}: not a GeoJSON FeatureCollection")
    return data


def feature_code(feature: dict[str, Any]) -> str | None:
    """The Kemendagri code of a feature (``properties.kode``)."""
    value = (feature.get("properties") or {}).get(CODE_PROPERTY)
    return str(value).strip() if value is not None else None


def match(geojson: dict[str, Any], codes: Sequence[str]) -> Match:
    """Match features to kecamatan codes on ``properties.kode``."""
    by_code = {feature_code(f): f for f in geojson.get("features", [])}
    matched = {
        code: str(by_code[code]["properties"].get("nama", code))
        for code in codes
        if code in by_code
    }
    return Match(
        matched=matched,
        missing=tuple(c for c in codes if c not in by_code),
        unknown=tuple(sorted(str(c) for c in by_code if c not in set(codes))),
    )


def bounds(geojson: dict[str, Any]) -> tuple[float, float, float, float]:
    """(west, south, east, north) of all features, in degrees."""
    xs: list[float] = []
    ys: list[float] = []
    for feature in geojson.get("features", []):
        for lon, lat in _points(feature["geometry"]["coordinates"]):
            xs.append(lon)
            ys.append(lat)
    return min(xs), min(ys), max(xs), max(ys)


def _points(coords: Any) -> list[tuple[float, float]]:
    if coords and isinstance(coords[0], int | float):
        return [(float(coords[0]), float(coords[1]))]
    return [point for part in coords for point in _points(part)]


def label_points(geojson: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Where each feature's name goes on the map, by its code: the area-weighted
    centroid of its largest ring (inside for the kecamatan's compact shapes)."""
    out = {}
    for feature in geojson.get("features", []):
        code = feature_code(feature)
        rings = _rings(feature["geometry"])
        if code is None or not rings:
            continue
        out[code] = _centroid(max(rings, key=lambda r: abs(_area(r))))
    return out


# Two names whose points are closer than this share of the map's width would touch
# on a phone (a 390 px screen draws Cilegon's map about 350 px wide, a name 45 px)
CROWDED_SHARE = 0.12


def label_positions(
    points: dict[str, tuple[float, float]], width: float
) -> dict[str, str]:
    """Plotly's ``textposition`` per name: centred on its point, except two names
    crowded together (closer than ``CROWDED_SHARE`` of the map's ``width``): the
    northern one goes above its point, the southern one below."""
    out = dict.fromkeys(points, "middle center")
    codes = sorted(points)
    for i, a in enumerate(codes):
        for b in codes[i + 1 :]:
            (xa, ya), (xb, yb) = points[a], points[b]
            if math.hypot(xa - xb, ya - yb) < CROWDED_SHARE * width:
                north, south = (a, b) if ya >= yb else (b, a)
                out[north], out[south] = "top center", "bottom center"
    return out


def shapes(geojson: dict[str, Any]) -> dict[str, list[list[tuple[float, float]]]]:
    """Each feature's outer rings (lon, lat), by its code."""
    out: dict[str, list[list[tuple[float, float]]]] = {}
    for feature in geojson.get("features", []):
        code = feature_code(feature)
        if code is not None:
            out.setdefault(code, []).extend(_rings(feature["geometry"]))
    return out


def _rings(geometry: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The outer rings of a Polygon or MultiPolygon."""
    coords = geometry.get("coordinates") or []
    polygons = [coords] if geometry.get("type") == "Polygon" else coords
    return [[(float(x), float(y)) for x, y, *_ in p[0]] for p in polygons if p]


def _area(ring: Sequence[tuple[float, float]]) -> float:
    """Signed area (shoelace), in square degrees."""
    pairs = zip(ring, [*ring[1:], ring[0]], strict=True)
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs) / 2


def _centroid(ring: Sequence[tuple[float, float]]) -> tuple[float, float]:
    area = _area(ring)
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)
