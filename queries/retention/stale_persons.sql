-- stale_persons: the persons whose every enrolment is older than the retention period.
-- A person is kept when one of their programmes ended on or after $cutoff (a programme
-- that ended exactly N years ago keeps its participants); a person with no enrolment
-- at all is stale. params: $cutoff (date). grain: one row per stale person.
with final as (
    select s.peserta_id,
    from peserta as s
    where not exists (
        select 1
        from pendaftaran as d
        inner join program as p on p.kode_program = d.kode_program
        where d.peserta_id = s.peserta_id and p.tanggal_selesai >= $cutoff
    )
)

select * from final
