-- biaya_per_lulusan: realisasi of the programmes whose tanggal_selesai falls in
-- [$start, $end] / their graduates, by sumber_dana of the budget line (a programme
-- funded from two sources counts its graduates under both; the total divides all
-- realisasi by all graduates once). Not available where there are no graduates.
-- Per programme and source from mart_programme_budget (its budget lines of all
-- years and its graduates, counted at import).
-- $by / $sels: one result per year of tanggal_selesai ('tahun') or per value of a
-- dimension, for the values in $sels (workforce.metrics.compute_by; sel_of,
-- split_rows); null = the selection ('total'). Programme filters: in_programme.
-- params: $start, $end, $kejuruan, $penyelenggara, $jenis, $sumber_dana, $by, $sels.
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
        lulusan_count::double as lulusan,
    from mart_programme_budget
    where tanggal_selesai between $start and $end
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

by_source as (
    select sel, sumber_dana as grp, sum(realisasi) as numerator, sum(lulusan) as denominator,
    from lines
    group by sel, sumber_dana
),

total as (
    select sel, sum(realisasi) as numerator,
    from lines
    group by sel
),

total_graduates as (
    -- each programme once: its first source's row (mart_programme_budget's
    -- is_first_source) when sources are neither filtered nor the selection, else
    -- one row per programme among the sources kept
    select sel, sum(lulusan) as denominator,
    from lines
    where is_first_source
        and $sumber_dana is null
        and $by is distinct from 'sumber_dana'
    group by sel
    union all
    select sel, sum(lulusan),
    from (
        select distinct sel, kode_program, lulusan,
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
            when s.grp = 'total' then coalesce(d.denominator, 0)
            else coalesce(b.denominator, 0)
        end as denominator,
    from split_rows($sels, 'sumber_dana') as s
    left join by_source as b on b.sel = s.sel and b.grp = s.grp
    left join total as t on t.sel = s.sel
    left join total_graduates as d on d.sel = s.sel
)

select sel, grp, numerator / nullif(denominator, 0) as value, numerator, denominator,
from final
order by sel, grp_no
