-- quarantine_count: rejected rows kept from imports that finished before $cutoff (they
-- may hold a person's details as typed, NIK masked). params: $cutoff (date).
-- grain: one row: karantina_count.
with final as (
    select count(*) as karantina_count,
    from import_quarantine as q
    inner join import_log as l on l.import_id = q.import_id
    where l.finished_at < $cutoff
)

select * from final
