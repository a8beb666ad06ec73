-- employer_vacancies: employers that reported vacancies (lowongan) for year $tahun,
-- with how many programme graduates they took on that year: placements starting in
-- $tahun of persons with a 'lulus' enrolment whose tanggal_lulus is at most 30 days
-- after the placement start (the mart's placement window). Zero = reports vacancies
-- but hired no graduates. Vacancies honour the kejuruan filter.
-- params: $tahun, $kejuruan.
-- filter: picked (a macro of queries/marts/), the kejuruan list.
-- grain: one row per employer with vacancies in $tahun.
with vacancies as (
    select
        l.kode_perusahaan,
        sum(l.jumlah)::bigint as lowongan_count,
        string_agg(distinct k.nama, ', ' order by k.nama) as kejuruan_list,
    from lowongan as l
    inner join ref_kejuruan as k on k.kejuruan_id = l.kejuruan_id
    where l.tahun = $tahun
        and picked(k.nama, $kejuruan)
    group by l.kode_perusahaan
    having sum(l.jumlah) > 0
),

hires as (
    -- per employer and year, counted at import (mart_employer_hires)
    select kode_perusahaan, penempatan_count, lulusan_ditempatkan_count,
    from mart_employer_hires
    where tahun = $tahun
),

final as (
    select
        v.kode_perusahaan,
        p.nama_perusahaan,
        p.sektor_kbli,
        k.nama as sektor_nama,
        p.is_anggota_apindo,
        p.kecamatan_kode is not null as is_lokal,
        v.kejuruan_list,
        v.lowongan_count,
        coalesce(h.penempatan_count, 0) as penempatan_count,
        coalesce(h.lulusan_ditempatkan_count, 0) as lulusan_ditempatkan_count,
    from vacancies as v
    inner join perusahaan as p on p.kode_perusahaan = v.kode_perusahaan
    inner join ref_kbli as k on k.kode = p.sektor_kbli
    left join hires as h on h.kode_perusahaan = v.kode_perusahaan
)

select * from final
order by lulusan_ditempatkan_count, lowongan_count desc, nama_perusahaan
