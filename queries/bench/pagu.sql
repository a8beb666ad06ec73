-- bench/pagu: queries/metrics/pagu.sql from the base tables (bench/peers.py):
-- pagu_rupiah of the budget lines of year $tahun, in all and by sumber_dana.
-- params: $tahun. grain: one row per grp ('total' + each sumber_dana).
with lines as (
    select sumber_dana, pagu_rupiah::double as amount,
    from anggaran
    where tahun = $tahun
),

final as (
    select s.grp, coalesce(sum(l.amount), 0) as amount,
    from (values ('total'), ('APBN'), ('APBD'), ('CSR'), ('lainnya')) as s (grp)
    left join lines as l on s.grp = 'total' or l.sumber_dana = s.grp
    group by s.grp
)

select grp, amount as value, amount as numerator, null::double as denominator,
from final
