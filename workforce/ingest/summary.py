"""The import's summary in words (``ingest.summary.*``), for the CLI and the app."""

from __future__ import annotations

from collections.abc import Callable

from workforce.core import i18n
from workforce.ingest.load import ImportResult


def summary_lines(
    result: ImportResult, lang: str, esc: Callable[[object], str] = str
) -> list[str]:
    """The import's summary sentences in ``lang`` (shared with the app, which
    passes ``markup.md`` as ``esc`` for the names typed in the file)."""
    v = result.validation
    values = {
        "file": esc(v.file_name),
        "template": v.template.name,
        "inserted": result.inserted,
        "replaced": result.replaced,
        "rejected": result.rejected,
        "ignored": result.ignored,
    }
    key = f"ingest.summary.{result.status}"
    if result.status == "unchanged" and result.previous:
        key = "ingest.summary.unchanged_previous"
        values["import_id"] = result.previous["import_id"]
        values["when"] = i18n.fmt_date(result.previous["finished_at"].date(), lang)
    lines = [i18n.t(key, lang, **values)]
    for kind, names in v.new_refs.items():
        lines.append(
            i18n.t(
                "ingest.summary.new_refs",
                lang,
                kind=kind,
                names=", ".join(esc(n) for n in names),
            )
        )
    extras = (
        ("ignored_columns", "columns", ", ".join(map(esc, v.ignored_columns))),
        ("personal_columns", "columns", ", ".join(map(esc, v.personal_columns))),
        ("example_rows", "n", v.example_rows),
        ("warnings", "n", v.warnings),
    )
    for name, param, value in extras:
        if value:
            lines.append(i18n.t(f"ingest.summary.{name}", lang, **{param: value}))
    return lines
