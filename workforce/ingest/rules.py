"""Cross-column rules a template names (``Template.rules``), by name.

Each rule reads the parsed values and the per-cell error mask, adds issues, and
may refine values (the kelurahan becomes its code once the kecamatan is known).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from workforce.ingest.issues import Issues
from workforce.ingest.lookups import DbLookups

Rule = Callable[[pd.DataFrame, pd.DataFrame, DbLookups, Issues], None]


def _ok(values: pd.DataFrame, bad: pd.DataFrame, *cols: str) -> pd.Series:
    out = pd.Series(True, index=values.index)
    for col in cols:
        out &= values[col].notna() & ~bad[col]
    return out


def rule_end_after_start(
    v: pd.DataFrame, bad: pd.DataFrame, lk: DbLookups, out: Issues
) -> None:
    """A programme cannot end before it starts."""
    ok = _ok(v, bad, "tanggal_mulai", "tanggal_selesai")
    late = ok & (v["tanggal_selesai"].where(ok) < v["tanggal_mulai"].where(ok))
    out.add(late, "tanggal_selesai", "end_before_start")


def rule_lulus_needs_date(
    v: pd.DataFrame, bad: pd.DataFrame, lk: DbLookups, out: Issues
) -> None:
    """A graduate needs a tanggal_lulus."""
    missing = (v["status"] == "lulus") & v["tanggal_lulus"].isna()
    out.add(missing & ~bad["tanggal_lulus"], "tanggal_lulus", "lulus_needs_date")


def rule_employer_unless_wirausaha(
    v: pd.DataFrame, bad: pd.DataFrame, lk: DbLookups, out: Issues
) -> None:
    """Work and apprenticeship placements name the employer."""
    employed = v["jenis_penempatan"].isin(["kerja", "magang"])
    missing = employed & v["kode_perusahaan"].isna() & ~bad["kode_perusahaan"]
    out.add(missing, "kode_perusahaan", "employer_required")


def rule_kelurahan_in_kecamatan(
    v: pd.DataFrame, bad: pd.DataFrame, lk: DbLookups, out: Issues
) -> None:
    """The kelurahan must lie in the row's kecamatan; becomes kelurahan_kode."""
    ok = _ok(v, bad, "kecamatan", "kelurahan")
    pairs = list(zip(v.loc[ok, "kecamatan"], v.loc[ok, "kelurahan"], strict=True))
    codes = pd.Series([lk.kelurahan.get(p) for p in pairs], index=v.index[ok])
    unknown = pd.Series(False, index=v.index)
    unknown[codes.index] = codes.isna()
    out.add(unknown, "kelurahan", "kelurahan_unknown")
    v["kelurahan"] = codes.reindex(v.index).astype(object).where(lambda s: s.notna())
    bad["kelurahan"] |= unknown


def rule_tpt_or_counts(
    v: pd.DataFrame, bad: pd.DataFrame, lk: DbLookups, out: Issues
) -> None:
    """A statistic needs tpt_pct, or angkatan_kerja and pengangguran."""
    counts = v["angkatan_kerja"].notna() & v["pengangguran"].notna()
    some_bad = bad[["tpt_pct", "angkatan_kerja", "pengangguran"]].any(axis=1)
    out.add(v["tpt_pct"].isna() & ~counts & ~some_bad, "tpt_pct", "tpt_or_counts")
    ok = _ok(v, bad, "angkatan_kerja", "pengangguran")
    more = ok & (v["pengangguran"].where(ok) > v["angkatan_kerja"].where(ok))
    out.add(more, "pengangguran", "pengangguran_above_ak")


def rule_realisasi_within_pagu(
    v: pd.DataFrame, bad: pd.DataFrame, lk: DbLookups, out: Issues
) -> None:
    """Spending above the ceiling is allowed but flagged."""
    ok = _ok(v, bad, "pagu", "realisasi")
    above = ok & (v["realisasi"].where(ok) > v["pagu"].where(ok))
    out.add(above, "realisasi", "realisasi_above_pagu", severity="warning")


def rule_survey_after_graduation(
    v: pd.DataFrame, bad: pd.DataFrame, lk: DbLookups, out: Issues
) -> None:
    """A tracer survey cannot be dated before the graduation it follows."""
    ok = _ok(v, bad, "nik", "kode_program", "tanggal_survei")
    if not ok.any():
        return
    lulus = lk.graduation_dates(v.loc[ok, "nik"], v.loc[ok, "kode_program"])
    survei = pd.to_datetime(v.loc[ok, "tanggal_survei"])
    early = pd.Series(False, index=v.index)
    early[lulus.index] = (survei < lulus).fillna(False).to_numpy(dtype=bool)
    out.add(early, "tanggal_survei", "survey_before_graduation")


RULES: dict[str, Rule] = {
    "end_after_start": rule_end_after_start,
    "lulus_needs_date": rule_lulus_needs_date,
    "employer_unless_wirausaha": rule_employer_unless_wirausaha,
    "kelurahan_in_kecamatan": rule_kelurahan_in_kecamatan,
    "tpt_or_counts": rule_tpt_or_counts,
    "realisasi_within_pagu": rule_realisasi_within_pagu,
    "survey_after_graduation": rule_survey_after_graduation,
}
