-- diff_statistik_tenaga_kerja: how each staged statistik_tenaga_kerja row (the registered frame `staging`, with its
-- position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: tahun + wilayah.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        tahun::integer as tahun,
        wilayah::text as wilayah,
        sumber::text as sumber,
        tpt_pct::double as tpt_pct,
        angkatan_kerja::bigint as angkatan_kerja,
        pengangguran::bigint as pengangguran,
        tpak_pct::double as tpak_pct,
        penduduk_usia_kerja::bigint as penduduk_usia_kerja,
        bekerja::bigint as bekerja,
        rilis::text as rilis,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.tahun is null then 'insert'
            when (s.sumber, s.tpt_pct, s.angkatan_kerja, s.pengangguran, s.tpak_pct, s.penduduk_usia_kerja, s.bekerja, s.rilis)
                is distinct from (e.sumber, e.tpt_pct, e.angkatan_kerja, e.pengangguran, e.tpak_pct, e.penduduk_usia_kerja, e.bekerja, e.rilis) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join statistik_tenaga_kerja as e
        on e.tahun = s.tahun
        and e.wilayah = s.wilayah
)

select * from final
