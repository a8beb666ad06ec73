"""The date the data describes ("data per"), per table, and the reporting date.

Each import records the date its export was taken from the source system
(``--as-of``, the date on Kelola Data's form; default the import day) for the
table it fills, as ``dataset_info`` entries ``data_as_of.<table>``. The reporting
date, ``dataset_info.data_as_of`` (what every page, the open data and the meeting
pack show, and what ``Filters.as_of`` carries), is the earliest of those dates
over ``DATED_TABLES``: the tables the dated figures read. Those figures are the
ones a cohort's maturity decides (placed within 6 months and the cost per
placement, the outcome pages' cohorts and the public outcomes: every query that
binds ``$as_of``); they read programmes, participants, enrolments, placements and
budget lines (through the marts). So a cohort is never called mature while its
placements may not yet have been entered. Employers, vacancies, monthly spending,
BPS figures and targets keep their own date (shown on Kelola Data) and do not
hold the others back.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

KEY = "data_as_of"
TABLE_PREFIX = "data_as_of."
DATED_TABLES = ("program", "peserta", "pendaftaran", "penempatan", "anggaran")


def table_key(table: str) -> str:
    """The dataset_info key of one table's date: ``data_as_of.<table>``."""
    return TABLE_PREFIX + table


def table_dates(info: Mapping[str, str]) -> dict[str, date]:
    """Each imported table's "data per" date."""
    return {
        key.removeprefix(TABLE_PREFIX): date.fromisoformat(value)
        for key, value in info.items()
        if key.startswith(TABLE_PREFIX) and value
    }


def earliest(info: Mapping[str, str]) -> date | None:
    """The reporting date the tables' dates give: the earliest over the dated
    tables that have one (over any table with one while none of those has), else
    the date already recorded (a demo build, a database from before per-table
    dates)."""
    dates = table_dates(info)
    dated = [d for t, d in dates.items() if t in DATED_TABLES]
    found = dated or list(dates.values())
    if found:
        return min(found)
    return as_of(info)


def as_of(info: Mapping[str, str]) -> date | None:
    """The reporting date recorded in ``dataset_info`` (None when there is none)."""
    value = info.get(KEY)
    return date.fromisoformat(value) if value else None
