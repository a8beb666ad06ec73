-- completion_rows(lo, hi): enrolment counts of the programmes whose tanggal_selesai
-- falls in [lo, hi], as rows of (tanggal, dimensions, counts): the whole months from
-- mart_completion_month (tanggal = first of the month), the days of a partial first
-- or last month from mart_enrolment (one row per enrolment). For a period of whole
-- months (as workforce.filters.Filters gives) the two partial parts are empty and
-- DuckDB drops them when it plans the query. A table macro, so metric queries bind
-- lo and hi as constants and the month filter reaches the scan's zone maps.
-- grain: one row per month and dimensions, or per enrolment of a partial month.
create or replace macro completion_rows(lo, hi) as table
select
    bulan as tanggal,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    pendaftaran_count,
    selesai_count,
    lulus_count,
    tersertifikasi_count,
from mart_completion_month
where bulan >= (date_trunc('month', lo::date - 1) + interval 1 month)::date
    and bulan < date_trunc('month', hi::date + 1)::date
union all
select
    tanggal_selesai,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    1,
    is_selesai::bigint,
    is_lulus::bigint,
    is_tersertifikasi::bigint,
from mart_enrolment
where tanggal_selesai >= lo::date
    and tanggal_selesai < least(
        (date_trunc('month', lo::date - 1) + interval 1 month)::date, hi::date + 1
    )
union all
select
    tanggal_selesai,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    1,
    is_selesai::bigint,
    is_lulus::bigint,
    is_tersertifikasi::bigint,
from mart_enrolment
where tanggal_selesai >= greatest(
        date_trunc('month', hi::date + 1)::date,
        (date_trunc('month', lo::date - 1) + interval 1 month)::date
    )
    and tanggal_selesai <= hi::date
