-- create_statistik (public database): the published labour statistics (BPS), the
-- same columns as in the main database (queries/schema/001_core.sql).
-- params: none. grain: one row per year and wilayah.
create table statistik_tenaga_kerja (
    tahun integer not null,
    wilayah text not null,
    sumber text not null,
    tpt_pct double,
    angkatan_kerja bigint,
    pengangguran bigint,
    tpak_pct double,
    penduduk_usia_kerja bigint,
    bekerja bigint,
    rilis text,
    primary key (tahun, wilayah)
)
