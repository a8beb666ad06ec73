-- outcome: the stored public outcome counts (public_outcome, see create.sql), as
-- pub_outcome takes them.
-- grain: one row per tahun, dimensi, kategori and ukuran.
select tahun, dimensi, kategori, ukuran, jumlah,
from public_outcome
order by tahun, dimensi, kategori, ukuran
