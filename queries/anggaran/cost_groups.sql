-- cost_groups: the cost per participant, graduate and placement of the programmes
-- that start or end in [$start, $end], summed in SQL for the groupings the pages
-- show: the total, per funding source, per kejuruan, per kejuruan and source.
-- Which programmes a cost kind counts:
--   peserta    programmes starting in the period (this page's own cost, in the style
--              of the registry);
--   lulusan    programmes ending in the period (metrics/biaya_per_lulusan.sql);
--   penempatan those also ended at least 183 days before $as_of
--              (metrics/biaya_per_penempatan.sql).
-- A programme's money is its budget lines of all years per sumber_dana
-- (mart_programme_budget). Counts are the programme's enrolments, graduates and
-- placements: in a grouping by source a programme paid from two sources counts
-- under each; in a grouping without source it counts once (as the registry does).
-- biaya_per_* is realisasi ÷ count, null where the count is 0. Tested equal to the
-- registry by source, in total and per kejuruan (tests/test_budget.py).
-- params: $start, $end, $as_of, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per grouping_set ('total', 'sumber_dana', 'kejuruan',
-- 'kejuruan_sumber_dana') and value; no 'total' row when no programme is in the period.
with lines as (
    select
        kode_program,
        sumber_dana,
        kejuruan,
        realisasi_rupiah::double as realisasi_rupiah,
        peserta_count,
        lulusan_count,
        ditempatkan_6b_count as ditempatkan_count,
        tanggal_mulai between $start and $end as is_peserta,
        tanggal_selesai between $start and $end as is_lulusan,
        tanggal_selesai between $start and $end
            and tanggal_selesai <= $as_of::date - interval 183 day as is_penempatan,
    from mart_programme_budget
    where (tanggal_mulai between $start and $end or tanggal_selesai between $start and $end)
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

programmes as (
    -- a programme once: its money over its sources, its counts once
    select
        kode_program,
        any_value(kejuruan) as kejuruan,
        sum(realisasi_rupiah) as realisasi_rupiah,
        any_value(peserta_count) as peserta_count,
        any_value(lulusan_count) as lulusan_count,
        any_value(ditempatkan_count) as ditempatkan_count,
        bool_or(is_peserta) as is_peserta,
        bool_or(is_lulusan) as is_lulusan,
        bool_or(is_penempatan) as is_penempatan,
    from lines
    group by kode_program
),

by_source as (
    select
        case when grouping(kejuruan) = 0 then 'kejuruan_sumber_dana' else 'sumber_dana' end
            as grouping_set,
        sumber_dana,
        kejuruan,
        coalesce(sum(realisasi_rupiah) filter (where is_peserta), 0)
            as realisasi_peserta_rupiah,
        coalesce(sum(peserta_count) filter (where is_peserta), 0) as peserta_count,
        coalesce(sum(realisasi_rupiah) filter (where is_lulusan), 0)
            as realisasi_lulusan_rupiah,
        coalesce(sum(lulusan_count) filter (where is_lulusan), 0) as lulusan_count,
        coalesce(sum(realisasi_rupiah) filter (where is_penempatan), 0)
            as realisasi_penempatan_rupiah,
        coalesce(sum(ditempatkan_count) filter (where is_penempatan), 0)
            as ditempatkan_count,
    from lines
    group by grouping sets ((sumber_dana), (kejuruan, sumber_dana))
),

by_programme as (
    select
        case when grouping(kejuruan) = 0 then 'kejuruan' else 'total' end as grouping_set,
        null::varchar as sumber_dana,
        kejuruan,
        coalesce(sum(realisasi_rupiah) filter (where is_peserta), 0)
            as realisasi_peserta_rupiah,
        coalesce(sum(peserta_count) filter (where is_peserta), 0) as peserta_count,
        coalesce(sum(realisasi_rupiah) filter (where is_lulusan), 0)
            as realisasi_lulusan_rupiah,
        coalesce(sum(lulusan_count) filter (where is_lulusan), 0) as lulusan_count,
        coalesce(sum(realisasi_rupiah) filter (where is_penempatan), 0)
            as realisasi_penempatan_rupiah,
        coalesce(sum(ditempatkan_count) filter (where is_penempatan), 0)
            as ditempatkan_count,
    from programmes
    group by grouping sets ((), (kejuruan))
    having count(*) > 0
),

final as (
    select * from by_source
    union all
    select * from by_programme
)

select
    grouping_set,
    sumber_dana,
    kejuruan,
    realisasi_peserta_rupiah,
    peserta_count::bigint as peserta_count,
    realisasi_peserta_rupiah / nullif(peserta_count, 0) as biaya_per_peserta_rupiah,
    realisasi_lulusan_rupiah,
    lulusan_count::bigint as lulusan_count,
    realisasi_lulusan_rupiah / nullif(lulusan_count, 0) as biaya_per_lulusan_rupiah,
    realisasi_penempatan_rupiah,
    ditempatkan_count::bigint as ditempatkan_count,
    realisasi_penempatan_rupiah / nullif(ditempatkan_count, 0)
        as biaya_per_penempatan_rupiah,
from final
order by grouping_set, kejuruan, sumber_dana
