"""What validation needs from the database: reference lists and existing keys.

One ``DbLookups`` per validated file. It reads through cursors of the connection it
is given: the read-only app connection for a preview, or the import's writable
copy (where the files loaded earlier in the same import are already visible).
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

import duckdb
import numpy as np
import pandas as pd

from workforce.core import db, names

REF_QUERIES = {
    "program": "ingest/program_codes",
    "perusahaan": "ingest/perusahaan_codes",
}
REFNAME_QUERIES = {
    "kejuruan": "ingest/kejuruan_list",
    "penyelenggara": "ingest/penyelenggara_list",
}


def read(
    conn: duckdb.DuckDBPyConnection, name: str, **frames: pd.DataFrame
) -> pd.DataFrame:
    """Run a parameterless ``queries/<name>.sql`` with frames registered by name."""
    db.check_params(name, {})
    cur = conn.cursor()
    try:
        for alias, frame in frames.items():
            cur.register(alias, frame)
        return cur.execute(db.load_query(name)).df()
    finally:
        cur.close()


class DbLookups:
    """Reference lists and existing keys, fetched once and cached."""

    def __init__(
        self, conn: duckdb.DuckDBPyConnection, key: bytes, today: date
    ) -> None:
        self.conn = conn
        self.key = key
        self.today = today

    def kecamatan(self) -> dict[str, str]:
        """Normalised name, variant or code → kecamatan_kode."""
        return self._kecamatan

    @cached_property
    def _kecamatan(self) -> dict[str, str]:
        return names.kecamatan_lookup(self.conn)

    @cached_property
    def kelurahan(self) -> dict[tuple[str, str], str]:
        """(kecamatan_kode, normalised kelurahan) → kelurahan_kode."""
        return names.kelurahan_lookup(self.conn)

    def kbli(self) -> dict[str, str]:
        """Normalised category name → letter."""
        return self._kbli

    @cached_property
    def _kbli(self) -> dict[str, str]:
        df = read(self.conn, "ingest/kbli_names")
        return {names.norm(n): k for k, n in zip(df["kode"], df["nama"], strict=True)}

    @cached_property
    def _codes(self) -> dict[str, dict[str, str]]:
        out = {}
        for ref, query in REF_QUERIES.items():
            codes = read(self.conn, query).iloc[:, 0]
            out[ref] = {c.casefold(): c for c in codes}
        return out

    def resolve_codes(self, ref: str, values: pd.Series) -> pd.Series:
        """Stored spelling of each code (matched ignoring case), NA if unknown."""
        known = self._codes[ref]
        return values.str.casefold().map(known)

    def known_peserta(self, ids: pd.Series) -> pd.Series:
        """True where the pseudonym already has a peserta row."""
        codes, uniques = pd.factorize(ids)
        keys = pd.DataFrame({"peserta_id": uniques, "pos": np.arange(len(uniques))})
        found = read(self.conn, "ingest/known_peserta", staging_keys=keys)["pos"]
        hit = np.zeros(len(uniques), dtype=bool)
        hit[found.to_numpy()] = True
        return pd.Series(hit[codes], index=ids.index)

    def graduation_dates(self, ids: pd.Series, codes: pd.Series) -> pd.Series:
        """The enrolment's tanggal_lulus for each (pseudonym, programme), NaT if none."""
        keys = pd.DataFrame(
            {
                "peserta_id": ids.to_numpy(dtype=object),
                "kode_program": codes.astype(str).to_numpy(dtype=object),
                "pos": np.arange(len(ids)),
            }
        )
        found = read(self.conn, "ingest/graduation_dates", survey_keys=keys)
        out = pd.Series(pd.NaT, index=range(len(ids)), dtype="datetime64[us]")
        out[found["pos"].to_numpy()] = pd.to_datetime(found["tanggal_lulus"])
        return pd.Series(out.to_numpy(), index=ids.index)

    def refnames(self, kind: str) -> pd.DataFrame:
        """The kejuruan or penyelenggara list: ref_id, nama, nama_norm."""
        return read(self.conn, REFNAME_QUERIES[kind])
