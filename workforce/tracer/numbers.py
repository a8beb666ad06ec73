"""The 12-month figures a page shows: the rates with their response rate, and the
step from 6 to 12 months. Streamlit-free: queries in, dataclasses and frames out."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from workforce.core import db, metrics
from workforce.core.filters import Filters, bind

LOW_RESPONSE_PCT = metrics.LOW_RESPONSE_PCT
SIX_TO_TWELVE = "tracer/six_to_twelve"
GROUPS = ("still_working", "stopped", "found_later", "not_working")


def low_response(response: metrics.Result) -> bool:
    """True when the response rate is known and under 60%."""
    return response.value is not None and response.value < LOW_RESPONSE_PCT


@dataclass(frozen=True)
class Lasting:
    """The 6-month rate, the 12-month rate and the tracer response rate."""

    six: metrics.Result
    twelve: metrics.Result
    response: metrics.Result

    @property
    def warn(self) -> bool:
        """The 12-month rate rests on too few answers (response under 60%)."""
        return self.twelve.available and low_response(self.response)


def lasting(conn: duckdb.DuckDBPyConnection, filters: Filters) -> Lasting:
    """The three rates for a selection, in one statement."""
    ids = ("tingkat_penempatan_6b", "retensi_12b", "tingkat_respons_12b")
    asks = [metrics.Ask(i, filters) for i in ids]
    found = metrics.fetch(conn, asks)
    return Lasting(*(found[a] for a in asks))


@dataclass(frozen=True)
class SixToTwelve:
    """Answers at 12 months by where the graduate stood at 6 months."""

    cohort: int
    answered: int
    still_working: int
    stopped: int
    found_later: int
    not_working: int

    @property
    def placed(self) -> int:
        """Answers of graduates placed within 6 months."""
        return self.still_working + self.stopped

    @property
    def unplaced(self) -> int:
        """Answers of graduates not placed within 6 months."""
        return self.found_later + self.not_working

    @property
    def response_pct(self) -> float | None:
        """Answers ÷ cohort × 100 (None for an empty cohort)."""
        return self.answered / self.cohort * 100 if self.cohort else None

    def share(self, part: int, whole: int) -> float | None:
        """``part`` ÷ ``whole`` × 100, None when ``whole`` is 0."""
        return part / whole * 100 if whole else None


def six_to_twelve(conn: duckdb.DuckDBPyConnection, filters: Filters) -> SixToTwelve:
    """The step from 6 to 12 months for a selection."""
    row = db.run(conn, SIX_TO_TWELVE, **bind(SIX_TO_TWELVE, filters)).iloc[0]
    return from_row(row)


def from_row(row: pd.Series) -> SixToTwelve:
    """The dataclass from the query's one row."""
    counts = {k: int(row[f"{k}_count"]) for k in ("cohort", "answered", *GROUPS)}
    return SixToTwelve(**counts)


def six_to_twelve_frame(step: SixToTwelve) -> pd.DataFrame:
    """One row per group: where at 6 months, where at 12, count, share of its row."""
    rows = [
        ("placed", "still_working", step.still_working, step.placed),
        ("placed", "stopped", step.stopped, step.placed),
        ("unplaced", "found_later", step.found_later, step.unplaced),
        ("unplaced", "not_working", step.not_working, step.unplaced),
    ]
    return pd.DataFrame(
        [
            {"at_6": at6, "group": g, "count": n, "pct": step.share(n, whole)}
            for at6, g, n, whole in rows
        ]
    )
