"""Blank templates to download, generated from the declarative schemas.

CSV: the header and one example row, semicolon separated with a UTF-8 BOM (what
Excel in an Indonesian locale opens directly). XLSX: a sheet named after the
template (header, example row in grey, NIK and code columns formatted as Text so
Excel keeps all 16 digits) and a guide sheet with one line per column. The
example row is recognised and skipped if it is left in an imported file.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from workforce.core import i18n
from workforce.ingest.templates import Template

TEXT_KINDS = ("nik", "code", "text", "refname", "kecamatan", "kelurahan", "wilayah")
TEXT_ROWS = 2000  # rows pre-formatted as Text in the XLSX


def guide(template: Template, lang: str) -> pd.DataFrame:
    """One row per column: name, required, key, what to fill in, example."""
    yes, no = i18n.t("ingest.guide.yes", lang), i18n.t("ingest.guide.no", lang)
    return pd.DataFrame(
        {
            i18n.t("ingest.guide.column", lang): [c.name for c in template.columns],
            i18n.t("ingest.guide.required", lang): [
                yes if c.required else no for c in template.columns
            ],
            i18n.t("ingest.guide.key", lang): [
                yes if c.key else no for c in template.columns
            ],
            i18n.t("ingest.guide.description", lang): [
                i18n.t(f"ingest.col.{template.name}.{c.name}", lang)
                for c in template.columns
            ],
            i18n.t("ingest.guide.example", lang): [c.example for c in template.columns],
        }
    )


def guide_markdown(template: Template, lang: str) -> str:
    """The guide as a list, one column an item: its name, whether it is required or
    a key, what to fill in and an example. Reads at any width (a five-column table
    squeezed the description to a word a line on a phone)."""
    items = []
    for c in template.columns:
        tags = [
            i18n.t(
                "ingest.guide.is_required"
                if c.required
                else "ingest.guide.is_optional",
                lang,
            )
        ]
        if c.key:
            tags.append(i18n.t("ingest.guide.is_key", lang))
        text = i18n.t(f"ingest.col.{template.name}.{c.name}", lang)
        example = i18n.t("ingest.guide.example_is", lang, example=c.example)
        items.append(f"- **`{c.name}`** ({', '.join(tags)}): {text} {example}")
    return "\n".join(items)


def template_csv(template: Template) -> bytes:
    """Header and example row, ``;`` separated, UTF-8 with BOM."""
    frame = pd.DataFrame(
        [[c.example for c in template.columns]], columns=template.names
    )
    return frame.to_csv(sep=";", index=False).encode("utf-8-sig")


def template_xlsx(template: Template, lang: str) -> bytes:
    """A workbook: the template sheet and the column guide."""
    book = Workbook()
    sheet = book.active
    sheet.title = template.name
    sheet.append(list(template.names))
    sheet.append([c.example for c in template.columns])
    grey = Font(italic=True, color="808080")
    for i, col in enumerate(template.columns, start=1):
        letter = get_column_letter(i)
        sheet.cell(1, i).font = Font(bold=True)
        sheet.cell(1, i).fill = PatternFill("solid", fgColor="DDEBF7")
        sheet.cell(2, i).font = grey
        sheet.column_dimensions[letter].width = max(
            14, len(col.name) + 4, len(col.example) + 2
        )
        if col.kind in TEXT_KINDS:
            for row in range(2, TEXT_ROWS + 2):
                sheet.cell(row, i).number_format = "@"
    sheet.freeze_panes = "A2"
    notes = book.create_sheet(i18n.t("ingest.guide.sheet", lang))
    table = guide(template, lang)
    notes.append(list(table.columns))
    for record in table.itertuples(index=False):
        notes.append(list(record))
    for i, width in enumerate((24, 10, 10, 90, 28), start=1):
        notes.column_dimensions[get_column_letter(i)].width = width
        notes.cell(1, i).font = Font(bold=True)
    notes.append([])
    notes.append([i18n.t("ingest.guide.example_note", lang)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
