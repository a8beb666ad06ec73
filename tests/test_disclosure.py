"""Small-cell suppression: the rules, worked out by hand, and attackers that fail.

The attackers get exactly what a reader gets: every published figure, the fact
that a "< 5" cell is 1-4 and a "*" cell is at least 5, and every equation the page
implies (row totals, column totals, the grand total, totals shared by two tables).
They try plain subtraction (repeated as far as it goes), interval reasoning over
all equations at once, linear algebra, and an exhaustive integer search; none may
pin down a small cell. As a control, the same attackers DO recover cells when only
the primary suppression is applied.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

import numpy as np
import pytest
import scipy.optimize

from workforce.public import disclosure as d
from workforce.public import intervals
from workforce.public.disclosure import COMPLEMENT, SMALL, Equation

LIMIT = 5


# ---- the threshold ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, 5), ("", 5), ("5", 5), ("10", 10), (" 7 ", 7), ("3", 5), ("0", 5),
     ("-8", 5), ("lima", 5), ("5.5", 5)],
)  # fmt: skip
def test_threshold_is_five_or_higher(raw: str | None, expected: int) -> None:
    env = {} if raw is None else {d.THRESHOLD_ENV: raw}
    assert d.threshold(env) == expected


def test_threshold_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(d.THRESHOLD_ENV, "11")
    assert d.threshold() == 11
    monkeypatch.setenv(d.THRESHOLD_ENV, "2")  # lowering is ignored
    assert d.threshold() == 5


def test_markers() -> None:
    assert d.marker(SMALL, 5) == "< 5"
    assert d.marker(SMALL, 10) == "< 10"
    assert d.marker(COMPLEMENT, 5) == "*"
    assert d.marker(d.BASIS, 5) == "*"


# ---- tables and what a reader knows -------------------------------------------------------


def table(cells: Mapping[tuple[str, str], int]) -> tuple[dict, list[Equation]]:
    """Counts (cells, row and column margins, grand total) and the equations."""
    rows = list(dict.fromkeys(r for r, _ in cells))
    cols = list(dict.fromkeys(c for _, c in cells))
    counts = dict(cells)
    for r in rows:
        counts[(r, "total")] = sum(cells[(r, c)] for c in cols)
    for c in cols:
        counts[("total", c)] = sum(cells[(r, c)] for r in rows)
    counts[("total", "total")] = sum(cells.values())
    return counts, d.table_equations(rows, cols)


def grid(rows: list[str], cols: list[str], values: list[list[int]]) -> dict:
    return {
        (r, c): values[i][j] for i, r in enumerate(rows) for j, c in enumerate(cols)
    }


def _residual(eq: Equation, known: Mapping) -> tuple[float, list]:
    """total - sum(parts) over the known entries, and the unknown entries."""
    unknown = [k for k in eq.entries if k not in known]
    total = known.get(eq.total, 0)
    parts = sum(known[k] for k in eq.parts if k in known)
    return total - parts, unknown


def subtraction_attack(counts: Mapping, eqs: list[Equation], hidden: Mapping) -> dict:
    """Repeat: an equation with one unknown gives it; return what was recovered."""
    known = {k: v for k, v in counts.items() if k not in hidden}
    recovered = {}
    progress = True
    while progress:
        progress = False
        for eq in eqs:
            rest, unknown = _residual(eq, known)
            if len(unknown) == 1:
                key = unknown[0]
                known[key] = recovered[key] = rest if key != eq.total else -rest
                progress = True
    return recovered


def _coefficients(eq: Equation, keys) -> dict:
    """Parts +1, total -1: sum(coef * x) over the unknown entries equals
    total - sum(parts) over the known ones (``_residual``)."""
    return {k: (-1 if k == eq.total else 1) for k in eq.entries if k in keys}


def _span(coef: Mapping, box: Mapping, skip=None) -> tuple[float, float]:
    """Smallest and largest sum(coef * x) with each x within its box."""
    lo = hi = 0.0
    for k, c in coef.items():
        if k == skip:
            continue
        klo, khi = box[k]
        lo += c * klo if c > 0 else c * khi
        hi += c * khi if c > 0 else c * klo
    return lo, hi


def _propagate(eqs: list[Equation], known: Mapping, box: dict) -> dict | None:
    """Tighten each unknown's [lo, hi] through every equation until stable; None
    when some range becomes empty (no table fits)."""
    box = {k: list(v) for k, v in box.items()}
    for _ in range(1000):
        changed = False
        for eq in eqs:
            coef = _coefficients(eq, box)
            rest = _residual(eq, known)[0]  # = sum(coef * x)
            for k, c in coef.items():
                lo, hi = _span(coef, box, skip=k)
                lo, hi = (rest - hi) / c, (rest - lo) / c
                lo, hi = min(lo, hi), max(lo, hi)
                new = [
                    max(box[k][0], math.ceil(lo) if math.isfinite(lo) else lo),
                    min(box[k][1], math.floor(hi) if math.isfinite(hi) else hi),
                ]
                if new[0] > new[1]:
                    return None
                if new != box[k]:
                    box[k] = new
                    changed = True
        if not changed:
            break
    return {k: tuple(v) for k, v in box.items()}


def interval_attack(counts: Mapping, eqs: list[Equation], hidden: Mapping) -> dict:
    """Bounds from the markers, tightened through every equation until stable."""
    known = {k: v for k, v in counts.items() if k not in hidden}
    box = _propagate(eqs, known, d.reader_bounds(eqs, hidden, LIMIT))
    assert box is not None, "the published figures contradict each other"
    return box


def linear_attack(eqs: list[Equation], hidden: Mapping) -> set:
    """Hidden cells that the equations determine (unit vector in the row space)."""
    unknowns = sorted(hidden, key=str)
    index = {k: i for i, k in enumerate(unknowns)}
    rows = []
    for eq in eqs:
        row = np.zeros(len(unknowns))
        for k in eq.parts:
            if k in index:
                row[index[k]] += 1
        if eq.total in index:
            row[index[eq.total]] -= 1
        if row.any():
            rows.append(row)
    if not rows:
        return set()
    matrix = np.array(rows)
    rank = np.linalg.matrix_rank(matrix)
    found = set()
    for k, i in index.items():
        unit = np.zeros(len(unknowns))
        unit[i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.add(k)
    return found


def _component(eqs: list[Equation], hidden: Mapping, key) -> list[Equation]:
    """The equations linked to ``key`` through hidden cells (the rest cannot matter)."""
    todo, seen, found = [key], {key}, []
    while todo:
        k = todo.pop()
        for eq in eqs:
            if k in eq.entries and eq not in found:
                found.append(eq)
                for other in eq.entries:
                    if other in hidden and other not in seen:
                        seen.add(other)
                        todo.append(other)
    return found


def possible_values(
    counts: Mapping, eqs: list[Equation], hidden: Mapping, key, upper: int
) -> set[int]:
    """Exhaustive integer search: the values of ``key`` for which some whole-number
    assignment of every hidden cell (1-4 for "< 5" — 0-4 in the breakdown of a
    "< 5" total —, 5..upper for "*", 0..upper for a count never shown) satisfies
    every equation. Branch and bound: ranges are
    tightened through the equations at every step, then the widest open range is
    split in two."""
    known = {k: v for k, v in counts.items() if k not in hidden}
    start = {
        k: (lo, min(hi, upper))
        for k, (lo, hi) in d.reader_bounds(eqs, hidden, LIMIT).items()
    }
    relevant = _component(eqs, hidden, key)
    involved = {k for eq in relevant for k in eq.entries if k in hidden}
    start = {k: v for k, v in start.items() if k in involved or k == key}

    def fits(box: dict) -> bool:
        box = _propagate(relevant, known, box)
        if box is None:
            return False
        open_ = [k for k, (lo, hi) in box.items() if lo < hi]
        if not open_:
            exact = {**known, **{k: lo for k, (lo, _) in box.items()}}
            return all(_residual(eq, exact)[0] == 0 for eq in relevant)
        pick = max(open_, key=lambda k: (box[k][1] - box[k][0], str(k)))
        lo, hi = box[pick]
        mid = (lo + hi) // 2
        return fits({**box, pick: (lo, mid)}) or fits({**box, pick: (mid + 1, hi)})

    lo, hi = start[key]
    return {v for v in range(int(lo), int(hi) + 1) if fits({**start, key: (v, v)})}


def assert_protected(counts: Mapping, eqs: list[Equation], hidden: Mapping) -> None:
    """Every attacker fails on every small count (1-4), shown as "< 5" or never
    shown (status UNPUBLISHED: a reader knows only that it is at least 0)."""
    small = {k for k in hidden if 0 < counts[k] < LIMIT}  # a hidden 0 harms nobody
    assert small, "the fixture must have small cells"
    recovered = subtraction_attack(counts, eqs, hidden)
    assert not small & recovered.keys(), f"subtraction recovers {recovered}"
    assert not small & linear_attack(eqs, hidden), "linear algebra recovers a cell"
    boxes = interval_attack(counts, eqs, hidden)
    for k in small:
        lo, hi = boxes[k]
        assert hi - lo >= 1, f"{k}: bounds pin it to {lo}..{hi}"
    # "*" cells range over 5..upper: well above any real count, as a reader cannot
    # bound them by a hidden total (a finite upper bound only helps the attacker).
    upper = 2 * max(counts.values()) + LIMIT
    for k in small:
        values = possible_values(counts, eqs, hidden, k, upper)
        assert counts[k] in values  # the truth is always possible
        assert len(values) >= 2, f"{k}: only {values} fit the published figures"


# ---- worked by hand --------------------------------------------------------------------------


def test_one_small_cell_hides_the_next_smallest_in_its_row_and_column() -> None:
    #          2023 2024 2025 | total
    # Las        12    3    9 |   24     3 < 5 → hidden ("< 5")
    # Listrik     7    8   10 |   25
    # Garmen      2   15    6 |   23     2 < 5 → hidden
    # total      21   26   25 |   72
    # Row Las has one hidden cell → next smallest, 9, hidden; row Garmen → 6.
    # Column 2023 has only Garmen 2 hidden → next smallest there, Listrik 7;
    # column 2024 only Las 3 → Listrik 8. Row Listrik now has 7 and 8 hidden,
    # column 2025 has 9 and 6: every row and column has two hidden cells (a cycle
    # Las-2024 … Garmen-2023 through all six), and the bounds leave each small
    # cell free: Las 3 + Las 9 = 12 with Las-2025 ≥ 5 → Las-2024 ∈ 1..4.
    rows, cols = ["Las", "Listrik", "Garmen"], ["2023", "2024", "2025"]
    counts, eqs = table(grid(rows, cols, [[12, 3, 9], [7, 8, 10], [2, 15, 6]]))
    hidden = d.suppress(counts, eqs, LIMIT)
    assert hidden == {
        ("Las", "2024"): SMALL,
        ("Garmen", "2023"): SMALL,
        ("Las", "2025"): COMPLEMENT,
        ("Garmen", "2025"): COMPLEMENT,
        ("Listrik", "2023"): COMPLEMENT,
        ("Listrik", "2024"): COMPLEMENT,
    }
    assert_protected(counts, eqs, hidden)


def test_the_control_primary_suppression_alone_is_broken() -> None:
    rows, cols = ["Las", "Listrik", "Garmen"], ["2023", "2024", "2025"]
    counts, eqs = table(grid(rows, cols, [[12, 3, 9], [7, 8, 10], [2, 15, 6]]))
    primary = {k: SMALL for k, v in counts.items() if 0 < v < LIMIT}
    recovered = subtraction_attack(counts, eqs, primary)
    # row Las: 24 - 12 - 9 = 3; column 2023: 21 - 12 - 7 = 2
    assert recovered == {("Las", "2024"): 3, ("Garmen", "2023"): 2}
    assert linear_attack(eqs, primary) == set(primary)


def test_a_small_and_a_just_large_cell_are_not_enough() -> None:
    # One row: a=1 hidden, b=5 hidden as its complement, total 20 with c=14 shown.
    # A reader knows a ∈ 1..4, b ≥ 5 and a + b = 6, so a = 1: the bounds give it
    # away. The rule hides c as well: a + b + c = 20 leaves a free in 1..4.
    counts = {"a": 1, "b": 5, "c": 14, "t": 20}
    eqs = [Equation("t", ("a", "b", "c"))]
    assert d.ranges(counts, eqs, {"a": SMALL, "b": COMPLEMENT}, 5)["a"] == (1, 1)
    hidden = d.suppress(counts, eqs, LIMIT)
    assert hidden == {"a": SMALL, "b": COMPLEMENT, "c": COMPLEMENT}
    assert_protected(counts, eqs, hidden)


def test_two_ones_summing_to_two_get_a_complement() -> None:
    # Two "< 5" cells whose sum is 2 must both be 1: hide one more cell (7).
    counts = {"a": 1, "b": 1, "c": 7, "d": 12, "t": 21}
    eqs = [Equation("t", ("a", "b", "c", "d"))]
    hidden = d.suppress(counts, eqs, LIMIT)
    assert hidden == {"a": SMALL, "b": SMALL, "c": COMPLEMENT}
    assert_protected(counts, eqs, hidden)


def test_zeros_are_shown_and_never_used_as_complements() -> None:
    # Row 3, 0, 0, 11 (total 14): the 3 hides 11, not a zero (a hidden zero would
    # protect nothing). Then a + b = 14 with b ≥ 5 leaves a anywhere in 1..4.
    counts = {"a": 3, "z1": 0, "z2": 0, "b": 11, "t": 14}
    eqs = [Equation("t", ("a", "z1", "z2", "b"))]
    hidden = d.suppress(counts, eqs, LIMIT)
    assert hidden == {"a": SMALL, "b": COMPLEMENT}
    assert_protected(counts, eqs, hidden)


def test_a_total_shown_in_another_table_links_the_tables() -> None:
    # Participants per year by kejuruan AND by kecamatan share the year totals.
    # 2024 by kecamatan: Ciwandan 10, Grogol 9, Cibeber 3 → Cibeber hidden, and
    # Grogol with it. The kejuruan table alone has nothing small in 2024, but its
    # total (22) is the same published figure: nothing else needs hiding there.
    kej = grid(["Las", "Listrik"], ["2023", "2024"], [[8, 12], [0, 10]])
    kec = grid(
        ["Ciwandan", "Grogol", "Cibeber"], ["2023", "2024"], [[5, 10], [3, 9], [0, 3]]
    )
    counts_a, eqs_a = table(kej)
    counts_b, eqs_b = table(kec)
    shared = {k for k in counts_a if "total" in k and k[0] == "total"}
    assert all(counts_a[k] == counts_b[k] for k in shared)  # the same year totals
    counts, eqs = {**counts_a, **counts_b}, eqs_a + eqs_b
    hidden = d.suppress(counts, eqs, LIMIT)
    assert hidden[("Cibeber", "2024")] == SMALL
    assert hidden[("Grogol", "2023")] == SMALL
    assert not {k for k in hidden if k[0] in ("Las", "Listrik")}
    assert_protected(counts, eqs, hidden)


def test_a_small_year_total_is_hidden_in_every_table_that_shows_it() -> None:
    # 2025 has only 4 participants: the total is small, so its parts are too, in
    # both tables; 2024 carries on as before.
    kej = grid(["Las", "Listrik"], ["2024", "2025"], [[12, 3], [10, 1]])
    kec = grid(["Ciwandan", "Grogol"], ["2024", "2025"], [[13, 4], [9, 0]])
    counts_a, eqs_a = table(kej)
    counts_b, eqs_b = table(kec)
    counts, eqs = {**counts_a, **counts_b}, eqs_a + eqs_b
    hidden = d.suppress(counts, eqs, LIMIT)
    assert hidden[("total", "2025")] == SMALL
    assert {("Las", "2025"), ("Listrik", "2025"), ("Ciwandan", "2025")} <= hidden.keys()
    assert_protected(counts, eqs, hidden)


def test_parts_that_overlap_add_up_to_more_than_the_total() -> None:
    # 20 distinct participants; per kejuruan Las 12, Listrik 7, Garmen 3 = 22 (two
    # people took two kejuruan). Garmen is small, but the reader knows only
    # Garmen = 20 - 12 - 7 + overlap ≥ 1, the overlap unknown: Garmen stays
    # anywhere in 1..4 with nothing else hidden. Hiding Listrik (262 in the demo's
    # 2025 breakdown by programme type) would lose information and protect nothing.
    counts = {"t": 20, "las": 12, "listrik": 7, "garmen": 3}
    eq = Equation("t", ("las", "listrik", "garmen"), exact=False)
    hidden = d.suppress(counts, [eq], LIMIT)
    assert hidden == {"garmen": SMALL}
    assert d.ranges(counts, [eq], hidden, LIMIT) == {"garmen": (1, 4)}
    # exact (no overlap: 12 + 5 + 3 = 20), subtraction would give Garmen away, so
    # the smallest other part is hidden with it
    counts = {"t": 20, "las": 12, "listrik": 5, "garmen": 3}
    exact = Equation("t", ("las", "listrik", "garmen"))
    hidden = d.suppress(counts, [exact], LIMIT)
    assert hidden == {"garmen": SMALL, "listrik": COMPLEMENT}
    assert_protected(counts, [exact], hidden)


def test_a_count_that_follows_from_shown_ones_is_protected() -> None:
    # 20 graduates, 18 placed: "not placed" (2) is never shown but would follow by
    # subtraction, so "placed" is hidden. The reader then knows only that
    # placed ≥ 5 and not placed ≥ 0: not placed could be anything from 0 to 15.
    counts = {"graduates": 20, "placed": 18, "not_placed": 2}
    eq = Equation("graduates", ("placed", "not_placed"))
    hidden = d.suppress(counts, [eq], LIMIT, unpublished={"not_placed"})
    assert hidden == {"placed": COMPLEMENT}
    assert_protected(counts, [eq], {**hidden, "not_placed": d.UNPUBLISHED})
    assert d.ranges(counts, [eq], {**hidden, "not_placed": d.UNPUBLISHED}, LIMIT,
                    {"not_placed"}) == {"not_placed": (0, 15)}  # fmt: skip
    # 20 graduates, 12 placed: 8 not placed is no small count, nothing to hide
    counts = {"graduates": 20, "placed": 12, "not_placed": 8}
    assert d.suppress(counts, [eq], LIMIT, unpublished={"not_placed"}) == {}


def test_the_breakdown_of_a_small_total_is_all_small() -> None:
    # 4 people in 4 kecamatan, 1 each, none in the fifth: with the zero shown, a
    # reader would know each "< 5" is at least 1, and four of them make "< 5", so
    # each is exactly 1. Shown as "< 5" too, the zero leaves every part 0..4.
    counts = {"t": 4, "a": 1, "b": 1, "c": 1, "e": 1, "z": 0}
    eq = Equation("t", ("a", "b", "c", "e", "z"))
    hidden = d.suppress(counts, [eq], LIMIT)
    assert hidden == dict.fromkeys(counts, SMALL)
    assert d.reader_bounds([eq], hidden, LIMIT)["a"] == (0, 4)
    assert d.reader_bounds([eq], hidden, LIMIT)["t"] == (1, 4)
    assert_protected(counts, [eq], hidden)


def test_unknown_keys_in_equations_are_refused() -> None:
    with pytest.raises(KeyError):
        d.suppress({"a": 1}, [Equation("t", ("a", "b"))], LIMIT)


# ---- a fixture with many small cells, and random tables ---------------------------------------


def test_kejuruan_by_year_with_many_small_cells() -> None:
    rows = ["Las", "Listrik", "Garmen", "TIK", "Tata Boga"]
    cols = ["2022", "2023", "2024", "2025"]
    values = [
        [12, 3, 15, 20],
        [7, 8, 2, 11],
        [1, 9, 14, 6],
        [25, 30, 28, 4],
        [0, 6, 5, 7],
    ]
    counts, eqs = table(grid(rows, cols, values))
    hidden = d.suppress(counts, eqs, LIMIT)
    small = {k for k, s in hidden.items() if s == SMALL}
    assert small == {
        ("Las", "2023"),
        ("Listrik", "2024"),
        ("Garmen", "2022"),
        ("TIK", "2025"),
    }
    assert_protected(counts, eqs, hidden)


@pytest.mark.parametrize("seed", range(25))
def test_random_tables_resist_every_attack(seed: int) -> None:
    rng = random.Random(seed)
    rows = [f"r{i}" for i in range(rng.randint(2, 4))]
    cols = [f"c{j}" for j in range(rng.randint(2, 4))]
    values = [
        [rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 14, 30]) for _ in cols] for _ in rows
    ]
    counts, eqs = table(grid(rows, cols, values))
    hidden = d.suppress(counts, eqs, LIMIT)
    if not any(s == SMALL for s in hidden.values()):
        pytest.skip("no small cell drawn")
    assert all(counts[k] >= LIMIT for k, s in hidden.items() if s == COMPLEMENT)
    assert_protected(counts, eqs, hidden)


# ---- rates, medians, costs ------------------------------------------------------------------


def test_rate_rules() -> None:
    assert d.rate_hidden(3, 40, 5)  # 3 of 40: rate × 40 gives the 3 back
    assert d.rate_hidden(2, 4, 5)  # denominator under 5
    assert d.rate_hidden(0, 4, 5)  # 0 of 4: still a denominator under 5
    assert not d.rate_hidden(0, 20, 5)  # 0 of 20: nothing about anyone
    assert not d.rate_hidden(12, 20, 5)
    assert d.rate_hidden(18, 20, 5)  # all but 2: the 2 come back too
    assert not d.rate_hidden(20, 20, 5)  # all of them: nobody is left out
    assert d.rate_hidden(12, 20, 5, depends_on=["n"], hidden={"n": COMPLEMENT})
    assert not d.rate_hidden(12, 20, 5, depends_on=["n"], hidden={})
    assert d.rate_hidden(7, 9, 10)  # a higher threshold hides more
    assert not d.rate_hidden(None, None, 5)  # not available is not "hidden"


def test_basis_rules() -> None:
    assert d.basis_hidden(2, 5)  # a median of 2 wages
    assert not d.basis_hidden(5, 5)
    assert d.basis_hidden(6, 5, depends_on=["x"], hidden={"x": SMALL})
    assert not d.basis_hidden(None, 5)


# ---- the integer programs behind the audit ---------------------------------------------------


def test_integer_range_matches_the_bounds_argument() -> None:
    inf = math.inf
    one_row = np.array([[1.0, 1.0]])
    # a + b = 6, a ∈ 1..4, b ≥ 5 → a = 1
    assert intervals.integer_range(
        one_row, np.array([6.0]), np.array([1.0, 5]), np.array([4.0, inf]), 0
    ) == (1, 1)
    # a + b = 9 → a anywhere in 1..4
    assert intervals.integer_range(
        one_row, np.array([9.0]), np.array([1.0, 5]), np.array([4.0, inf]), 0
    ) == (1, 4)
    # b - c = 0, both ≥ 5: nothing caps b (HiGHS says "unbounded or infeasible"
    # for the integer maximum; the relaxation tells which)
    assert intervals.integer_range(
        np.array([[1.0, -1.0]]),
        np.array([0.0]),
        np.array([5.0, 5]),
        np.array([inf, inf]),
        1,
    ) == (5, inf)


def test_integer_range_refuses_figures_that_no_table_fits() -> None:
    inf = math.inf
    # a + b = 3 with a ≥ 1 and b ≥ 5: no table at all
    with pytest.raises(intervals.ContradictionError):
        intervals.integer_range(
            np.array([[1.0, 1.0]]),
            np.array([3.0]),
            np.array([1.0, 5]),
            np.array([4.0, inf]),
            0,
        )
    # 2a - 2b = 1: real solutions (a = b + 0.5) but no whole one
    with pytest.raises(intervals.ContradictionError):
        intervals.integer_range(
            np.array([[2.0, -2.0]]),
            np.array([1.0]),
            np.array([0.0, 0]),
            np.array([inf, inf]),
            0,
        )


def test_whole_numbers_pin_a_cell_that_the_lp_relaxation_leaves_open() -> None:
    """Three published totals share hidden cells: a + b = 15, b + c = 17 and
    a + c + x = 14, with a, b, c shown as "*" (at least 5) and x as "< 5" (1..4).

    By hand: b = 15 - a, so c = 17 - b = a + 2, and the third total gives
    x = 14 - a - (a + 2) = 12 - 2a. With a ≥ 5, x ≤ 2; with x ≥ 1, a ≤ 5.5.
    Over real numbers (the LP relaxation) a may be 5.5 and x = 1, or a = 5 and
    x = 2: x ∈ [1, 2], two whole values, so an LP audit calls x protected. Over
    whole numbers a ≤ 5.5 means a = 5 (x = 12 - 2a is even, too), so x = 2:
    pinned. Subtraction, interval propagation (x ∈ 1..2, a ∈ 5..6) and linear
    algebra (x = 12 - 2a has a free a) all miss it; the exhaustive search finds
    it, and so does the integer program. The audit then hides one more figure
    (the total 14) and x is free again: x = t - a - c with t ≥ 5 unknown.
    """
    counts = {"a": 5, "b": 10, "c": 7, "x": 2, "t1": 15, "t2": 17, "t3": 14}
    eqs = [
        Equation("t1", ("a", "b")),
        Equation("t2", ("b", "c")),
        Equation("t3", ("a", "c", "x")),
    ]
    first = {"x": SMALL, "a": COMPLEMENT, "b": COMPLEMENT, "c": COMPLEMENT}
    # the relaxation of the reader's system over (a, b, c, x)
    matrix = np.array([[1.0, 1, 0, 0], [0, 1, 1, 0], [1, 0, 1, 1]])
    rest = np.array([15.0, 17, 14])
    bounds = [(5, None), (5, None), (5, None), (1, 4)]
    lp = [scipy.optimize.linprog(c, A_eq=matrix, b_eq=rest, bounds=bounds).fun
          for c in ([0, 0, 0, 1], [0, 0, 0, -1])]  # fmt: skip
    assert (lp[0], -lp[1]) == pytest.approx((1, 2))
    assert d.ranges(counts, eqs, first, LIMIT) == {"x": (2, 2)}
    assert possible_values(counts, eqs, first, "x", upper=50) == {2}
    assert interval_attack(counts, eqs, first)["x"] == (1, 2)
    assert "x" not in linear_attack(eqs, first)
    # suppression reaches exactly those four cells first, then hides the total
    hidden = d.suppress(counts, eqs, LIMIT)
    assert hidden == {**first, "t3": COMPLEMENT}
    assert d.ranges(counts, eqs, hidden, LIMIT) == {"x": (1, 4)}
    assert_protected(counts, eqs, hidden)


def test_figures_that_contradict_the_equations_fail_closed() -> None:
    # A total of 3 whose parts are 3 and 9 (a data error): the reader's system
    # has no solution, so nothing can be trusted and everything is hidden.
    counts = {"t": 3, "a": 3, "b": 9}
    hidden = d.suppress(counts, [Equation("t", ("a", "b"))], LIMIT)
    assert hidden == {"t": SMALL, "a": SMALL, "b": COMPLEMENT}
