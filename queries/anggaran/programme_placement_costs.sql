-- programme_placement_costs: each mature programme ending in the period (the
-- programmes behind biaya_per_penempatan: tanggal_selesai in [$start, $end] and at
-- least 183 days before $as_of), its spending over all its funding sources ÷ its
-- placements within 6 months, against the median of the same kejuruan's programmes
-- (those with a placement). is_expensive: above $factor × that median
-- (budget.EXPENSIVE_FACTOR); no_placement: money spent and nobody placed. The $limit
-- rows that most need a look come back (expensive, then no placement, then by
-- kejuruan and kode_program); the *_count, *_codes (first 9, by kejuruan and
-- kode_program) and no_placement_rupiah columns cover every programme. Filters as in
-- anggaran/programme_costs.sql.
-- params: $start, $end, $as_of, dimension lists, $factor, $limit.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per programme, at most $limit rows.
with sources as (
    select
        kode_program,
        sumber_dana,
        nama_program,
        kejuruan,
        realisasi_rupiah::double as realisasi_rupiah,
        ditempatkan_6b_count,
    from mart_programme_budget
    where tanggal_selesai between $start and $end
        and tanggal_selesai <= $as_of::date - interval 183 day
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

programmes as (
    select
        kode_program,
        any_value(nama_program) as nama_program,
        any_value(kejuruan) as kejuruan,
        string_agg(sumber_dana, ' + ' order by sumber_dana) as sumber_dana,
        sum(realisasi_rupiah) as realisasi_rupiah,
        any_value(ditempatkan_6b_count) as ditempatkan_count,
    from sources
    group by kode_program
),

costed as (
    select
        *,
        realisasi_rupiah / nullif(ditempatkan_count, 0) as biaya_per_penempatan_rupiah,
    from programmes
),

medians as (
    select kejuruan, median(biaya_per_penempatan_rupiah) as median_kejuruan_rupiah,
    from costed
    group by kejuruan
),

flagged as (
    select
        c.*,
        m.median_kejuruan_rupiah,
        coalesce(
            c.biaya_per_penempatan_rupiah > $factor::double * m.median_kejuruan_rupiah,
            false
        ) as is_expensive,
        c.ditempatkan_count = 0 and c.realisasi_rupiah > 0 as no_placement,
    from costed as c
    left join medians as m on m.kejuruan is not distinct from c.kejuruan
),

counts as (
    -- aggregates, not window functions: a window over every row costs seconds here
    select
        count(*) as programmes_count,
        count(*) filter (where is_expensive) as expensive_count,
        list(kode_program order by kejuruan, kode_program)
            filter (where is_expensive)[1:9] as expensive_codes,
        count(*) filter (where no_placement) as no_placement_count,
        list(kode_program order by kejuruan, kode_program)
            filter (where no_placement)[1:9] as no_placement_codes,
        coalesce(sum(realisasi_rupiah) filter (where no_placement), 0)
            as no_placement_rupiah,
    from flagged
),

final as (
    select f.*, c.*,
    from flagged as f
    cross join counts as c
)

select * from final
order by is_expensive desc, no_placement desc, kejuruan, kode_program
limit $limit
