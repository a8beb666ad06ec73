"""Words for the outcome pages: labels, localised tables and one-sentence summaries.

Streamlit-free. Every sentence is built from the numbers it describes, in Bahasa
Indonesia or English, with the Indonesian number formats of ``workforce.core.i18n``.
"""

from __future__ import annotations

import pandas as pd

from workforce.core import i18n
from workforce.core.filters import Filters
from workforce.core.markup import md, md_list
from workforce.core.metrics import Result
from workforce.outcomes import numbers as oc

JP = ("kerja", "magang", "wirausaha")


tr = i18n.Scope("outcomes")


def num(value: float | None, lang: str) -> str:
    """A count in the language's format."""
    return i18n.fmt_number(value, lang)


def pct(value: float | None, lang: str) -> str:
    """A 0-100 rate with one decimal."""
    return i18n.fmt_pct(value, lang, 1)


def value_label(dim: str, value: str, lang: str) -> str:
    """Display label of one value of a breakdown dimension."""
    if dim == "jenis":
        return i18n.t(f"jenis.{value}", lang)
    if dim == "jenis_kelamin":
        return tr(f"sex.{value}", lang)
    if dim == "disabilitas":
        return tr(f"disab.{value}", lang)
    if dim == "kejuruan" and value == "":
        return tr("no_programme", lang)
    return value


def cohort_label(start: object, grain: str, lang: str) -> str:
    """``T1 2024`` / ``Q1 2024`` for quarters, ``2024`` for years."""
    day = pd.Timestamp(start)
    if grain == "tahun":
        return str(day.year)
    return tr("cohort_label.kuartal", lang, q=(day.month - 1) // 3 + 1, tahun=day.year)


def note(reliable: bool, lang: str) -> str:
    """The small-sample note of a row."""
    return "" if reliable else tr("unreliable", lang)


# ---- sentences: pelatihan ---------------------------------------------------------------


def rate_text(value: float | None, reliable: bool, lang: str) -> str:
    """A rate, followed by the small-sample warning when its n is under 20."""
    text = pct(value, lang)
    return text if reliable or value is None else f"{text}, {tr('unreliable', lang)}"


def funnel_sentence(stages: pd.DataFrame, filters: Filters, lang: str) -> str:
    """One sentence over the whole funnel (small-sample rates flagged)."""
    by = stages.set_index("stage")

    def rate_of(stage: str) -> str:
        return rate_text(by.loc[stage, "pct"], bool(by.loc[stage, "reliable"]), lang)

    if not by.loc["terdaftar", "count"] and not by.loc["ditempatkan_6b", "base"]:
        return tr("no_data", lang)
    return tr(
        "sum.funnel",
        lang,
        terdaftar=num(by.loc["terdaftar", "count"], lang),
        periode=i18n.period_label(filters.tahun, filters.kuartal, lang, True),
        lulus=num(by.loc["lulus", "count"], lang),
        kelulusan=rate_of("lulus"),
        sertifikat=num(by.loc["tersertifikasi", "count"], lang),
        sertifikasi=rate_of("tersertifikasi"),
        ditempatkan=num(by.loc["ditempatkan_6b", "count"], lang),
        matang=num(by.loc["ditempatkan_6b", "base"], lang),
        penempatan=rate_of("ditempatkan_6b"),
    )


def rates_sentence(rows: pd.DataFrame, dim: str, lang: str) -> str:
    """Range of the 6-month placement rate across the groups of one dimension."""
    if rows.empty:
        return tr("no_data", lang)
    dim_name = tr(f"dim.{dim}", lang).lower()
    ok = rows[rows["penempatan_6b_reliable"] & rows["penempatan_6b_pct"].notna()]
    if ok.empty:
        return tr("sum.rates_small", lang, dim=dim_name, groups=len(rows))
    ok = ok.sort_values(["penempatan_6b_pct", "grp"])
    lo, hi = ok.iloc[0], ok.iloc[-1]
    if len(ok) == 1:
        return tr(
            "sum.rates_one",
            lang,
            dim=dim_name,
            grp=md(value_label(dim, hi["grp"], lang)),
            pct=pct(hi["penempatan_6b_pct"], lang),
            n=num(hi["penempatan_6b_n"], lang),
            small=len(rows) - 1,
            groups=len(rows),
        )
    return tr(
        "sum.rates",
        lang,
        dim=dim_name,
        lo=pct(lo["penempatan_6b_pct"], lang),
        lo_grp=md(value_label(dim, lo["grp"], lang)),
        lo_n=num(lo["penempatan_6b_n"], lang),
        hi=pct(hi["penempatan_6b_pct"], lang),
        hi_grp=md(value_label(dim, hi["grp"], lang)),
        hi_n=num(hi["penempatan_6b_n"], lang),
        small=len(rows) - len(ok),
        groups=len(rows),
    )


def cohort_sentence(curve: pd.DataFrame, grain: str, lang: str) -> str:
    """The latest cohort with a 6-month value against the oldest one shown; the
    cohorts too recent for any point, which the chart leaves out."""
    return _cohort_six(curve, grain, lang) + _cohorts_not_drawn(curve, grain, lang)


def _cohorts_not_drawn(curve: pd.DataFrame, grain: str, lang: str) -> str:
    drawn = oc.drawn_cohorts(curve)
    left = [s for s in sorted(curve["cohort_start"].unique()) if s not in drawn]
    if not left:
        return ""
    names = ", ".join(cohort_label(s, grain, lang) for s in left)
    return " " + tr("sum.cohort_not_drawn", lang, cohorts=names)


def _cohort_six(curve: pd.DataFrame, grain: str, lang: str) -> str:
    six = oc.mature_cohorts(curve, 6)
    if six.empty:
        return tr("sum.cohort_none", lang)
    last = six.iloc[-1]
    values = {
        "cohort": cohort_label(last["cohort_start"], grain, lang),
        "pct": pct(last["ditempatkan_pct"], lang),
        "n": num(last["lulusan_count"], lang),
    }
    if len(six) == 1:
        return tr("sum.cohort_one", lang, **values)
    first = six.iloc[0]
    return tr(
        "sum.cohort",
        lang,
        **values,
        pct0=pct(first["ditempatkan_pct"], lang),
        cohort0=cohort_label(first["cohort_start"], grain, lang),
    )


# ---- sentences: penempatan -----------------------------------------------------------


def trend_sentence(total: Result, filters: Filters, lang: str) -> str:
    """Placements of the period by jenis (the registry's ``penempatan``)."""
    parts = {k: num(total.by[k].value if k in total.by else 0, lang) for k in JP}
    return tr(
        "sum.trend",
        lang,
        periode=i18n.period_label(filters.tahun, filters.kuartal, lang, True),
        total=num(total.value, lang),
        **parts,
    )


def sector_sentence(sectors: pd.DataFrame, apindo_pct: float | None, lang: str) -> str:
    """The sector with the most placements and the Apindo members' share."""
    if sectors.empty:
        return tr("no_data", lang)
    top = sectors.iloc[0]
    return tr(
        "sum.sector",
        lang,
        sektor=md(f"{top['sektor_kbli']} {top['sektor_nama']}"),
        n=num(top["penempatan_count"], lang),
        pct=pct(
            oc.rate(top["penempatan_count"], sectors["penempatan_count"].sum()), lang
        ),
        apindo=pct(apindo_pct, lang),
    )


def employer_sentence(employers: pd.DataFrame, top: pd.DataFrame, lang: str) -> str:
    """The top employer and the top group's share of placements at employers."""
    if top.empty:
        return tr("no_data", lang)
    total = employers["penempatan_count"].sum()
    return tr(
        "sum.employer",
        lang,
        nama=md(top.iloc[0]["nama_perusahaan"]),
        n=num(top.iloc[0]["penempatan_count"], lang),
        k=len(top),
        pct=pct(oc.rate(top["penempatan_count"].sum(), total), lang),
        total=num(total, lang),
    )


def local_sentence(porsi: Result, local: pd.DataFrame, lang: str) -> str:
    """The registry's local share, and the kejuruan with the lowest reliable share."""
    if not porsi.available:
        return tr("no_data", lang)
    values = {
        "pct": pct(porsi.value, lang),
        "lokal": num(porsi.numerator, lang),
        "total": num(porsi.denominator, lang),
    }
    n = local["lokal_count"] + local["luar_count"]
    ok = local.assign(n=n, share=local["lokal_count"] / n * 100)[n >= oc.SMALL_N]
    if ok.empty:
        return tr("sum.local_total", lang, **values)
    low = ok.sort_values(["share", "kejuruan"]).iloc[0]
    return tr(
        "sum.local",
        lang,
        **values,
        kejuruan=md(value_label("kejuruan", low["kejuruan"], lang)),
        kpct=pct(low["share"], lang),
        kn=num(low["n"], lang),
    )


def wage_sentence(rows: pd.DataFrame, median: Result, vs_umk: Result, lang: str) -> str:
    """The registry's median wage and its ratio to the UMK; highest and lowest
    kejuruan medians among those with n >= 20."""
    if not median.available:
        return tr("no_data", lang)
    ok = rows[rows["reliable"]]
    ok = ok if len(ok) else rows
    hi, lo = ok.iloc[0], ok.iloc[-1]
    return tr(
        "sum.wage",
        lang,
        median=i18n.fmt_rupiah(median.value, lang),
        n=num(median.denominator, lang),
        umk_pct=pct(vs_umk.value, lang),
        umk=i18n.fmt_rupiah(vs_umk.denominator, lang),
        hi=md(value_label("kejuruan", hi["kejuruan"], lang)),
        hi_val=i18n.fmt_rupiah(hi["median_rupiah"], lang),
        lo=md(value_label("kejuruan", lo["kejuruan"], lang)),
        lo_val=i18n.fmt_rupiah(lo["median_rupiah"], lang),
    )


def time_sentence(bins: pd.DataFrame, filters: Filters, lang: str) -> str:
    """How many graduates were placed within 30 days and 6 months, and not at all."""
    if bins.empty:
        return tr("no_data", lang)
    within_30, total = oc.placed_within(bins, 2)
    within_183, _ = oc.placed_within(bins, 4)
    none = int(bins.loc[bins["bin"] == 7, "lulusan_count"].sum())
    return tr(
        "sum.time",
        lang,
        total=num(total, lang),
        periode=i18n.period_label(filters.tahun, filters.kuartal, lang, True),
        bulan1=pct(oc.rate(within_30, total), lang),
        bulan6=pct(oc.rate(within_183, total), lang),
        none=pct(oc.rate(none, total), lang),
    )


# ---- sentences: link and match -------------------------------------------------------


def _signed(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + num(value, lang)


def gap_sentence(rows: pd.DataFrame, tahun: int, lang: str) -> str:
    """Vacancies against graduates in one year, largest shortage and surplus."""
    if rows.empty:
        return tr("no_data", lang)
    values = {
        "tahun": tahun,
        "lowongan": num(rows["lowongan_count"].sum(), lang),
        "lulusan": num(rows["lulusan_count"].sum(), lang),
    }
    under, over = rows[rows["gap_count"] > 0], rows[rows["gap_count"] < 0]
    if under.empty or over.empty:
        return tr(
            "sum.gap_total", lang, **values, gap=_signed(rows["gap_count"].sum(), lang)
        )
    top, bottom = under.iloc[0], over.iloc[-1]
    return tr(
        "sum.gap",
        lang,
        **values,
        kurang=md(top["kejuruan"]),
        kurang_gap=_signed(top["gap_count"], lang),
        lebih=md(bottom["kejuruan"]),
        lebih_gap=_signed(bottom["gap_count"], lang),
    )


def persistence_sentence(persist: pd.DataFrame, lang: str) -> str:
    """Which kejuruan are persistently under- or over-supplied."""
    if persist.empty:
        return tr("no_data", lang)
    lists = {}
    for kelas in ("kurang", "lebih"):
        names = persist.loc[
            persist["is_persistent"] & (persist["kelas"] == kelas), "kejuruan"
        ].tolist()
        lists[kelas] = md_list(names)
    return tr(
        "sum.persist",
        lang,
        n=oc.PERSISTENT_YEARS,
        kurang_n=len(lists["kurang"]),
        kurang=", ".join(lists["kurang"]) or tr("sum.none_list", lang),
        lebih_n=len(lists["lebih"]),
        lebih=", ".join(lists["lebih"]) or tr("sum.none_list", lang),
    )


def employers_sentence(
    vacancies: pd.DataFrame, none_hired: pd.DataFrame, tahun: int, lang: str
) -> str:
    """How many employers with vacancies took on no graduate."""
    if vacancies.empty:
        return tr("no_data", lang)
    return tr(
        "sum.employers",
        lang,
        k=num(len(none_hired), lang),
        n=num(len(vacancies), lang),
        tahun=tahun,
        lowongan=num(none_hired["lowongan_count"].sum(), lang),
    )
