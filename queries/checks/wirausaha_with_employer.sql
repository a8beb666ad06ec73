-- check wirausaha_with_employer: a self-employment placement that names an employer.
-- severity: info
-- params: none. grain: one row per placement.
select
    left(peserta_id, 12) as peserta,
    tanggal_mulai,
    kode_perusahaan,
from penempatan
where jenis_penempatan = 'wirausaha' and kode_perusahaan is not null
order by tanggal_mulai
