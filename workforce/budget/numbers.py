"""Budget arithmetic for the Anggaran page: absorption, cost per outcome, pacing, flows.

Streamlit-free; every function takes the DataFrames of ``queries/anggaran/*.sql`` and
returns DataFrames or plain values. The definitions follow ``metrics.md``:

- serapan = realisasi ÷ pagu × 100 (not available where pagu is 0);
- biaya per lulusan / per penempatan exactly as the registry's ``biaya_per_lulusan``
  and ``biaya_per_penempatan`` (tests check equality): per funding source a
  programme's graduates count under every source that paid for it; a total over
  sources counts each programme once;
- biaya per peserta (this page's own, in the same style): realisasi of programmes
  *starting* in the period ÷ their enrolments (every status; a person in two
  programmes counts twice, as graduates do);
- pacing: by month n, spending below n/12 of pagu is under DJPK's straight line
  (``is_lagging``); since Cilegon spends most in the last quarter, that line flags
  nearly everything until December. A programme or source is *behind*
  (``is_behind``) when its cumulative absorption by month n is below the city's own
  schedule: the ``PACE_QUANTILE`` quantile of the earlier ``PACE_YEARS`` years'
  programmes at month n (anggaran/pace_schedule.sql): slower than 9 of 10 of them.
  Without enough earlier programmes, the straight line is the schedule;
- outliers: cost per placement above ``EXPENSIVE_FACTOR`` × the median of the same
  kejuruan's programmes; absorption outside Tukey's fences (Q1 − 1.5 IQR, Q3 + 1.5 IQR),
  computed in SQL over all programmes (anggaran/programme_absorption.sql,
  anggaran/programme_pacing.sql), which return only the ``PROGRAMME_ROWS`` that most
  need a look, so a national register's hundred thousand programmes stay in DuckDB.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

SOURCES = ("APBN", "APBD", "CSR", "lainnya")
EXPENSIVE_FACTOR = 2.0  # cost per placement > 2 × the kejuruan median is flagged
PACE_YEARS = 3  # the schedule: programmes of the 3 years before
PACE_QUANTILE = 0.10  # behind = slower than 9 of 10 of them at the same month
PACE_MIN_PROGRAMMES = 10  # fewer earlier programmes: the straight line n/12
IQR_K = 1.5  # Tukey's fences
IQR_MIN_PROGRAMMES = 4  # fewer programmes: no quartiles worth the name
PROGRAMME_ROWS = 500  # per-programme tables show this many (those needing a look first)
OUTCOMES = ("ditempatkan", "lulus_belum", "tidak_lulus", "berjalan", "tanpa_peserta")
# cost_table's groupings: the grouping_set of anggaran/cost_groups.sql
COST_GROUPINGS = {
    (): "total",
    ("sumber_dana",): "sumber_dana",
    ("kejuruan",): "kejuruan",
    ("kejuruan", "sumber_dana"): "kejuruan_sumber_dana",
}
_ALL = "_all"


def ratio(numerator: float, denominator: float, scale: float = 1.0) -> float | None:
    """``numerator ÷ denominator × scale``; None (not available) when the denominator is 0."""
    if denominator is None or pd.isna(denominator) or denominator == 0:
        return None
    return float(numerator) / float(denominator) * scale


def _grouped(df: pd.DataFrame, by: Sequence[str]) -> tuple[pd.DataFrame, list[str]]:
    """The frame and its group keys; a constant key when ``by`` is empty (totals)."""
    if by:
        return df, list(by)
    return df.assign(**{_ALL: "total"}), [_ALL]


def _finish(out: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    return out.drop(columns=[_ALL]) if not by else out


# ---- pagu, realisasi, serapan ---------------------------------------------------------


def absorption(lines: pd.DataFrame, by: Sequence[str] = ()) -> pd.DataFrame:
    """Pagu, realisasi and serapan_pct per group of budget lines."""
    df, keys = _grouped(lines, by)
    out = (
        df.groupby(keys, dropna=False)[["pagu_rupiah", "realisasi_rupiah"]]
        .sum()
        .reset_index()
    )
    out["serapan_pct"] = [
        ratio(r, p, 100)
        for r, p in zip(out["realisasi_rupiah"], out["pagu_rupiah"], strict=True)
    ]
    return _finish(out, by)


def yearly(by_year: pd.DataFrame) -> pd.DataFrame:
    """Per year: pagu, realisasi, serapan_pct, APBN realisasi and porsi_apbn_pct."""
    out = absorption(by_year, ["tahun"])
    apbn = (
        by_year[by_year["sumber_dana"] == "APBN"]
        .groupby("tahun")["realisasi_rupiah"]
        .sum()
    )
    out["realisasi_apbn_rupiah"] = out["tahun"].map(apbn).fillna(0.0)
    out["porsi_apbn_pct"] = [
        ratio(a, r, 100)
        for a, r in zip(
            out["realisasi_apbn_rupiah"], out["realisasi_rupiah"], strict=True
        )
    ]
    return out.sort_values("tahun", ignore_index=True)


# ---- cost per participant, graduate, placement ------------------------------------------


def cost_table(groups: pd.DataFrame, by: Sequence[str] = ()) -> pd.DataFrame:
    """Per group: for each cost kind the realisasi, the count and their ratio.

    ``groups`` is anggaran/cost_groups.sql's result, which sums every grouping in
    ``COST_GROUPINGS`` (the rule is there: a programme with two source rows counts
    once in a group without sumber_dana, under each source in a group by
    sumber_dana, as in the registry). Columns: ``by``, then per kind in peserta,
    lulusan, penempatan ``realisasi_<kind>_rupiah``, its count and
    ``biaya_per_<kind>_rupiah``.
    """
    key = tuple(by)
    if key not in COST_GROUPINGS:
        raise ValueError(f"no cost grouping by {key}: one of {list(COST_GROUPINGS)}")
    rows = groups[groups["grouping_set"] == COST_GROUPINGS[key]]
    values = [c for c in groups.columns if c.endswith(("_rupiah", "_count"))]
    return rows[[*key, *values]].reset_index(drop=True)


# ---- pacing (realisasi_bulanan) -------------------------------------------------------


def data_month(monthly: pd.DataFrame) -> int | None:
    """The last month with any monthly figure in the year (None: none imported)."""
    if monthly.empty or pd.isna(monthly["bulan_data"].iloc[0]):
        return None
    return int(monthly["bulan_data"].iloc[0])


def schedule_params() -> dict[str, object]:
    """The schedule's rule for anggaran/pace_schedule.sql."""
    return {
        "years": PACE_YEARS,
        "quantile": PACE_QUANTILE,
        "min_programmes": PACE_MIN_PROGRAMMES,
    }


def pace_floor(schedule: pd.DataFrame, month: int) -> float | None:
    """The schedule's floor at ``month`` (None: too few earlier programmes)."""
    row = schedule[schedule["bulan"] == month]
    if row.empty or pd.isna(row["floor_pct"].iloc[0]):
        return None
    return float(row["floor_pct"].iloc[0])


def pacing(
    monthly: pd.DataFrame,
    by: Sequence[str] = (),
    schedule: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Cumulative spending per group and month 1..n against the straight line n/12
    and the city's own schedule.

    Columns: by, bulan, pagu_rupiah, realisasi_kumulatif_rupiah, serapan_kumulatif_pct,
    garis_lurus_pct (n/12 × 100), ``is_lagging`` (spending by month n below n/12 of
    pagu, compared exactly as 12 × spending < n × pagu), jadwal_pct (the schedule's
    floor at month n, from ``schedule``: anggaran/pace_schedule.sql) and
    ``is_behind`` (below jadwal_pct; without a floor, ``is_lagging``).
    """
    n = data_month(monthly)
    if n is None:
        return pd.DataFrame()
    df, keys = _grouped(monthly[monthly["bulan"] <= n], by)
    out = (
        df.groupby([*keys, "bulan"], dropna=False)[["pagu_rupiah", "realisasi_rupiah"]]
        .sum()
        .reset_index()
    )
    out["realisasi_kumulatif_rupiah"] = out.groupby(keys, dropna=False)[
        "realisasi_rupiah"
    ].cumsum()
    out["serapan_kumulatif_pct"] = [
        ratio(c, p, 100)
        for c, p in zip(
            out["realisasi_kumulatif_rupiah"], out["pagu_rupiah"], strict=True
        )
    ]
    out["garis_lurus_pct"] = out["bulan"] / 12 * 100
    out["is_lagging"] = 12 * out["realisasi_kumulatif_rupiah"] < (
        out["bulan"] * out["pagu_rupiah"]
    )
    floors = [
        pace_floor(schedule, int(m)) if schedule is not None else None
        for m in out["bulan"]
    ]
    out["jadwal_pct"] = pd.array(floors, dtype="Float64")
    out["is_behind"] = [
        lagging if floor is None else (pct is not None and pct < floor)
        for lagging, floor, pct in zip(
            out["is_lagging"], floors, out["serapan_kumulatif_pct"], strict=True
        )
    ]
    return _finish(out.drop(columns=["realisasi_rupiah"]), by)


def pacing_now(
    monthly: pd.DataFrame,
    by: Sequence[str],
    month: int | None = None,
    schedule: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Pacing of each group at ``month`` (default: the last month with data)."""
    table = pacing(monthly, by, schedule)
    if table.empty:
        return table
    month = min(month or 12, int(table["bulan"].max()))
    return table[table["bulan"] == month].reset_index(drop=True)


def lines_without_monthly(monthly: pd.DataFrame) -> int:
    """How many budget lines of the year have no monthly figure at all."""
    if monthly.empty:
        return 0
    return int(monthly[monthly["bulan"] == 1]["silent_lines_count"].sum())


# ---- funding flow (Sankey) ------------------------------------------------------------


def flow_rupiah(flows: pd.DataFrame, middle: str) -> pd.DataFrame:
    """Realisasi of programmes ending in the period: source → ``middle`` → outcome.

    ``flows`` is anggaran/flow_rupiah.sql's result for the same ``middle``: each
    programme's money (each source row) split over outcomes in proportion to its
    enrolments, a programme without enrolments whole to ``tanpa_peserta``.
    """
    return _flow_frame(flows.rename(columns={"middle": middle}), middle)


def flow_persons(outcomes: pd.DataFrame, middle: str) -> pd.DataFrame:
    """Enrolments of programmes ending in the period: source → ``middle`` → outcome."""
    records = [
        (r["sumber_dana"], r[middle], outcome, float(r[f"{outcome}_count"]))
        for _, r in outcomes.iterrows()
        for outcome in OUTCOMES[:4]
    ]
    frame = pd.DataFrame(records, columns=["sumber_dana", middle, "hasil", "nilai"])
    return _flow_frame(frame, middle)


def _flow_frame(df: pd.DataFrame, middle: str) -> pd.DataFrame:
    """Positive flows summed per source, ``middle`` and outcome."""
    df = df[df["nilai"] > 0]
    return df.groupby(["sumber_dana", middle, "hasil"], as_index=False)["nilai"].sum()


def sankey_links(
    flow: pd.DataFrame, middle: str
) -> tuple[list[str], list[int], list[int], list[float]]:
    """Nodes and links of a three-stage Sankey: (node ids, sources, targets, values).

    Node ids are ``sumber:<x>``, ``mid:<x>``, ``hasil:<x>``; links are summed.
    """
    left = flow.groupby(["sumber_dana", middle])["nilai"].sum().reset_index()
    right = flow.groupby([middle, "hasil"])["nilai"].sum().reset_index()
    nodes = (
        [f"sumber:{s}" for s in SOURCES if s in set(flow["sumber_dana"])]
        + [f"mid:{m}" for m in sorted(flow[middle].astype(str).unique())]
        + [f"hasil:{h}" for h in OUTCOMES if h in set(flow["hasil"])]
    )
    index = {node: i for i, node in enumerate(nodes)}
    src = [index[f"sumber:{s}"] for s in left["sumber_dana"]]
    src += [index[f"mid:{m}"] for m in right[middle].astype(str)]
    tgt = [index[f"mid:{m}"] for m in left[middle].astype(str)]
    tgt += [index[f"hasil:{h}"] for h in right["hasil"]]
    values = [*left["nilai"], *right["nilai"]]
    return nodes, src, tgt, [float(v) for v in values]


# ---- data quality ---------------------------------------------------------------------


def over_ceiling(lines: pd.DataFrame) -> pd.DataFrame:
    """Budget lines whose realisasi exceeds their pagu."""
    out = lines[lines["realisasi_rupiah"] > lines["pagu_rupiah"]]
    return out.assign(
        selisih_rupiah=out["realisasi_rupiah"] - out["pagu_rupiah"]
    ).reset_index(drop=True)


def spending_without_enrolment(lines: pd.DataFrame) -> pd.DataFrame:
    """Programme budget lines with spending while the programme has no enrolment."""
    mask = lines["is_program"] & (lines["realisasi_rupiah"] > 0)
    return lines[mask & (lines["peserta_count"] == 0)].reset_index(drop=True)


def total_cost(groups: pd.DataFrame, kind: str) -> float | None:
    """The selection's cost per ``kind`` (peserta, lulusan, penempatan); None if n/a."""
    total = cost_table(groups)
    if total.empty:
        return None
    value = total.iloc[0][f"biaya_per_{kind}_rupiah"]
    return float(value) if is_available(value) else None


def is_available(value: float | None) -> bool:
    """True for a finite number (not None, NaN or infinite)."""
    return value is not None and not pd.isna(value) and not math.isinf(value)


def programme_params(**extra: object) -> dict[str, object]:
    """The outlier rule and the row limit for the per-programme queries
    (anggaran/programme_absorption.sql, anggaran/programme_pacing.sql)."""
    return {
        "iqr_k": IQR_K,
        "iqr_min": IQR_MIN_PROGRAMMES,
        "limit": PROGRAMME_ROWS,
        **extra,
    }


def placement_cost_params() -> dict[str, object]:
    """The expensive rule and the row limit for anggaran/programme_placement_costs.sql."""
    return {"factor": EXPENSIVE_FACTOR, "limit": PROGRAMME_ROWS}
