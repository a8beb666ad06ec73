"""The import templates, declared in one place each (see shared/data-contract.md).

A template lists its columns: the header users type, the kind of value (which
parser reads it), whether it is required or part of the key, its range, what it
references and the database column it lands in, plus an example value for the
downloadable blank template. Cross-column rules are named here and implemented in
``validate.RULES``. Nothing else in the package knows a template's columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from workforce.core import metrics

ENUMS: dict[str, dict[str, tuple[str, ...]]] = {
    # canonical value → other accepted spellings (compared lower case, with only
    # letters and digits kept: "Tidak Lulus" and "tidak_lulus" are the same)
    "jenis_kelamin": {
        "L": ("laki-laki", "laki laki", "pria", "lk"),
        "P": ("perempuan", "wanita", "pr"),
    },
    "pendidikan": {
        "SD": ("MI", "sekolah dasar"),
        "SMP": ("SLTP", "MTs"),
        "SMA": ("SLTA", "MA"),
        "SMK": (),
        "D1": ("D-I",),
        "D2": ("D-II",),
        "D3": ("D-III",),
        "D4": ("D-IV",),
        "S1": (),
        "S2": (),
        "S3": (),
    },
    "jenis": {
        "pelatihan": (),
        "pemagangan": ("magang",),
        "sertifikasi": (),
    },
    "sumber_dana": {
        "APBN": (),
        "APBD": (),
        "CSR": ("TJSL",),
        "lainnya": ("lain-lain", "lain"),
    },
    "status": {
        "terdaftar": (),
        "mengikuti": (),
        "lulus": (),
        "tidak_lulus": (),
        "mengundurkan_diri": ("mundur",),
    },
    "jenis_penempatan": {
        "kerja": ("bekerja",),
        "magang": (),
        "wirausaha": ("usaha",),
    },
    "status_kerja": {
        "bekerja": ("kerja",),
        "wirausaha": ("usaha",),
        "magang": (),
        "tidak_bekerja": ("menganggur",),
        "studi_lanjut": ("kuliah", "sekolah"),
        "tidak_terlacak": ("tidak diketahui",),
    },
    "sumber": {
        "survei": ("kuesioner",),
        "telepon": ("telp", "wawancara telepon"),
        "BPJS Ketenagakerjaan": ("BPJS", "BPJS TK", "BPJSTK"),
    },
}

# A target's `indikator` must be a KPI id of the registry.
KPI_IDS = tuple(m.id for m in metrics.REGISTRY)


@dataclass(frozen=True)
class Column:
    """One column of a template.

    ``kind`` says how the text is read (workforce.ingest.parse): ``nik`` (16 digits,
    pseudonymised), ``text``, ``code``, ``int`` and ``number`` (within low/high),
    ``money`` (Rupiah), ``bool`` (ya/tidak), ``date`` (day first, Indonesian month
    names, Excel dates), ``enum`` (one of ENUMS), ``kecamatan``, ``kelurahan``,
    ``kbli``, ``refname`` (kejuruan, penyelenggara), ``wilayah``, ``indikator``.
    """

    name: str
    kind: str
    required: bool = False
    key: bool = False
    db: str | None = None
    low: float | None = None
    high: float | None = None
    ref: str | None = None  # program | perusahaan | peserta
    not_future: bool = False
    outside_ok: bool = False  # kecamatan may be "luar Cilegon" (stored as null)
    example: str = ""

    @property
    def target(self) -> str:
        """The database column the value lands in."""
        return self.db or self.name


@dataclass(frozen=True)
class Template:
    """One import template: its table, columns, cross-column rules."""

    name: str
    table: str
    columns: tuple[Column, ...]
    rules: tuple[str, ...] = ()
    either: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def key(self) -> tuple[Column, ...]:
        """The columns that identify a row (the upsert key)."""
        return tuple(c for c in self.columns if c.key)

    @property
    def names(self) -> tuple[str, ...]:
        """Column names in template order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        return next(c for c in self.columns if c.name == name)


C = Column
NIK_EXAMPLE = "3672015505990001"

TEMPLATES: tuple[Template, ...] = (
    Template(
        "perusahaan",
        "perusahaan",
        (
            C("kode_perusahaan", "code", True, True, example="PRS-0001"),
            C("nama_perusahaan", "text", True, example="PT Contoh Baja Cilegon"),
            C("sektor_kbli", "kbli", True, example="C"),
            C(
                "kecamatan",
                "kecamatan",
                True,
                db="kecamatan_kode",
                outside_ok=True,
                example="Citangkil",
            ),
            C("anggota_apindo", "bool", db="is_anggota_apindo", example="ya"),
        ),
    ),
    Template(
        "program",
        "program",
        (
            C("kode_program", "code", True, True, example="PLT-2025-001"),
            C("nama_program", "text", True, example="Pelatihan Las SMAW Angkatan 1"),
            C("kejuruan", "refname", True, db="kejuruan_id", example="Las"),
            C(
                "penyelenggara",
                "refname",
                True,
                db="penyelenggara_id",
                example="BBPVP Serang",
            ),
            C("jenis", "enum", True, example="pelatihan"),
            C("sumber_dana", "enum", True, example="APBN"),
            C("tahun", "int", True, low=2000, high=2100, example="2025"),
            C("tanggal_mulai", "date", True, example="1 Oktober 2025"),
            C("tanggal_selesai", "date", True, example="16-Okt-2025"),
            C("kuota", "int", low=0, high=100_000, example="16"),
        ),
        rules=("end_after_start",),
    ),
    Template(
        "peserta",
        "peserta",
        (
            C("nik", "nik", True, True, db="peserta_id", example=NIK_EXAMPLE),
            C("jenis_kelamin", "enum", True, example="P"),
            C("tanggal_lahir", "date", True, not_future=True, example="15/05/1999"),
            C("pendidikan", "enum", True, example="SMK"),
            C("kecamatan", "kecamatan", True, db="kecamatan_kode", example="Ciwandan"),
            C("kelurahan", "kelurahan", db="kelurahan_kode", example="Kepuh"),
            C("disabilitas", "bool", db="is_disabilitas", example="tidak"),
        ),
        rules=("kelurahan_in_kecamatan",),
    ),
    Template(
        "pendaftaran",
        "pendaftaran",
        (
            C(
                "nik",
                "nik",
                True,
                True,
                db="peserta_id",
                ref="peserta",
                example=NIK_EXAMPLE,
            ),
            C(
                "kode_program",
                "code",
                True,
                True,
                ref="program",
                example="PLT-2025-001",
            ),
            C("status", "enum", True, example="lulus"),
            C("tanggal_lulus", "date", not_future=True, example="16/10/2025"),
            C("tersertifikasi", "bool", db="is_tersertifikasi", example="ya"),
        ),
        rules=("lulus_needs_date",),
    ),
    Template(
        "penempatan",
        "penempatan",
        (
            C(
                "nik",
                "nik",
                True,
                True,
                db="peserta_id",
                ref="peserta",
                example=NIK_EXAMPLE,
            ),
            C("jenis_penempatan", "enum", True, True, example="kerja"),
            C(
                "tanggal_mulai",
                "date",
                True,
                True,
                not_future=True,
                example="1 November 2025",
            ),
            C("kode_perusahaan", "code", ref="perusahaan", example="PRS-0001"),
            C("kode_program", "code", ref="program", example="PLT-2025-001"),
            C(
                "upah_bulanan",
                "money",
                db="upah_bulanan_rupiah",
                low=0,
                example="Rp 5.128.084",
            ),
        ),
        rules=("employer_unless_wirausaha",),
    ),
    Template(
        "pelacakan",
        "pelacakan",
        (
            C(
                "nik",
                "nik",
                True,
                True,
                db="peserta_id",
                ref="peserta",
                example=NIK_EXAMPLE,
            ),
            C(
                "kode_program",
                "code",
                True,
                True,
                ref="program",
                example="PLT-2025-001",
            ),
            C(
                "tanggal_survei",
                "date",
                True,
                True,
                not_future=True,
                example="20 Oktober 2026",
            ),
            C("status_kerja", "enum", True, example="bekerja"),
            C(
                "upah_bulanan",
                "money",
                db="upah_bulanan_rupiah",
                low=0,
                example="Rp 5.400.000",
            ),
            C("kode_perusahaan", "code", ref="perusahaan", example="PRS-0001"),
            C(
                "sama_dengan_penempatan_awal",
                "bool",
                db="is_sama_dengan_penempatan_awal",
                example="ya",
            ),
            C("sumber", "enum", example="telepon"),
        ),
        rules=("survey_after_graduation",),
    ),
    Template(
        "lowongan",
        "lowongan",
        (
            C(
                "kode_perusahaan",
                "code",
                True,
                True,
                ref="perusahaan",
                example="PRS-0001",
            ),
            C("kejuruan", "refname", True, True, db="kejuruan_id", example="Las"),
            C("tahun", "int", True, True, low=2000, high=2100, example="2025"),
            C("jumlah", "int", True, low=0, high=1_000_000, example="12"),
        ),
    ),
    Template(
        "anggaran",
        "anggaran",
        (
            C("tahun", "int", True, True, low=2000, high=2100, example="2025"),
            C("kode_program", "code", True, True, example="PLT-2025-001"),
            C("sumber_dana", "enum", True, True, example="APBN"),
            C("pagu", "money", True, db="pagu_rupiah", low=0, example="Rp 120.000.000"),
            C(
                "realisasi",
                "money",
                True,
                db="realisasi_rupiah",
                low=0,
                example="Rp 98.500.000,00",
            ),
        ),
        rules=("realisasi_within_pagu",),
    ),
    Template(
        "realisasi_bulanan",
        "realisasi_bulanan",
        (
            C("tahun", "int", True, True, low=2000, high=2100, example="2025"),
            C("bulan", "int", True, True, low=1, high=12, example="10"),
            C("kode_program", "code", True, True, example="PLT-2025-001"),
            C("sumber_dana", "enum", True, True, example="APBN"),
            C(
                "realisasi",
                "money",
                True,
                db="realisasi_rupiah",
                low=0,
                example="Rp 45.000.000",
            ),
        ),
    ),
    Template(
        "statistik_tenaga_kerja",
        "statistik_tenaga_kerja",
        (
            C("tahun", "int", True, True, low=1990, high=2100, example="2025"),
            C("wilayah", "wilayah", True, True, example="Kota Cilegon"),
            C("sumber", "text", True, example="BPS, Sakernas Agustus 2025"),
            C("tpt_pct", "number", low=0, high=100, example="7,41"),
            C("angkatan_kerja", "int", low=0, high=1e9, example=""),
            C("pengangguran", "int", low=0, high=1e9, example=""),
            C("tpak_pct", "number", low=0, high=100, example=""),
            C("penduduk_usia_kerja", "int", low=0, high=1e9, example=""),
            C("bekerja", "int", low=0, high=1e9, example=""),
            C("rilis", "text", example="BRS BPS Provinsi Banten November 2025"),
        ),
        rules=("tpt_or_counts",),
        either=(("tpt_pct",), ("angkatan_kerja", "pengangguran")),
    ),
    Template(
        "target",
        "target",
        (
            C("tahun", "int", True, True, low=2000, high=2100, example="2026"),
            C("indikator", "indikator", True, True, example="tingkat_penempatan_6b"),
            C("nilai_target", "number", True, example="60"),
        ),
    ),
)

ORDER = tuple(t.name for t in TEMPLATES)  # the order files of one import are loaded in


@cache
def by_name() -> dict[str, Template]:
    """Templates by name."""
    return {t.name: t for t in TEMPLATES}


def get(name: str) -> Template:
    """The template called ``name`` (KeyError naming the known ones otherwise)."""
    try:
        return by_name()[name]
    except KeyError:
        raise KeyError(
            f"unknown template {name!r}; known: {', '.join(ORDER)}"
        ) from None
