-- placement_rows(lo, hi): placements starting in [lo, hi], as rows of (tanggal,
-- jenis_penempatan, is_lokal, dimensions, penempatan_count): the whole months from
-- mart_placement_month, the days of a partial first or last month from
-- mart_placement. See completion_rows for how the parts are chosen.
-- grain: one row per month and dimensions, or per placement of a partial month.
create or replace macro placement_rows(lo, hi) as table
select
    bulan as tanggal,
    jenis_penempatan,
    is_lokal,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    penempatan_count,
from mart_placement_month
where bulan >= (date_trunc('month', lo::date - 1) + interval 1 month)::date
    and bulan < date_trunc('month', hi::date + 1)::date
union all
select
    tanggal_mulai,
    jenis_penempatan,
    is_lokal,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    1,
from mart_placement
where tanggal_mulai >= lo::date
    and tanggal_mulai < least(
        (date_trunc('month', lo::date - 1) + interval 1 month)::date, hi::date + 1
    )
union all
select
    tanggal_mulai,
    jenis_penempatan,
    is_lokal,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    1,
from mart_placement
where tanggal_mulai >= greatest(
        date_trunc('month', hi::date + 1)::date,
        (date_trunc('month', lo::date - 1) + interval 1 month)::date
    )
    and tanggal_mulai <= hi::date
