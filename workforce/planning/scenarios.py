"""Saved planner scenarios: one JSON file per scenario, outside the dashboard database.

Why files and not the database: the dashboard opens its DuckDB file read-only and
an import or a demo rebuild replaces that file wholesale (``os.replace``), so
scenarios kept in it would vanish with the next rebuild; writing one through
``db.atomic_write`` would also copy the whole database and take the writer lock
an import needs, for a few hundred bytes. A small JSON file per scenario is
written atomically (temp file + ``os.replace``), survives rebuilds, is readable
in any editor and backed up with a plain copy. The directory is
``$WORKFORCE_SCENARIOS_DIR``, else ``data/scenarios/`` (gitignored). Saving under
an existing name replaces that scenario (last save wins); a name that differs but
shares the file (``Rencana A``, ``rencana-a``, ``RENCANA_A!``) is refused with
``NameTakenError`` unless the caller asked first (``replace_other=True``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from workforce.core.config import DATA_DIR
from workforce.planning import planner
from workforce.planning.planner import FUNDS

MAX_NAME = 80
_SLUG_RE = re.compile(r"[^a-z0-9]+")


class ScenarioError(ValueError):
    """A scenario name or file that cannot be used."""


class NameTakenError(ScenarioError):
    """Another scenario name already uses the file this name would be saved in."""

    def __init__(self, name: str, other: str) -> None:
        super().__init__(f"scenario {name!r} would replace {other!r} (same file)")
        self.name = name
        self.other = other


@dataclass
class Scenario:
    """A named plan: the year, budget per source and seats per kejuruan and source."""

    name: str
    tahun: int
    budget: dict[str, float]
    seats: dict[str, dict[str, int]]  # kejuruan -> {APBN: n, APBD: n, CSR: n}
    saved_at: str = ""
    basis_year: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def seats_frame(self) -> pd.DataFrame:
        """The seats as the editor's table: kejuruan + one column per source."""
        rows = [
            {"kejuruan": k, **{f: int(v.get(f, 0)) for f in FUNDS}}
            for k, v in self.seats.items()
        ]
        return pd.DataFrame(rows, columns=["kejuruan", *FUNDS])

    @classmethod
    def from_frame(
        cls,
        name: str,
        tahun: int,
        budget: dict[str, float],
        seats: pd.DataFrame,
        basis_year: int | None = None,
    ) -> Scenario:
        """Build a scenario from the editor's table (missing or negative seats = 0)."""
        table = {
            str(r["kejuruan"]): {f: _whole(r.get(f)) for f in FUNDS}
            for r in seats.to_dict("records")
        }
        money = {f: float(budget.get(f, 0) or 0) for f in FUNDS}
        return cls(check_name(name), int(tahun), money, table, basis_year=basis_year)


def _whole(value: Any) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0
    return max(int(round(number)), 0) if number == number else 0


def scenarios_dir() -> Path:
    """``$WORKFORCE_SCENARIOS_DIR`` if set, else ``data/scenarios``."""
    env = os.environ.get("WORKFORCE_SCENARIOS_DIR")
    return Path(env) if env else DATA_DIR / "scenarios"


def check_name(name: str) -> str:
    """A trimmed name of 1-80 characters with at least one letter or digit."""
    clean = " ".join(str(name).split())
    if not clean or len(clean) > MAX_NAME or not slug(clean):
        raise ScenarioError(f"invalid scenario name {name!r}")
    return clean


def slug(name: str) -> str:
    """File-safe form of a name: ASCII lowercase letters, digits and dashes."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _SLUG_RE.sub("-", ascii_name.lower()).strip("-")[:MAX_NAME]


def _path(name: str, directory: Path | None) -> Path:
    return (directory or scenarios_dir()) / f"{slug(check_name(name))}.json"


def save(
    scenario: Scenario, directory: Path | None = None, replace_other: bool = False
) -> Path:
    """Write the scenario atomically; returns the file path. A scenario saved under
    another name in the same file is kept (NameTakenError) unless ``replace_other``."""
    path = _path(scenario.name, directory)
    other = _stored_name(path)
    if other not in (None, scenario.name) and not replace_other:
        raise NameTakenError(scenario.name, other)
    path.parent.mkdir(parents=True, exist_ok=True)
    scenario.saved_at = datetime.now(UTC).isoformat(timespec="seconds")
    text = json.dumps(asdict(scenario), ensure_ascii=False, indent=2)
    fd, tmp = tempfile.mkstemp(prefix=".scenario-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _stored_name(path: Path) -> str | None:
    """The name saved in ``path`` (its file name when unreadable; None if absent)."""
    if not path.is_file():
        return None
    try:
        return _from_file(path).name
    except ScenarioError:
        return path.name


def load(name: str, directory: Path | None = None) -> Scenario:
    """Read a saved scenario by name."""
    path = _path(name, directory)
    if not path.is_file():
        raise ScenarioError(f"no saved scenario {name!r}")
    return _from_file(path)


def _from_file(path: Path) -> Scenario:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Scenario(
            name=check_name(data["name"]),
            tahun=int(data["tahun"]),
            budget={f: float(data["budget"].get(f, 0)) for f in FUNDS},
            seats={
                str(k): {f: _whole(v.get(f)) for f in FUNDS}
                for k, v in data["seats"].items()
            },
            saved_at=str(data.get("saved_at", "")),
            basis_year=data.get("basis_year"),
            extra=dict(data.get("extra", {})),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ScenarioError(f"unreadable scenario file {path.name}: {exc}") from exc


def list_names(directory: Path | None = None) -> list[str]:
    """Names of the saved scenarios (unreadable files skipped), sorted."""
    folder = directory or scenarios_dir()
    if not folder.is_dir():
        return []
    names = []
    for path in folder.glob("*.json"):
        try:
            names.append(_from_file(path).name)
        except ScenarioError:
            continue
    return sorted(names, key=str.casefold)


COMPARE_ROWS = {
    "budget": "rupiah",
    "cost": "rupiah",
    "seats": "count",
    "graduates": "count",
    "certified": "count",
    "placed": "count",
    "cpp": "rupiah",
    "coverage": "pct",
    "over_budget": "text",
    "oversupply": "count",
}


def summary(
    scenario: Scenario, rates: pd.DataFrame, vacancies: dict[str, float]
) -> dict[str, Any]:
    """The headline numbers of one scenario (the rows of the comparison)."""
    seats = scenario.seats_frame()
    proj = planner.project(seats, rates, vacancies)
    budget = planner.budget_check(seats, rates, scenario.budget)
    tot = planner.totals(proj)
    over = budget.loc[budget["is_over"], "sumber_dana"].tolist()
    return {
        "budget": sum(scenario.budget.values()),
        "cost": tot["cost_rupiah"],
        "seats": tot["seats"],
        "graduates": tot["graduates"],
        "certified": tot["certified"],
        "placed": tot["placed"],
        "cpp": tot["cost_per_placement"],
        "coverage": tot["graduates"] / tot["vacancies"] * 100
        if tot["vacancies"]
        else None,
        "over_budget": ", ".join(over),
        "oversupply": int(proj["is_oversupply"].sum()),
    }


def compare(
    items: list[Scenario], rates: pd.DataFrame, vacancies: dict[str, float]
) -> pd.DataFrame:
    """One column per scenario (by name), one row per measure of COMPARE_ROWS."""
    data = {s.name: summary(s, rates, vacancies) for s in items}
    return pd.DataFrame(data, index=list(COMPARE_ROWS))
