-- bench/biaya_per_lulusan: queries/metrics/biaya_per_lulusan.sql from the base tables
-- (bench/peers.py): realisasi of the budget lines of programmes ending in
-- [$start, $end] / their graduates, in all and by sumber_dana (a programme's
-- graduates count once in the total, once per source in a source's row).
-- params: $start, $end. grain: one row per grp ('total' + each sumber_dana).
with programmes as (
    select kode_program,
    from program
    where tanggal_selesai between $start and $end
),

graduates as (
    select d.kode_program, count(*)::double as lulusan,
    from pendaftaran as d
    inner join programmes using (kode_program)
    where d.status = 'lulus'
    group by d.kode_program
),

lines as (
    select
        a.kode_program,
        a.sumber_dana,
        sum(a.realisasi_rupiah::double) as realisasi,
        coalesce(any_value(g.lulusan), 0) as lulusan,
    from anggaran as a
    inner join programmes using (kode_program)
    left join graduates as g on g.kode_program = a.kode_program
    group by a.kode_program, a.sumber_dana
),

by_source as (
    select sumber_dana as grp, sum(realisasi) as numerator, sum(lulusan) as denominator,
    from lines
    group by sumber_dana
),

total as (
    select
        'total' as grp,
        sum(realisasi) as numerator,
        (
            select sum(lulusan)
            from (select distinct kode_program, lulusan from lines)
        ) as denominator,
    from lines
),

final as (
    select s.grp, coalesce(b.numerator, t.numerator, 0) as numerator,
        coalesce(b.denominator, t.denominator, 0) as denominator,
    from (values ('total'), ('APBN'), ('APBD'), ('CSR'), ('lainnya')) as s (grp)
    left join by_source as b on b.grp = s.grp
    left join total as t on t.grp = s.grp
)

select grp, numerator / nullif(denominator, 0) as value, numerator, denominator,
from final
