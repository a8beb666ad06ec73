"""The one small test database: every row written out, every derived fact listed.

``build(conn)`` fills a database that already has the schema and the reference
tables (``refresh.init_database``) with the rows below, rebuilds the marts and sets
the dataset info; ``build(conn, extras=("tracer",))`` adds a named extension on top
of the same base (tracer, link_match, budget, public: listed at the end). It is the
database of tests/conftest.py's ``fixture_db``, ``fixture_conn`` and
``fixture_copy``, of the unit, page (AppTest) and planner tests alike. ``EXPECTED``
holds the KPI values of the registry worked out by hand from these facts, with the
arithmetic beside each. Tests compute their own expected values from the facts
listed here; a test that needs an edge case the base lacks adds rows HERE (and
re-derives what moves), never a dataset of its own.

Facts
-----
Kejuruan: 1 Las, 2 Garmen, 3 Teknologi Informasi. Penyelenggara: 1 BBPVP Serang,
2 BLK Kota Cilegon.
Employers: E1 PT Baja (KBLI C, kecamatan Ciwandan 36.72.04, Apindo member: local);
  E2 PT Luar (KBLI H, no kecamatan: outside Cilegon, not a member).

Persons (sex, born, pendidikan, kecamatan, kelurahan, disabilitas; peserta_id =
pid(label), NIK 367201010100000<ord(label) % 10>, e.g. F 3672010101000000):
  A  L  2000-01-10  SMK  Ciwandan  (36.72.04)  Kepuh (36.72.04.1005)       no
  B  P  1993-05-05  SMA  Ciwandan              Tegal Ratu (36.72.04.1002)  no
  C  L  2001-07-07  SD   Citangkil (36.72.08)  (none)                      no
  D  P  1999-02-01  D3   Citangkil             (none)                      yes
  E  L  2005-01-15  SMK  Cibeber   (36.72.01)  (none)                      no
  F  P  1987-12-12  S1   Cibeber               (none)                      no
  G  L  2003-09-09  SMP  Grogol    (36.72.06)  (none)                      no

Programmes (kode = nama, kuota 20):
  P1  Las    BBPVP Serang      pelatihan    APBN  tahun 2024  2024-02-01 → 2024-03-01
  P2  Garmen BLK Kota Cilegon  pelatihan    APBD  tahun 2024  2024-09-01 → 2024-10-15
  P3  Las    BBPVP Serang      sertifikasi  APBN  tahun 2023  2023-11-01 → 2024-01-20
  P4  Garmen BLK Kota Cilegon  pelatihan    APBD  tahun 2024  2024-04-01 → 2024-05-01
  P5  Teknologi Informasi  BLK Kota Cilegon  pemagangan  CSR  tahun 2024
      2024-12-01 → 2025-02-28 (still running at the data date; no budget line)

Enrolments (13; status, certified):
  P1  A lulus 2024-03-01 cert | B lulus 2024-03-01 | C tidak_lulus | D mengundurkan_diri
      | E lulus 2024-03-01 cert
  P3  A lulus 2024-01-20 cert | F lulus 2024-01-20 cert       (A is enrolled twice)
  P2  G lulus 2024-10-15      | C lulus 2024-10-15 cert       (immature at 2024-12-31)
  P4  D tidak_lulus | E mengundurkan_diri                     (a zero-graduate programme)
  P5  B mengikuti | G terdaftar                               (not ended: in no rate)
  Age at programme start (umur, kelompok_umur): A/P1 24, A/P3 23, B/P1 30 (birthday
  in May not reached on 1 February), B/P5 31, C/P1 22, C/P2 23, D/P1 25 and D/P4 25
  (birthday on P1's start day), E/P1 19, E/P4 19, F/P3 35 (35+), G/P2 20, G/P5 21.

Placements (6; jenis, start, employer, programme, monthly wage):
  A kerja     2024-02-15 E1 P1 Rp 5.000.000  15 days BEFORE graduating from P1 (in the
              window lulus − 30 … lulus + 183), day 26 after P3's graduation
  B kerja     2024-10-01 E2 P1 Rp 4.000.000  day 214 after P1: outside the window
  E wirausaha 2024-05-01 —  P1 no wage       day 61
  F magang    2023-12-01 E1 P3 Rp 2.500.000  50 days before graduating: too early
  G kerja     2024-11-01 E1 P2 Rp 6.000.000  day 17; P2's cohort is immature
  D kerja     2023-06-01 E1 —  Rp 4.000.000  no programme; D never graduated, so it
              is linked to no enrolment
  → E1 hired in 2023 (D, F) and in 2024 (A, G): a repeat employer; E2 only in 2024.
  → is_lokal: E1 true, E2 false, wirausaha (no employer) NULL.

Vacancies (lowongan): E1 Las 2024: 10; E2 Las 2024: 2; E1 Garmen 2024: 1.

Budget (tahun, kode_program, sumber_dana, pagu / realisasi, juta):
  2024 P1 APBN 100 / 90 | 2024 P1 APBD 20 / 20 (P1 funded from two sources)
  2024 P2 APBD 50 / 40  | 2024 P4 APBD 30 / 30
  2023 P3 APBN 40 / 35  | 2024 P3 APBN 20 / 20 (P3's money spans two years)
  2024 KEG-01 CSR 10 / 12 (a kegiatan that is no programme; realisasi above pagu)
  → 2024: pagu 100 + 20 + 50 + 30 + 20 + 10 = 230, realisasi 90 + 20 + 40 + 30 + 20
    + 12 = 212 (APBN 110, APBD 90, CSR 12); 2023: 40 / 35, all APBN.

Targets: 2024 tpt 6,0; tingkat_kelulusan 70; peserta 10; tingkat_sertifikasi 70;
  tingkat_penempatan_6b 80; biaya_per_penempatan Rp 70 juta. 2023 tpt 7,0.

dataset_info: is_demo "true", data_as_of 2024-12-31 (AS_OF).

Derived facts (as of 2024-12-31; 183 days before it is 2024-07-01)
------------------------------------------------------------------
2024 participants: P1 A B C D E, P2 G C, P4 D E, P5 B G → 6 persons (A B C D E G);
  Q1 only P1 → 5; Q2 only P4 → 2 (D E); Q3 P2 → 2 (G C); Q4 P5 → 2 (B G).
  2023: P3 A F → 2.
  Per kecamatan 2024: Ciwandan 2 (A B), Citangkil 2 (C D), Cibeber 1 (E), Grogol 1
  (G). Per kejuruan 2024: Las 5 (P1), Garmen 4 (G C D E), Teknologi Informasi 2.
Ended enrolments in programmes ending in 2024 (all four): 11, lulus 7 (A B E, A F,
  G C), certified 5 (A/P1, E/P1, A/P3, F/P3, C/P2). None end in 2023.
Mature graduates (lulus ≤ 2024-07-01): A B E of P1, A F of P3 = 5; placed within 6
  months: A/P1 (−15), E/P1 (61), A/P3 (26, the same job) = 3. At 2025-06-30 P2's G
  and C are mature too: 7, placed 4 (G at day 17).
Placements 2023: F magang (E1) and D kerja (E1, Rp 4 juta): 2, both local.
Edges: a person in two programmes (A), a placement before graduation (A), one after
  the window (B), one too early (F), an immature cohort (P2), a programme funded from
  two sources (P1), a programme's money in two years (P3), a zero-graduate
  programme (P4), a kegiatan budget line (KEG-01), realisasi above pagu (CSR), a
  wirausaha without employer or wage (E), an employer outside Cilegon (E2), a
  repeat employer (E1), a placement without programme of a non-graduate (D), every
  enrolment status (P5 still running), every age group 15-19 … 35+ with a birthday
  on the start day (D) and one not yet reached (B, G), women and a disability (D),
  a person without kelurahan, an empty year (2019: zero denominators).

The extensions below add rows for the tests that need them; each is listed with
the facts it adds and what follows from them. Their edges: tracer survey days +304
/ +305 / +425 / +426, a person asked twice (the latest answer counts), a latest
answer that is tidak_terlacak, never asked, a person in two programmes answering for
one, a wage that is not bekerja's, found work after 6 months, an immature 12-month
cohort, a non-graduate's answer, an employer hiring twice in one year (no repeat),
a low response rate (tracer); several years of vacancies, a reported zero, an
employer with vacancies but no graduate (link_match); a programme with spending but
no enrolment, a lainnya kegiatan above its pagu, monthly spending with lines that
have none (budget); small cells for primary and complementary suppression, a zero
cell, costs on fewer than 5 persons, targets on and off track (public).

Extension "tracer" (``build(conn, extras=("tracer",))``): the 12-month tracer study
on top of the base, reported as of TRACER_AS_OF = 2025-12-13 (data_as_of), the day
before P2's graduates (2024-10-15 + 425 days = 2025-12-14) become a 12-month cohort.
Survey days count from the graduation date; the window is +305 … +425 (inclusive).
  Programmes: T1 Las BBPVP Serang pelatihan APBN 2024, 2024-02-01 → 2024-03-01;
    T2 Garmen BLK Kota Cilegon pelatihan APBD 2024, 2024-11-01 → 2024-12-01.
    Budget 2024: T1 APBN 240 / 240 juta, T2 APBD 20 / 20 juta.
  Persons TA … TN (P, born 2000-01-01, SMK, Ciwandan; pid("TA") …; no TH, no TL):
    T1 graduates TA TB TC TD TE TF TG TK TM TN (lulus 2024-03-01, not certified),
    TJ tidak_lulus in T1, TI graduates from T2 on 2024-12-01 (+425 = 2026-01-30:
    immature).
  Employer E3 PT Las (KBLI C, no kecamatan, not local).
  Tracer persons (placements have no kode_program):
    TA answered at +304 (too early): no answer. Placed kerja +20 at E1.
    TB bekerja at +305 (first day), Rp 5.000.000, same employer. Placed kerja +10 E1.
    TC tidak_bekerja at +425 (last day). Placed kerja +200 at E2 (outside the
       window) and magang −20 at E2: placed within 6 months (magang).
    TD bekerja at +426 (too late): no answer.
    TE tidak_bekerja at +320, then wirausaha at +400 (Rp 3.000.000, the latest
       counts). Placed wirausaha +50.
    TF tidak_terlacak at +350: no answer (never counted as not working).
    TG bekerja at +360 (Rp 7.000.000, another employer), then tidak_terlacak at +420
       (a latest row that is no answer: the bekerja answer counts). Placed kerja +100
       at E1.
    TK magang at +330 with Rp 2.000.000 (a wage that is not bekerja's does not count).
       Placed magang +0 at E3.
    TM never placed; bekerja at +340 (Rp 6.000.000): found work after 6 months.
    TN never placed; tidak_bekerja at +310.
    TI (T2, immature) bekerja at +310; TJ (not a graduate) bekerja at +330: neither
       counted.
  The base's 2024 Las graduates answer too (P2's G and C are immature):
    A/P1 bekerja at +330 (2025-01-25), Rp 5.500.000, same employer (placed kerja −15).
    A/P3 never asked: A's answer for P1 is no answer for P3.
    B/P1 studi_lanjut at +365 (2025-03-01) (placed kerja at day 214: not within 6 m).
    E/P1 wirausaha at +310 (2025-01-05) (placed wirausaha at day 61).
    F/P3 tidak_bekerja at +400 (2025-02-23) (magang 50 days too early: not placed).
  → 2024 cohort at TRACER_AS_OF: T1's 10 + P1's A B E + P3's A F = 15 (all Las; no
    Garmen cohort yet). Answers: TB TC TE TG TK TM TN + A/P1 B/P1 E/P1 F/P3 = 11
    (response 11/15 = 73,33%); no answer: TA TD TF A/P3 (4).
    Working: TB TE TG TK TM A/P1 E/P1 = 7 of 11 = 63,64%; bekerja TB TG TM A/P1 (4),
    wirausaha TE E/P1 (2), magang TK (1), tidak_bekerja TC TN F/P3 (3), studi_lanjut
    B/P1 (1). Median bekerja wage: 5, 5,5, 6, 7 juta → (5,5 + 6) / 2 = 5,75 juta.
    Kept the first job (placed kerja within 6 months, answered): TB same, TG moved,
    A/P1 same → 2 of 3 (TA placed but no answer; B/P1 placed outside the window).
    From 6 to 12 months: placed within 6 months and answered TB TC TE TG TK A/P1
    E/P1 = 7, still working 6, stopped 1 (TC); not placed and answered TM TN B/P1
    F/P3 = 4, found work later 1 (TM), not working 3.
    Repeat employers 2024 (kerja/magang starts): E1 (A, G, TA, TB, TG), E2 (B; TC twice
    in 2024: no earlier year), E3 (TK); E1 hired F in 2023 → 1 of 3.
  Low response (TRACER_LOW_RESPONSE_DROPS: every answer of TG TM TN A B E F removed):
    answers TB TC TE TK = 4 of 15 (26,67%), working TB TE TK = 3 of 4 (75,00%).

Extension "link_match" (``extras=("link_match",)``): more years for the link and
match gap. P6 Garmen BLK Kota Cilegon pelatihan APBD tahun 2023, 2023-05-01 →
2023-06-30: B, G and E graduate on 2023-06-30 (not certified). Vacancies E1 Las 2023:
4; E2 Garmen 2022: 3; E2 Las 2022: 0 (a reported zero). Employer E4 PT Tanpa Lulusan
(KBLI F, Citangkil, not a member) reports 5 Las vacancies in 2024 and took on only D
(kerja 2024-06-01, Rp 4.900.000, no programme), who never graduated.

Extension "budget" (``extras=("budget",)``): P7 Teknologi Informasi BBPVP Serang
pelatihan APBN tahun 2024, 2024-10-01 → 2024-11-30, kuota 16, nobody enrolled. Budget
lines 2024: P5 CSR 100 / 20, P7 APBN 40 / 10, KEG-02 lainnya 20 / 25 (juta). Monthly
spending 2024 (data up to June): P1 APBN 15 each month 1-6; P1 APBD 10 in May, 5 in
June; P4 APBD 16 in June; P5 CSR 11 in June; nothing else.

Extension "public" (``extras=("public",)``; dataset_info is_demo "false"): the
public page's small cells, in 2021 and 2022, years the base leaves empty, so its
cells below are exactly these whatever the base publishes for 2023-2025. 30 persons
(L, SMK, public_pid(i)), each in exactly one programme (so the breakdowns add up
exactly); every graduate graduated before 2022-07-01, so all are lulusan_matang.
Kejuruan 4 Listrik is added; penyelenggara BLK Kota Cilegon; employers E1 (local) and
E2 (outside Cilegon) of the base.
  Programmes (kejuruan, jenis, sumber_dana, mulai → selesai; persons by kecamatan):
    P21  Las     pelatihan   APBN  2021-02-01 → 2021-03-31  8: Ciwandan 5, Grogol 3
    P22L Las     pelatihan   APBN  2022-02-01 → 2022-03-31  12: Ciwandan 6, Grogol 6
    P22K Listrik pemagangan  APBD  2022-04-01 → 2022-05-31  7: Ciwandan 4, Grogol 3
    P22G Garmen  pelatihan   CSR   2022-03-01 → 2022-04-30  3: Cibeber 3
  Outcomes (lulus on the programme's last day; "placed" = a placement 30 days after):
    P21  8 lulus (Ciwandan 5, Grogol 3); certified Ciwandan 4, Grogol 2;
         placed Ciwandan 3, Grogol 2 (kerja at E1, Rp 5.000.000)
    P22L 10 lulus: Ciwandan 5 (+1 tidak_lulus), Grogol 5 (+1 mengundurkan_diri);
         certified 8 (Ciwandan 4, Grogol 4); placed 6: Ciwandan 3 (kerja E1), Grogol
         3 (kerja E1, kerja E2 Rp 4.500.000, magang E1 Rp 2.500.000)
    P22K 7 lulus (Ciwandan 4, Grogol 3); certified 3 (Ciwandan 2, Grogol 1);
         placed 2 (Ciwandan, kerja E1)
    P22G 2 lulus + 1 tidak_lulus (Cibeber); certified 2; placed 1 (wirausaha)
  → 2022 per kejuruan: peserta Las 12, Listrik 7, Garmen 3 (total 22); lulusan 10,
    7, 2 (19); tersertifikasi 8, 3, 2 (13); ditempatkan_6b 6, 2, 1 (9).
  → 2022 per kecamatan: peserta Ciwandan 10, Grogol 9, Cibeber 3; lulusan 9, 8, 2.
  → 2021 per kecamatan: peserta Ciwandan 5, Grogol 3.
  Budget (pagu / realisasi, juta): 2021 P21 APBN 80 / 80; 2022 P22L APBN 100 / 90,
  P22K APBD 50 / 45, P22G CSR 20 / 18.
  Targets 2022: tingkat_kelulusan 80 (actual 19 of 22 ended = 86,36%: on track);
  peserta 25 (actual 22 < 25 − 10%: off track).

"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

import duckdb

from workforce import refresh
from workforce.core import db
from workforce.core.pseudonym import DEMO_KEY, pseudonymise

AS_OF = date(2024, 12, 31)
UMK_2023 = 4_657_222.94  # UMK Kota Cilegon (reference data/seed/umk_cilegon.csv)
UMK_2024 = 4_815_102

# person -> (sex, birth date, pendidikan, kecamatan_kode, kelurahan_kode, disabilitas)
PERSONS = {
    "A": ("L", "2000-01-10", "SMK", "36.72.04", "36.72.04.1005", False),  # Ciwandan
    "B": ("P", "1993-05-05", "SMA", "36.72.04", "36.72.04.1002", False),  # Ciwandan
    "C": ("L", "2001-07-07", "SD", "36.72.08", None, False),  # Citangkil
    "D": ("P", "1999-02-01", "D3", "36.72.08", None, True),  # Citangkil
    "E": ("L", "2005-01-15", "SMK", "36.72.01", None, False),  # Cibeber
    "F": ("P", "1987-12-12", "S1", "36.72.01", None, False),  # Cibeber
    "G": ("L", "2003-09-09", "SMP", "36.72.06", None, False),  # Grogol
}
PROGRAMMES = [
    # kode, kejuruan_id, penyelenggara_id, jenis, sumber_dana, tahun, mulai, selesai
    ("P1", 1, 1, "pelatihan", "APBN", 2024, "2024-02-01", "2024-03-01"),
    ("P2", 2, 2, "pelatihan", "APBD", 2024, "2024-09-01", "2024-10-15"),
    ("P3", 1, 1, "sertifikasi", "APBN", 2023, "2023-11-01", "2024-01-20"),
    ("P4", 2, 2, "pelatihan", "APBD", 2024, "2024-04-01", "2024-05-01"),
    ("P5", 3, 2, "pemagangan", "CSR", 2024, "2024-12-01", "2025-02-28"),
]
ENROLMENTS = [
    # person, programme, status, tanggal_lulus, tersertifikasi
    ("A", "P1", "lulus", "2024-03-01", True),
    ("B", "P1", "lulus", "2024-03-01", False),
    ("C", "P1", "tidak_lulus", None, False),
    ("D", "P1", "mengundurkan_diri", None, False),
    ("E", "P1", "lulus", "2024-03-01", True),
    ("A", "P3", "lulus", "2024-01-20", True),  # A is enrolled twice
    ("F", "P3", "lulus", "2024-01-20", True),
    ("G", "P2", "lulus", "2024-10-15", False),  # immature at 31 Dec 2024
    ("C", "P2", "lulus", "2024-10-15", True),
    ("D", "P4", "tidak_lulus", None, False),  # P4 has no graduate
    ("E", "P4", "mengundurkan_diri", None, False),
    ("B", "P5", "mengikuti", None, False),  # still in training
    ("G", "P5", "terdaftar", None, False),  # registered only
]
PLACEMENTS = [
    # person, jenis, mulai, employer, programme, wage
    ("A", "kerja", "2024-02-15", "E1", "P1", 5_000_000),  # 15 days before graduating
    ("B", "kerja", "2024-10-01", "E2", "P1", 4_000_000),  # day 214: outside window
    ("E", "wirausaha", "2024-05-01", None, "P1", None),  # day 61
    ("F", "magang", "2023-12-01", "E1", "P3", 2_500_000),  # 50 days before: too early
    ("G", "kerja", "2024-11-01", "E1", "P2", 6_000_000),  # day 17 (cohort immature)
    ("D", "kerja", "2023-06-01", "E1", None, 4_000_000),  # no programme, no graduate
]
BUDGET = [
    # tahun, kode_program, sumber_dana, pagu, realisasi
    (2024, "P1", "APBN", 100_000_000, 90_000_000),
    (2024, "P1", "APBD", 20_000_000, 20_000_000),  # P1 funded from two sources
    (2024, "P2", "APBD", 50_000_000, 40_000_000),
    (2024, "P4", "APBD", 30_000_000, 30_000_000),
    (2023, "P3", "APBN", 40_000_000, 35_000_000),
    (2024, "P3", "APBN", 20_000_000, 20_000_000),  # P3's APBN money spans two years
    (2024, "KEG-01", "CSR", 10_000_000, 12_000_000),  # kegiatan, above pagu
]
VACANCIES = [
    # employer, kejuruan_id, tahun, jumlah
    ("E1", 1, 2024, 10),
    ("E2", 1, 2024, 2),
    ("E1", 2, 2024, 1),
]
TARGETS = [
    # tahun, kpi, target
    (2024, "tpt", 6.0),
    (2024, "tingkat_kelulusan", 70),
    (2024, "peserta", 10),
    (2024, "tingkat_sertifikasi", 70),
    (2024, "tingkat_penempatan_6b", 80),
    (2024, "biaya_per_penempatan", 70_000_000),
    (2023, "tpt", 7.0),
]

# The registry's KPIs per year, as of AS_OF, worked out by hand from the facts above
# (None: not available, a zero denominator). tpt and tpak come from the BPS reference
# table that init_database loads, not from the fixture rows.
EXPECTED: dict[int, dict[str, float | None]] = {
    2024: {
        "tpt": 6.08,  # published for 2024
        "tpak": None,  # not published for 2024
        "peserta": 6,  # A B C D E G
        "tingkat_kelulusan": 7 / 11 * 100,  # 63,64%: 7 lulus of 11 ended enrolments
        "tingkat_sertifikasi": 5 / 7 * 100,  # 71,43%: A/P1 E/P1 A/P3 F/P3 C/P2
        "tingkat_penempatan_6b": 3 / 5 * 100,  # A/P1, E/P1, A/P3 of A B E A F
        "penempatan": 4,  # A B G kerja, E wirausaha (F's began in 2023)
        "upah_median": 5_000_000,  # median of A 5, B 4, G 6 juta
        "upah_vs_umk": 5_000_000 / UMK_2024 * 100,  # 103,84%
        "porsi_lokal": 2 / 3 * 100,  # A, G at E1 of A, B, G (E: no employer)
        "kesenjangan_link_match": 6,  # vacancies 10 + 2 + 1 = 13 − 7 graduates
        "pagu": 230_000_000,  # 100 + 20 + 50 + 30 + 20 + 10 juta
        "realisasi": 212_000_000,  # 90 + 20 + 40 + 30 + 20 + 12 juta
        "serapan_anggaran": 212 / 230 * 100,  # 92,17%
        "porsi_apbn": 110 / 212 * 100,  # APBN P1 90 + P3 20 juta = 110 of 212
        # programmes ending in 2024: P1 110 + P2 40 + P3 (35 + 20) + P4 30 = 235 juta
        # over 3 + 2 + 2 + 0 graduates
        "biaya_per_lulusan": 235_000_000 / 7,
        # ending by 2024-07-01: P1 110 + P3 55 + P4 30 = 195 juta over placed A, E, A
        "biaya_per_penempatan": 195_000_000 / 3,  # Rp 65 juta
        # no 2024 graduate is 425 days old at 2024-12-31, and there is no tracer survey
        "retensi_12b": None,
        "tingkat_respons_12b": None,
        "upah_median_12b": None,
        "bertahan_di_perusahaan": None,
        # kerja/magang employers in 2024: E1 (A, G), E2 (B); E1 also hired F in 2023
        "perusahaan_berulang": 1 / 2 * 100,
    },
    2023: {
        "tpt": 7.25,  # published for 2023
        "tpak": 62.70,
        "peserta": 2,  # P3 starts 2023-11-01: A F
        "tingkat_kelulusan": None,  # no programme ends in 2023
        "tingkat_sertifikasi": None,
        "tingkat_penempatan_6b": None,  # nobody graduates in 2023
        "penempatan": 2,  # D kerja 2023-06-01, F magang 2023-12-01
        "upah_median": 4_000_000,  # D's, the one kerja placement of 2023
        "upah_vs_umk": 4_000_000 / UMK_2023 * 100,  # 85,89%
        "porsi_lokal": 100.0,  # D and F at E1, 2 of 2
        "pagu": 40_000_000,  # P3 APBN
        "realisasi": 35_000_000,
        "serapan_anggaran": 35 / 40 * 100,  # 87,50%
        "porsi_apbn": 100.0,  # all APBN
        "biaya_per_lulusan": None,  # no programme ends in 2023
        "biaya_per_penempatan": None,
        "perusahaan_berulang": 0.0,  # E1 hired D and F; no earlier year: 0 of 1
    },
}


def pid(person: str) -> str:
    """Pseudonym of a fixture person (made-up NIK): A-G of the base, TA-TN of the
    tracer extension."""
    if person.startswith("T"):
        index = "ABCDEFGHIJKLMN".index(person[1])
        return pseudonymise(f"36720202020000{index:02d}", DEMO_KEY)
    return pseudonymise(f"367201010100000{ord(person) % 10}", DEMO_KEY)


def _insert_base(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(
        "insert into ref_kejuruan values (1, 'Las', 'las'), (2, 'Garmen', 'garmen'),"
        " (3, 'Teknologi Informasi', 'teknologi informasi')"
    )
    conn.execute(
        "insert into ref_penyelenggara values "
        "(1, 'BBPVP Serang', 'bbpvp serang'), (2, 'BLK Kota Cilegon', 'blk kota cilegon')"
    )
    conn.executemany(
        "insert into peserta values (?, ?, ?, ?, ?, ?, ?)",
        [(pid(p), *facts) for p, facts in PERSONS.items()],
    )
    conn.execute(
        "insert into perusahaan values ('E1', 'PT Baja', 'C', '36.72.04', true),"
        " ('E2', 'PT Luar', 'H', null, false)"
    )
    conn.executemany(
        "insert into program values (?, ?, ?, ?, ?, ?, ?, ?, ?, 20)",
        [(row[0], row[0], *row[1:]) for row in PROGRAMMES],
    )
    conn.executemany(
        "insert into pendaftaran values (?, ?, ?, ?, ?)",
        [(pid(p), *rest) for p, *rest in ENROLMENTS],
    )
    conn.executemany(
        "insert into penempatan values (?, ?, ?, ?, ?, ?)",
        [(pid(p), *rest) for p, *rest in PLACEMENTS],
    )
    conn.executemany("insert into anggaran values (?, ?, ?, ?, ?)", BUDGET)
    conn.executemany("insert into lowongan values (?, ?, ?, ?)", VACANCIES)
    conn.executemany("insert into target values (?, ?, ?)", TARGETS)


# ---- extension "tracer": the 12-month tracer study (facts in the docstring) ----------

TRACER_AS_OF = date(2025, 12, 13)
T1_LULUS = date(2024, 3, 1)
T2_LULUS = date(2024, 12, 1)
TRACER_LOW_RESPONSE_DROPS = ("TG", "TM", "TN", "A", "B", "E", "F")
# The 12-month KPIs of 2024 with the extension, as of TRACER_AS_OF, by hand (the facts
# and the lists behind each figure are in the docstring's "tracer" section).
EXPECTED_TRACER_2024: dict[str, float] = {
    "retensi_12b": 7 / 11 * 100,  # working 7 of 11 answers: 63,64%
    "tingkat_respons_12b": 11 / 15 * 100,  # 11 answers of a cohort of 15: 73,33%
    "upah_median_12b": 5_750_000,  # 5, 5,5, 6, 7 juta: (5,5 + 6) / 2
    "bertahan_di_perusahaan": 2 / 3 * 100,  # TB and A/P1 kept it, TG moved
    "perusahaan_berulang": 1 / 3 * 100,  # E1 of E1, E2, E3
}
TRACER_ENROLMENTS = [
    # person, programme, status
    *[(p, "T1", "lulus") for p in ("TA", "TB", "TC", "TD", "TE", "TF", "TG")],
    *[(p, "T1", "lulus") for p in ("TK", "TM", "TN")],
    ("TI", "T2", "lulus"),
    ("TJ", "T1", "tidak_lulus"),
]
# person, programme, days after graduation, status, wage, same employer
TRACER_SURVEYS = [
    ("TA", "T1", 304, "bekerja", 4_000_000, True),
    ("TB", "T1", 305, "bekerja", 5_000_000, True),
    ("TC", "T1", 425, "tidak_bekerja", None, None),
    ("TD", "T1", 426, "bekerja", 9_000_000, True),
    ("TE", "T1", 320, "tidak_bekerja", None, None),
    ("TE", "T1", 400, "wirausaha", 3_000_000, False),
    ("TF", "T1", 350, "tidak_terlacak", None, None),
    ("TG", "T1", 360, "bekerja", 7_000_000, False),
    ("TG", "T1", 420, "tidak_terlacak", None, None),
    ("TK", "T1", 330, "magang", 2_000_000, True),
    ("TM", "T1", 340, "bekerja", 6_000_000, False),
    ("TN", "T1", 310, "tidak_bekerja", None, None),
    ("TI", "T2", 310, "bekerja", 8_000_000, True),
    ("TJ", "T1", 330, "bekerja", 8_000_000, True),
    # the base's Las graduates of 2024 (A/P3 is never asked)
    ("A", "P1", 330, "bekerja", 5_500_000, True),
    ("B", "P1", 365, "studi_lanjut", None, None),
    ("E", "P1", 310, "wirausaha", None, None),
    ("F", "P3", 400, "tidak_bekerja", None, None),
]
# person, jenis, days after T1's graduation, employer, wage (no kode_program)
TRACER_PLACEMENTS = [
    ("TA", "kerja", 20, "E1", 4_500_000),
    ("TB", "kerja", 10, "E1", 4_800_000),
    ("TC", "kerja", 200, "E2", 4_000_000),
    ("TC", "magang", -20, "E2", 1_500_000),
    ("TE", "wirausaha", 50, None, None),
    ("TG", "kerja", 100, "E1", 6_000_000),
    ("TK", "magang", 0, "E3", 2_000_000),
]
TRACER_BUDGET = [
    (2024, "T1", "APBN", 240_000_000, 240_000_000),
    (2024, "T2", "APBD", 20_000_000, 20_000_000),
]
_LULUS = {"T1": T1_LULUS, "T2": T2_LULUS}


def _graduation(person: str, programme: str) -> date:
    """The graduation date of a surveyed enrolment (base or tracer)."""
    if programme in _LULUS:
        return _LULUS[programme]
    found = [row[3] for row in ENROLMENTS if row[:2] == (person, programme)]
    return date.fromisoformat(found[0])


def day(offset: int, lulus: date = T1_LULUS) -> date:
    """The date ``offset`` days after a graduation (T1's unless given)."""
    return lulus + timedelta(days=offset)


def _insert_tracer(conn: duckdb.DuckDBPyConnection) -> None:
    people = sorted({p for p, *_ in TRACER_ENROLMENTS})
    conn.executemany(
        "insert into peserta values (?, 'P', '2000-01-01', 'SMK', '36.72.04', null,"
        " false)",
        [(pid(p),) for p in people],
    )
    conn.execute("insert into perusahaan values ('E3', 'PT Las', 'C', null, false)")
    conn.execute(
        "insert into program values"
        " ('T1', 'T1', 1, 1, 'pelatihan', 'APBN', 2024, '2024-02-01', '2024-03-01', 20),"
        " ('T2', 'T2', 2, 2, 'pelatihan', 'APBD', 2024, '2024-11-01', '2024-12-01', 20)"
    )
    conn.executemany(
        "insert into pendaftaran values (?, ?, ?, ?, false)",
        [
            (pid(p), prog, status, _LULUS[prog] if status == "lulus" else None)
            for p, prog, status in TRACER_ENROLMENTS
        ],
    )
    conn.executemany(
        "insert into pelacakan values (?, ?, ?, ?, ?, null, ?, 'telepon')",
        [
            (pid(p), prog, day(offset, _graduation(p, prog)), status, wage, same)
            for p, prog, offset, status, wage, same in TRACER_SURVEYS
        ],
    )
    conn.executemany(
        "insert into penempatan values (?, ?, ?, ?, null, ?)",
        [
            (pid(p), jenis, day(d), emp, wage)
            for p, jenis, d, emp, wage in TRACER_PLACEMENTS
        ],
    )
    conn.executemany("insert into anggaran values (?, ?, ?, ?, ?)", TRACER_BUDGET)


# ---- extension "link_match": more years of vacancies and graduates ----------------


def _insert_link_match(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(
        "insert into program values ('P6', 'P6', 2, 2, 'pelatihan', 'APBD', 2023,"
        " '2023-05-01', '2023-06-30', 20)"
    )
    conn.executemany(
        "insert into pendaftaran values (?, 'P6', 'lulus', '2023-06-30', false)",
        [(pid(p),) for p in "BGE"],
    )
    conn.execute(
        "insert into perusahaan values ('E4', 'PT Tanpa Lulusan', 'F', '36.72.08',"
        " false)"
    )
    conn.execute(
        "insert into lowongan values ('E1', 1, 2023, 4), ('E2', 2, 2022, 3),"
        " ('E2', 1, 2022, 0), ('E4', 1, 2024, 5)"
    )
    conn.execute(
        "insert into penempatan values (?, 'kerja', '2024-06-01', 'E4', null, 4900000)",
        [pid("D")],
    )


# ---- extension "budget": more budget lines and monthly spending -----------------------

JT = 1_000_000
BUDGET_EXTRA = [
    # tahun, kode_program, sumber_dana, pagu, realisasi
    (2024, "P5", "CSR", 100 * JT, 20 * JT),  # a programme running into 2025
    (2024, "P7", "APBN", 40 * JT, 10 * JT),  # spending, nobody enrolled
    (2024, "KEG-02", "lainnya", 20 * JT, 25 * JT),  # a kegiatan above its pagu
]
MONTHLY = [
    # tahun, bulan, kode_program, sumber_dana, realisasi (data up to June)
    *[(2024, m, "P1", "APBN", 15 * JT) for m in range(1, 7)],
    (2024, 5, "P1", "APBD", 10 * JT),
    (2024, 6, "P1", "APBD", 5 * JT),
    (2024, 6, "P4", "APBD", 16 * JT),
    (2024, 6, "P5", "CSR", 11 * JT),
]


def _insert_budget(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(
        "insert into program values ('P7', 'P7', 3, 1, 'pelatihan', 'APBN', 2024,"
        " '2024-10-01', '2024-11-30', 16)"
    )
    conn.executemany("insert into anggaran values (?, ?, ?, ?, ?)", BUDGET_EXTRA)
    conn.executemany("insert into realisasi_bulanan values (?, ?, ?, ?, ?)", MONTHLY)


# ---- extension "public": 30 persons in 2021-2022, small cells on purpose ---------------

PUBLIC_KEC = {"Ciwandan": "36.72.04", "Grogol": "36.72.06", "Cibeber": "36.72.01"}
PUBLIC_PROGRAMMES = {
    # kode: (kejuruan_id, jenis, sumber_dana, tahun, mulai, selesai)
    "P21": (1, "pelatihan", "APBN", 2021, date(2021, 2, 1), date(2021, 3, 31)),
    "P22L": (1, "pelatihan", "APBN", 2022, date(2022, 2, 1), date(2022, 3, 31)),
    "P22K": (4, "pemagangan", "APBD", 2022, date(2022, 4, 1), date(2022, 5, 31)),
    "P22G": (2, "pelatihan", "CSR", 2022, date(2022, 3, 1), date(2022, 4, 30)),
}
# programme, kecamatan, status, certified, placement (jenis, employer, wage) or None
KERJA_E1 = ("kerja", "E1", 5_000_000)
PUBLIC_PEOPLE = [
    *[("P21", "Ciwandan", "lulus", i < 4, KERJA_E1 if i < 3 else None) for i in range(5)],
    *[("P21", "Grogol", "lulus", i < 2, KERJA_E1 if i < 2 else None) for i in range(3)],
    *[("P22L", "Ciwandan", "lulus", i < 4, KERJA_E1 if i < 3 else None) for i in range(5)],
    ("P22L", "Ciwandan", "tidak_lulus", False, None),
    ("P22L", "Grogol", "lulus", True, KERJA_E1),
    ("P22L", "Grogol", "lulus", True, ("kerja", "E2", 4_500_000)),
    ("P22L", "Grogol", "lulus", True, ("magang", "E1", 2_500_000)),
    ("P22L", "Grogol", "lulus", True, None),
    ("P22L", "Grogol", "lulus", False, None),
    ("P22L", "Grogol", "mengundurkan_diri", False, None),
    *[("P22K", "Ciwandan", "lulus", i < 2, KERJA_E1 if i < 2 else None) for i in range(4)],
    *[("P22K", "Grogol", "lulus", i < 1, None) for i in range(3)],
    ("P22G", "Cibeber", "lulus", True, ("wirausaha", None, None)),
    ("P22G", "Cibeber", "lulus", True, None),
    ("P22G", "Cibeber", "tidak_lulus", False, None),
]  # fmt: skip
PUBLIC_BUDGET = [
    (2021, "P21", "APBN", 80 * JT, 80 * JT),
    (2022, "P22L", "APBN", 100 * JT, 90 * JT),
    (2022, "P22K", "APBD", 50 * JT, 45 * JT),
    (2022, "P22G", "CSR", 20 * JT, 18 * JT),
]
PUBLIC_TARGETS = [(2022, "tingkat_kelulusan", 80.0), (2022, "peserta", 25.0)]


def public_pid(i: int) -> str:
    """Pseudonym of person ``i`` of the public extension (made-up NIK)."""
    return pseudonymise(f"3672030303{i:06d}", DEMO_KEY)


def _insert_public(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("insert into ref_kejuruan values (4, 'Listrik', 'listrik')")
    conn.executemany(
        "insert into program values (?, ?, ?, 2, ?, ?, ?, ?, ?, 20)",
        [(k, k, *v) for k, v in PUBLIC_PROGRAMMES.items()],
    )
    for i, (prog, kec, status, certified, placement) in enumerate(PUBLIC_PEOPLE):
        ended = PUBLIC_PROGRAMMES[prog][5]
        conn.execute(
            "insert into peserta values (?, 'L', ?, 'SMK', ?, null, false)",
            [public_pid(i), date(2000, 1, 1) + timedelta(days=37 * i), PUBLIC_KEC[kec]],
        )
        conn.execute(
            "insert into pendaftaran values (?, ?, ?, ?, ?)",
            [
                public_pid(i),
                prog,
                status,
                ended if status == "lulus" else None,
                certified,
            ],
        )
        if placement:
            jenis, employer, wage = placement
            conn.execute(
                "insert into penempatan values (?, ?, ?, ?, ?, ?)",
                [
                    public_pid(i),
                    jenis,
                    ended + timedelta(days=30),
                    employer,
                    prog,
                    wage,
                ],
            )
    conn.executemany("insert into anggaran values (?, ?, ?, ?, ?)", PUBLIC_BUDGET)
    conn.executemany("insert into target values (?, ?, ?)", PUBLIC_TARGETS)


# name -> (rows to add, the data date of a database built with them)
EXTRAS: dict[str, tuple[Callable[[duckdb.DuckDBPyConnection], None], date]] = {
    "tracer": (_insert_tracer, TRACER_AS_OF),
    "link_match": (_insert_link_match, AS_OF),
    "budget": (_insert_budget, AS_OF),
    "public": (_insert_public, AS_OF),
}
# extensions whose database is real-looking data, not the demo (dataset_info is_demo)
NOT_DEMO = {"public"}


def build(conn: duckdb.DuckDBPyConnection, extras: Sequence[str] = ()) -> None:
    """Insert the fixture (and the named ``extras``) into an initialised database,
    rebuild the marts and set the dataset info (data_as_of: AS_OF, or the extension's
    own date)."""
    _insert_base(conn)
    as_of = AS_OF
    for name in extras:
        insert, as_of = EXTRAS[name]
        insert(conn)
    refresh.refresh_marts(conn)
    db.set_info(conn, "is_demo", "false" if NOT_DEMO & set(extras) else "true")
    db.set_info(conn, "data_as_of", as_of.isoformat())
