"""The shared filter model: period and dimensions, mapped to SQL params and URLs.

One ``Filters`` value describes what a user selected. It becomes bound ``$params``
(``$start``, ``$end``, ``$as_of``, ``$tahun`` and one list per dimension, NULL for
"all") and URL query parameters (``?tahun=2024&kecamatan=Ciwandan``), so a filtered
view can be shared as a link. URL values are matched to known options only;
anything else is dropped, never passed on.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from workforce.core import db
from workforce.core.names import kecamatan_lookup, norm

DIMENSIONS = ("kecamatan", "kejuruan", "penyelenggara", "jenis", "sumber_dana")
JENIS = ("pelatihan", "pemagangan", "sertifikasi")
SUMBER_DANA = ("APBN", "APBD", "CSR", "lainnya")


@dataclass(frozen=True)
class Filters:
    """A selection: a year, optionally a quarter, values per dimension, a reporting date."""

    tahun: int
    kuartal: int | None = None
    dims: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    as_of: date | None = None  # reporting date; defaults to the period's last day

    @property
    def start(self) -> date:
        """First day of the period."""
        month = 1 if self.kuartal is None else 3 * self.kuartal - 2
        return date(self.tahun, month, 1)

    @property
    def end(self) -> date:
        """Last day of the period (also the reporting date)."""
        month = 12 if self.kuartal is None else 3 * self.kuartal
        return date(self.tahun, month, calendar.monthrange(self.tahun, month)[1])

    def values(self, dim: str) -> tuple[str, ...]:
        """Selected values of one dimension (empty = all)."""
        return tuple(self.dims.get(dim, ()))

    def previous(self) -> Filters:
        """The same selection one period earlier (previous quarter or year)."""
        if self.kuartal is None:
            return replace(self, tahun=self.tahun - 1)
        if self.kuartal == 1:
            return replace(self, tahun=self.tahun - 1, kuartal=4)
        return replace(self, kuartal=self.kuartal - 1)

    def whole_year(self) -> Filters:
        """The same selection over the whole year (yearly charts)."""
        return replace(self, kuartal=None)

    def sql_params(self) -> dict[str, Any]:
        """Every ambient param a query may bind."""
        params: dict[str, Any] = {
            "tahun": self.tahun,
            "start": self.start,
            "end": self.end,
            "as_of": self.as_of or self.end,
        }
        for dim in DIMENSIONS:
            params[dim] = list(self.values(dim)) or None
        return params

    def to_query_params(self) -> dict[str, list[str]]:
        """URL form: ``{"tahun": ["2024"], "kecamatan": ["Ciwandan"]}``."""
        out = {"tahun": [str(self.tahun)]}
        if self.kuartal:
            out["kuartal"] = [str(self.kuartal)]
        out.update(
            {dim: list(self.values(dim)) for dim in DIMENSIONS if self.values(dim)}
        )
        return out

    def is_filtered(self) -> bool:
        """True when any dimension is narrowed."""
        return any(self.values(dim) for dim in DIMENSIONS)


def bind(name: str, filters: Filters | None, **extra: Any) -> dict[str, Any]:
    """The params for query ``name``: the filter params it uses, plus ``extra``."""
    wanted = db.query_params(name)
    ambient = filters.sql_params() if filters else {}
    params = {k: v for k, v in ambient.items() if k in wanted}
    params.update(extra)
    return params


def _split(raw: Sequence[str] | str | None) -> list[str]:
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    return [part for item in items for part in str(item).split(",") if part.strip()]


def _match(
    raw: Sequence[str] | str | None,
    options: Sequence[str],
    aliases: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    by_norm = {**(aliases or {}), **{norm(o): o for o in options}}
    items = [] if raw is None else [raw] if isinstance(raw, str) else list(raw)
    # a whole value first (a name may hold a comma), else its comma-separated parts
    parts = [
        v for item in items for v in ([item] if norm(item) in by_norm else _split(item))
    ]
    picked = [by_norm[norm(v)] for v in parts if norm(v) in by_norm]
    return tuple(dict.fromkeys(picked))


def _int_in(raw: Sequence[str] | str | None, allowed: Sequence[int]) -> int | None:
    for value in _split(raw):
        if value.strip().isdecimal() and int(value) in allowed:
            return int(value)
    return None


def from_query_params(
    params: Mapping[str, Sequence[str] | str],
    options: Mapping[str, Sequence[str]],
    years: Sequence[int],
    aliases: Mapping[str, Mapping[str, str]] | None = None,
) -> Filters:
    """Parse URL params against known options; unknown values are ignored.

    ``aliases`` maps, per dimension, a normalised spelling variant to its option
    (``{"kecamatan": {"gerogol": "Grogol"}}``, see ``kecamatan_aliases``).
    """
    tahun = _int_in(params.get("tahun"), years) or max(years, default=date.today().year)
    kuartal = _int_in(params.get("kuartal"), (1, 2, 3, 4))
    dims = {
        dim: _match(params.get(dim), options.get(dim, ()), (aliases or {}).get(dim))
        for dim in DIMENSIONS
    }
    return Filters(tahun, kuartal, {k: v for k, v in dims.items() if v})


def kecamatan_aliases(conn: Any, names: Sequence[str]) -> dict[str, str]:
    """Normalised Kemendagri spelling, known variant or code → kecamatan name shown."""
    lookup = kecamatan_lookup(conn)
    by_kode = {lookup[norm(n)]: n for n in names if norm(n) in lookup}
    return {key: by_kode[kode] for key, kode in lookup.items() if kode in by_kode}


def options_from_db(conn: Any) -> tuple[dict[str, list[str]], list[int]]:
    """The values each dimension can take, and the years with data."""
    df = db.run(conn, "common/filter_options")
    options: dict[str, list[str]] = {dim: [] for dim in DIMENSIONS}
    for dim, value in zip(df["dimension"], df["value"], strict=True):
        if dim in options:
            options[dim].append(value)
    options["jenis"] = options["jenis"] or list(JENIS)
    options["sumber_dana"] = options["sumber_dana"] or list(SUMBER_DANA)
    years = sorted(
        int(v)
        for d, v in zip(df["dimension"], df["value"], strict=True)
        if d == "tahun"
    )
    return options, years
