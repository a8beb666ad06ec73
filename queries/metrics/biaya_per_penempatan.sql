-- biaya_per_penempatan: over programmes whose tanggal_selesai falls in [$start, $end]
-- and is at least 183 days before $as_of: their realisasi / their graduates placed
-- within 6 months (as in tingkat_penempatan_6b), by sumber_dana of the budget line
-- (a programme funded from two sources counts its placed graduates under both; the
-- total counts them once). Not available where no graduate was placed.
-- params: $start, $end, $as_of, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- grain: 'total' + one row per sumber_dana (APBN, APBD, CSR, lainnya).
with programmes as (
    select kode_program, count(*) filter (where is_lulus and is_placed_6m)::double as ditempatkan,
    from mart_enrolment
    where tanggal_selesai between $start and $end
    group by kode_program
),

ended_programmes as (
    select p.kode_program, coalesce(e.ditempatkan, 0) as ditempatkan,
    from program as p
    left join programmes as e on e.kode_program = p.kode_program
    where p.tanggal_selesai between $start and $end
        and p.tanggal_selesai <= $as_of::date - interval 183 day
),

lines as (
    -- one row per programme and source (a programme may have lines in several years)
    select
        b.kode_program,
        b.sumber_dana,
        sum(b.realisasi_rupiah)::double as realisasi,
        any_value(ep.ditempatkan) as ditempatkan,
    from mart_budget as b
    inner join ended_programmes as ep on ep.kode_program = b.kode_program
    where ($kejuruan is null or list_contains($kejuruan, b.kejuruan))
        and ($penyelenggara is null or list_contains($penyelenggara, b.penyelenggara))
        and ($jenis is null or list_contains($jenis, b.jenis))
        and ($sumber_dana is null or list_contains($sumber_dana, b.sumber_dana))
    group by b.kode_program, b.sumber_dana
),

by_source as (
    select sumber_dana as grp, sum(realisasi) as numerator, sum(ditempatkan) as denominator,
    from lines
    group by sumber_dana
),

total as (
    select 'total' as grp, sum(realisasi) as numerator, (
        select sum(ditempatkan) from (select distinct kode_program, ditempatkan from lines)
    ) as denominator,
    from lines
),

groups as (
    select unnest(['total', 'APBN', 'APBD', 'CSR', 'lainnya']) as grp
),

final as (
    select
        g.grp,
        coalesce(s.numerator, t.numerator, 0) as numerator,
        coalesce(s.denominator, t.denominator, 0) as denominator,
    from groups as g
    left join by_source as s on s.grp = g.grp
    left join total as t on t.grp = g.grp
)

select grp, numerator / nullif(denominator, 0) as value, numerator, denominator
from final
