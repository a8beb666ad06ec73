"""The comparison maths (workforce.core.compare): Wilson intervals, funnel limits and
the class of each unit, against arithmetic done by hand and against statsmodels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.proportion import proportion_confint

from workforce.core import compare

# z = 1.96, z² = 3.8416, z²/2 = 1.9208, z²/4 = 0.9604


def test_wilson_six_of_eight() -> None:
    # centre = (6 + 1.9208) / (8 + 3.8416) = 7.9208 / 11.8416 = 0.668896
    # half = 1.96 · √(6·2/8 + 0.9604) / 11.8416 = 1.96 · √2.4604 / 11.8416
    #      = 1.96 · 1.568566 / 11.8416 = 3.074389 / 11.8416 = 0.259626
    # → 0.409270 … 0.928522
    lo, hi = compare.wilson(6, 8)
    assert lo == pytest.approx(40.927, abs=0.001)
    assert hi == pytest.approx(92.852, abs=0.001)


def test_wilson_140_of_200() -> None:
    # centre = 141.9208 / 203.8416 = 0.696230
    # half = 1.96 · √(140·60/200 + 0.9604) / 203.8416 = 1.96 · √42.9604 / 203.8416
    #      = 1.96 · 6.554419 / 203.8416 = 12.846661 / 203.8416 = 0.063023
    # → 0.633207 … 0.759253 (the rate 70% sits inside, a little off centre)
    lo, hi = compare.wilson(140, 200)
    assert lo == pytest.approx(63.321, abs=0.001)
    assert hi == pytest.approx(75.925, abs=0.001)


def test_wilson_none_and_all() -> None:
    # k = 0 of 10: centre = 1.9208 / 13.8416 = 0.138770, half = 1.96 · √0.9604 /
    # 13.8416 = 1.96 · 0.98 / 13.8416 = 0.138770 → 0 … 0.277540
    assert compare.wilson(0, 10) == pytest.approx((0.0, 27.754), abs=0.001)
    # k = n = 10: the mirror image → 0.722460 … 1
    assert compare.wilson(10, 10) == pytest.approx((72.246, 100.0), abs=0.001)


def test_wilson_no_cases_has_no_interval() -> None:
    assert compare.wilson(0, 0) is None
    lo, hi = compare.wilson_arrays(np.array([0.0, 3.0]), np.array([0.0, 4.0]))
    assert np.isnan(lo[0]) and np.isnan(hi[0])
    assert not np.isnan(lo[1])


def test_wilson_matches_statsmodels() -> None:
    rng = np.random.default_rng(20261204)
    n = rng.integers(1, 5000, size=2000)
    k = rng.integers(0, n + 1)
    lo, hi = compare.wilson_arrays(k, n)
    ref_lo, ref_hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    # statsmodels uses z = 1.959964 (the exact quantile); metrics.md fixes 1.96
    assert np.allclose(lo, ref_lo * 100, atol=0.01)
    assert np.allclose(hi, ref_hi * 100, atol=0.01)
    lo, hi = compare.wilson_arrays(k, n, z=1.959963984540054)
    assert np.allclose(lo, ref_lo * 100, atol=1e-9)
    assert np.allclose(hi, ref_hi * 100, atol=1e-9)


def test_funnel_limits_by_hand() -> None:
    # p0 = 70%, n = 200: √(0.7 · 0.3 / 200) = √0.00105 = 0.0324037
    # 95%: ± 1.96 · 0.0324037 = ± 0.0635112 → 63.649% … 76.351%
    # 99.8%: ± 3.09 · 0.0324037 = ± 0.1001274 → 59.987% … 80.013%
    lo, hi = compare.funnel_limits(70.0, np.array([200.0]), compare.Z95)
    assert (lo[0], hi[0]) == pytest.approx((63.649, 76.351), abs=0.001)
    lo, hi = compare.funnel_limits(70.0, np.array([200.0]), compare.Z998)
    assert (lo[0], hi[0]) == pytest.approx((59.987, 80.013), abs=0.001)


def test_funnel_limits_clipped() -> None:
    # p0 = 90%, n = 5: 3.09 · √(0.09 / 5) = 3.09 · 0.134164 = 0.414567
    # → 48.543% … 131.46%, the top clipped to 100%
    lo, hi = compare.funnel_limits(90.0, np.array([5.0]), compare.Z998)
    assert lo[0] == pytest.approx(48.543, abs=0.001)
    assert hi[0] == 100.0


def test_classes_around_seventy_percent() -> None:
    # p0 = 70%, n = 200 (limits above): 170/200 = 85% > 80.013 → above;
    # 118/200 = 59% < 59.987 → below; 120/200 = 60% lies between 59.987 and
    # 63.649 → between; 140/200 = 70% → within; 3 of 4 → too few (n < 5)
    units = pd.DataFrame(
        {
            "unit": ["A", "B", "C", "D", "E", "F"],
            "k": [170, 118, 120, 140, 3, 0],
            "n": [200, 200, 200, 200, 4, 0],
        }
    )
    out = compare.compare(units, p0_pct=70.0)
    assert out["kelas"].tolist() == [
        "above",
        "below",
        "between",
        "within",
        "too_few",
        "too_few",
    ]
    assert out["unit"].tolist() == units["unit"].tolist()
    assert out.loc[0, "pct"] == 85.0
    assert out.loc[3, ["lo_pct", "hi_pct"]].tolist() == pytest.approx(
        [63.321, 75.925], abs=0.001
    )
    assert np.isnan(out.loc[5, "pct"]) and np.isnan(out.loc[5, "lo_pct"])


def test_pooled_rate_is_the_default_p0() -> None:
    # (30 + 10) / (40 + 60) = 40%; at n = 40, 95%: 1.96 · √(0.24/40) = 0.151821
    units = pd.DataFrame({"k": [30, 10], "n": [40, 60]})
    out = compare.compare(units)
    assert compare.pooled_pct(units) == pytest.approx(40.0)
    assert out.loc[0, "hi95_pct"] == pytest.approx(55.182, abs=0.001)
    # 75% at n = 40: 3.09 · 0.0774597 = 0.239350 → top limit 63.935% → above
    # 16.7% at n = 60: 3.09 · √(0.24/60) = 0.195428 → bottom 20.457% → below
    assert out["kelas"].tolist() == ["above", "below"]


def test_no_cases_anywhere_is_too_few() -> None:
    out = compare.compare(pd.DataFrame({"k": [0, 0], "n": [0, 0]}))
    assert out["kelas"].tolist() == ["too_few", "too_few"]


def test_curve_spans_to_largest_unit() -> None:
    drawn = compare.curve(50.0, 300)
    assert drawn["n"].iloc[0] == 1.0 and drawn["n"].iloc[-1] == 300.0
    # at n = 1 the 99.8% limits of 50% span 50 ± 154.5 → clipped to 0 … 100
    assert drawn.loc[0, ["lo998_pct", "hi998_pct"]].tolist() == [0.0, 100.0]
    assert drawn["hi95_pct"].is_monotonic_decreasing
