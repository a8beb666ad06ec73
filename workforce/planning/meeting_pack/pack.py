"""The meeting pack: one PDF to read in the room and one XLSX with the tables behind it.

``build(conn, basis, scenario, lang)`` gathers the content (``content.collect``),
renders the charts as PNG (``images``), writes the PDF (fpdf2, DejaVu Sans so every
Indonesian and typographic character prints) and the workbook (openpyxl), and
times each step. Streamlit-free.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import duckdb

from workforce.planning import planner
from workforce.planning.meeting_pack import content, images, pdf, xlsx
from workforce.planning.scenarios import Scenario, slug


@dataclass
class Pack:
    """The two files and how long they took."""

    pdf: bytes
    xlsx: bytes
    seconds: float
    timings: dict[str, float]


def build(
    conn: duckdb.DuckDBPyConnection,
    basis: planner.Basis,
    scenario: Scenario,
    lang: str,
    is_demo: bool = False,
) -> Pack:
    """Gather, render the charts, write the PDF and the XLSX; time each step."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    gathered = content.collect(conn, basis, scenario, lang, is_demo)
    timings["collect"] = time.perf_counter() - start
    mark = time.perf_counter()
    pngs = {n: images.render_png(f) for n, f in content.figures(gathered).items()}
    timings["images"] = time.perf_counter() - mark
    mark = time.perf_counter()
    pdf_file = pdf.pdf_bytes(gathered, pngs)
    timings["pdf"] = time.perf_counter() - mark
    mark = time.perf_counter()
    xlsx_file = xlsx.xlsx_bytes(gathered)
    timings["xlsx"] = time.perf_counter() - mark
    return Pack(pdf_file, xlsx_file, time.perf_counter() - start, timings)


def file_name(year: int, scenario: str, ext: str) -> str:
    """``bahan-rapat-2026-<scenario>.pdf``."""
    return f"bahan-rapat-{year}-{slug(scenario) or 'skenario'}.{ext}"
