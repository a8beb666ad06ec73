"""A tiny tracer-study fixture whose 12-month KPIs are worked out by hand.

Programme T1 (Las, BBPVP Serang) graduates eleven people on 1 March 2024; programme
T2 (Garmen, BLK Kota Cilegon) graduates one on 1 December 2024 (immature at the
reporting date 31 December 2025: +425 days is 30 January 2026). Survey days are
counted from the graduation date. Every edge of metrics.md is here:

- A: answered at +304 days (too early): no answer. Placed in kerja at +20 (E1).
- B: answered at +305 (first day of the window): bekerja, Rp 5.000.000, same
  employer. Placed in kerja at +10 (E1).
- C: answered at +425 (last day of the window): tidak_bekerja. Placed in kerja at
  +200 (E2) and in magang at -20 days (E2): placed within 6 months (magang).
- D: answered at +426 (too late): no answer.
- E: asked twice, +320 tidak_bekerja then +400 wirausaha: the latest counts.
  Placed in wirausaha at +50.
- F: tidak_terlacak at +350: no answer (never counted as not working).
- G: bekerja at +360, Rp 7.000.000, another employer; then tidak_terlacak at +420
  (a latest row that is no answer: the bekerja answer counts). Placed kerja at +100.
- H: never asked: no answer.
- K: magang at +330 with a wage (a wage that is not bekerja's does not count).
  Placed in magang at +0 (E3).
- M: never placed, bekerja at +340 (Rp 6.000.000): found work after 6 months.
- N: never placed, tidak_bekerja at +310.
- I (T2, immature cohort): bekerja at +310: not counted.
- J (T1, tidak_lulus): bekerja at +330: not a graduate, not counted.
- E1 also hired L in 2023 (an earlier calendar year): the one repeat employer.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb

from workforce import refresh
from workforce.core.pseudonym import DEMO_KEY, pseudonymise

T1_LULUS = date(2024, 3, 1)
T2_LULUS = date(2024, 12, 1)
AS_OF = date(2025, 12, 31)
PEOPLE = "ABCDEFGHIJKLMN"

# person, programme, status
ENROLMENTS = [(p, "T1", "lulus") for p in "ABCDEFGHKMN"] + [
    ("I", "T2", "lulus"),
    ("J", "T1", "tidak_lulus"),
]
# person, programme, days after graduation, status, wage, same employer
SURVEYS = [
    ("A", "T1", 304, "bekerja", 4_000_000, True),
    ("B", "T1", 305, "bekerja", 5_000_000, True),
    ("C", "T1", 425, "tidak_bekerja", None, None),
    ("D", "T1", 426, "bekerja", 9_000_000, True),
    ("E", "T1", 320, "tidak_bekerja", None, None),
    ("E", "T1", 400, "wirausaha", 3_000_000, False),
    ("F", "T1", 350, "tidak_terlacak", None, None),
    ("G", "T1", 360, "bekerja", 7_000_000, False),
    ("G", "T1", 420, "tidak_terlacak", None, None),
    ("K", "T1", 330, "magang", 2_000_000, True),
    ("M", "T1", 340, "bekerja", 6_000_000, False),
    ("N", "T1", 310, "tidak_bekerja", None, None),
    ("I", "T2", 310, "bekerja", 8_000_000, True),
    ("J", "T1", 330, "bekerja", 8_000_000, True),
]
# person, jenis, start (days after T1's graduation, or a date), employer, wage
PLACEMENTS = [
    ("A", "kerja", 20, "E1", 4_500_000),
    ("B", "kerja", 10, "E1", 4_800_000),
    ("C", "kerja", 200, "E2", 4_000_000),
    ("C", "magang", -20, "E2", 1_500_000),
    ("E", "wirausaha", 50, None, None),
    ("G", "kerja", 100, "E1", 6_000_000),
    ("K", "magang", 0, "E3", 2_000_000),
    ("L", "kerja", date(2023, 6, 1), "E1", 5_000_000),
]


def pid(person: str) -> str:
    """Pseudonym of a fixture person (made-up NIK)."""
    return pseudonymise(f"36720202020000{PEOPLE.index(person):02d}", DEMO_KEY)


def day(offset: int | date, lulus: date = T1_LULUS) -> date:
    """A date given as days after a graduation (or already a date)."""
    return offset if isinstance(offset, date) else lulus + timedelta(days=offset)


def build(conn: duckdb.DuckDBPyConnection) -> None:
    """Insert the fixture into an initialised database and rebuild the marts."""
    conn.execute(
        "insert into ref_kejuruan values (1, 'Las', 'las'), (2, 'Garmen', 'garmen')"
    )
    conn.execute(
        "insert into ref_penyelenggara values (1, 'BBPVP Serang', 'bbpvp serang'),"
        " (2, 'BLK Kota Cilegon', 'blk kota cilegon')"
    )
    for person in PEOPLE:
        conn.execute(
            "insert into peserta values (?, 'P', '2000-01-01', 'SMK', '36.72.04', null, false)",
            [pid(person)],
        )
    conn.execute(
        "insert into perusahaan values ('E1', 'PT Baja', 'C', '36.72.04', true),"
        " ('E2', 'PT Kimia', 'C', null, false), ('E3', 'PT Las', 'C', null, false)"
    )
    conn.execute(
        "insert into program values"
        " ('T1', 'T1', 1, 1, 'pelatihan', 'APBN', 2024, '2024-02-01', '2024-03-01', 20),"
        " ('T2', 'T2', 2, 2, 'pelatihan', 'APBD', 2024, '2024-11-01', '2024-12-01', 20)"
    )
    for person, prog, status in ENROLMENTS:
        lulus = {"T1": T1_LULUS, "T2": T2_LULUS}[prog] if status == "lulus" else None
        conn.execute(
            "insert into pendaftaran values (?, ?, ?, ?, false)",
            [pid(person), prog, status, lulus],
        )
    for person, prog, offset, status, wage, same in SURVEYS:
        lulus = {"T1": T1_LULUS, "T2": T2_LULUS}[prog]
        conn.execute(
            "insert into pelacakan values (?, ?, ?, ?, ?, null, ?, 'telepon')",
            [pid(person), prog, day(offset, lulus), status, wage, same],
        )
    for person, jenis, start, employer, wage in PLACEMENTS:
        conn.execute(
            "insert into penempatan values (?, ?, ?, ?, null, ?)",
            [pid(person), jenis, day(start), employer, wage],
        )
    refresh.refresh_marts(conn)
