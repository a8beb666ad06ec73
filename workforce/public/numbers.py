"""The public data path: an aggregate-only database, and the suppressed publication.

``build(main)`` reads the main database once — the KPI registry's values per year,
the per-dimension counts of ``queries/public/build/outcomes.sql`` (both computed
once per rebuild of the marts and kept in the main database's pub_kpi/pub_outcome by ``store``)
and the BPS statistics — into a **new in-memory DuckDB database that holds nothing
else**: no
participant table, no person key, no date of birth. The transparency page and the
open-data export read only that database (``queries/public/*.sql``, which may name
only ``pub_*`` tables, ``statistik_tenaga_kerja`` and ``ref_*``; a test parses them),
so a bug in the page cannot reach a row about a person.

``publication(public)`` then turns the aggregates into what may be shown: every
count, rate, median and cost goes through ``workforce.public.disclosure`` here, in one
place, and hidden values are removed (NA) before the page or a file sees them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import duckdb
import pandas as pd

from workforce.core import db, metrics
from workforce.core.filters import SUMBER_DANA, Filters
from workforce.public import disclosure
from workforce.public.disclosure import Equation
from workforce.tracer.numbers import LOW_RESPONSE_PCT

CITY = "Kota Cilegon"
DIMENSIONS = ("kejuruan", "kecamatan", "jenis")
MEASURES = ("peserta", "lulusan", "tersertifikasi", "lulusan_matang", "ditempatkan_6b")
# The link-and-match gap is per kejuruan (graduate counts by kejuruan): not public.
PUBLIC_KPIS = tuple(m.id for m in metrics.REGISTRY if m.id != "kesenjangan_link_match")
BUDGET_KPIS = (
    "pagu",
    "realisasi",
    "serapan_anggaran",
    "biaya_per_lulusan",
    "biaya_per_penempatan",
)
PUBLIC_TABLES = (
    "pub_info",
    "pub_kpi",
    "pub_outcome",
    "pub_target",
    "statistik_tenaga_kerja",
)
INFO_KEYS = ("data_as_of", "is_demo", "data_version")
# (whole, part): the part is counted within the whole, per year and kategori
NESTED = (("lulusan", "tersertifikasi"), ("lulusan_matang", "ditempatkan_6b"))


@dataclass(frozen=True)
class Protection:
    """How a KPI is protected: ``count`` (its value counts persons), ``rate`` (a
    numerator and denominator of persons) or ``basis`` (Rupiah or a median over
    ``penyebut`` persons). ``numerator``/``denominator`` name the public count the
    city-wide value equals (so a hidden count hides the KPI too); ``persons_from``
    borrows another KPI's denominator as the number of persons."""

    kind: str
    numerator: str | None = None
    denominator: str | None = None
    persons_from: str | None = None


PROTECTION: dict[str, Protection] = {
    "peserta": Protection("count", numerator="peserta"),
    "penempatan": Protection("count"),
    "tingkat_kelulusan": Protection("rate", numerator="lulusan"),
    "tingkat_sertifikasi": Protection("rate", "tersertifikasi", "lulusan"),
    "tingkat_penempatan_6b": Protection("rate", "ditempatkan_6b", "lulusan_matang"),
    "porsi_lokal": Protection("rate"),
    "upah_median": Protection("basis"),
    "upah_vs_umk": Protection("basis", persons_from="upah_median"),
    "biaya_per_lulusan": Protection("basis"),
    "biaya_per_penempatan": Protection("basis"),
    # the tracer study: answers and cohorts are persons; the response rate too
    "retensi_12b": Protection("rate"),
    "tingkat_respons_12b": Protection("rate"),
    "upah_median_12b": Protection("basis"),
    "bertahan_di_perusahaan": Protection("rate"),
}  # tpt, tpak (BPS), pagu, realisasi, serapan, porsi_apbn, perusahaan_berulang
# (employers, not persons): not about persons


# ---- the aggregate-only database --------------------------------------------------------


def build(main: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A new in-memory database with only the public aggregates of ``main``."""
    info = db.get_info(main)
    as_of = as_of_date(info)
    out = duckdb.connect(":memory:")
    for name in ("info", "kpi", "outcome", "target"):
        db.execute(out, f"public/build/create_pub_{name}")
    db.execute(out, "public/build/create_statistik")
    built = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [(k, info[k]) for k in INFO_KEYS if k in info] + [("built_at", built)]
    out.from_df(pd.DataFrame(rows, columns=["key", "value"])).insert_into("pub_info")
    kpi, outcomes = stored(main, info) or aggregates(main, as_of)
    out.from_df(kpi).insert_into("pub_kpi")
    out.from_df(outcomes).insert_into("pub_outcome")
    out.from_df(db.run(main, "public/build/targets")).insert_into("pub_target")
    out.from_df(db.run(main, "public/build/statistik")).insert_into(
        "statistik_tenaga_kerja"
    )
    return out


def aggregates(
    main: duckdb.DuckDBPyConnection, as_of: date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The public KPIs per year and the outcome counts, computed from ``main``."""
    years = [int(y) for y in db.run(main, "public/build/years")["tahun"]]
    kpi = kpi_frame(main, years, as_of)
    return kpi, db.run(main, "public/build/outcomes", as_of=as_of)


def store(main: duckdb.DuckDBPyConnection) -> None:
    """Compute the public aggregates once and keep them in ``main`` (pub_kpi,
    pub_outcome, as the aggregate-only database has them) with the reporting date
    they were computed for; called each time the marts are rebuilt (after an import,
    a demo build, an upgrade)."""
    as_of = as_of_date(db.get_info(main))
    kpi, outcomes = aggregates(main, as_of)
    db.execute(main, "public/store/drop")
    for name in ("create_pub_kpi", "create_pub_outcome"):
        db.execute(main, f"public/build/{name}")
    main.from_df(kpi).insert_into("pub_kpi")
    main.from_df(outcomes).insert_into("pub_outcome")
    db.set_info(main, "public_as_of", as_of.isoformat())


def stored(
    main: duckdb.DuckDBPyConnection, info: Mapping[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The kept aggregates when they were computed for the reporting date of
    ``info`` (main's dataset_info; else None: a file from before they were kept, or
    a reporting date changed since)."""
    if info.get("public_as_of") != as_of_date(info).isoformat():
        return None
    if db.rows(main, "public/store/present")[0][0] != 2:
        return None
    kpi = db.run(main, "public/store/kpi")
    return kpi.astype({"tahun": "int32"}), db.run(main, "public/store/outcome")


def as_of_date(info: Mapping[str, str]) -> date:
    """The reporting date: the data date of the last build or import (else today)."""
    value = info.get("data_as_of")
    return date.fromisoformat(value) if value else date.today()


def kpi_frame(
    main: duckdb.DuckDBPyConnection, years: list[int], as_of: date
) -> pd.DataFrame:
    """Every public KPI of the registry, for the whole city, per year and split."""
    rows: list[tuple[Any, ...]] = []
    city = Filters(tahun=max(years, default=as_of.year), as_of=as_of)
    per_year = {  # one query per KPI for all years (equal to one per year)
        kpi_id: metrics.compute_by(main, kpi_id, city, "tahun", years)
        for kpi_id in PUBLIC_KPIS
    }
    for year in years:
        for kpi_id in PUBLIC_KPIS:
            result = per_year[kpi_id][str(year)]
            for grp, r in {"total": result, **result.by}.items():
                rows.append((year, kpi_id, grp, r.value, r.numerator, r.denominator))
    columns = ["tahun", "kpi_id", "grp", "nilai", "pembilang", "penyebut"]
    df = pd.DataFrame(rows, columns=columns)
    return df.astype({"tahun": "int32", **dict.fromkeys(columns[3:], "float64")})


# ---- the publication: aggregates after suppression ------------------------------------------


@dataclass(frozen=True)
class Publication:
    """What may be shown and downloaded. Hidden values are NA, ``status`` says why
    (``kecil``, ``komplementer``, ``dasar_kecil``; empty when published)."""

    limit: int
    info: dict[str, str]
    kpi: pd.DataFrame  # tahun, kpi_id, nilai, status
    outcomes: pd.DataFrame  # tahun, dimensi, kategori, ukuran, jumlah, status
    budget: pd.DataFrame  # tahun, sumber_dana, pagu..., biaya_*_status
    tpt: pd.DataFrame  # tahun, wilayah, tpt_pct, ..., sumber, rilis
    targets: pd.DataFrame  # tahun, kpi_id, nilai_target

    @property
    def years(self) -> list[int]:
        """Years with programme or budget figures."""
        return sorted({int(y) for y in self.kpi["tahun"]})

    @property
    def reported_years(self) -> list[int]:
        """Years up to the data date: a later year holds only plans (budgets,
        programmes not yet started), so it is not reported as results."""
        as_of = self.data_as_of
        return [y for y in self.years if as_of is None or y <= as_of.year]

    @property
    def data_as_of(self) -> date | None:
        """The data date of the figures."""
        value = self.info.get("data_as_of")
        return date.fromisoformat(value) if value else None

    @property
    def is_demo(self) -> bool:
        """True when the figures come from the demo database."""
        return self.info.get("is_demo") == "true"


def kpi_cell(pub: Publication, year: int, kpi_id: str) -> tuple[float | None, str]:
    """A city-wide KPI of a year: (published value or None, why hidden or "")."""
    rows = pub.kpi[(pub.kpi["tahun"] == year) & (pub.kpi["kpi_id"] == kpi_id)]
    if not len(rows):
        return None, ""
    value, status = rows["nilai"].iloc[0], str(rows["status"].iloc[0])
    return (None if pd.isna(value) else float(value)), status


def low_response(pub: Publication, year: int) -> float | None:
    """The published response rate of ``year`` when its 12-month rate is published
    and under 60% of the cohort answered (the rate carries a warning); else None."""
    twelve, _ = kpi_cell(pub, year, "retensi_12b")
    response, _ = kpi_cell(pub, year, "tingkat_respons_12b")
    if twelve is None or response is None or response >= LOW_RESPONSE_PCT:
        return None
    return response


def publication(public: duckdb.DuckDBPyConnection, limit: int) -> Publication:
    """Read the public database and apply every suppression rule."""
    info = db.run(public, "public/info")
    kpi = db.run(public, "public/kpi")
    outcomes = db.run(public, "public/outcomes")
    counts, derived = cell_counts(outcomes), derived_counts(outcomes)
    eqs = equations(outcomes) + nested_equations(outcomes)
    hidden = disclosure.suppress({**counts, **derived}, eqs, limit, derived.keys())
    return Publication(
        limit=limit,
        info=dict(zip(info["key"], info["value"], strict=True)),
        kpi=protect_kpis(kpi[kpi["grp"] == "total"], hidden, limit),
        outcomes=protect_outcomes(outcomes, hidden),
        budget=budget_frame(kpi, limit),
        tpt=db.run(public, "public/tpt_trend"),
        targets=db.run(public, "public/targets"),
    )


def cell(tahun: int, dimensi: str, kategori: str, ukuran: str) -> tuple:
    """The key of one published count."""
    return ("outcome", int(tahun), dimensi, kategori, ukuran)


def cell_counts(outcomes: pd.DataFrame) -> dict[tuple, int]:
    """Every published count by key."""
    return {
        cell(r.tahun, r.dimensi, r.kategori, r.ukuran): int(r.jumlah)
        for r in outcomes.itertuples(index=False)
    }


def derived_counts(outcomes: pd.DataFrame) -> dict[tuple, int]:
    """Counts never shown that follow from shown ones, per year and kategori:
    graduates not certified, graduates (≥ 6 months) not placed."""
    wide = outcomes.pivot(
        index=["tahun", "dimensi", "kategori"], columns="ukuran", values="jumlah"
    )
    out = {}
    for (tahun, dimensi, kategori), r in wide.iterrows():
        for whole, part in NESTED:
            key = cell(tahun, dimensi, kategori, f"{whole}-{part}")
            out[key] = int(r[whole] - r[part])
    return out


def nested_equations(outcomes: pd.DataFrame) -> list[Equation]:
    """Graduates = certified + not certified; graduates ≥ 6 months = placed + not."""
    rows = outcomes[["tahun", "dimensi", "kategori"]].drop_duplicates()
    return [
        Equation(
            cell(t, d, k, whole),
            (cell(t, d, k, part), cell(t, d, k, f"{whole}-{part}")),
        )
        for t, d, k in rows.itertuples(index=False)
        for whole, part in NESTED
    ]


def equations(outcomes: pd.DataFrame) -> list[Equation]:
    """City total of a year and measure = Σ per kejuruan = Σ per kecamatan = Σ per jenis.

    Enrolment counts add up exactly. Distinct participants per kejuruan or jenis may
    add up to more than the city's (a person in two kejuruan counts in both): such
    an equation is marked inexact, the reader not knowing by how much.
    """
    eqs = []
    totals = cell_counts(outcomes[outcomes["dimensi"] == "total"])
    parts = outcomes[outcomes["dimensi"] != "total"]
    for (tahun, dimensi, ukuran), group in parts.groupby(
        ["tahun", "dimensi", "ukuran"], sort=True
    ):
        keys = tuple(cell(tahun, dimensi, k, ukuran) for k in group["kategori"])
        total = cell(tahun, "total", CITY, ukuran)
        exact = int(group["jumlah"].sum()) == totals[total]
        eqs.append(Equation(total, keys, exact=exact))
    return eqs


def protect_outcomes(outcomes: pd.DataFrame, hidden: Mapping) -> pd.DataFrame:
    """Counts with hidden ones removed (NA) and their status."""
    keys = [
        cell(r.tahun, r.dimensi, r.kategori, r.ukuran)
        for r in outcomes.itertuples(index=False)
    ]
    status = pd.Series([hidden.get(k, "") for k in keys], index=outcomes.index)
    out = outcomes.assign(jumlah=outcomes["jumlah"].astype("Int64"), status=status)
    out.loc[status != "", "jumlah"] = pd.NA
    return out.reset_index(drop=True)


def _kpi_status(r: Any, kpi: pd.DataFrame, hidden: Mapping, limit: int) -> str:
    """Why one city-wide KPI value is hidden ("" when it is published)."""
    rule = PROTECTION.get(r.kpi_id)
    if rule is None or r.nilai is None or pd.isna(r.nilai):
        return ""
    num = cell(r.tahun, "total", CITY, rule.numerator) if rule.numerator else None
    den = cell(r.tahun, "total", CITY, rule.denominator) if rule.denominator else None
    if rule.kind == "count":
        if num is not None:
            return hidden.get(num, "")
        return disclosure.SMALL if 0 < r.nilai < limit else ""
    linked = [k for k in (num, den) if k is not None]
    if rule.kind == "rate":
        pembilang, penyebut = _none(r.pembilang), _none(r.penyebut)
        blocked = disclosure.rate_hidden(pembilang, penyebut, limit, linked, hidden)
    else:
        persons = _persons(kpi, r, rule)
        blocked = disclosure.basis_hidden(persons, limit, linked, hidden)
    return disclosure.BASIS if blocked else ""


def _none(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _persons(kpi: pd.DataFrame, r: Any, rule: Protection) -> float | None:
    if rule.persons_from is None:
        return _none(r.penyebut)
    other = kpi[(kpi["tahun"] == r.tahun) & (kpi["kpi_id"] == rule.persons_from)]
    return _none(other["penyebut"].iloc[0]) if len(other) else None


def protect_kpis(kpi: pd.DataFrame, hidden: Mapping, limit: int) -> pd.DataFrame:
    """City-wide KPI values per year, hidden ones removed, with their status."""
    status = [_kpi_status(r, kpi, hidden, limit) for r in kpi.itertuples(index=False)]
    out = kpi[["tahun", "kpi_id", "nilai"]].assign(status=status)
    out.loc[out["status"] != "", "nilai"] = float("nan")
    return out.reset_index(drop=True)


def _cost_status(value: pd.Series, persons: pd.Series, limit: int) -> pd.Series:
    """Why each cost per graduate (or placement) of a year and source is hidden.

    Realisasi is published, so a published cost gives its persons away
    (realisasi ÷ cost): the persons behind the costs of a year are published
    counts whose sources add up to the total's (more, when a programme paid by two
    sources counts under both). A cost on fewer than ``limit`` persons is hidden,
    and then, as in any table, the smallest other that would let it be worked out
    by subtraction (``disclosure.suppress``).
    """
    status = pd.Series("", index=value.index, dtype="object")
    shown = value.notna() & persons.notna()
    counts = {k: int(v) for k, v in persons[shown].items()}
    equations = []
    for tahun in {k[0] for k in counts}:
        total = (tahun, "total")
        parts = tuple(k for k in counts if k[0] == tahun and k != total)
        if total in counts and parts:
            exact = sum(counts[k] for k in parts) == counts[total]
            equations.append(disclosure.Equation(total, parts, exact=exact))
    hidden = disclosure.suppress(counts, equations, limit)
    for key, why in hidden.items():
        status[key] = disclosure.BASIS if why == disclosure.SMALL else why
    return status


def budget_frame(kpi: pd.DataFrame, limit: int) -> pd.DataFrame:
    """Budget by source per year: pagu, realisasi, absorption, cost per graduate and
    per placement (a cost is hidden when fewer than ``limit`` persons stand behind it)."""
    rows = kpi[kpi["kpi_id"].isin(BUDGET_KPIS)]
    index, columns = ["tahun", "grp"], list(BUDGET_KPIS)
    wide = rows.pivot(index=index, columns="kpi_id", values="nilai")
    wide = wide.reindex(columns=columns).astype("float64")
    persons = rows.pivot(index=index, columns="kpi_id", values="penyebut")
    persons = persons.reindex(columns=columns).astype("float64")
    out = pd.DataFrame(index=wide.index)
    out["pagu_rupiah"] = wide["pagu"]
    out["realisasi_rupiah"] = wide["realisasi"]
    out["serapan_pct"] = wide["serapan_anggaran"]
    for kpi_id in ("biaya_per_lulusan", "biaya_per_penempatan"):
        value, n = wide[kpi_id], persons[kpi_id]
        status = _cost_status(value, n, limit)
        out[f"{kpi_id}_rupiah"] = value.where(status == "")
        out[f"{kpi_id}_status"] = status
    out = out.reset_index().rename(columns={"grp": "sumber_dana"})
    order = {s: i for i, s in enumerate(("total", *SUMBER_DANA))}
    out = out.sort_values(
        ["tahun", "sumber_dana"], key=lambda s: s.map(order).fillna(s)
    )
    return out.reset_index(drop=True)
