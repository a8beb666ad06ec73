-- outcomes (public database): participants and outcomes per year, city-wide and per
-- kejuruan, kecamatan and jenis, unsuppressed (workforce.public_data suppresses).
-- params: none. grain: one row per tahun, dimensi, kategori and ukuran.
select tahun, dimensi, kategori, ukuran, jumlah,
from pub_outcome
order by tahun, dimensi, kategori, ukuran
