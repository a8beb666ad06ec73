-- check monthly_spending_mismatch: monthly spending (realisasi_bulanan) that does not
-- add up to the budget line's realisasi, or has no budget line at all.
-- severity: warning
-- params: none. grain: one row per budget line with monthly figures.
with monthly as (
    select
        tahun,
        kode_program,
        sumber_dana,
        sum(realisasi_rupiah) as realisasi_bulanan_rupiah,
    from realisasi_bulanan
    group by tahun, kode_program, sumber_dana
),

final as (
    select
        m.tahun,
        m.kode_program,
        m.sumber_dana,
        m.realisasi_bulanan_rupiah,
        a.realisasi_rupiah,
    from monthly as m
    left join anggaran as a
        on a.tahun = m.tahun
        and a.kode_program = m.kode_program
        and a.sumber_dana = m.sumber_dana
    where a.realisasi_rupiah is distinct from m.realisasi_bulanan_rupiah
)

select * from final
order by tahun, kode_program, sumber_dana
