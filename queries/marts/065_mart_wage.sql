-- mart_wage: the wages of 'kerja' placements that have one (upah_bulanan_rupiah not
-- null), narrow and sorted by tanggal_mulai: the base of upah_median, upah_vs_umk
-- and penempatan/wage_by_kejuruan (medians need every value; reading 7 columns
-- instead of mart_placement's 18 halves their time). Rebuilt after every import.
-- grain: one row per kerja placement with a wage.
create or replace table mart_wage as
select
    tanggal_mulai,
    upah_bulanan_rupiah,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
from mart_placement
where jenis_penempatan = 'kerja' and upah_bulanan_rupiah is not null
order by tanggal_mulai
