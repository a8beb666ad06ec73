-- mart_employer_hires: per year of tanggal_mulai and employer, its placements and how
-- many of them went to programme graduates: persons with a 'lulus' enrolment whose
-- tanggal_lulus is at most 30 days after the placement start (the mart's placement
-- window). The base of link_match/employer_vacancies. Rebuilt after every import.
-- grain: one row per (tahun, kode_perusahaan) with placements.
create or replace table mart_employer_hires as
with first_graduation as (
    select peserta_id, min(tanggal_lulus) as tanggal_lulus,
    from mart_enrolment
    where is_lulus
    group by peserta_id
)

select
    pm.tahun,
    pm.kode_perusahaan,
    count(*) as penempatan_count,
    count(*) filter (
        where g.tanggal_lulus - interval 30 day <= pm.tanggal_mulai
    ) as lulusan_ditempatkan_count,
from mart_placement as pm
left join first_graduation as g on g.peserta_id = pm.peserta_id
where pm.kode_perusahaan is not null
group by pm.tahun, pm.kode_perusahaan
order by pm.tahun, pm.kode_perusahaan
