-- costs_by_year: the planner's unit costs for several years in one query: per year
-- and kejuruan, the spending and enrolments of the programmes starting in that year
-- (the budget page's biaya per peserta: anggaran/cost_groups.sql's peserta columns,
-- grouping 'kejuruan' and 'kejuruan_sumber_dana'; tested equal year by year).
-- A programme's money is its budget lines of all years per sumber_dana; its
-- enrolments count under each of its sources, and once in the row over all sources
-- (sumber_dana null): through mart_programme_budget.is_first_source when no source is
-- filtered, else one row per programme among the sources kept.
-- params: $start, $end, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per tahun × kejuruan × sumber_dana, plus one per tahun × kejuruan
-- with sumber_dana null (all sources).
with lines as (
    select
        year(tanggal_mulai) as tahun,
        kode_program,
        kejuruan,
        sumber_dana,
        is_first_source,
        realisasi_rupiah::double as realisasi_rupiah,
        peserta_count,
    from mart_programme_budget
    where tanggal_mulai between $start and $end
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

per_source as (
    select tahun, kejuruan, sumber_dana,
        sum(realisasi_rupiah) as realisasi_rupiah,
        sum(peserta_count) as peserta_count,
    from lines
    group by tahun, kejuruan, sumber_dana
),

heads as (
    -- each programme's enrolments once
    select tahun, kejuruan, sum(peserta_count) as peserta_count,
    from lines
    where is_first_source and $sumber_dana is null
    group by tahun, kejuruan
    union all
    select tahun, kejuruan, sum(peserta_count),
    from (
        select distinct tahun, kejuruan, kode_program, peserta_count,
        from lines
        where $sumber_dana is not null
    )
    group by tahun, kejuruan
),

every_source as (
    select m.tahun, m.kejuruan, null::varchar as sumber_dana,
        m.realisasi_rupiah,
        coalesce(h.peserta_count, 0) as peserta_count,
    from (
        select tahun, kejuruan, sum(realisasi_rupiah) as realisasi_rupiah,
        from per_source
        group by tahun, kejuruan
    ) as m
    left join heads as h on h.tahun = m.tahun and h.kejuruan = m.kejuruan
)

select tahun::integer as tahun, kejuruan, sumber_dana, realisasi_rupiah,
    peserta_count::bigint as peserta_count,
from every_source
union all
select tahun::integer, kejuruan, sumber_dana, realisasi_rupiah, peserta_count::bigint,
from per_source
order by tahun, kejuruan, sumber_dana nulls first
