"""What the transparency page shows, as text and tables, from the suppressed publication.

Streamlit-free. Everything here reads a ``public_data.Publication`` only (hidden
values are already NA there) and formats it in one language: hidden counts as
``< 5``, other hidden figures as ``*``. Tables come back as strings, the way they
are shown, so the table alternative of a chart never holds a raw small number.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workforce.core import i18n, metrics
from workforce.core.markup import md
from workforce.overview import text as narrative
from workforce.public import disclosure, release
from workforce.public.numbers import MEASURES, Publication, kpi_cell, low_response

CARD_KPIS = (
    "tpt",
    "peserta",
    "tingkat_kelulusan",
    "tingkat_sertifikasi",
    "tingkat_penempatan_6b",
    "penempatan",
    "upah_median",
    "serapan_anggaran",
    "biaya_per_penempatan",
)
CHART_MEASURES = ("peserta", "lulusan", "tersertifikasi", "ditempatkan_6b")


_t = i18n.Scope("public")


def show(value: float | None, status: str, unit: str, limit: int, lang: str) -> str:
    """A figure as shown: its formatted value, or ``< 5`` / ``*`` when hidden."""
    if status:
        return disclosure.marker(status, limit)
    if value is None or pd.isna(value):
        return i18n.NA[lang]
    return i18n.fmt_value(float(value), unit, lang)


def pick_year(pub: Publication, wanted: int) -> int:
    """The year asked for, else the latest year with figures."""
    years = pub.years
    return wanted if wanted in years or not years else years[-1]


# ---- headline cards ------------------------------------------------------------------


@dataclass(frozen=True)
class CardView:
    """One KPI card: name, value as shown, definition (help text), the change from
    the year before (signed, in the KPI's unit; empty where either year is hidden or
    missing) and the status against the year's target (a ``status.*`` key's text;
    empty without a target or a published value)."""

    kpi_id: str
    name: str
    value: str
    definition: str
    change: str = ""
    change_value: float | None = None
    target: str = ""
    status: str = ""
    status_key: str = ""
    better: str | None = None


def _published(rows: pd.DataFrame, kpi_id: str) -> float | None:
    """A KPI's value where it is published (not hidden, not missing)."""
    if kpi_id not in rows.index or rows.at[kpi_id, "status"]:
        return None
    value = rows.at[kpi_id, "nilai"]
    return None if pd.isna(value) else float(value)


def _card(pub: Publication, kpi_id: str, year: int, lang: str) -> CardView:
    m = metrics.get(kpi_id)
    rows = pub.kpi[pub.kpi["tahun"] == year].set_index("kpi_id")
    before = pub.kpi[pub.kpi["tahun"] == year - 1].set_index("kpi_id")
    value, status = None, ""
    if kpi_id in rows.index:
        value, status = rows.at[kpi_id, "nilai"], rows.at[kpi_id, "status"]
    now, then = _published(rows, kpi_id), _published(before, kpi_id)
    change = now - then if now is not None and then is not None else None
    goal = pub.targets[
        (pub.targets["tahun"] == year) & (pub.targets["kpi_id"] == kpi_id)
    ]
    target = float(goal["nilai_target"].iloc[0]) if len(goal) else None
    key = metrics.status(now, target, m.better) or ""
    return CardView(
        kpi_id,
        m.name(lang),
        show(value, status, m.unit, pub.limit, lang),
        m.definition(lang),
        change=i18n.fmt_change(change, m.unit, lang) if change is not None else "",
        change_value=change,
        target=i18n.fmt_value(target, m.unit, lang) if target is not None else "",
        status=i18n.t(f"status.{key}", lang) if key else "",
        status_key=key,
        better=m.better,
    )


def cards(pub: Publication, year: int, lang: str) -> list[CardView]:
    """The headline KPI cards of a year, each with its registry definition, its
    change from the year before and its status against the year's target."""
    return [_card(pub, kpi_id, year, lang) for kpi_id in CARD_KPIS]


# ---- work that lasts: the 12-month figures --------------------------------------------


def _lasting_shown(pub: Publication, year: int, kpi_id: str, lang: str) -> str:
    value, status = kpi_cell(pub, year, kpi_id)
    if value is None and not status:
        return _t("lasting.not_yet", lang)
    return show(value, status, "pct", pub.limit, lang)


def lasting_table(pub: Publication, lang: str) -> pd.DataFrame:
    """Per reported year: the 12-month employed rate (⚠ under 60% response), the
    response rate, and the warning in words; hidden figures as ``*``, a cohort not
    yet 425 days past completion as "belum tersedia"."""
    rows = []
    for year in reversed(pub.reported_years):
        twelve = _lasting_shown(pub, year, "retensi_12b", lang)
        low = low_response(pub, year)
        rows.append(
            {
                _t("col.tahun", lang): str(year),
                _t("col.twelve", lang): f"{twelve} ⚠" if low is not None else twelve,
                _t("col.response", lang): _lasting_shown(
                    pub, year, "tingkat_respons_12b", lang
                ),
                _t("col.lasting_note", lang): _t("lasting.low_short", lang)
                if low is not None
                else "",
            }
        )
    return pd.DataFrame(rows)


def lasting_year(pub: Publication) -> int | None:
    """The latest reported year whose 12-month rate is published."""
    shown = [
        y for y in pub.reported_years if kpi_cell(pub, y, "retensi_12b")[0] is not None
    ]
    return shown[-1] if shown else None


def lasting_summary(pub: Publication, lang: str) -> str:
    """One sentence: the latest published 12-month rate with its response rate."""
    year = lasting_year(pub)
    if year is None:
        return _t("lasting.none", lang)
    twelve, _ = kpi_cell(pub, year, "retensi_12b")
    response, status = kpi_cell(pub, year, "tingkat_respons_12b")
    return _t(
        "lasting.summary",
        lang,
        tahun=year,
        twelve=i18n.fmt_pct(twelve, lang),
        response=show(response, status, "pct", pub.limit, lang),
    )


def lasting_warning(pub: Publication, lang: str) -> str:
    """The warning of the summary's year when under 60% answered; else empty."""
    year = lasting_year(pub)
    low = low_response(pub, year) if year is not None else None
    if low is None:
        return ""
    return _t("lasting.warning", lang, tahun=year, response=i18n.fmt_pct(low, lang))


# ---- unemployment (BPS) ----------------------------------------------------------------


def tpt_table(pub: Publication, lang: str) -> pd.DataFrame:
    """TPT per year and area with its source, as shown."""
    df = pub.tpt
    return pd.DataFrame(
        {
            _t("col.tahun", lang): df["tahun"].astype(str),
            _t("col.wilayah", lang): df["wilayah"],
            _t("col.tpt", lang): [i18n.fmt_pct(v, lang) for v in df["tpt_pct"]],
            _t("col.sumber", lang): [i18n.source_text(x, lang) for x in df["sumber"]],
        }
    )


def tpt_summary(pub: Publication, year: int, lang: str) -> str:
    """The TPT sentence of the overview, on the public figures."""
    return narrative.tpt_summary(pub.tpt, year, lang)


# ---- participants and outcomes -------------------------------------------------------------


def outcomes(
    pub: Publication, dimensi: str, year: int | None = None, lang: str = "id"
) -> pd.DataFrame:
    """Counts of one breakdown, wide: tahun, kategori, its ``label`` in ``lang``, one
    column per measure and one ``<measure>_status`` column per measure."""
    df = pub.outcomes[pub.outcomes["dimensi"] == dimensi]
    if year is not None:
        df = df[df["tahun"] == year]
    index = ["tahun", "kategori"]
    values = df.pivot(index=index, columns="ukuran", values="jumlah")
    status = df.pivot(index=index, columns="ukuran", values="status")
    wide = values.reindex(columns=list(MEASURES))
    for m in MEASURES:
        wide[f"{m}_status"] = status.get(m, pd.Series(dtype="str")).fillna("")
    order = df.drop_duplicates(index)[index]
    out = order.merge(wide.reset_index(), on=index, how="left")
    labels = [category_label(dimensi, k, lang) for k in out["kategori"]]
    return out.assign(label=labels).reset_index(drop=True)


def category_label(dimensi: str, kategori: str, lang: str) -> str:
    """A kategori as shown: programme types translated, names as they are."""
    return i18n.t(f"jenis.{kategori}", lang) if dimensi == "jenis" else kategori


def placement_rate(row: pd.Series, limit: int) -> tuple[float | None, str]:
    """Placed ÷ graduates ≥ 6 months from published counts; hidden when either count
    is, or when the rate rests on fewer than ``limit`` graduates."""
    if row["ditempatkan_6b_status"] or row["lulusan_matang_status"]:
        return None, disclosure.BASIS
    num, den = float(row["ditempatkan_6b"]), float(row["lulusan_matang"])
    if den == 0:
        return None, ""
    if disclosure.rate_hidden(num, den, limit):
        return None, disclosure.BASIS
    return num / den * 100, ""


def outcome_table(wide: pd.DataFrame, dim: str, limit: int, lang: str) -> pd.DataFrame:
    """Counts as shown, one column per measure, and the placement rate; ``dim`` is
    ``tahun`` (one row per year) or the breakdown (one row per kategori)."""
    first = wide["tahun"].astype(str) if dim == "tahun" else wide["label"]
    out = pd.DataFrame({_t(f"col.{dim}", lang): first})
    for m in MEASURES:
        out[_t(f"measure.{m}", lang)] = [
            show(v, s, "count", limit, lang)
            for v, s in zip(wide[m], wide[f"{m}_status"], strict=True)
        ]
    rates = [placement_rate(r, limit) for _, r in wide.iterrows()]
    out[_t("col.rate", lang)] = [show(v, s, "pct", limit, lang) for v, s in rates]
    return out


def years_summary(pub: Publication, year: int, lang: str) -> str:
    """``2024: 1.195 peserta, ...`` for the city in one year."""
    wide = outcomes(pub, "total", year)
    if wide.empty:
        return _t("sum.none", lang, tahun=year)
    r = wide.iloc[0]
    n = {m: show(r[m], r[f"{m}_status"], "count", pub.limit, lang) for m in MEASURES}
    return _t(
        "sum.years",
        lang,
        tahun=year,
        peserta=n["peserta"],
        lulusan=n["lulusan"],
        tersertifikasi=n["tersertifikasi"],
        matang=n["lulusan_matang"],
        ditempatkan=n["ditempatkan_6b"],
    )


def dimension_summary(wide: pd.DataFrame, dimensi: str, year: int, lang: str) -> str:
    """Where most and fewest people took part, and the placement rate's range."""
    if wide.empty:
        return _t("sum.none", lang, tahun=year)
    shown = wide[wide["peserta_status"] == ""]
    measure = f"{_t('measure.peserta', lang)} {year}"
    values = [float(v) for v in shown["peserta"]]
    if len(shown) == 1:
        count = i18n.fmt_number(values[0], lang)
        text = _t(
            "sum.single",
            lang,
            measure=measure,
            name=md(shown.iloc[0]["label"]),
            value=count,
        )
    else:
        text = narrative.ranking_summary(
            list(shown["label"]), values, measure, "count", lang
        )
    hidden = len(wide) - len(shown)
    if hidden:
        dim = _t(f"dim.{dimensi}", lang)
        text += " " + _t("sum.hidden", lang, dim=dim)
    return text


# ---- budget ------------------------------------------------------------------------------------


def budget_rows(pub: Publication, year: int) -> pd.DataFrame:
    """Budget lines of one year (total first, then each source with a ceiling)."""
    df = pub.budget[pub.budget["tahun"] == year]
    return df[(df["sumber_dana"] == "total") | (df["pagu_rupiah"].fillna(0) > 0)]


def source_label(sumber: str, lang: str) -> str:
    """``APBN`` ... (``lainnya`` translated) or ``Semua sumber`` for the total."""
    return (
        _t("sumber.total", lang) if sumber == "total" else i18n.fund_label(sumber, lang)
    )


def budget_table(rows: pd.DataFrame, limit: int, lang: str) -> pd.DataFrame:
    """Budget by source as shown."""
    rp = lambda v: show(v, "", "rupiah", limit, lang)  # noqa: E731
    return pd.DataFrame(
        {
            _t("col.sumber_dana", lang): [
                source_label(s, lang) for s in rows["sumber_dana"]
            ],
            _t("col.pagu", lang): [rp(v) for v in rows["pagu_rupiah"]],
            _t("col.realisasi", lang): [rp(v) for v in rows["realisasi_rupiah"]],
            _t("col.serapan", lang): [
                show(v, "", "pct", limit, lang) for v in rows["serapan_pct"]
            ],
            **{
                _t(f"col.{k}", lang): [
                    show(v, s, "rupiah", limit, lang)
                    for v, s in zip(
                        rows[f"{k}_rupiah"], rows[f"{k}_status"], strict=True
                    )
                ]
                for k in ("biaya_per_lulusan", "biaya_per_penempatan")
            },
        }
    )


def budget_summary(rows: pd.DataFrame, year: int, limit: int, lang: str) -> str:
    """Spending against the ceiling, and the costs per outcome, in one year."""
    total = rows[rows["sumber_dana"] == "total"]
    if total.empty or not total.iloc[0]["pagu_rupiah"]:
        return _t("sum.none", lang, tahun=year)
    r = total.iloc[0]
    return _t(
        "sum.budget",
        lang,
        tahun=year,
        realisasi=show(r["realisasi_rupiah"], "", "rupiah", limit, lang),
        pagu=show(r["pagu_rupiah"], "", "rupiah", limit, lang),
        serapan=show(r["serapan_pct"], "", "pct", limit, lang),
        per_lulusan=show(
            r["biaya_per_lulusan_rupiah"],
            r["biaya_per_lulusan_status"],
            "rupiah",
            limit,
            lang,
        ),  # fmt: skip
        per_penempatan=show(
            r["biaya_per_penempatan_rupiah"],
            r["biaya_per_penempatan_status"],
            "rupiah",
            limit,
            lang,
        ),  # fmt: skip
    )


# ---- methodology -------------------------------------------------------------------------------


def methodology(pub: Publication, lang: str) -> str:
    """The Metodologi section: every KPI of the registry (name and definition),
    how counts are defined, the suppression rule and the data sources."""
    date = i18n.fmt_date(pub.data_as_of, lang)
    kpis = "\n".join(
        f"- **{m.name(lang)}**: {m.definition(lang)}" for m in metrics.REGISTRY
    )
    parts = [
        _t("method.kpis", lang),
        kpis,
        _t("method.counts", lang),
        _t("method.rule", lang, limit=pub.limit),
        _t("method.sources", lang, date=date),
    ]
    parts.append(release_policy(pub, lang))
    if pub.is_demo:
        parts.append(_t("method.demo", lang))
    return "\n\n".join(parts)


def release_policy(pub: Publication, lang: str) -> str:
    """How the figures are released and revised, and which release is shown."""
    policy = i18n.t("release.method", lang)
    if release.number(pub) is None:
        return policy
    note = i18n.t("release.note_shown", lang, note=md(pub.info.get(release.NOTE, "")))
    now = i18n.t("release.method_now", lang, label=release.label(pub, lang), note=note)
    return f"{policy} {now}"
