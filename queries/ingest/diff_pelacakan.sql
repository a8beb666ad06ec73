-- diff_pelacakan: how each staged pelacakan row (the registered frame `staging`, with
-- its position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: peserta_id + kode_program + tanggal_survei.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        peserta_id::text as peserta_id,
        kode_program::text as kode_program,
        tanggal_survei::date as tanggal_survei,
        status_kerja::text as status_kerja,
        upah_bulanan_rupiah::decimal(18, 2) as upah_bulanan_rupiah,
        kode_perusahaan::text as kode_perusahaan,
        is_sama_dengan_penempatan_awal::boolean as is_sama_dengan_penempatan_awal,
        sumber::text as sumber,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.peserta_id is null then 'insert'
            when (
                s.status_kerja, s.upah_bulanan_rupiah, s.kode_perusahaan,
                s.is_sama_dengan_penempatan_awal, s.sumber
            ) is distinct from (
                e.status_kerja, e.upah_bulanan_rupiah, e.kode_perusahaan,
                e.is_sama_dengan_penempatan_awal, e.sumber
            ) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join pelacakan as e
        on e.peserta_id = s.peserta_id
        and e.kode_program = s.kode_program
        and e.tanggal_survei = s.tanggal_survei
)

select * from final
