-- check survey_not_enrolled: a tracer survey of a person who never enrolled in that
-- programme.
-- severity: warning
-- params: none. grain: one row per survey.
select
    left(t.peserta_id, 12) as peserta,
    t.kode_program,
    t.tanggal_survei,
from pelacakan as t
where not exists (
    select 1
    from pendaftaran as d
    where d.peserta_id = t.peserta_id and d.kode_program = t.kode_program
)
order by t.tanggal_survei
