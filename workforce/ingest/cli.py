"""``python -m workforce import TEMPLATE FILE [--db PATH] [--as-of DATE] [--user NAME]``.

Exit codes: 0 the file loaded (also with rejected rows, or nothing to change);
1 no row could be loaded (all rejected, kept in quarantine); 2 the file cannot be
used (unreadable, a required column missing); 3 another import holds the
database; 4 no pseudonymisation key; 5 refused (no database, demo database, a
data date in the future); 6 the database copy could not be written (a full disk:
the live database is unchanged).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from workforce.core import config, db, i18n, pseudonym
from workforce.core.checks import CheckResult
from workforce.ingest import templates
from workforce.ingest.errors import IngestError
from workforce.ingest.load import DEFAULT_WAIT_S, ImportResult, Upload, import_files
from workforce.ingest.report import report
from workforce.ingest.summary import summary_lines

FIRST_REJECTED = 10
FILE_ERRORS = {
    "file_empty",
    "file_unreadable",
    "file_binary",
    "file_too_large",
    "xlsx_too_large",
    "too_many_rows",
    "no_rows",
    "missing_columns",
    "missing_columns_either",
}


def add_parser(sub: Any, handlers: dict[str, Any]) -> None:
    """Register the ``import`` subcommand."""
    p = sub.add_parser("import", help="import one spreadsheet (CSV or XLSX)")
    p.add_argument("template", choices=templates.ORDER, help="import template")
    p.add_argument("file", help="CSV or XLSX file")
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument("--user", default="cli", help="who imports (for the import log)")
    p.add_argument("--lang", choices=i18n.LANGS, default="id", help="message language")
    p.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT_S,
        help=f"seconds to wait for another import (default {DEFAULT_WAIT_S:g})",
    )
    p.add_argument(
        "--force", action="store_true", help="allow importing into the demo database"
    )
    p.add_argument(
        "--as-of",
        type=date.fromisoformat,
        help="the date the file was exported from the source system, YYYY-MM-DD "
        "(default: today; never in the future)",
    )
    handlers["import"] = cmd_import


def cmd_import(args: argparse.Namespace) -> int:
    """Import one file and print what happened."""
    lang = args.lang
    file = Path(args.file)
    try:
        data = file.read_bytes()
    except OSError as exc:
        return _fail(IngestError("file_unreadable", file=str(file), detail=exc), lang)
    try:
        batch = import_files(
            config.db_path(args.db),
            [Upload(args.template, file.name, data)],
            user=args.user,
            force=args.force,
            wait_s=args.wait,
            as_of=args.as_of,
        )
    except IngestError as exc:
        return _fail(exc, lang)
    except db.LockedError:
        return _fail(IngestError("locked"), lang, code=3)
    except pseudonym.KeyFileError as exc:
        print(f"error: {exc.text(lang)}", file=sys.stderr)
        return 4
    except pseudonym.MissingKeyError:
        return _fail(IngestError("missing_key"), lang, code=4)
    result = batch.results[0]
    _print_result(result, lang)
    _print_checks(batch.checks, lang)
    return 1 if result.status == "rejected" else 0


def _fail(exc: IngestError, lang: str, code: int | None = None) -> int:
    print(f"error: {exc.text(lang)}", file=sys.stderr)
    if code is not None:
        return code
    if exc.code == "write_failed":
        return 6
    return 2 if exc.code in FILE_ERRORS else 5


def _print_result(result: ImportResult, lang: str) -> None:
    v = result.validation
    print(result.summary() + f" (import {result.status})")
    for line in summary_lines(result, lang):
        print(line)
    rejected = report(v)
    rejected = rejected[rejected["severity"] == "error"].head(FIRST_REJECTED)
    if len(rejected):
        print(i18n.t("ingest.summary.first_rejected", lang))
        reason = rejected[f"reason_{lang}"]
        for row, column, value, text in zip(
            rejected["row"], rejected["column"], rejected["value"], reason, strict=True
        ):
            line = i18n.t("ingest.summary.row_line", lang, row=row, column=column)
            print(f"  {line} = {value!r}: {text}")


def _print_checks(results: list[CheckResult], lang: str) -> None:
    if not results:
        return
    failed = [r for r in results if not r.passed]
    print(i18n.t("ingest.summary.checks", lang, failed=len(failed), total=len(results)))
    for r in failed:
        print(f"  [{r.severity}] {r.rule(lang).rstrip('.')}: {r.count}")
