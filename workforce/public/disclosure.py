"""Small-cell suppression: the one gate every public figure and open-data file passes.

The rules (``../shared/metrics.md``, "Public figures and privacy"):

1. **Primary.** A count of persons from 1 to ``threshold - 1`` is hidden and shown as
   ``< 5``. Zero is shown: nobody is in it, so it says nothing about anyone;
   except in the breakdown of a "< 5" total, where every part reads "< 5" (four
   "< 5" parts of a "< 5" total would otherwise each have to be 1).
2. **Complementary.** Published figures are tied together by equations: a total is
   the sum of its parts, and the same total may close several tables (participants
   of a year = Σ per kejuruan = Σ per kecamatan = Σ per jenis, and the KPI card
   shows it again). A hidden cell must not come back from those totals. Until
   nothing changes: an equation with exactly one hidden entry (plain subtraction)
   gets its next smallest published, non-zero part hidden too (else its total),
   shown as ``*``; and where a reader could still pin a small cell to a single
   value, a next cell is hidden the same way. "Pin" is checked with everything a
   reader knows, all equations at once: a "< 5" cell is 1-4, a ``*`` cell at
   least 5 (a "< 5" and a "*" adding up to 6 make the first 1), and integer
   programming (``workforce.public.intervals``) gives the lowest and highest
   whole value each small cell can take.
3. **Rates, medians and costs** computed on fewer than ``threshold`` persons, or
   from a hidden count, are hidden (``*``); so is a rate whose numerator, or the
   rest of its denominator, is a small count ("all but 2 were placed").
4. **Counts that follow from shown ones** (graduates not placed = graduates -
   placed) are protected like shown ones (``unpublished`` in ``suppress``).

The threshold is 5, configurable upward only with
``WORKFORCE_SUPPRESSION_THRESHOLD`` (lower or invalid values are ignored).
"""

from __future__ import annotations

import math
import os
from collections.abc import (
    Collection,
    Container,
    Hashable,
    Iterable,
    Mapping,
    Sequence,
)
from dataclasses import dataclass

import numpy as np

from workforce.public import intervals

DEFAULT_THRESHOLD = 5
THRESHOLD_ENV = "WORKFORCE_SUPPRESSION_THRESHOLD"
SMALL = "kecil"  # a count of 1 .. threshold-1
COMPLEMENT = "komplementer"  # hidden so that a small cell cannot be derived
BASIS = "dasar_kecil"  # a rate / median / cost on too few persons or a hidden count
STATUSES = (SMALL, COMPLEMENT, BASIS)
UNPUBLISHED = "tidak_terbit"  # internal: never shown, follows from shown counts

Key = Hashable


def threshold(environ: Mapping[str, str] | None = None) -> int:
    """The suppression threshold: 5, or a higher whole number from the environment."""
    raw = (os.environ if environ is None else environ).get(THRESHOLD_ENV, "")
    try:
        value = int(raw.strip())
    except ValueError:
        return DEFAULT_THRESHOLD
    return max(value, DEFAULT_THRESHOLD)


def marker(status: str, limit: int) -> str:
    """How a hidden figure is shown: ``< 5`` for a small count, ``*`` otherwise."""
    return f"< {limit}" if status == SMALL else "*"


@dataclass(frozen=True)
class Equation:
    """``total = sum(parts)``: a published total and the published parts it adds up.

    ``exact=False``: the parts may add up to more than the total, by an amount the
    reader does not know (distinct persons per kejuruan: a person in two kejuruan
    counts in both, once in the total).
    """

    total: Key
    parts: tuple[Key, ...]
    exact: bool = True

    @property
    def entries(self) -> tuple[Key, ...]:
        """The total first, then the parts."""
        return (self.total, *self.parts)


def table_equations(
    rows: Sequence[Hashable], cols: Sequence[Hashable], total: Hashable = "total"
) -> list[Equation]:
    """Equations of a 2-D table with row and column margins and a grand total.

    Cell keys are ``(row, col)``; a row margin is ``(row, total)``, a column margin
    ``(total, col)``, the grand total ``(total, total)``.
    """
    eqs = [Equation((r, total), tuple((r, c) for c in cols)) for r in rows]
    eqs += [Equation((total, c), tuple((r, c) for r in rows)) for c in cols]
    eqs.append(Equation((total, total), tuple((r, total) for r in rows)))
    eqs.append(Equation((total, total), tuple((total, c) for c in cols)))
    return eqs


# ---- counts ------------------------------------------------------------------------


def suppress(
    counts: Mapping[Key, int],
    equations: Iterable[Equation],
    limit: int,
    unpublished: Collection[Key] = (),
) -> dict[Key, str]:
    """The hidden counts and why: ``{key: SMALL | COMPLEMENT}``.

    ``counts`` holds every published count (also those in no equation);
    ``equations`` every total published anywhere with its parts. ``unpublished``
    counts are never shown but follow from shown ones (graduates not placed =
    graduates - placed): a reader knows only that they are at least 0, and a small
    one (1..limit-1) must not be derivable either. Deterministic: ties between
    equally small cells are broken by the key's text.
    """
    eqs = list(equations)
    missing = {k for e in eqs for k in e.entries} - counts.keys()
    if missing:
        raise KeyError(f"equations name counts that are not published: {missing}")
    hidden = {k: SMALL for k, v in counts.items() if 0 < v < limit}
    hidden.update(dict.fromkeys(unpublished, UNPUBLISHED))
    protected = {k for k, v in counts.items() if 0 < v < limit}
    _hide_breakdowns_of_small_totals(counts, eqs, hidden)
    while _complement_once(counts, eqs, hidden, limit, protected):
        pass
    return {k: s for k, s in hidden.items() if s != UNPUBLISHED}


def _hide_breakdowns_of_small_totals(
    counts: Mapping[Key, int], eqs: Sequence[Equation], hidden: dict[Key, str]
) -> None:
    """The parts of a total under the threshold are all shown as "< 5", zeros too:
    four "< 5" parts of a "< 5" total would otherwise each have to be 1."""
    changed = True
    while changed:
        changed = False
        for eq in eqs:
            if hidden.get(eq.total) == SMALL:
                for part in eq.parts:
                    if part not in hidden and counts[part] == 0:
                        hidden[part] = SMALL
                        changed = True


def maybe_zero(eqs: Sequence[Equation], hidden: Mapping[Key, str]) -> set[Key]:
    """The "< 5" cells a reader must take as possibly 0: parts of a "< 5" total."""
    return {part for eq in eqs if hidden.get(eq.total) == SMALL for part in eq.parts}


def reader_bounds(
    eqs: Sequence[Equation], hidden: Mapping[Key, str], limit: int
) -> dict[Key, tuple[float, float]]:
    """What a reader knows of each hidden count, before doing any arithmetic."""
    zero = maybe_zero(eqs, hidden)
    return {k: bounds(s, limit, k in zero) for k, s in hidden.items()}


def _complement_once(
    counts: Mapping[Key, int],
    eqs: list[Equation],
    hidden: dict[Key, str],
    limit: int,
    protected: set[Key],
) -> bool:
    """Hide one more cell where the published figures give a small one away."""
    for eq in eqs:  # plain subtraction: an exact equation with one hidden entry
        if not eq.exact:  # parts over-count the total: no subtraction gives a part
            continue  # (what such an equation does give, the ranges below check)
        alone = [k for k in eq.entries if k in hidden]
        if len(alone) != 1 or (
            hidden[alone[0]] == UNPUBLISHED and alone[0] not in protected
        ):
            continue
        if _hide_next(eq, counts, hidden):
            return True
    ranged = ranges(counts, eqs, hidden, limit, protected)
    pinned = [k for k, (lo, hi) in ranged.items() if hi - lo < 1]
    if not pinned:
        return False
    # Widen around the pinned cell first; when its own equations are all hidden,
    # around the hidden cells a reader knows best (narrowest range first).
    boxes = ranges(counts, eqs, hidden, limit, hidden.keys())
    narrow = sorted(boxes, key=lambda k: (boxes[k][1] - boxes[k][0], str(k)))
    for key in [*pinned, *narrow]:
        for eq in eqs:
            if key in eq.entries and _hide_next(eq, counts, hidden):
                return True
    return False


def _hide_next(eq: Equation, counts: Mapping[Key, int], hidden: dict[Key, str]) -> bool:
    """Hide the smallest published, non-zero part (else the total); False if none."""
    parts = sorted(
        (counts[k], str(k), k) for k in eq.parts if k not in hidden and counts[k] > 0
    )
    if parts:
        hidden[parts[0][2]] = COMPLEMENT
        return True
    if eq.total not in hidden and counts[eq.total] > 0:
        hidden[eq.total] = COMPLEMENT
        return True
    return False


def bounds(status: str, limit: int, zero: bool = False) -> tuple[float, float]:
    """What a reader knows of a hidden count: 1..limit-1 for "< 5" (0..limit-1 in
    the breakdown of a "< 5" total), ≥ limit for "*", ≥ 0 if never shown."""
    if status == UNPUBLISHED:
        return (0, math.inf)
    if status == SMALL:
        return (0 if zero else 1, limit - 1)
    return (limit, math.inf)


def _unknowns(
    counts: Mapping[Key, int],
    eqs: Sequence[Equation],
    hidden: Mapping[Key, str],
    limit: int,
) -> tuple[list[tuple[dict[Key, int], float]], dict[Key, tuple[float, float]]]:
    """What a reader faces: each equation with a hidden entry as ``sum(coef * x) =
    rest`` over the unknowns, and each unknown's bounds. An inexact equation has one
    more unknown, its overlap (``sum(parts) - total``, at least 0)."""
    box = reader_bounds(eqs, hidden, limit)
    rows = []
    for i, eq in enumerate(eqs):
        coef = _coefficients(eq, hidden)
        if not coef:
            continue
        everything = _coefficients(eq, counts).items()
        rest = -sum(c * counts[k] for k, c in everything if k not in hidden)
        if not eq.exact:
            overlap = ("overlap", i)
            coef[overlap] = -1
            box[overlap] = (0, math.inf)
        rows.append((coef, rest))
    return rows, box


def _coefficients(eq: Equation, keys: Mapping[Key, object]) -> dict[Key, int]:
    """Parts +1 and total -1 (``sum(parts) - total = 0``) for the entries in keys."""
    coef: dict[Key, int] = {}
    for k in eq.parts:
        if k in keys:
            coef[k] = coef.get(k, 0) + 1
    if eq.total in keys:
        coef[eq.total] = coef.get(eq.total, 0) - 1
    return {k: c for k, c in coef.items() if c}


def ranges(
    counts: Mapping[Key, int],
    eqs: Sequence[Equation],
    hidden: Mapping[Key, str],
    limit: int,
    protected: Collection[Key] | None = None,
) -> dict[Key, tuple[float, float]]:
    """For each hidden small count (or each ``protected`` one), the lowest and
    highest whole number a reader cannot rule out, by integer programming over all
    equations at once; where no table fits or the solver cannot tell, the count
    counts as known (its reader's lower bound twice: fail closed)."""
    if protected is None:
        protected = {k for k, s in hidden.items() if s == SMALL}
    rows, box = _unknowns(counts, eqs, hidden, limit)
    out: dict[Key, tuple[float, float]] = {}
    for keys, system in _independent(rows):
        if not any(k in protected for k in keys):
            continue
        index = {k: i for i, k in enumerate(keys)}
        matrix = np.zeros((len(system), len(keys)))
        rest = np.zeros(len(system))
        for r, (coef, value) in enumerate(system):
            rest[r] = value
            for k, c in coef.items():
                matrix[r, index[k]] = c
        low = np.array([box[k][0] for k in keys], dtype=float)
        high = np.array([box[k][1] for k in keys], dtype=float)
        for k in keys:
            if k in protected:
                try:
                    out[k] = intervals.integer_range(matrix, rest, low, high, index[k])
                except ValueError:  # ContradictionError, UndecidedError
                    out[k] = (float(low[index[k]]),) * 2
    return out


def _independent(
    rows: list[tuple[dict[Key, int], float]],
) -> list[tuple[list[Key], list[tuple[dict[Key, int], float]]]]:
    """Split the equations into groups that share no unknown."""
    group: dict[Key, Key] = {k: k for coef, _ in rows for k in coef}

    def root(k: Key) -> Key:
        while group[k] != k:
            group[k] = group[group[k]]
            k = group[k]
        return k

    for coef, _ in rows:
        first, *others = coef
        for k in others:
            group[root(k)] = root(first)
    systems: dict[Key, tuple[list[Key], list]] = {}
    for k in sorted(group, key=str):
        systems.setdefault(root(k), ([], []))[0].append(k)
    for coef, value in rows:
        systems[root(next(iter(coef)))][1].append((coef, value))
    return list(systems.values())


# ---- figures computed from counts ----------------------------------------------------


def basis_hidden(
    persons: float | None,
    limit: int,
    depends_on: Iterable[Key] = (),
    hidden: Container[Key] = (),
) -> bool:
    """A rate, median or cost is hidden when fewer than ``limit`` persons stand
    behind it or when a count it is computed from is hidden."""
    if persons is not None and persons == persons and persons < limit:
        return True
    return any(k in hidden for k in depends_on)


def rate_hidden(
    numerator: float | None,
    denominator: float | None,
    limit: int,
    depends_on: Iterable[Key] = (),
    hidden: Container[Key] = (),
) -> bool:
    """A rate is hidden when its denominator is under ``limit``; when its numerator,
    or the rest of its denominator, is a small count (1..limit-1: rate × denominator
    gives it back, "all but 2 were placed" too); or when a count it is computed from
    is hidden."""
    if _known(numerator) and _known(denominator):
        for part in (numerator, denominator - numerator):
            if 0 < part < limit:
                return True
    elif _known(numerator) and 0 < numerator < limit:
        return True
    return basis_hidden(denominator, limit, depends_on, hidden)


def _known(value: float | None) -> bool:
    return value is not None and value == value
