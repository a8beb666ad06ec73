-- outcome (main database): the outcome counts frozen in release $release_no
-- (pub_outcome's columns). params: $release_no.
-- grain: one row per tahun, dimensi, kategori and ukuran.
select tahun, dimensi, kategori, ukuran, jumlah,
from release_outcome
where release_no = $release_no
order by tahun, dimensi, kategori, ukuran
