-- graduation_dates: the graduation date of each staged (person, programme) pair (the
-- registered frame `survey_keys`: peserta_id, kode_program, pos), for the rule that
-- a tracer survey cannot precede the graduation. Codes match ignoring case.
-- params: none. grain: one row per staged pair whose enrolment has a tanggal_lulus.
select
    k.pos,
    d.tanggal_lulus,
from survey_keys as k
inner join pendaftaran as d
    on d.peserta_id = k.peserta_id
    and lower(d.kode_program) = lower(k.kode_program)
where d.tanggal_lulus is not null
