"""Data-quality checks: ``queries/checks/*.sql``, each selecting the rows that break
a rule (zero rows = pass). Run with the marts after every import, demo build and
upgrade (``store``, into the table ``check_results``), so the Kelola Data page reads
them (``stored``) instead of scanning every table on each view.

A check file's header names its severity (``-- severity: error|warning|info``);
the rule's text in both languages is ``ingest.check.<name>`` in the locale file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import duckdb
import pandas as pd

from workforce.core import db, i18n
from workforce.core.config import QUERIES_DIR

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


def store(conn: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    """Run every check and keep the results in ``check_results`` (replaced)."""
    results = run_checks(conn)
    rows = pd.DataFrame(
        {
            "name": [r.name for r in results],
            "severity": [r.severity for r in results],
            "count": [r.count for r in results],
            "examples_json": [
                r.examples.to_json(orient="split", date_format="iso", index=False)
                for r in results
            ],
        }
    )
    db.execute(conn, "admin/check_results_create")
    conn.from_df(rows).insert_into("check_results")
    return results


def stored(conn: duckdb.DuckDBPyConnection) -> list[CheckResult] | None:
    """The results ``store`` kept, most severe first; None if never stored."""
    try:
        rows = db.run(conn, "admin/check_results")
    except duckdb.CatalogException:  # a database from before check_results
        return None
    names = set(check_names())
    if set(rows["name"]) != names:  # a check added or removed since: stale
        return None
    results = [
        CheckResult(
            r.name,
            r.severity,
            int(r.count),
            pd.read_json(io.StringIO(r.examples_json), orient="split"),
        )
        for r in rows.itertuples(index=False)
    ]
    return sorted(results, key=lambda r: (SEVERITIES.index(r.severity), r.name))
