"""The public page's own small database: 30 persons, small cells on purpose.

Every person is in exactly one programme (so the breakdowns add up exactly).
Data date 2024-12-31: every graduate below graduated before 2024-07-01, so all are
"lulusan_matang" (at least 183 days before the data date).

Kejuruan 1 Las, 2 Listrik, 3 Garmen; one penyelenggara. Employers E1 (Ciwandan,
local), E2 (outside Cilegon).

Programmes (kejuruan, jenis, sumber_dana, mulai → selesai; persons by kecamatan):
  P23  Las     pelatihan   APBN  2023-02-01 → 2023-03-31  8: Ciwandan 5, Grogol 3
  P24L Las     pelatihan   APBN  2024-02-01 → 2024-03-31  12: Ciwandan 6, Grogol 6
  P24K Listrik pemagangan  APBD  2024-04-01 → 2024-05-31  7: Ciwandan 4, Grogol 3
  P24G Garmen  pelatihan   CSR   2024-03-01 → 2024-04-30  3: Cibeber 3

Outcomes (lulus on the programme's last day; "placed" = a placement 30 days after):
  P23  8 lulus (Ciwandan 5, Grogol 3); certified Ciwandan 4, Grogol 2;
       placed Ciwandan 3, Grogol 2 (kerja at E1, Rp 5.000.000)
  P24L 10 lulus: Ciwandan 5 (+1 tidak_lulus), Grogol 5 (+1 mengundurkan_diri);
       certified 8 (Ciwandan 4, Grogol 4); placed 6: Ciwandan 3 (kerja E1), Grogol 3
       (kerja E1, kerja E2, magang E1)
  P24K 7 lulus (Ciwandan 4, Grogol 3); certified 3 (Ciwandan 2, Grogol 1);
       placed 2 (Ciwandan, kerja E1)
  P24G 2 lulus + 1 tidak_lulus (Cibeber); certified 2; placed 1 (wirausaha)

→ 2024 per kejuruan: peserta Las 12, Listrik 7, Garmen 3 (total 22); lulusan 10, 7, 2
  (19); tersertifikasi 8, 3, 2 (13); ditempatkan_6b 6, 2, 1 (9).
→ 2024 per kecamatan: peserta Ciwandan 10, Grogol 9, Cibeber 3; lulusan 9, 8, 2.
→ 2023 per kecamatan: peserta Ciwandan 5, Grogol 3.

Budget (pagu / realisasi, juta): 2023 P23 APBN 80/80; 2024 P24L APBN 100/90, P24K
APBD 50/45, P24G CSR 20/18.

Targets 2024: tingkat_kelulusan 80 (actual 19 of 22 ended = 86,36%: on track);
peserta 25 (actual 22 < 25 − 10%: off track).
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb

from workforce import refresh
from workforce.core import db
from workforce.core.pseudonym import DEMO_KEY, pseudonymise

AS_OF = date(2024, 12, 31)
KEC = {"Ciwandan": "36.72.04", "Grogol": "36.72.06", "Cibeber": "36.72.01"}
PROGRAMMES = {
    # kode: (kejuruan_id, jenis, sumber_dana, tahun, mulai, selesai)
    "P23": (1, "pelatihan", "APBN", 2023, date(2023, 2, 1), date(2023, 3, 31)),
    "P24L": (1, "pelatihan", "APBN", 2024, date(2024, 2, 1), date(2024, 3, 31)),
    "P24K": (2, "pemagangan", "APBD", 2024, date(2024, 4, 1), date(2024, 5, 31)),
    "P24G": (3, "pelatihan", "CSR", 2024, date(2024, 3, 1), date(2024, 4, 30)),
}
# programme, kecamatan, status, certified, placement (jenis, employer, wage) or None
KERJA_E1 = ("kerja", "E1", 5_000_000)
PEOPLE = [
    *[("P23", "Ciwandan", "lulus", i < 4, KERJA_E1 if i < 3 else None) for i in range(5)],
    *[("P23", "Grogol", "lulus", i < 2, KERJA_E1 if i < 2 else None) for i in range(3)],
    *[("P24L", "Ciwandan", "lulus", i < 4, KERJA_E1 if i < 3 else None) for i in range(5)],
    ("P24L", "Ciwandan", "tidak_lulus", False, None),
    ("P24L", "Grogol", "lulus", True, KERJA_E1),
    ("P24L", "Grogol", "lulus", True, ("kerja", "E2", 4_500_000)),
    ("P24L", "Grogol", "lulus", True, ("magang", "E1", 2_500_000)),
    ("P24L", "Grogol", "lulus", True, None),
    ("P24L", "Grogol", "lulus", False, None),
    ("P24L", "Grogol", "mengundurkan_diri", False, None),
    *[("P24K", "Ciwandan", "lulus", i < 2, KERJA_E1 if i < 2 else None) for i in range(4)],
    *[("P24K", "Grogol", "lulus", i < 1, None) for i in range(3)],
    ("P24G", "Cibeber", "lulus", True, ("wirausaha", None, None)),
    ("P24G", "Cibeber", "lulus", True, None),
    ("P24G", "Cibeber", "tidak_lulus", False, None),
]  # fmt: skip
BUDGET = [
    (2023, "P23", "APBN", 80_000_000, 80_000_000),
    (2024, "P24L", "APBN", 100_000_000, 90_000_000),
    (2024, "P24K", "APBD", 50_000_000, 45_000_000),
    (2024, "P24G", "CSR", 20_000_000, 18_000_000),
]


def pid(i: int) -> str:
    """Pseudonym of fixture person ``i`` (made-up NIK)."""
    return pseudonymise(f"3672010101{i:06d}", DEMO_KEY)


def build_public_fixture(conn: duckdb.DuckDBPyConnection) -> None:
    """Insert the fixture into an initialised database and rebuild the marts."""
    conn.execute(
        "insert into ref_kejuruan values (1, 'Las', 'las'), (2, 'Listrik', 'listrik'),"
        " (3, 'Garmen', 'garmen')"
    )
    conn.execute("insert into ref_penyelenggara values (1, 'BLK Kota Cilegon', 'blk')")
    conn.execute(
        "insert into perusahaan values ('E1', 'PT Baja Contoh', 'C', '36.72.04', true),"
        " ('E2', 'PT Luar Contoh', 'H', null, false)"
    )
    conn.executemany(
        "insert into program values (?, ?, ?, 1, ?, ?, ?, ?, ?, 20)",
        [(k, k, *v) for k, v in PROGRAMMES.items()],
    )
    for i, (prog, kec, status, certified, placement) in enumerate(PEOPLE):
        ended = PROGRAMMES[prog][5]
        lulus = ended if status == "lulus" else None
        conn.execute(
            "insert into peserta values (?, 'L', ?, 'SMK', ?, null, false)",
            [pid(i), date(2000, 1, 1) + timedelta(days=37 * i), KEC[kec]],
        )
        conn.execute(
            "insert into pendaftaran values (?, ?, ?, ?, ?)",
            [pid(i), prog, status, lulus, certified],
        )
        if placement:
            jenis, employer, wage = placement
            conn.execute(
                "insert into penempatan values (?, ?, ?, ?, ?, ?)",
                [pid(i), jenis, ended + timedelta(days=30), employer, prog, wage],
            )
    conn.executemany("insert into anggaran values (?, ?, ?, ?, ?)", BUDGET)
    conn.executemany(
        "insert into target values (?, ?, ?)",
        [(2024, "tingkat_kelulusan", 80.0), (2024, "peserta", 25.0)],
    )
    refresh.refresh_marts(conn)
    db.set_info(conn, "is_demo", "false")
    db.set_info(conn, "data_as_of", AS_OF.isoformat())
