-- statistik (main database): the BPS labour statistics frozen in release
-- $release_no (statistik_tenaga_kerja's columns). params: $release_no.
-- grain: one row per tahun and wilayah.
select
    tahun, wilayah, sumber, tpt_pct, angkatan_kerja, pengangguran, tpak_pct,
    penduduk_usia_kerja, bekerja, rilis,
from release_statistik
where release_no = $release_no
order by tahun, wilayah
