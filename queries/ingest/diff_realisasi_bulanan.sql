-- diff_realisasi_bulanan: how each staged realisasi_bulanan row (the registered frame `staging`, with its
-- position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: tahun + bulan + kode_program + sumber_dana.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        tahun::integer as tahun,
        bulan::integer as bulan,
        kode_program::text as kode_program,
        sumber_dana::text as sumber_dana,
        realisasi_rupiah::decimal(18, 2) as realisasi_rupiah,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.tahun is null then 'insert'
            when (s.realisasi_rupiah)
                is distinct from (e.realisasi_rupiah) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join realisasi_bulanan as e
        on e.tahun = s.tahun
        and e.bulan = s.bulan
        and e.kode_program = s.kode_program
        and e.sumber_dana = s.sumber_dana
)

select * from final
