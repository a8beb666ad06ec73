"""How low and how high can a hidden count be? SciPy's HiGHS solver answers.

``workforce.public.disclosure`` writes what a reader knows as ``matrix x = rest``
with ``low ≤ x ≤ high`` over the unknown counts. Counts are whole numbers, so the
bounds of a hidden count come from two integer programs (``scipy.optimize.milp``):
the values that some whole-number table consistent with the published figures
actually takes. The linear-programming relaxation lets counts be fractional and
can be wider, which would call a cell protected that a reader can in fact pin
down (``x = 12 - 2a`` with ``a ≥ 5`` and ``1 ≤ x``: only ``x = 2`` is whole).

The relaxation (``scipy.optimize.linprog``) keeps one job: when HiGHS gives the
integer maximum no value, only the relaxation can tell "no upper bound" (a reader
cannot cap the count) from a failure of the solver. Every failure raises
``UndecidedError``; the audit then treats the count as known (fail closed).
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, OptimizeResult, linprog, milp

TIME_LIMIT_SECONDS = 10.0  # per solve; the systems have tens of unknowns
OPTIMAL, INFEASIBLE, UNBOUNDED = 0, 2, 3  # SciPy's status codes


class ContradictionError(ValueError):
    """No table of whole counts fits the published figures."""


class UndecidedError(ValueError):
    """The solver stopped without an answer it can prove (time limit, trouble)."""


def integer_range(
    matrix: np.ndarray, rest: np.ndarray, low: np.ndarray, high: np.ndarray, k: int
) -> tuple[float, float]:
    """Smallest and largest ``x[k]`` over whole-number ``x`` with ``matrix x = rest``
    and ``low ≤ x ≤ high`` (``low`` finite; ``high`` may be infinite, and so may
    the largest ``x[k]``)."""
    lowest = _milp(matrix, rest, low, high, k, 1.0)
    if lowest.status == INFEASIBLE:
        raise ContradictionError("the published figures contradict each other")
    if lowest.status != OPTIMAL:  # bounded below by ``low``: no "unbounded" here
        raise UndecidedError(lowest.message)
    highest = _milp(matrix, rest, low, high, k, -1.0)
    if highest.status == OPTIMAL:
        return _whole(lowest.x[k]), _whole(highest.x[k])
    # feasible (a minimum was found), so a relaxation without a maximum means no
    # whole-number maximum either: step along a ray from the whole solution found
    if _relaxation(matrix, rest, low, high, k, -1.0).status == UNBOUNDED:
        return _whole(lowest.x[k]), math.inf
    raise UndecidedError(highest.message)


def _milp(
    matrix: np.ndarray,
    rest: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    k: int,
    sign: float,
) -> OptimizeResult:
    """HiGHS' branch and bound on ``min sign·x[k]`` over whole numbers, to the exact
    optimum (no relative gap allowed)."""
    return milp(
        _unit(matrix.shape[1], k, sign),
        integrality=np.ones(matrix.shape[1]),
        bounds=Bounds(low, high),
        constraints=LinearConstraint(matrix, rest, rest),
        options={"mip_rel_gap": 0.0, "time_limit": TIME_LIMIT_SECONDS},
    )


def _relaxation(
    matrix: np.ndarray,
    rest: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    k: int,
    sign: float,
) -> OptimizeResult:
    """HiGHS' simplex on ``min sign·x[k]`` over real numbers; without presolve, so
    that a problem without an optimum is reported as infeasible or as unbounded,
    never as "one of the two"."""
    return linprog(
        _unit(matrix.shape[1], k, sign),
        A_eq=matrix,
        b_eq=rest,
        bounds=np.column_stack([low, high]),
        method="highs",
        options={"presolve": False, "time_limit": TIME_LIMIT_SECONDS},
    )


def _unit(n: int, k: int, sign: float) -> np.ndarray:
    """The objective ``sign · x[k]``."""
    cost = np.zeros(n)
    cost[k] = sign
    return cost


def _whole(value: float) -> float:
    """A count from the solver's floating-point answer (an integer within 1e-6)."""
    return float(round(value))
