"""Honest comparisons of units (penyelenggara, kejuruan, kecamatan, groups): the maths.

Streamlit-free. As metrics.md defines it ("Comparing providers and vocations
honestly"): every rate of k successes out of n carries its 95% Wilson score
interval (z = 1.96), and a funnel plot compares each unit with the rate of the
whole selection p0 through the control limits p0 ± z·√(p0(1−p0)/n) for z = 1.96
(95%) and z = 3.09 (99.8%). A unit outside the 99.8% limits differs beyond chance
("above"/"below"), one inside the 95% limits is not distinguishable from p0
("within"), one in between is "between"; a unit with n < 5 is "too_few".
Rates and limits are percentages (0-100), as every ``_pct`` of the product.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workforce.core import i18n

Z95 = 1.96  # two-sided 95%
Z998 = 3.09  # two-sided 99.8%
MIN_N = 5  # fewer cases: "terlalu sedikit", never plotted on public pages
CLASSES = ("above", "below", "between", "within", "too_few")
_EPS = 1e-9  # a rate on a limit (up to rounding) counts as on it, not beyond


def wilson(k: float, n: float, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of k out of n in percent; None where n is 0."""
    lo, hi = wilson_arrays(np.array([k], dtype=float), np.array([n], dtype=float), z)
    return None if np.isnan(lo[0]) else (float(lo[0]), float(hi[0]))


def wilson_arrays(
    k: np.ndarray, n: np.ndarray, z: float = Z95
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson limits (percent) for arrays of k and n; NaN where n is 0 or missing:
    centre (k + z²/2)/(n + z²), half-width z·√(k(n−k)/n + z²/4)/(n + z²)."""
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    ok = n > 0
    safe_n = np.where(ok, n, 1.0)
    centre = (k + z * z / 2) / (safe_n + z * z)
    spread = np.clip(k * (safe_n - k) / safe_n, 0.0, None) + z * z / 4
    half = z * np.sqrt(spread) / (safe_n + z * z)
    lo = np.clip(centre - half, 0.0, 1.0) * 100
    hi = np.clip(centre + half, 0.0, 1.0) * 100
    return np.where(ok, lo, np.nan), np.where(ok, hi, np.nan)


def funnel_limits(
    p0_pct: float, n: np.ndarray, z: float
) -> tuple[np.ndarray, np.ndarray]:
    """Control limits p0 ± z·√(p0(1−p0)/n) in percent, clipped to [0, 100]; NaN
    where n is 0."""
    n = np.asarray(n, dtype=float)
    p0 = p0_pct / 100
    ok = n > 0
    half = z * np.sqrt(p0 * (1 - p0) / np.where(ok, n, 1.0))
    lo = np.clip(p0 - half, 0.0, 1.0) * 100
    hi = np.clip(p0 + half, 0.0, 1.0) * 100
    return np.where(ok, lo, np.nan), np.where(ok, hi, np.nan)


def classify(
    pct: float | None, n: float, lo95: float, hi95: float, lo998: float, hi998: float
) -> str:
    """One unit's class against the limits at its n (see the module docstring)."""
    if n < MIN_N or pct is None or pd.isna(pct):
        return "too_few"
    if pct > hi998 + _EPS:
        return "above"
    if pct < lo998 - _EPS:
        return "below"
    if lo95 - _EPS <= pct <= hi95 + _EPS:
        return "within"
    return "between"


def pooled_pct(units: pd.DataFrame) -> float | None:
    """The rate of all units together (Σk ÷ Σn × 100); None where Σn is 0."""
    total = float(units["n"].sum())
    return float(units["k"].sum()) / total * 100 if total else None


def compare(units: pd.DataFrame, p0_pct: float | None = None) -> pd.DataFrame:
    """The units (columns ``k`` and ``n``, any others kept) with ``pct``, its 95%
    Wilson ``lo_pct``/``hi_pct``, the funnel limits at each n (``lo95_pct``,
    ``hi95_pct``, ``lo998_pct``, ``hi998_pct``) around ``p0_pct`` (default: the
    pooled rate) and ``kelas`` (one of CLASSES; all "too_few" without a p0)."""
    out = units.copy()
    k = out["k"].astype(float).to_numpy()
    n = out["n"].astype(float).to_numpy()
    out["pct"] = np.where(n > 0, k / np.where(n > 0, n, 1.0) * 100, np.nan)
    out["lo_pct"], out["hi_pct"] = wilson_arrays(k, n)
    p0 = pooled_pct(out) if p0_pct is None else p0_pct
    if p0 is None or pd.isna(p0):
        for column in ("lo95_pct", "hi95_pct", "lo998_pct", "hi998_pct"):
            out[column] = np.nan
        out["kelas"] = "too_few"
        return out
    out["lo95_pct"], out["hi95_pct"] = funnel_limits(p0, n, Z95)
    out["lo998_pct"], out["hi998_pct"] = funnel_limits(p0, n, Z998)
    columns = ["pct", "n", "lo95_pct", "hi95_pct", "lo998_pct", "hi998_pct"]
    out["kelas"] = [classify(*row) for row in out[columns].itertuples(index=False)]
    return out


def curve(p0_pct: float, n_max: float, points: int = 120) -> pd.DataFrame:
    """The funnel's limit curves from n = 1 to ``n_max`` (for drawing): columns n,
    lo95_pct, hi95_pct, lo998_pct, hi998_pct."""
    n = np.unique(np.geomspace(1, max(float(n_max), 2.0), points).round(2))
    lo95, hi95 = funnel_limits(p0_pct, n, Z95)
    lo998, hi998 = funnel_limits(p0_pct, n, Z998)
    return pd.DataFrame(
        {
            "n": n,
            "lo95_pct": lo95,
            "hi95_pct": hi95,
            "lo998_pct": lo998,
            "hi998_pct": hi998,
        }
    )


def interval_text(
    pct: float | None, lo: float | None, hi: float | None, lang: str
) -> str:
    """``62,0% (55,1–68,4%)`` (id) / ``62.0% (55.1–68.4%)`` (en); the rate alone
    without an interval, "not available" without a rate."""
    if pct is None or pd.isna(pct):
        return i18n.fmt_pct(None, lang)
    text = i18n.fmt_pct(pct, lang, 1)
    if lo is None or hi is None or pd.isna(lo) or pd.isna(hi):
        return text
    return f"{text} ({i18n.fmt_number(lo, lang, 1)}–{i18n.fmt_pct(hi, lang, 1)})"
