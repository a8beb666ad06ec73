-- retensi_12b: of the graduates (per enrolment) with tanggal_lulus in [$start, $end]
-- and at least 425 days before $as_of, those whose 12-month answer
-- (mart_tracer_answer) is bekerja, wirausaha or magang / those with an answer x 100.
-- Split by status_kerja (each status / answers). A non-answer is left out, never
-- counted as not working.
-- $by / $sels: one result per year ('tahun') or per value of a dimension, for the
-- values in $sels (workforce.metrics.compute_by; sel_of, sel_rows); null = the
-- selection ('total').
-- params: $start, $end, $as_of, dimension lists, $by, $sels.
-- grain: one row per (sel, grp): grp 'total' + one per answered status.
with counts as (
    select
        sel_of(
            $by, year(tanggal_lulus), kecamatan, kejuruan, penyelenggara, jenis,
            sumber_dana
        ) as sel,
        count(status_kerja) as answers,
        count(*) filter (where is_working_12m) as total,
        count(*) filter (where status_kerja = 'bekerja') as bekerja,
        count(*) filter (where status_kerja = 'wirausaha') as wirausaha,
        count(*) filter (where status_kerja = 'magang') as magang,
        count(*) filter (where status_kerja = 'tidak_bekerja') as tidak_bekerja,
        count(*) filter (where status_kerja = 'studi_lanjut') as studi_lanjut,
    from mart_tracer_answer
    where tanggal_lulus between $start and least($end::date, $as_of::date - 425)
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
    group by sel
),

groups as (
    select
        unnest(grps) as grp,
        generate_subscripts(grps, 1) as grp_no,
    from (
        select [
            'total', 'bekerja', 'wirausaha', 'magang', 'tidak_bekerja', 'studi_lanjut'
        ] as grps
    )
),

final as (
    select
        s.sel,
        g.grp,
        g.grp_no,
        coalesce(
            case g.grp
                when 'total' then c.total
                when 'bekerja' then c.bekerja
                when 'wirausaha' then c.wirausaha
                when 'magang' then c.magang
                when 'tidak_bekerja' then c.tidak_bekerja
                when 'studi_lanjut' then c.studi_lanjut
            end,
            0
        )::double as numerator,
        coalesce(c.answers, 0)::double as denominator,
    from sel_rows($sels) as s
    cross join groups as g
    left join counts as c on c.sel = s.sel
)

select sel, grp, pct(numerator, denominator) as value, numerator, denominator,
from final
order by sel, grp_no
