"""The tables of the comparisons: the funnel plot's units and the provider scorecard,
headers in the language of the page, numbers kept numeric where they sort, each rate
written with its interval (``62,0% (55,1–68,4%)``) beside its n. Streamlit-free."""

from __future__ import annotations

import pandas as pd

from workforce.compare import numbers as cn
from workforce.compare import text as ct
from workforce.core import compare, i18n


def _limits(lo: pd.Series, hi: pd.Series, lang: str) -> list[str]:
    return [
        f"{i18n.fmt_number(a, lang, 1)}–{i18n.fmt_pct(b, lang, 1)}"
        for a, b in zip(lo, hi, strict=True)
    ]


def funnel_table(funnel: cn.Funnel, lang: str) -> pd.DataFrame:
    """One row per unit: name, k, n, rate, rate with interval, the 95% and 99.8%
    limits at its n, and its class."""
    u = funnel.units
    return pd.DataFrame(
        {
            ct.tr(f"unit.{funnel.unit}", lang): u["unit"].tolist(),
            ct.tr("col.k", lang): u["k"].astype("int64").tolist(),
            ct.tr("col.n", lang): u["n"].astype("int64").tolist(),
            ct.tr("col.pct", lang): u["pct"].astype(float).round(1).tolist(),
            ct.tr("col.interval", lang): [
                compare.interval_text(p, lo, hi, lang)
                for p, lo, hi in zip(u["pct"], u["lo_pct"], u["hi_pct"], strict=True)
            ],
            ct.tr("col.limits95", lang): _limits(u["lo95_pct"], u["hi95_pct"], lang),
            ct.tr("col.limits998", lang): _limits(u["lo998_pct"], u["hi998_pct"], lang),
            ct.tr("col.kelas", lang): [ct.kelas_label(k, lang) for k in u["kelas"]],
        }
    )


def rate_text(row: dict, metric_id: str, lang: str) -> str:
    """A scorecard rate with its interval; the 12-month rate marked ⚠ where under
    60% of the provider's cohort answered."""
    text = compare.interval_text(
        row[f"{metric_id}_pct"], row[f"{metric_id}_lo"], row[f"{metric_id}_hi"], lang
    )
    if metric_id == "retensi_12b" and cn.low_response(row):
        return f"{text} ⚠"
    return text


def scorecard_table(card: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The scorecard as the reader sees it: every rate with interval and n (⚠ on a
    12-month rate under 60% response), the response rate, the median wage with n,
    the cost per placement per source."""
    col = ct.tr
    card = card.reset_index(drop=True)
    out = pd.DataFrame(
        {
            col("score.col.penyelenggara", lang): [
                ct.provider_label(p, lang) for p in card["penyelenggara"]
            ],
            col("score.col.peserta", lang): card["peserta"].astype("int64").tolist(),
        }
    )
    for metric_id in cn.SCORE_RATES:
        out[col(f"score.col.{metric_id}", lang)] = [
            rate_text(r, metric_id, lang) for r in card.to_dict("records")
        ]
        out[col(f"score.col.{metric_id}_n", lang)] = card[f"{metric_id}_n"].tolist()
    out[col("score.col.tingkat_respons_12b", lang)] = _round(
        card["tingkat_respons_12b_pct"], 1
    )
    out[col("score.col.upah_median", lang)] = _round(card["upah_median"], 0)
    out[col("score.col.upah_median_n", lang)] = card["upah_median_n"].tolist()
    out[col("score.col.biaya_per_penempatan", lang)] = _round(
        card["biaya_per_penempatan"], 0
    )
    for source in cn.cost_sources(card):
        out[col("score.col.biaya_sumber", lang, sumber=source)] = _round(
            card[f"biaya_per_penempatan__{source}"], 0
        )
    return out


def _round(values: pd.Series, digits: int) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype("Float64").round(digits)
