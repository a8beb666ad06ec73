-- by_employer: placements starting in [$start, $end] per employer, with its KBLI
-- sector (name from ref_kbli), Apindo membership and location (Cilegon or outside).
-- Placements without an employer (wirausaha) are not in this result.
-- params: $start, $end, dimension lists.
-- filters: in_filters (a macro of queries/marts/), the dimension lists.
-- grain: one row per employer (kode_perusahaan) with at least one placement.
with selected as (
    select
        kode_perusahaan,
        nama_perusahaan,
        sektor_kbli,
        is_anggota_apindo,
        is_lokal,
        jenis_penempatan,
    from mart_placement
    where kode_perusahaan is not null
        and tanggal_mulai between $start and $end
        and in_filters(
            kecamatan, kejuruan, penyelenggara, jenis, sumber_dana,
            $kecamatan, $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

final as (
    select
        s.kode_perusahaan,
        s.nama_perusahaan,
        s.sektor_kbli,
        k.nama as sektor_nama,
        s.is_anggota_apindo,
        s.is_lokal,
        count(*) as penempatan_count,
        count(*) filter (where s.jenis_penempatan = 'kerja') as kerja_count,
        count(*) filter (where s.jenis_penempatan = 'magang') as magang_count,
    from selected as s
    inner join ref_kbli as k on k.kode = s.sektor_kbli
    group by all
)

select * from final
order by penempatan_count desc, nama_perusahaan
