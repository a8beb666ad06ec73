"""Words of the comparisons: the funnel plot's sentence, the list of units too small
to draw, the scorecard's sentence and labels. Streamlit-free; names escaped for
Markdown (``markup.md``); numbers in the language's format (``core.i18n``)."""

from __future__ import annotations

import pandas as pd

from workforce.compare import numbers as cn
from workforce.core import i18n, metrics
from workforce.core.markup import md

tr = i18n.Scope("compare")
SMALL_N = 20  # the scorecard sentence names providers with at least 20 cases


def pct(value: float | None, lang: str) -> str:
    """A 0-100 rate with one decimal (``62,0%``)."""
    return i18n.fmt_pct(value, lang, 1)


def rate_name(metric_id: str, lang: str) -> str:
    """The KPI's name in the registry (``Tingkat kelulusan``)."""
    return metrics.get(metric_id).name(lang)


def kelas_label(kelas: str, lang: str) -> str:
    """``Di bawah rata-rata, melampaui kebetulan`` and the like."""
    return tr(f"kelas.{kelas}", lang)


def funnel_sentence(funnel: cn.Funnel, lang: str) -> str:
    """The units beyond the 99.8% limits by name, and that the rest are not
    distinguishable from the city's rate."""
    shown = funnel.plotted
    if funnel.p0 is None or shown.empty:
        return tr("sum.none", lang)
    outside = funnel.outside()
    rate = rate_name(funnel.metric_id, lang)
    between = int((shown["kelas"] == "between").sum())
    if outside.empty:
        extra = tr("sum.all_between", lang, between=between) if between else ""
        text = tr("sum.all_within", lang, rate=rate, p0=pct(funnel.p0, lang),
                  count=len(shown))  # fmt: skip
        return text[:-1] + extra + "." if extra else text
    named = "; ".join(
        tr(
            f"sum.outside_{row.kelas}",
            lang,
            unit=f"**{md(row.unit)}**",
            pct=pct(row.pct, lang),
            n=i18n.fmt_number(row.n, lang),
        )  # fmt: skip
        for row in outside.itertuples()
    )
    count = len(shown) - len(outside)
    if between:
        rest = tr("sum.rest_between", lang, count=count, between=between)
    else:
        rest = tr("sum.rest", lang, count=count)
    return tr(
        "sum.outside", lang, rate=rate, p0=pct(funnel.p0, lang), named=named,
        rest=rest if count else "",
    ).strip()  # fmt: skip


def too_few_line(funnel: cn.Funnel, lang: str) -> str | None:
    """The units with 1-4 cases, by name (listed under the plot); None if none."""
    rows = funnel.too_few
    if rows.empty:
        return None
    units = ", ".join(
        f"{md(u)} (n = {i18n.fmt_number(n, lang)})"
        for u, n in zip(rows["unit"], rows["n"], strict=True)
    )
    return tr("too_few", lang, units=units)


def provider_label(name: str, lang: str) -> str:
    """A scorecard row's name: the penyelenggara, or "all providers" for the total."""
    return tr("score.total", lang) if name == cn.TOTAL else name


def scorecard_sentence(card: pd.DataFrame, lang: str) -> str:
    """How many providers; the highest and lowest 6-month placement rate among those
    with at least 20 mature graduates; which 12-month rates carry ⚠."""
    rows = card[card["penyelenggara"] != cn.TOTAL]
    rate, n = "tingkat_penempatan_6b_pct", "tingkat_penempatan_6b_n"
    ok = rows[(rows[n] >= SMALL_N) & rows[rate].notna()]
    if len(ok) < 2:
        return tr("score.sum_few", lang, count=len(rows)) + _low_sentence(card, lang)
    ok = ok.sort_values([rate, "penyelenggara"])
    best, worst = ok.iloc[-1], ok.iloc[0]
    return tr(
        "score.sum", lang, count=len(rows),
        best=md(best["penyelenggara"]), best_pct=pct(best[rate], lang),
        best_n=i18n.fmt_number(best[n], lang),
        worst=md(worst["penyelenggara"]), worst_pct=pct(worst[rate], lang),
        worst_n=i18n.fmt_number(worst[n], lang),
    ) + _low_sentence(card, lang)  # fmt: skip


def low_names(card: pd.DataFrame, lang: str) -> list[str]:
    """The scorecard rows whose 12-month rate rests on under 60% answers."""
    return [
        provider_label(r["penyelenggara"], lang)
        for r in card.to_dict("records")
        if cn.low_response(r)
    ]


def _low_sentence(card: pd.DataFrame, lang: str) -> str:
    """ " ⚠ …" naming ``low_names``; "" when there are none."""
    low = low_names(card, lang)
    if not low:
        return ""
    return " " + tr("score.low", lang, names=md(", ".join(low)))
