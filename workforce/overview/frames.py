"""The overview's frames: the funnel and funding per year, and the kecamatan table.

Each frame says which KPIs it needs (``<frame>_asks``: ``metrics.Ask`` values) and
is made from the answers of ``metrics.fetch`` (``<frame>_from``), so that the page
fetches them with its cards in one statement (``numbers.page_numbers``); the plain
function (``funnel``, ``funding``, ``kecamatan_table``) fetches one frame alone.
Per year and per kecamatan, each KPI is one query for all the years or all the
values, equal to one query each. Streamlit-free.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import duckdb
import pandas as pd

from workforce.core import compare, metrics
from workforce.core.filters import SUMBER_DANA, Filters
from workforce.core.metrics import Answer, Ask

FUNNEL = (
    # column, registry KPI, part of its result
    ("peserta", "peserta", "value"),
    ("lulusan", "tingkat_kelulusan", "numerator"),
    ("tersertifikasi", "tingkat_sertifikasi", "numerator"),
    ("ditempatkan_6b", "tingkat_penempatan_6b", "numerator"),
)
Answers = Mapping[Ask, Answer]


# ---- the funnel ---------------------------------------------------------------------


def funnel(
    conn: duckdb.DuckDBPyConnection, filters: Filters, years: Sequence[int]
) -> pd.DataFrame:
    """Participants → graduates → certified → placed within 6 months, per year."""
    found = metrics.fetch(conn, funnel_asks(filters, years))
    return funnel_from(found, filters, years)


def funnel_asks(filters: Filters, years: Sequence[int]) -> list[Ask]:
    """What the funnel needs: each of its KPIs per year."""
    return [Ask(metric_id, filters, "tahun", years) for _, metric_id, _ in FUNNEL]


def funnel_from(found: Answers, filters: Filters, years: Sequence[int]) -> pd.DataFrame:
    """The funnel from the answers to ``funnel_asks``."""
    per_year = {a.metric_id: found[a] for a in funnel_asks(filters, years)}
    rows = []
    for tahun in years:
        row: dict[str, float | int | None] = {"tahun": tahun}
        for column, metric_id, part in FUNNEL:
            result = per_year[metric_id][str(tahun)]
            row[column] = getattr(result, part)
            if metric_id != "peserta":
                row[f"{metric_id}_pct"] = result.value
        row["lulusan_matang"] = result.denominator  # the placement rate's base
        rows.append(row)
    return pd.DataFrame(rows)


# ---- funding ------------------------------------------------------------------------


def funding(
    conn: duckdb.DuckDBPyConnection, filters: Filters, years: Sequence[int]
) -> pd.DataFrame:
    """Spending (realisasi) by sumber_dana per year, with each source's share."""
    found = metrics.fetch(conn, funding_asks(filters, years))
    return funding_from(found, filters, years)


def funding_asks(filters: Filters, years: Sequence[int]) -> list[Ask]:
    """What the funding shares need: realisasi per year (split by sumber_dana)."""
    return [Ask("realisasi", filters, "tahun", years)]


def funding_from(
    found: Answers, filters: Filters, years: Sequence[int]
) -> pd.DataFrame:
    """The funding shares from the answers to ``funding_asks``."""
    per_year = found[funding_asks(filters, years)[0]]
    rows = []
    for tahun in years:
        result = per_year[str(tahun)]
        for source in SUMBER_DANA:
            part = result.by.get(source)
            amount = part.value if part and part.value is not None else 0.0
            share = amount / result.value * 100 if result.value else None
            rows.append(
                {
                    "tahun": tahun,
                    "sumber_dana": source,
                    "realisasi_rupiah": amount,
                    "porsi_pct": share,
                }
            )
    return pd.DataFrame(rows)


# ---- kecamatan ----------------------------------------------------------------------


def kecamatan_table(
    conn: duckdb.DuckDBPyConnection, filters: Filters, ref: pd.DataFrame
) -> pd.DataFrame:
    """Per kecamatan: participants per 1,000 residents and placement within 6 months
    (with its 95% Wilson interval)."""
    return kecamatan_from(
        metrics.fetch(conn, kecamatan_asks(filters, ref)), filters, ref
    )


def kecamatan_asks(filters: Filters, ref: pd.DataFrame) -> list[Ask]:
    """What the kecamatan table needs: its KPIs per kecamatan of ``ref``."""
    names = list(ref["nama"])
    return [
        Ask("peserta", filters, "kecamatan", names),
        Ask("tingkat_penempatan_6b", filters, "kecamatan", names),
    ]


def kecamatan_from(found: Answers, filters: Filters, ref: pd.DataFrame) -> pd.DataFrame:
    """The kecamatan table from the answers to ``kecamatan_asks``."""
    names = list(ref["nama"])
    peserta, placed = (found[a] for a in kecamatan_asks(filters, ref))
    out = ref[["kecamatan_kode", "nama", "penduduk", "penduduk_sumber"]].copy()
    out["peserta"] = [peserta[n].value for n in names]
    out["peserta_per_1000"] = out["peserta"] / out["penduduk"] * 1000
    out["ditempatkan_6b"] = [placed[n].numerator for n in names]
    out["lulusan_matang"] = [placed[n].denominator for n in names]
    out["tingkat_penempatan_6b_pct"] = [placed[n].value for n in names]
    lo, hi = compare.wilson_arrays(
        out["ditempatkan_6b"].fillna(0), out["lulusan_matang"].fillna(0)
    )
    out["tingkat_penempatan_6b_lo_pct"], out["tingkat_penempatan_6b_hi_pct"] = lo, hi
    return out
