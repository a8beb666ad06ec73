"""Match names as people type them (any case, stray spaces, spelling variants).

``norm`` is the one normalisation used everywhere: the kejuruan and penyelenggara
reference lists store it, imports and URL filters go through it.
"""

from __future__ import annotations

import duckdb


def norm(text: str) -> str:
    """Lower case, single spaces, no surrounding spaces."""
    return " ".join(str(text).split()).casefold()


def kecamatan_lookup(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Normalised name, Kemendagri spelling, variant or code → kecamatan_kode."""
    cur = conn.cursor()
    try:
        rows = cur.execute(
            "select kecamatan_kode, nama, nama_kemendagri, kode_bps from ref_kecamatan"
        ).fetchall()
        variants = cur.execute(
            "select variant, canonical from ref_name_variant where level = 'kecamatan'"
        ).fetchall()
    finally:
        cur.close()
    lookup: dict[str, str] = {}
    for kode, nama, nama_kemendagri, kode_bps in rows:
        for key in (kode, nama, nama_kemendagri, kode_bps):
            lookup[norm(key)] = kode
    for variant, canonical in variants:
        lookup[norm(variant)] = lookup[norm(canonical)]
    return lookup


def kelurahan_lookup(conn: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """(kecamatan_kode, normalised kelurahan name or variant) → kelurahan_kode."""
    cur = conn.cursor()
    try:
        rows = cur.execute(
            "select kelurahan_kode, kecamatan_kode, nama from ref_kelurahan"
        ).fetchall()
        variants = cur.execute(
            "select variant, canonical from ref_name_variant where level = 'kelurahan'"
        ).fetchall()
    finally:
        cur.close()
    lookup = {(kec, norm(nama)): kode for kode, kec, nama in rows}
    lookup.update({(kec, norm(kode)): kode for kode, kec, _ in rows})
    canon = {norm(c): norm(v) for v, c in variants}
    for (kec, name), kode in list(lookup.items()):
        if name in canon:
            lookup[(kec, canon[name])] = kode
    return lookup
