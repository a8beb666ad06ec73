-- 001_core: reference tables, the tables behind every import template, and metadata.
-- Grain is stated per table. Money is whole Rupiah (decimal(18,2) keeps sen when
-- a spreadsheet carries them). Person keys are pseudonyms (HMAC-SHA256 of the NIK,
-- hex): no clear NIK, no name, ever.

create table dataset_info (
    key text primary key,
    value text not null
);

-- reference: one row per kecamatan of Kota Cilegon (Kemendagri code is the key)
create table ref_kecamatan (
    kecamatan_kode text primary key,
    kode_bps text not null unique,
    nama text not null unique,
    nama_kemendagri text not null,
    penduduk integer not null check (penduduk > 0),
    penduduk_sumber text not null
);

-- reference: one row per kelurahan
create table ref_kelurahan (
    kelurahan_kode text primary key,
    kecamatan_kode text not null references ref_kecamatan (kecamatan_kode),
    nama text not null
);

-- reference: accepted spelling variants of official names (matched case-insensitively)
create table ref_name_variant (
    level text not null check (level in ('kecamatan', 'kelurahan')),
    variant text not null,
    canonical text not null,
    primary key (level, variant)
);

-- reference: KBLI 2020 categories A-U
create table ref_kbli (
    kode text primary key check (kode between 'A' and 'U' and length(kode) = 1),
    nama text not null
);

-- reference: the office's own vocation words; new ones are added by imports
create table ref_kejuruan (
    kejuruan_id integer primary key,
    nama text not null unique,
    nama_norm text not null unique
);

-- reference: training providers (BBPVP Serang, BLK Cilegon, LPKs)
create table ref_penyelenggara (
    penyelenggara_id integer primary key,
    nama text not null unique,
    nama_norm text not null unique
);

-- reference: UMK Kota Cilegon per year, with source
create table ref_umk (
    tahun integer primary key,
    umk_rupiah decimal(18, 2) not null check (umk_rupiah > 0),
    sumber text not null
);

-- peserta: one row per person (pseudonymised)
create table peserta (
    peserta_id text primary key check (length(peserta_id) = 64),
    jenis_kelamin text not null check (jenis_kelamin in ('L', 'P')),
    tanggal_lahir date not null,
    pendidikan text not null check (
        pendidikan in ('SD', 'SMP', 'SMA', 'SMK', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3')
    ),
    kecamatan_kode text not null references ref_kecamatan (kecamatan_kode),
    kelurahan_kode text references ref_kelurahan (kelurahan_kode),
    is_disabilitas boolean not null default false
);

-- perusahaan: one row per employer; kecamatan_kode null means outside Cilegon
create table perusahaan (
    kode_perusahaan text primary key,
    nama_perusahaan text not null,
    sektor_kbli text not null references ref_kbli (kode),
    kecamatan_kode text references ref_kecamatan (kecamatan_kode),
    is_anggota_apindo boolean not null default false
);

-- program: one row per training / apprenticeship / certification batch
create table program (
    kode_program text primary key,
    nama_program text not null,
    kejuruan_id integer not null references ref_kejuruan (kejuruan_id),
    penyelenggara_id integer not null references ref_penyelenggara (penyelenggara_id),
    jenis text not null check (jenis in ('pelatihan', 'pemagangan', 'sertifikasi')),
    sumber_dana text not null check (sumber_dana in ('APBN', 'APBD', 'CSR', 'lainnya')),
    tahun integer not null check (tahun between 2000 and 2100),
    tanggal_mulai date not null,
    tanggal_selesai date not null,
    kuota integer check (kuota >= 0),
    check (tanggal_selesai >= tanggal_mulai)
);

-- pendaftaran: one row per person per programme, with how it ended
create table pendaftaran (
    peserta_id text not null references peserta (peserta_id),
    kode_program text not null references program (kode_program),
    status text not null check (
        status in ('terdaftar', 'mengikuti', 'lulus', 'tidak_lulus', 'mengundurkan_diri')
    ),
    tanggal_lulus date,
    is_tersertifikasi boolean not null default false,
    primary key (peserta_id, kode_program),
    check (status <> 'lulus' or tanggal_lulus is not null)
);

-- penempatan: one row per start of work, apprenticeship or business
create table penempatan (
    peserta_id text not null references peserta (peserta_id),
    jenis_penempatan text not null check (jenis_penempatan in ('kerja', 'magang', 'wirausaha')),
    tanggal_mulai date not null,
    kode_perusahaan text references perusahaan (kode_perusahaan),
    kode_program text references program (kode_program),
    upah_bulanan_rupiah decimal(18, 2) check (upah_bulanan_rupiah >= 0),
    primary key (peserta_id, jenis_penempatan, tanggal_mulai),
    check (jenis_penempatan = 'wirausaha' or kode_perusahaan is not null)
);

-- lowongan: vacancies one employer reports for one kejuruan in one year
create table lowongan (
    kode_perusahaan text not null references perusahaan (kode_perusahaan),
    kejuruan_id integer not null references ref_kejuruan (kejuruan_id),
    tahun integer not null check (tahun between 2000 and 2100),
    jumlah integer not null check (jumlah >= 0),
    primary key (kode_perusahaan, kejuruan_id, tahun)
);

-- anggaran: one budget line per year, programme (or kegiatan code) and source
create table anggaran (
    tahun integer not null check (tahun between 2000 and 2100),
    kode_program text not null,
    sumber_dana text not null check (sumber_dana in ('APBN', 'APBD', 'CSR', 'lainnya')),
    pagu_rupiah decimal(18, 2) not null check (pagu_rupiah >= 0),
    realisasi_rupiah decimal(18, 2) not null check (realisasi_rupiah >= 0),
    primary key (tahun, kode_program, sumber_dana)
);

-- realisasi_bulanan: spending in one month for one budget line (optional, for pacing)
create table realisasi_bulanan (
    tahun integer not null check (tahun between 2000 and 2100),
    bulan integer not null check (bulan between 1 and 12),
    kode_program text not null,
    sumber_dana text not null check (sumber_dana in ('APBN', 'APBD', 'CSR', 'lainnya')),
    realisasi_rupiah decimal(18, 2) not null check (realisasi_rupiah >= 0),
    primary key (tahun, bulan, kode_program, sumber_dana)
);

-- statistik_tenaga_kerja: published labour statistics, one row per year and area
create table statistik_tenaga_kerja (
    tahun integer not null check (tahun between 1990 and 2100),
    wilayah text not null,
    sumber text not null,
    tpt_pct double check (tpt_pct between 0 and 100),
    angkatan_kerja bigint check (angkatan_kerja >= 0),
    pengangguran bigint check (pengangguran >= 0),
    tpak_pct double check (tpak_pct between 0 and 100),
    penduduk_usia_kerja bigint check (penduduk_usia_kerja >= 0),
    bekerja bigint check (bekerja >= 0),
    rilis text,
    primary key (tahun, wilayah),
    check (tpt_pct is not null or (angkatan_kerja is not null and pengangguran is not null))
);

-- target: one KPI target per year (indikator is a metric registry id)
create table target (
    tahun integer not null check (tahun between 2000 and 2100),
    indikator text not null,
    nilai_target double not null,
    primary key (tahun, indikator)
);
