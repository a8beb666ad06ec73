-- check enrolment_over_quota: a programme with more enrolments than its kuota.
-- severity: info
-- params: none. grain: one row per programme.
with counts as (
    select kode_program, count(*) as pendaftaran_count,
    from pendaftaran
    group by kode_program
),

final as (
    select p.kode_program, p.kuota, c.pendaftaran_count,
    from program as p
    inner join counts as c on c.kode_program = p.kode_program
    where p.kuota is not null and c.pendaftaran_count > p.kuota
)

select * from final
order by kode_program
