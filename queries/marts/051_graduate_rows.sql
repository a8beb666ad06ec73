-- graduate_rows(lo, hi): graduates whose tanggal_lulus falls in [lo, hi], as rows of
-- (tanggal, dimensions, placement_jenis, is_placed_6m, lulusan_count and
-- placed_<30|91|183|365>_count, placed within so many days): the whole
-- months from mart_graduate_month, the days of a partial first or last month (the
-- reporting-date cut of tingkat_penempatan_6b makes one) from mart_enrolment. See
-- completion_rows for how the parts are chosen.
-- grain: one row per month and dimensions, or per graduate of a partial month.
create or replace macro graduate_rows(lo, hi) as table
select
    bulan as tanggal,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    placement_jenis,
    is_placed_6m,
    lulusan_count,
    placed_30_count,
    placed_91_count,
    placed_183_count,
    placed_365_count,
from mart_graduate_month
where bulan >= (date_trunc('month', lo::date - 1) + interval 1 month)::date
    and bulan < date_trunc('month', hi::date + 1)::date
union all
select
    tanggal_lulus,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    placement_jenis,
    is_placed_6m,
    1,
    coalesce(days_to_placement <= 30, false)::bigint,
    coalesce(days_to_placement <= 91, false)::bigint,
    coalesce(days_to_placement <= 183, false)::bigint,
    coalesce(days_to_placement <= 365, false)::bigint,
from mart_enrolment
where is_lulus
    and tanggal_lulus >= lo::date
    and tanggal_lulus < least(
        (date_trunc('month', lo::date - 1) + interval 1 month)::date, hi::date + 1
    )
union all
select
    tanggal_lulus,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    placement_jenis,
    is_placed_6m,
    1,
    coalesce(days_to_placement <= 30, false)::bigint,
    coalesce(days_to_placement <= 91, false)::bigint,
    coalesce(days_to_placement <= 183, false)::bigint,
    coalesce(days_to_placement <= 365, false)::bigint,
from mart_enrolment
where is_lulus
    and tanggal_lulus >= greatest(
        date_trunc('month', hi::date + 1)::date,
        (date_trunc('month', lo::date - 1) + interval 1 month)::date
    )
    and tanggal_lulus <= hi::date
