-- mart_programme_values: the distinct programme years (tahun, and the years of
-- tanggal_mulai and tanggal_selesai), jenis and sumber_dana, for the filter lists and
-- the trend charts' years without a scan of program. Rebuilt after every import.
-- grain: one row per distinct combination.
create or replace table mart_programme_values as
select distinct
    tahun,
    jenis,
    sumber_dana,
    year(tanggal_mulai) as tahun_mulai,
    year(tanggal_selesai) as tahun_selesai,
from program
