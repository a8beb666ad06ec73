-- biaya_per_penempatan: over programmes whose tanggal_selesai falls in [$start, $end]
-- and is at least 183 days before $as_of: their realisasi / their graduates placed
-- within 6 months (as in tingkat_penempatan_6b), by sumber_dana of the budget line
-- (a programme funded from two sources counts its placed graduates under both; the
-- total counts them once). Not available where no graduate was placed.
-- Per programme and source from mart_programme_budget (its budget lines of all
-- years and its placed graduates, counted at import).
-- $by / $sels: one result per year of tanggal_selesai ('tahun') or per value of a
-- dimension, for the values in $sels (workforce.metrics.compute_by; sel_of,
-- split_rows); null = the selection ('total'). Programme filters: in_programme.
-- params: $start, $end, $as_of, $kejuruan, $penyelenggara, $jenis, $sumber_dana, $by, $sels.
-- grain: one row per (sel, grp): grp 'total' + one per sumber_dana.
with lines as (
    -- one row per programme and source (its lines of all years summed at import)
    select
        sel_of(
            $by,
            year(tanggal_selesai),
            null,
            kejuruan,
            penyelenggara,
            jenis,
            sumber_dana,
        ) as sel,
        kode_program,
        sumber_dana,
        is_first_source,
        realisasi_rupiah::double as realisasi,
        ditempatkan_6b_count::double as ditempatkan,
    from mart_programme_budget
    where tanggal_selesai between $start and $end
        and tanggal_selesai <= $as_of::date - interval 183 day
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

by_source as (
    -- one pass over the lines: per selection and source, and each programme's
    -- placed graduates once through its first source's row
    -- (mart_programme_budget.is_first_source)
    select
        sel,
        sumber_dana as grp,
        sum(realisasi) as numerator,
        sum(ditempatkan) as denominator,
        sum(ditempatkan) filter (where is_first_source) as first_placed,
    from lines
    group by sel, sumber_dana
),

total as (
    select sel, sum(numerator) as numerator, sum(first_placed) as first_placed,
    from by_source
    group by sel
),

distinct_placed as (
    -- sources filtered or the selection: one row per programme among the sources
    -- kept (its first source may be left out)
    select sel, sum(ditempatkan) as denominator,
    from (
        select distinct sel, kode_program, ditempatkan,
        from lines
        where $sumber_dana is not null or $by = 'sumber_dana'
    )
    group by sel
),

final as (
    select
        s.sel,
        s.grp,
        s.grp_no,
        case
            when s.grp = 'total' then coalesce(t.numerator, 0)
            else coalesce(b.numerator, 0)
        end as numerator,
        case
            when s.grp <> 'total' then coalesce(b.denominator, 0)
            when $sumber_dana is null and $by is distinct from 'sumber_dana'
                then coalesce(t.first_placed, 0)
            else coalesce(d.denominator, 0)
        end as denominator,
    from split_rows($sels, 'sumber_dana') as s
    left join by_source as b on b.sel = s.sel and b.grp = s.grp
    left join total as t on t.sel = s.sel
    left join distinct_placed as d on d.sel = s.sel
)

select sel, grp, numerator / nullif(denominator, 0) as value, numerator, denominator,
from final
order by sel, grp_no
