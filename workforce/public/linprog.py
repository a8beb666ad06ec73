"""A small dense simplex (two phases, Bland's rule), numpy only, for the disclosure audit.

``workforce.public.disclosure`` asks: over every table of counts consistent with what is
published (the equations, "< 5" cells in 1..4, "*" cells at least 5), how low and
how high can a hidden cell be? That is two linear programs per cell. The systems
are tiny (tens of variables), so a textbook tableau is enough and keeps SciPy out
of the runtime. Bland's rule guarantees termination.
"""

from __future__ import annotations

import math

import numpy as np

EPS = 1e-9


def _pivot(t: np.ndarray, row: int, col: int) -> None:
    t[row] /= t[row, col]
    factors = t[:, col].copy()
    factors[row] = 0.0
    t -= np.outer(factors, t[row])


def _optimise(t: np.ndarray, basis: list[int], cost: np.ndarray) -> bool:
    """Pivot to the minimum of ``cost`` (in place); False when it is unbounded."""
    while True:
        reduced = cost - cost[basis] @ t[:, :-1]
        entering = next((j for j, r in enumerate(reduced) if r < -EPS), None)
        if entering is None:
            return True
        rows = [i for i in range(len(basis)) if t[i, entering] > EPS]
        if not rows:
            return False
        row = min(rows, key=lambda i: (t[i, -1] / t[i, entering], basis[i]))
        _pivot(t, row, entering)
        basis[row] = entering


def minimise(cost: np.ndarray, a_eq: np.ndarray, b_eq: np.ndarray) -> float | None:
    """``min cost·z`` subject to ``a_eq z = b_eq``, ``z ≥ 0``; ``-inf`` when
    unbounded, None when infeasible."""
    a = np.asarray(a_eq, dtype=float)
    b = np.asarray(b_eq, dtype=float)
    m, n = a.shape
    sign = np.where(b < 0, -1.0, 1.0)
    t = np.hstack([a * sign[:, None], np.eye(m), (b * sign)[:, None]])
    basis = list(range(n, n + m))
    _optimise(t, basis, np.r_[np.zeros(n), np.ones(m)])
    if sum(t[i, -1] for i, var in enumerate(basis) if var >= n) > 1e-7:
        return None
    keep = []
    for i, var in enumerate(basis):
        if var >= n:  # an artificial variable left at zero: swap it out or drop the row
            col = next((j for j in range(n) if abs(t[i, j]) > EPS), None)
            if col is None:
                continue
            _pivot(t, i, col)
            basis[i] = col
        keep.append(i)
    t = t[keep][:, [*range(n), -1]]
    basis = [basis[i] for i in keep]
    cost = np.asarray(cost, dtype=float)
    if not _optimise(t, basis, cost):
        return -math.inf
    return float(cost[basis] @ t[:, -1])


def value_range(
    matrix: np.ndarray,
    rest: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    k: int,
) -> tuple[float, float]:
    """Smallest and largest ``x[k]`` with ``matrix x = rest`` and ``low ≤ x ≤ high``
    (``high`` may be infinite)."""
    m, n = matrix.shape
    capped = [i for i in range(n) if math.isfinite(high[i])]
    # x = low + y, y ≥ 0; a capped y gets a slack: y + s = high - low
    a = np.zeros((m + len(capped), n + len(capped)))
    a[:m, :n] = matrix
    b = np.r_[rest - matrix @ low, [high[i] - low[i] for i in capped]]
    for row, i in enumerate(capped):
        a[m + row, i] = 1.0
        a[m + row, n + row] = 1.0
    unit = np.zeros(n + len(capped))
    unit[k] = 1.0
    lowest = minimise(unit, a, b)
    highest = minimise(-unit, a, b)
    if lowest is None or highest is None:
        raise ValueError("the published figures contradict each other")
    return low[k] + lowest, low[k] - highest
