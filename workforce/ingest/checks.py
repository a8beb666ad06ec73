"""Data-quality checks: ``queries/checks/*.sql``, each selecting the rows that break
a rule (zero rows = pass). Run after every import and on the Kelola Data page.

A check file's header names its severity (``-- severity: error|warning|info``);
the rule's text in both languages is ``ingest.check.<name>`` in the locale file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import pandas as pd

from workforce import db, i18n
from workforce.config import QUERIES_DIR

EXAMPLES = 5
SEVERITIES = ("error", "warning", "info")
_SEVERITY_RE = re.compile(r"^--\s*severity:\s*(\w+)", re.MULTILINE)


@dataclass
class CheckResult:
    """One check: how many rows break the rule, and a few of them."""

    name: str
    severity: str
    count: int
    examples: pd.DataFrame

    @property
    def passed(self) -> bool:
        """True when no row breaks the rule."""
        return self.count == 0

    def rule(self, lang: str = i18n.DEFAULT_LANG) -> str:
        """The rule in words."""
        return i18n.t(f"ingest.check.{self.name}", lang)


def check_names() -> list[str]:
    """Every check, by file name."""
    return sorted(p.stem for p in (QUERIES_DIR / "checks").glob("*.sql"))


def severity(name: str) -> str:
    """The severity the check file declares."""
    match = _SEVERITY_RE.search(db.load_query(f"checks/{name}"))
    if not match or match.group(1) not in SEVERITIES:
        raise db.QueryError(f"queries/checks/{name}.sql: no valid '-- severity:' line")
    return match.group(1)


def run_check(conn: duckdb.DuckDBPyConnection, name: str) -> CheckResult:
    """Count the violating rows of one check and keep the first few."""
    query = f"checks/{name}"
    db.check_params(query, {})
    cur = conn.cursor()
    try:
        rel = cur.sql(db.load_query(query))
        count = int(rel.aggregate("count(*)").fetchall()[0][0])
        examples = rel.limit(EXAMPLES).df()
    finally:
        cur.close()
    return CheckResult(name, severity(name), count, examples)


def run_checks(conn: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    """Every check, most severe first."""
    results = [run_check(conn, name) for name in check_names()]
    return sorted(results, key=lambda r: (SEVERITIES.index(r.severity), r.name))


def summary(results: list[CheckResult], lang: str) -> pd.DataFrame:
    """One row per check: severity, rule, violating row count."""
    return pd.DataFrame(
        {
            "check": [r.name for r in results],
            "severity": [r.severity for r in results],
            "rule": [r.rule(lang) for r in results],
            "count": [r.count for r in results],
        }
    )
