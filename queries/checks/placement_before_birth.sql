-- check placement_before_birth: a placement cannot start before the person was born.
-- severity: error
-- params: none. grain: one row per violating placement.
select
    left(pn.peserta_id, 12) as peserta,
    pn.jenis_penempatan,
    pn.tanggal_mulai,
    s.tanggal_lahir,
from penempatan as pn
inner join peserta as s on s.peserta_id = pn.peserta_id
where pn.tanggal_mulai < s.tanggal_lahir
order by pn.tanggal_mulai
