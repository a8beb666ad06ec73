"""Write the generated arrays into DuckDB: through Arrow, in chunks, parents first.

Columns are named as in the schema (put in the table's order) and given as numpy arrays
or ``Coded`` (codes into a small label array, -1 = NULL), so a chunk is
materialised only when it is inserted. Rows that carry a person go in the byte
order of the pseudonym: primary-key indexes grow about three times faster that way.
"""

from __future__ import annotations

from typing import NamedTuple

import duckdb
import numpy as np
import pyarrow as pa

from workforce.demo import catalog as cat
from workforce.demo import tracer
from workforce.demo.plan import CHUNK, SUMBER, Arrays

JENIS = np.array(["pelatihan", "pemagangan", "sertifikasi"])
STATUS = np.array(
    ["terdaftar", "mengikuti", "lulus", "tidak_lulus", "mengundurkan_diri"]
)
PLACEMENT = np.array(["kerja", "magang", "wirausaha"])
SUMBER_L = np.array(SUMBER)
NULL_DAY = np.iinfo(np.int64).min  # NaT as a day number
TABLES = (
    "ref_kejuruan",
    "ref_penyelenggara",
    "perusahaan",
    "program",
    "peserta",
    "pendaftaran",
    "penempatan",
    "pelacakan",
    "lowongan",
    "anggaran",
    "realisasi_bulanan",
    "target",
)


class Coded(NamedTuple):
    """A column given as codes into ``labels``; code -1 is NULL."""

    codes: np.ndarray
    labels: np.ndarray


Columns = dict[str, np.ndarray | Coded]


def to_arrow(col: np.ndarray | Coded, rows: slice | np.ndarray) -> pa.Array:
    """One chunk of a column as an Arrow array (NaN and NaT become NULL)."""
    if isinstance(col, Coded):
        codes = col.codes[rows]
        values, null = col.labels[np.maximum(codes, 0)], codes < 0
    else:
        values, null = col[rows], None
    if values.dtype.kind == "f":
        null = np.isnan(values)
    elif values.dtype.kind == "M":
        null = np.isnat(values)
    arr = pa.array(values, mask=null)
    return arr.cast(pa.string()) if values.dtype.kind == "S" else arr


def insert(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    cols: Columns,
    order: np.ndarray | None = None,
) -> int:
    """Insert columns, in chunks, rows in ``order``; return the row count.

    The columns must be exactly the table's: they are put in the table's order and
    inserted through the relation API (no SQL text is built).
    """
    if table not in TABLES:
        raise ValueError(f"not a demo table: {table!r}")
    names = conn.table(table).columns
    if set(names) != set(cols):
        raise ValueError(
            f"{table}: demo columns {sorted(cols)} are not {sorted(names)}"
        )
    first = next(iter(cols.values()))
    n = len(order) if order is not None else len(getattr(first, "codes", first))
    for lo in range(0, n, CHUNK):
        rows = order[lo : lo + CHUNK] if order is not None else slice(lo, lo + CHUNK)
        chunk = pa.table({name: to_arrow(cols[name], rows) for name in names})
        conn.from_arrow(chunk).insert_into(table)
    return n


def days(values: np.ndarray) -> np.ndarray:
    """Day numbers (negative = none) as datetime64[D] with NaT."""
    return np.where(values >= 0, values, NULL_DAY).astype("datetime64[D]")


def hash_rank(ids: np.ndarray) -> np.ndarray:
    """Rank of each pseudonym (64 hex bytes) in byte order, from its first 16 bytes."""
    words = ids.view(">u8").reshape(len(ids), 8)
    order = np.lexsort((words[:, 1], words[:, 0]))
    rank = np.empty(len(ids), dtype=np.int64)
    rank[order] = np.arange(len(ids))
    return rank


def reference_columns(emp: dict[str, np.ndarray]) -> dict[str, Columns]:
    """ref_kejuruan, ref_penyelenggara (providers, then hosts) and perusahaan."""
    kej = np.array([c.nama for c in cat.KEJURUAN])
    hosts = [cat.ANCHORS[h].nama for h, _ in cat.HOSTS]
    prov = np.array([p.nama for p in cat.PROVIDERS] + hosts)
    norm = np.vectorize(lambda s: " ".join(s.lower().split()))
    return {
        "ref_kejuruan": {
            "kejuruan_id": np.arange(1, len(kej) + 1),
            "nama": kej,
            "nama_norm": norm(kej),
        },
        "ref_penyelenggara": {
            "penyelenggara_id": np.arange(1, len(prov) + 1),
            "nama": prov,
            "nama_norm": norm(prov),
        },
        "perusahaan": {
            "kode_perusahaan": emp["kode"],
            "nama_perusahaan": emp["nama"],
            "sektor_kbli": emp["sektor"],
            "kecamatan_kode": emp["kec"],
            "is_anggota_apindo": emp["apindo"],
        },
    }


def program_columns(prog: Arrays) -> Columns:
    """program, one row per batch."""
    return {
        "kode_program": prog["kode"],
        "nama_program": prog["nama"],
        "kejuruan_id": prog["kej"] + 1,
        "penyelenggara_id": prog["prov"] + 1,
        "jenis": Coded(prog["jenis"], JENIS),
        "sumber_dana": Coded(prog["sumber"], SUMBER_L),
        "tahun": prog["tahun"],
        "tanggal_mulai": days(prog["start"]),
        "tanggal_selesai": days(prog["end"]),
        "kuota": prog["kuota"],
    }


def peserta_columns(persons: Arrays, ref: dict[str, np.ndarray]) -> Columns:
    """peserta, one row per person (only the pseudonym, never the NIK)."""
    return {
        "peserta_id": persons["ids"],
        "jenis_kelamin": Coded(
            persons["female"].astype(np.int64), np.array(["L", "P"])
        ),
        "tanggal_lahir": days(persons["dob"]),
        "pendidikan": Coded(persons["pend"], np.array(list(cat.PENDIDIKAN))),
        "kecamatan_kode": Coded(persons["kec"], ref["kec_code"]),
        "kelurahan_kode": Coded(persons["kel"], ref["kel_code"]),
        "is_disabilitas": persons["disab"],
    }


def pendaftaran_columns(e: Arrays, ids: np.ndarray, kode: np.ndarray) -> Columns:
    """pendaftaran, one row per enrolment."""
    return {
        "peserta_id": Coded(e["person"], ids),
        "kode_program": Coded(e["prog"], kode),
        "status": Coded(e["status"], STATUS),
        "tanggal_lulus": days(e["lulus"]),
        "is_tersertifikasi": e["cert"],
    }


def penempatan_columns(
    pl: Arrays, ids: np.ndarray, kode: np.ndarray, firms: np.ndarray
) -> Columns:
    """penempatan, one row per placement."""
    return {
        "peserta_id": Coded(pl["person"], ids),
        "jenis_penempatan": Coded(pl["jenis"], PLACEMENT),
        "tanggal_mulai": days(pl["date"]),
        "kode_perusahaan": Coded(pl["firm"], firms),
        "kode_program": Coded(pl["prog"], kode),
        "upah_bulanan_rupiah": pl["upah"],
    }


def pelacakan_columns(
    tr: Arrays, e: Arrays, ids: np.ndarray, kode: np.ndarray, firms: np.ndarray
) -> Columns:
    """pelacakan, one row per tracer call (``tr["row"]`` indexes the enrolments)."""
    return {
        "peserta_id": Coded(e["person"][tr["row"]], ids),
        "kode_program": Coded(e["prog"][tr["row"]], kode),
        "tanggal_survei": days(tr["date"]),
        "status_kerja": Coded(tr["status"], tracer.STATUS),
        "upah_bulanan_rupiah": tr["upah"],
        "kode_perusahaan": Coded(tr["firm"], firms),
        "is_sama_dengan_penempatan_awal": tr["same"],
        "sumber": Coded(tr["sumber"], tracer.SUMBER),
    }


def budget_columns(ang: Arrays, months: np.ndarray, prog: Arrays) -> dict[str, Columns]:
    """anggaran (one row per line) and realisasi_bulanan (12 rows per line)."""
    tahun = prog["tahun"][ang["prog"]]
    line = np.repeat(np.arange(len(tahun)), 12)
    return {
        "anggaran": {
            "tahun": tahun,
            "kode_program": Coded(ang["prog"], prog["kode"]),
            "sumber_dana": Coded(ang["sumber"], SUMBER_L),
            "pagu_rupiah": ang["pagu_k"] * 1000,
            "realisasi_rupiah": ang["real_k"] * 1000,
        },
        "realisasi_bulanan": {
            "tahun": tahun[line],
            "bulan": np.tile(np.arange(1, 13), len(tahun)),
            "kode_program": Coded(ang["prog"][line], prog["kode"]),
            "sumber_dana": Coded(ang["sumber"][line], SUMBER_L),
            "realisasi_rupiah": months.ravel() * 1000,
        },
    }


def lowongan_columns(vac: Arrays, firms: np.ndarray) -> Columns:
    """lowongan, one row per employer, kejuruan and year."""
    return {
        "kode_perusahaan": Coded(vac["firm"], firms),
        "kejuruan_id": vac["kej"] + 1,
        "tahun": vac["tahun"],
        "jumlah": vac["jumlah"],
    }
