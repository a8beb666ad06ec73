-- diff_penempatan: how each staged penempatan row (the registered frame `staging`, with its
-- position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: peserta_id + jenis_penempatan + tanggal_mulai.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        peserta_id::text as peserta_id,
        jenis_penempatan::text as jenis_penempatan,
        tanggal_mulai::date as tanggal_mulai,
        kode_perusahaan::text as kode_perusahaan,
        kode_program::text as kode_program,
        upah_bulanan_rupiah::decimal(18, 2) as upah_bulanan_rupiah,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.peserta_id is null then 'insert'
            when (s.kode_perusahaan, s.kode_program, s.upah_bulanan_rupiah)
                is distinct from (e.kode_perusahaan, e.kode_program, e.upah_bulanan_rupiah) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join penempatan as e
        on e.peserta_id = s.peserta_id
        and e.jenis_penempatan = s.jenis_penempatan
        and e.tanggal_mulai = s.tanggal_mulai
)

select * from final
