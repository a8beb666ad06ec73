-- diff_lowongan: how each staged lowongan row (the registered frame `staging`, with its
-- position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: kode_perusahaan + kejuruan_id + tahun.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        kode_perusahaan::text as kode_perusahaan,
        kejuruan_id::integer as kejuruan_id,
        tahun::integer as tahun,
        jumlah::integer as jumlah,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.kode_perusahaan is null then 'insert'
            when (s.jumlah)
                is distinct from (e.jumlah) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join lowongan as e
        on e.kode_perusahaan = s.kode_perusahaan
        and e.kejuruan_id = s.kejuruan_id
        and e.tahun = s.tahun
)

select * from final
