-- statistik (build side, runs on the main database): the published labour statistics
-- (BPS Sakernas, August round) copied into the public database as they are.
-- params: none. grain: one row per year and wilayah.
select
    tahun, wilayah, sumber, tpt_pct, angkatan_kerja, pengangguran, tpak_pct,
    penduduk_usia_kerja, bekerja, rilis,
from statistik_tenaga_kerja
order by tahun, wilayah
