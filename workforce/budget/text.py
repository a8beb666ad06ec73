"""Display tables, messages and methodology text of the Anggaran page (Streamlit-free).

Tables keep exact values (Rupiah to the whole Rupiah, percentages to two
decimals) under translated column names; messages are ``(level, text)`` pairs that
the page draws with the Streamlit call of that name; sentences use the Indonesian
formats of ``workforce.core.i18n``.
"""

from __future__ import annotations

import pandas as pd
from babel.dates import get_month_names

from workforce.budget import numbers as budget
from workforce.core import i18n, metrics
from workforce.core.markup import md_list


def _rp(value: float | None, lang: str) -> str:
    return i18n.fmt_rupiah(value, lang)


def source_label(source: str, lang: str) -> str:
    """APBN, APBD, CSR as they are; ``lainnya`` translated."""
    return i18n.fund_label(source, lang)


def month_name(month: int, lang: str) -> str:
    """``Juni`` (id) or ``June`` (en)."""
    return str(get_month_names("wide", locale=i18n.BABEL_LOCALE[lang])[month])


# The columns each display table shows, in order.
COLUMNS = {
    "programme": ["kode_program", "nama_program", "kejuruan", "pagu_rupiah",
                  "realisasi_rupiah", "serapan_pct", "is_outlier"],
    "placement": ["kode_program", "nama_program", "kejuruan", "sumber_dana",
                  "realisasi_rupiah", "ditempatkan_count",
                  "biaya_per_penempatan_rupiah", "median_kejuruan_rupiah",
                  "is_expensive", "no_placement"],
    "pacing": ["kode_program", "nama_program", "kejuruan", "pagu_rupiah",
               "realisasi_kumulatif_rupiah", "serapan_kumulatif_pct",
               "garis_lurus_pct", "is_lagging", "is_behind", "is_outlier"],
    "over": ["tahun", "kode_program", "nama_program", "sumber_dana", "pagu_rupiah",
             "realisasi_rupiah", "selisih_rupiah"],
    "idle": ["tahun", "kode_program", "nama_program", "sumber_dana",
             "realisasi_rupiah", "peserta_count"],
}  # fmt: skip


def table(df: pd.DataFrame, lang: str, columns: str | None = None) -> pd.DataFrame:
    """Translate column names and sumber_dana values; values stay exact."""
    out = df[COLUMNS[columns]].copy() if columns else df.copy()
    if "sumber_dana" in out:
        out["sumber_dana"] = [source_label(s, lang) for s in out["sumber_dana"]]
    if "jenis" in out:
        out["jenis"] = [i18n.t(f"jenis.{j}", lang) if j else j for j in out["jenis"]]
    if "hasil" in out:
        out["hasil"] = [i18n.t(f"budget.outcome.{h}", lang) for h in out["hasil"]]
    for col in out.columns:
        if col.endswith("_rupiah"):
            out[col] = pd.to_numeric(out[col], errors="coerce").round(0)
        elif col.endswith("_pct"):
            out[col] = pd.to_numeric(out[col], errors="coerce").round(2)
    return out.rename(columns=lambda c: i18n.t(f"budget.col.{c}", lang))


def kejuruan_absorption(lines: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Pagu, realisasi and serapan per kejuruan; kegiatan lines as their own row."""
    named = lines.assign(
        kejuruan=lines["kejuruan"].fillna(i18n.t("budget.kegiatan", lang))
    )
    return table(budget.absorption(named, ["kejuruan"]), lang)


def cost_by_source(costs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Cost per participant, graduate and placement per source, plus the total row."""
    by = budget.cost_table(costs, ["sumber_dana"])
    order = {s: i for i, s in enumerate(budget.SOURCES)}
    by = by.sort_values("sumber_dana", key=lambda s: s.map(order))
    total = budget.cost_table(costs).assign(sumber_dana=i18n.t("budget.total", lang))
    return table(pd.concat([by, total], ignore_index=True), lang)


def rows_shown(programmes: pd.DataFrame, lang: str) -> str | None:
    """ "Showing n of N programmes" when a per-programme query (``programmes_count``
    counts them all) returned only the rows that most need a look; else None."""
    if not len(programmes):
        return None
    total = int(programmes["programmes_count"].iloc[0])
    if len(programmes) >= total:
        return None
    shown, of = i18n.fmt_number(len(programmes), lang), i18n.fmt_number(total, lang)
    return i18n.t("budget.rows_shown", lang, shown=shown, total=of)


# ---- messages: (level, text), level a Streamlit call (warning, success, markdown) ----

Message = tuple[str, str]


def pacing_messages(
    monthly: pd.DataFrame,
    programmes: pd.DataFrame,
    month: int,
    lang: str,
    schedule: pd.DataFrame | None = None,
) -> list[Message]:
    """Which sources and how many programmes lag at ``month``, and the outliers.

    ``programmes`` is anggaran/programme_pacing.sql's result: its counts cover every
    programme, even when only the first rows came back."""
    when = month_name(month, lang)
    now = budget.pacing_now(monthly, ["sumber_dana"], month, schedule)
    late = [source_label(x, lang) for x in now[now["is_behind"]]["sumber_dana"]]
    out: list[Message] = [
        (
            "warning",
            i18n.t("budget.lagging.sources", lang, bulan=when, names=names(late)),
        )
        if late
        else ("success", i18n.t("budget.lagging.no_sources", lang, bulan=when))
    ]
    first = programmes.iloc[0] if len(programmes) else None
    out.append(
        (
            "markdown",
            i18n.t(
                "budget.lagging.programmes",
                lang,
                n=i18n.fmt_number(
                    int(first["behind_count"]) if first is not None else 0, lang
                ),
                straight=i18n.fmt_number(
                    int(first["lagging_count"]) if first is not None else 0, lang
                ),
                total=i18n.fmt_number(
                    int(first["programmes_count"]) if first is not None else 0, lang
                ),
                bulan=when,
            ),
        )
    )
    odd = (
        list(first["outlier_codes"])
        if first is not None and first["outliers_count"]
        else []
    )
    key = "budget.outliers.found" if odd else "budget.outliers.none"
    found = names(odd, limit=8, total=int(first["outliers_count"])) if odd else ""
    out.append(("markdown", i18n.t(key, lang, bulan=when, names=found)))
    return out


def cost_messages(per: pd.DataFrame, lang: str) -> list[Message]:
    """Programmes far above their kejuruan's median, and those that placed nobody.

    ``per`` is anggaran/programme_placement_costs.sql's result: its counts, codes and
    amounts cover every programme, even when only the first rows came back."""
    factor = i18n.fmt_number(budget.EXPENSIVE_FACTOR, lang)
    first = per.iloc[0] if len(per) else None
    dear = int(first["expensive_count"]) if first is not None else 0
    nobody = int(first["no_placement_count"]) if first is not None else 0
    out: list[Message] = [
        (
            "warning",
            i18n.t(
                "budget.expensive.found",
                lang,
                n=i18n.fmt_number(dear, lang),
                factor=factor,
                names=names(list(first["expensive_codes"]), total=dear),
            ),
        )
        if dear
        else ("success", i18n.t("budget.expensive.none", lang, factor=factor))
    ]
    if nobody:
        text = i18n.t(
            "budget.no_placement.found",
            lang,
            n=i18n.fmt_number(nobody, lang),
            amount=_rp(float(first["no_placement_rupiah"]), lang),
            names=names(list(first["no_placement_codes"]), total=nobody),
        )
        out.append(("warning", text))
    return out


def names(
    values: pd.Series | list[str], limit: int = 8, total: int | None = None
) -> str:
    """``a, b, c`` (and ``…`` beyond ``limit``) for sentences; ``total`` is how many
    there are when ``values`` holds only the first few."""
    items = md_list(values)
    more = (total if total is not None else len(items)) > limit
    return ", ".join(items[:limit]) + (" …" if more else "")


def methodology(lang: str) -> str:
    """The definitions and rules of the page as a Markdown list."""
    items = [
        (metrics.get(k).name(lang), metrics.get(k).definition(lang))
        for k in ("pagu", "realisasi", "serapan_anggaran", "porsi_apbn")
    ]
    items.append(
        (
            i18n.t("budget.card.biaya_per_peserta", lang),
            i18n.t("budget.def.biaya_per_peserta", lang),
        )
    )
    items += [
        (metrics.get(k).name(lang), metrics.get(k).definition(lang))
        for k in ("biaya_per_lulusan", "biaya_per_penempatan")
    ]
    factor = i18n.fmt_number(budget.EXPENSIVE_FACTOR, lang)
    rules = [
        i18n.t("budget.rule.expensive", lang, factor=factor),
        i18n.t("budget.rule.iqr", lang),
        i18n.t("budget.rule.pace_schedule", lang, years=budget.PACE_YEARS),
        i18n.t("budget.rule.flow_rupiah", lang),
        i18n.t("budget.rule.flow_orang", lang),
        i18n.t("budget.scope_note", lang),
    ]
    lines = [f"- **{name}**: {text}" for name, text in items]
    return "\n".join(lines + [f"- {rule}" for rule in rules])
