-- diff_perusahaan: how each staged perusahaan row (the registered frame `staging`, with its
-- position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: kode_perusahaan.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        kode_perusahaan::text as kode_perusahaan,
        nama_perusahaan::text as nama_perusahaan,
        sektor_kbli::text as sektor_kbli,
        kecamatan_kode::text as kecamatan_kode,
        is_anggota_apindo::boolean as is_anggota_apindo,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.kode_perusahaan is null then 'insert'
            when (s.nama_perusahaan, s.sektor_kbli, s.kecamatan_kode, s.is_anggota_apindo)
                is distinct from (e.nama_perusahaan, e.sektor_kbli, e.kecamatan_kode, e.is_anggota_apindo) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join perusahaan as e
        on e.kode_perusahaan = s.kode_perusahaan
)

select * from final
