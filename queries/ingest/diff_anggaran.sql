-- diff_anggaran: how each staged anggaran row (the registered frame `staging`, with its
-- position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: tahun + kode_program + sumber_dana.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        tahun::integer as tahun,
        kode_program::text as kode_program,
        sumber_dana::text as sumber_dana,
        pagu_rupiah::decimal(18, 2) as pagu_rupiah,
        realisasi_rupiah::decimal(18, 2) as realisasi_rupiah,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.tahun is null then 'insert'
            when (s.pagu_rupiah, s.realisasi_rupiah)
                is distinct from (e.pagu_rupiah, e.realisasi_rupiah) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join anggaran as e
        on e.tahun = s.tahun
        and e.kode_program = s.kode_program
        and e.sumber_dana = s.sumber_dana
)

select * from final
