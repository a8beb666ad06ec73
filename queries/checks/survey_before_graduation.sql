-- check survey_before_graduation: a tracer survey dated before the graduate's
-- tanggal_lulus in that programme.
-- severity: error
-- params: none. grain: one row per survey.
select
    left(t.peserta_id, 12) as peserta,
    t.kode_program,
    t.tanggal_survei,
    d.tanggal_lulus,
from pelacakan as t
inner join pendaftaran as d
    on d.peserta_id = t.peserta_id and d.kode_program = t.kode_program
where t.tanggal_survei < d.tanggal_lulus
order by t.tanggal_survei
