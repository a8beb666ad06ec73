"""Open data: the public aggregates as CSV and Parquet, in a Frictionless Data Package.

``files(pub)`` turns a suppressed ``public_data.Publication`` into files (nothing
else is read, so nothing unsuppressed can get in): for each table a CSV and a
Parquet file, the KPI definitions, a data dictionary (``kamus_data.csv``), a README
and ``datapackage.json`` (Frictionless Data Package v1: resources with Table Schema
fields, types, descriptions, licence and sources). A hidden value is an **empty
cell** (NULL in Parquet) and the ``status`` column beside it says why:
``kecil`` (fewer than the threshold), ``komplementer`` (hidden so that a small
count cannot be derived from a total), ``dasar_kecil`` (a rate or cost computed
on too few persons or on a hidden count).

``python -m workforce export-open-data --out DIR [--db PATH]`` writes the files;
the transparency page offers the same files as one zip.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from workforce.core import config, i18n, metrics, spreadsheet
from workforce.public import disclosure, release
from workforce.public.numbers import Publication, low_response

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
SOURCES = [
    {"title": "Dinas Tenaga Kerja Kota Cilegon: data program pelatihan, pemagangan, "
     "penempatan dan anggaran"},
    {"title": "Badan Pusat Statistik (BPS), Survei Angkatan Kerja Nasional (Sakernas) "
     "Agustus", "path": "https://www.bps.go.id/"},
]  # fmt: skip
STATUS_ENUM = list(disclosure.STATUSES)
LOW_RESPONSE = "respons_rendah"  # a 12-month rate resting on under 60% answers
# resource → [(field, Table Schema type)]; descriptions: opendata.field.<field>
RESOURCES: dict[str, list[tuple[str, str]]] = {
    "kpi_tahunan": [
        ("tahun", "integer"),
        ("kpi_id", "string"),
        ("satuan", "string"),
        ("nilai", "number"),
        ("status", "string"),
        ("peringatan", "string"),
    ],
    "hasil_program": [
        ("tahun", "integer"),
        ("dimensi", "string"),
        ("kategori", "string"),
        ("ukuran", "string"),
        ("jumlah", "integer"),
        ("status", "string"),
    ],
    "anggaran_sumber": [
        ("tahun", "integer"),
        ("sumber_dana", "string"),
        ("pagu_rupiah", "integer"),  # whole Rupiah
        ("realisasi_rupiah", "integer"),  # whole Rupiah
        ("serapan_pct", "number"),
        ("biaya_per_lulusan_rupiah", "integer"),  # whole Rupiah
        ("biaya_per_lulusan_status", "string"),
        ("biaya_per_penempatan_rupiah", "integer"),  # whole Rupiah
        ("biaya_per_penempatan_status", "string"),
    ],
    "tpt_bps": [
        ("tahun", "integer"),
        ("wilayah", "string"),
        ("tpt_pct", "number"),
        ("tpt_terbitan_pct", "number"),
        ("pengangguran", "integer"),
        ("angkatan_kerja", "integer"),
        ("sumber", "string"),
        ("rilis", "string"),
    ],
    "kpi_definisi": [
        ("kpi_id", "string"),
        ("nama_id", "string"),
        ("nama_en", "string"),
        ("satuan", "string"),
        ("arah", "string"),
        ("definisi_id", "string"),
        ("definisi_en", "string"),
    ],
    "kamus_data": [
        ("resource", "string"),
        ("kolom", "string"),
        ("tipe", "string"),
        ("deskripsi_id", "string"),
        ("deskripsi_en", "string"),
    ],
}
PRIMARY_KEYS = {
    "kpi_tahunan": ["tahun", "kpi_id"],
    "hasil_program": ["tahun", "dimensi", "kategori", "ukuran"],
    "anggaran_sumber": ["tahun", "sumber_dana"],
    "tpt_bps": ["tahun", "wilayah"],
    "kpi_definisi": ["kpi_id"],
    "kamus_data": ["resource", "kolom"],
}
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
PANDAS_TYPES = {"integer": "Int64", "number": "float64", "string": "str"}


# ---- the tables -------------------------------------------------------------------------


def tables(pub: Publication) -> dict[str, pd.DataFrame]:
    """Every open-data table, typed as its Table Schema says."""
    units = {m.id: m.unit for m in metrics.REGISTRY}
    kpi = pub.kpi.assign(satuan=pub.kpi["kpi_id"].map(units))
    budget = pub.budget.copy()
    for column in budget.columns:
        if column.endswith("_rupiah"):
            budget[column] = budget[column].round(0)
    budget["serapan_pct"] = budget["serapan_pct"].round(2)
    kpi["peringatan"] = warnings(pub)
    raw = {
        "kpi_tahunan": kpi.assign(nilai=kpi["nilai"].round(4)),
        "hasil_program": pub.outcomes,
        "anggaran_sumber": budget,
        "tpt_bps": pub.tpt,
        "kpi_definisi": definitions(),
        "kamus_data": dictionary(),
    }
    return {name: _typed(df, RESOURCES[name]) for name, df in raw.items()}


# the 12-month figures read from the tracer answers of the retensi_12b cohort: the
# employed rate, the median wage of those working, and "kept the first job"
# (metrics.md); all rest on the same answers, so all carry the cohort's warning
FROM_TRACER_ANSWERS = ("retensi_12b", "upah_median_12b", "bertahan_di_perusahaan")


def warnings(pub: Publication) -> list[str]:
    """Per row of ``pub.kpi``: ``respons_rendah`` on a published 12-month figure
    read from the tracer answers when under 60% of its cohort answered (as the
    transparency page marks the employed rate), else empty."""
    return [
        LOW_RESPONSE
        if r.kpi_id in FROM_TRACER_ANSWERS
        and low_response(pub, int(r.tahun)) is not None
        else ""
        for r in pub.kpi.itertuples(index=False)
    ]


def _typed(df: pd.DataFrame, fields: list[tuple[str, str]]) -> pd.DataFrame:
    out = df[[name for name, _ in fields]].copy()
    for name, kind in fields:
        if kind == "string":
            out[name] = out[name].fillna("").astype("str")
        else:
            out[name] = pd.to_numeric(out[name]).astype(PANDAS_TYPES[kind])
    return out.reset_index(drop=True)


def definitions() -> pd.DataFrame:
    """Every KPI of the registry: names and definitions in both languages."""
    rows = [
        {
            "kpi_id": m.id,
            "nama_id": m.name("id"),
            "nama_en": m.name("en"),
            "satuan": m.unit,
            "arah": m.better or "",
            "definisi_id": m.definition("id"),
            "definisi_en": m.definition("en"),
        }
        for m in metrics.REGISTRY
    ]
    return pd.DataFrame(rows)


def describe(field: str, lang: str) -> str:
    """The description of a field (one text per field name, both languages)."""
    return i18n.t(f"opendata.field.{field}", lang)


def dictionary() -> pd.DataFrame:
    """The data dictionary: one row per resource and column."""
    rows = [
        {
            "resource": name,
            "kolom": field,
            "tipe": kind,
            "deskripsi_id": describe(field, "id"),
            "deskripsi_en": describe(field, "en"),
        }
        for name, fields in RESOURCES.items()
        for field, kind in fields
    ]
    return pd.DataFrame(rows)


# ---- the package --------------------------------------------------------------------------


def _field(name: str, kind: str) -> dict:
    spec = {
        "name": name,
        "type": kind,
        "description": describe(name, "id"),
        "description_en": describe(name, "en"),
    }
    if name == "status" or name.endswith("_status"):
        spec["constraints"] = {"enum": STATUS_ENUM}
    if name == "peringatan":
        spec["constraints"] = {"enum": ["", LOW_RESPONSE]}
    return spec


def descriptor(pub: Publication, names: list[str]) -> dict:
    """``datapackage.json``: a CSV and a Parquet resource per table, same schema."""
    resources = []
    for fmt, mediatype in (("csv", "text/csv"), ("parquet", PARQUET_MEDIATYPE)):
        for name in names:
            schema = {
                "fields": [_field(f, k) for f, k in RESOURCES[name]],
                "primaryKey": PRIMARY_KEYS[name],
                "missingValues": [""],
            }
            resources.append(
                {
                    "name": name if fmt == "csv" else f"{name}_parquet",
                    "path": f"{name}.{fmt}",
                    "profile": "tabular-data-resource",
                    "format": fmt,
                    "mediatype": mediatype,
                    "encoding": "utf-8",
                    "title": i18n.t(f"opendata.resource.{name}", "id"),
                    "description": i18n.t(f"opendata.resource.{name}", "en"),
                    "schema": schema,
                }
            )
    return {
        "profile": "tabular-data-package",
        "name": "cilegon-pelatihan-penempatan-publik",
        "title": i18n.t("opendata.title", "id"),
        "description": i18n.t("opendata.description", "id", limit=pub.limit)
        + "\n\n"
        + i18n.t("opendata.description", "en", limit=pub.limit),
        "version": str(release.number(pub) or 0),
        "created": pub.info.get(release.PUBLISHED_AT)
        or datetime.now(UTC).isoformat(timespec="seconds"),
        "keywords": ["Cilegon", "pelatihan vokasi", "penempatan kerja", "Disnaker"],
        "licenses": [LICENSE],
        "sources": SOURCES,
        "x_data_as_of": pub.info.get("data_as_of", ""),
        "x_release": {
            "number": release.number(pub),
            "published_at": pub.info.get(release.PUBLISHED_AT, ""),
            "note": pub.info.get(release.NOTE, ""),
            "label": {lang: release.label(pub, lang) for lang in i18n.LANGS},
        },
        "x_is_demo": pub.is_demo,
        "x_suppression_threshold": pub.limit,
        "resources": resources,
    }


def _parquet(df: pd.DataFrame) -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), sink)
    return sink.getvalue()


def files(pub: Publication) -> dict[str, bytes]:
    """Every file of the package by name."""
    data = tables(pub)
    out: dict[str, bytes] = {}
    for name, df in data.items():
        out[f"{name}.csv"] = spreadsheet.csv_bytes(df, bom=False)
        out[f"{name}.parquet"] = _parquet(df)
    package = descriptor(pub, list(data))
    out["datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=2).encode()
    out["README.md"] = readme(pub).encode("utf-8")
    return out


def readme(pub: Publication) -> str:
    """A short human-readable note: what the files are, the rule, the sources."""
    parts = []
    for lang in i18n.LANGS:
        parts.append(
            i18n.t(
                "opendata.readme",
                lang,
                as_of=i18n.fmt_date(pub.data_as_of, lang),
                limit=pub.limit,
                demo=i18n.t("opendata.demo", lang) if pub.is_demo else "",
            )
        )
        if release.number(pub):
            parts.append(release.label(pub, lang))
    return "\n\n".join(parts) + "\n"


def zip_bytes(pub: Publication) -> bytes:
    """The package as one zip (the page's download)."""
    sink = io.BytesIO()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files(pub).items():
            archive.writestr(name, content)
    return sink.getvalue()


def write(pub: Publication, out_dir: Path) -> list[Path]:
    """Write the package into ``out_dir`` (created if missing); return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files(pub).items():
        path = out_dir / name
        path.write_bytes(content)
        written.append(path)
    return written


# ---- the command -----------------------------------------------------------------------------


def load(path: Path) -> Publication | None:
    """The suppressed figures of the latest release of the database at ``path``
    (None before the first release)."""
    return release.load(path)


def cmd_export(args: argparse.Namespace) -> int:
    """``export-open-data``: write the open-data package of a database."""
    path = config.db_path(args.db)
    if not path.exists():
        print(f"error: no database at {path}", file=sys.stderr)
        return 2
    pub = load(path)
    if pub is None:
        print(f"error: {path} has no published release yet", file=sys.stderr)
        return 2
    written = write(pub, Path(args.out))
    total = sum(p.stat().st_size for p in written)
    print(
        f"open data written: {args.out} ({len(written)} files, {total:,} bytes; "
        f"data as of {pub.info.get('data_as_of', '?')}, threshold {pub.limit})"
    )
    return 0


def add_parser(
    sub: argparse._SubParsersAction,
    handlers: dict[str, Callable[[argparse.Namespace], int]],
) -> None:
    """Register ``export-open-data`` on the CLI."""
    p = sub.add_parser(
        "export-open-data", help="public aggregates as CSV/Parquet + datapackage.json"
    )
    p.add_argument("--out", required=True, help="output directory (created if needed)")
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    handlers["export-open-data"] = cmd_export
