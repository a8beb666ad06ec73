-- upsert_statistik_tenaga_kerja: write the staged rows (the registered frame `staging`), replacing a
-- stored row with the same key (tahun + wilayah). params: none.
-- grain: one row per staged row (written in key order: the index builds faster).
insert or replace into statistik_tenaga_kerja (
    tahun,
    wilayah,
    sumber,
    tpt_pct,
    angkatan_kerja,
    pengangguran,
    tpak_pct,
    penduduk_usia_kerja,
    bekerja,
    rilis
)
select
    tahun::integer,
    wilayah::text,
    sumber::text,
    tpt_pct::double,
    angkatan_kerja::bigint,
    pengangguran::bigint,
    tpak_pct::double,
    penduduk_usia_kerja::bigint,
    bekerja::bigint,
    rilis::text
from staging
order by tahun, wilayah
