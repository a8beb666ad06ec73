-- outcome: the public outcome counts kept in the main database (pub_outcome, see
-- drop.sql).
-- grain: one row per tahun, dimensi, kategori and ukuran.
select tahun, dimensi, kategori, ukuran, jumlah,
from pub_outcome
order by tahun, dimensi, kategori, ukuran
