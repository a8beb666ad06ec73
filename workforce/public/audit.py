"""The disclosure audit: what a reader can work out from every public table at once.

``workforce.public.numbers.publication`` suppresses each table by its own rules:
the outcome counts with their totals, the city-wide KPIs, the budget by source with
its costs. A reader holds all of them together, so the audit writes everything
published as one system of linear equations over whole numbers and asks, for each
hidden figure, the lowest and highest value that system allows
(``workforce.public.intervals``, SciPy's HiGHS):

* every count table: a total is the sum of its parts (inexact ones with an unknown
  overlap ≥ 0), graduates = certified + not certified, graduates ≥ 6 months =
  placed + not placed;
* every published rate: ``numerator = rate × denominator`` (taken as exact: the
  open data gives it to many digits), its numerator and denominator being the
  published counts they are defined as (placement rate: placed ÷ graduates ≥ 6
  months) or unknowns of their own;
* every published cost per graduate or placement: its persons are Rupiah ÷ cost,
  so known; the persons of the sources add up to the year's, which are the
  year's published graduates (or placed graduates);
* the tracer study: the answers behind the 12-month employment rate are the
  answered graduates of the response rate.

A hidden figure is known to lie within the bounds its marker gives (``< 5``: 1-4,
``*``: at least 5, an unpublished count: at least 0). The protection rule: a hidden
count of 1 to threshold-1 persons must keep at least two whole values a reader
cannot rule out (``high - low >= 1``). Where the solver cannot decide, the cell
counts as exposed (fail closed).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from workforce.core import config, db, i18n
from workforce.public import disclosure, intervals, numbers
from workforce.public.disclosure import Equation
from workforce.public.numbers import (
    CITY,
    PROTECTION,
    Publication,
    cell,
    cell_counts,
    derived_counts,
    equations,
    nested_equations,
)

MIN_WIDTH = 1  # a protected count keeps at least two possible whole values
# The same persons under two names, by the KPIs' definitions (docs/privacy.md).
KPI_LINKS = ((("retensi_12b", "penyebut"), ("tingkat_respons_12b", "pembilang")),)
COST_LINKS = {"biaya_per_lulusan": "lulusan", "biaya_per_penempatan": "ditempatkan_6b"}


@dataclass(frozen=True)
class Finding:
    """One hidden figure: its true value and what a reader can narrow it to."""

    key: tuple
    true: int
    low: float
    high: float
    protected: bool  # a count of 1 .. threshold-1 persons

    @property
    def exposed(self) -> bool:
        """A protected count a reader can confine to fewer than two values."""
        return self.protected and self.high - self.low < MIN_WIDTH


@dataclass
class System:
    """Known values, unknowns with their bounds and true values, and equations
    ``sum(coef * value) = 0`` over both."""

    known: dict[tuple, float] = field(default_factory=dict)
    unknown: dict[tuple, tuple[float, float]] = field(default_factory=dict)
    true: dict[tuple, float] = field(default_factory=dict)
    rows: list[dict[tuple, float]] = field(default_factory=list)
    overlaps: int = 0

    def value(self, key: tuple, true: float, shown: bool, box: tuple) -> None:
        """Add one figure: known when shown, else an unknown within ``box``."""
        self.true[key] = true
        if shown:
            self.known[key] = true
        else:
            self.unknown[key] = box

    def equation(self, eq: Equation) -> None:
        """``sum(parts) - total (- overlap) = 0``."""
        row: dict[tuple, float] = {}
        for part in eq.parts:
            row[part] = row.get(part, 0) + 1
        row[eq.total] = row.get(eq.total, 0) - 1
        if not eq.exact:
            self.overlaps += 1
            overlap = ("overlap", self.overlaps)
            self.unknown[overlap] = (0, math.inf)
            row[overlap] = -1
        self.rows.append(row)


def audit(
    pub: Publication,
    kpi_raw: pd.DataFrame,
    outcomes_raw: pd.DataFrame,
) -> list[Finding]:
    """Every hidden figure of ``pub`` with the interval a reader can narrow it to."""
    system = System()
    add_outcomes(system, pub, outcomes_raw)
    add_rates(system, pub, kpi_raw)
    add_costs(system, pub, kpi_raw)
    return solve(system, pub.limit)


def add_outcomes(system: System, pub: Publication, raw: pd.DataFrame) -> None:
    """The outcome counts, their totals and the nested counts never shown."""
    status = {
        cell(r.tahun, r.dimensi, r.kategori, r.ukuran): r.status
        for r in pub.outcomes.itertuples(index=False)
    }
    eqs = equations(raw) + nested_equations(raw)
    zero = disclosure.maybe_zero(eqs, {k: s for k, s in status.items() if s})
    for key, n in cell_counts(raw).items():
        why = status.get(key, "")
        box = disclosure.bounds(why, pub.limit, key in zero) if why else (n, n)
        system.value(key, n, not why, box)
    for key, n in derived_counts(raw).items():
        system.value(key, n, False, (0, math.inf))
    for eq in eqs:
        system.equation(eq)


def _rate_key(year: int, kpi_id: str, part: str, linked: str | None) -> tuple:
    if linked:
        return cell(year, "total", CITY, linked)
    for a, b in KPI_LINKS:
        if (kpi_id, part) == b:
            return ("kpi", year, *a)
    return ("kpi", year, kpi_id, part)


def add_rates(system: System, pub: Publication, raw: pd.DataFrame) -> None:
    """Each published city-wide rate: numerator = rate / scale × denominator."""
    shown = {
        (int(r.tahun), r.kpi_id): r.nilai
        for r in pub.kpi.itertuples(index=False)
        if r.status == "" and pd.notna(r.nilai)
    }
    totals = raw[raw["grp"] == "total"]
    for r in totals.itertuples(index=False):
        rule = PROTECTION.get(r.kpi_id)
        if rule is None or rule.kind != "rate" or pd.isna(r.penyebut) or not r.penyebut:
            continue
        year = int(r.tahun)
        num = _rate_key(year, r.kpi_id, "pembilang", rule.numerator)
        den = _rate_key(year, r.kpi_id, "penyebut", rule.denominator)
        for key, n in ((num, r.pembilang), (den, r.penyebut)):
            if key not in system.true:
                system.value(key, float(n), False, (0, math.inf))
        if (year, r.kpi_id) in shown:
            scale = 100.0 if abs(r.nilai - 100 * r.pembilang / r.penyebut) < 1e-6 else 1
            system.rows.append({num: 1.0, den: -shown[(year, r.kpi_id)] / scale})


def add_costs(system: System, pub: Publication, raw: pd.DataFrame) -> None:
    """The persons behind each cost: known (Rupiah ÷ cost) when it is shown; the
    sources' persons add up to the year's, the year's are a published count."""
    budget = pub.budget.set_index(["tahun", "sumber_dana"])
    for kpi_id, measure in COST_LINKS.items():
        rows = raw[raw["kpi_id"] == kpi_id]
        for year, group in rows.groupby("tahun"):
            keys = []
            for r in group.itertuples(index=False):
                key = ("biaya", int(year), r.grp, kpi_id)
                if r.grp == "total":
                    key = cell(year, "total", CITY, measure)
                persons = 0.0 if pd.isna(r.penyebut) else float(r.penyebut)
                why = budget[f"{kpi_id}_status"].get((year, r.grp), "")
                small = disclosure.SMALL if why == disclosure.BASIS else why
                box = disclosure.bounds(small, pub.limit) if why else (0, 0)
                if key not in system.true:
                    system.value(key, persons, not why, box)
                if r.grp != "total":
                    keys.append(key)
            total = cell(year, "total", CITY, measure)
            if keys and total in system.true:
                parts = sum(system.true[k] for k in keys)
                system.equation(
                    Equation(total, tuple(keys), parts == system.true[total])
                )


def solve(system: System, limit: int) -> list[Finding]:
    """The interval of each hidden figure, over all equations at once."""
    rows = []
    for row in system.rows:
        coef = {k: c for k, c in row.items() if k in system.unknown and c}
        rest = -sum(c * system.known[k] for k, c in row.items() if k in system.known)
        if coef:
            rows.append((coef, rest))
    findings = []
    for keys, group in disclosure._independent(rows):
        findings += _solve_group(system, keys, group, limit)
    alone = set(system.unknown) - {k for coef, _ in rows for k in coef}
    for key in sorted(alone, key=str):
        if key[0] != "overlap":
            low, high = system.unknown[key]
            findings.append(_finding(system, key, low, high, limit))
    return sorted(findings, key=lambda f: str(f.key))


def _solve_group(
    system: System, keys: list, group: list, limit: int
) -> Iterable[Finding]:
    index = {k: i for i, k in enumerate(keys)}
    matrix = np.zeros((len(group), len(keys)))
    rest = np.zeros(len(group))
    for r, (coef, value) in enumerate(group):
        rest[r] = value
        for k, c in coef.items():
            matrix[r, index[k]] = c
    low = np.array([system.unknown[k][0] for k in keys], dtype=float)
    high = np.array([system.unknown[k][1] for k in keys], dtype=float)
    for k in keys:
        if k[0] == "overlap":
            continue
        try:
            lo, hi = intervals.integer_range(matrix, rest, low, high, index[k])
        except ValueError:  # no answer: count it as known (fail closed)
            lo = hi = system.true[k]
        yield _finding(system, k, lo, hi, limit)


def _finding(system: System, key: tuple, lo: float, hi: float, limit: int) -> Finding:
    true = system.true[key]
    return Finding(key, int(round(true)), lo, hi, 0 < true < limit)


def summary(findings: list[Finding]) -> Mapping[str, int]:
    """Hidden figures checked, protected ones among them, exposed ones."""
    return {
        "hidden": len(findings),
        "protected": sum(f.protected for f in findings),
        "exposed": sum(f.exposed for f in findings),
    }


def run_audit(main: duckdb.DuckDBPyConnection, limit: int) -> list[Finding]:
    """Build the public figures of ``main`` as published and audit them."""
    public = numbers.build(main)
    try:
        pub = numbers.publication(public, limit)
        kpi = db.run(public, "public/kpi")
        outcomes = db.run(public, "public/outcomes")
    finally:
        public.close()
    return audit(pub, kpi, outcomes)


def label(key: tuple) -> str:
    """A hidden figure's name as the command prints it."""
    return "/".join(str(part) for part in key)


def add_parser(sub: Any, handlers: dict[str, Any]) -> None:
    """Register the ``audit-disclosure`` subcommand."""
    p = sub.add_parser(
        "audit-disclosure",
        help="what a reader can work out of every hidden public figure",
    )
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument("--all", action="store_true", help="list every protected figure")
    p.add_argument("--lang", choices=i18n.LANGS, default="id", help="message language")
    handlers["audit-disclosure"] = cmd_audit


def cmd_audit(args: argparse.Namespace) -> int:
    """Print the audit; exit 1 when a hidden count is exposed."""
    path = config.db_path(args.db)
    if not path.exists():
        print(
            f"error: {i18n.t('privacy.no_db', args.lang, path=path)}", file=sys.stderr
        )
        return 2
    limit = disclosure.threshold()
    conn = db.connect(path, read_only=True)
    try:
        findings = run_audit(conn, limit)
    finally:
        conn.close()
    counts = summary(findings)
    print(
        i18n.t("privacy.audit.summary", args.lang, path=path, small=limit - 1, **counts)
    )
    for f in findings:
        if f.exposed or (args.all and f.protected):
            key = "privacy.audit.exposed" if f.exposed else "privacy.audit.protected"
            high = "∞" if math.isinf(f.high) else int(f.high)
            print(
                i18n.t(
                    key,
                    args.lang,
                    cell=label(f.key),
                    true=f.true,
                    low=int(f.low),
                    high=high,
                )
            )
    return 1 if counts["exposed"] else 0
