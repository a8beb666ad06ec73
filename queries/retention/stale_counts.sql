-- stale_counts: how many rows of each personal table belong to the persons in the
-- registered frame `retention_stale` (from stale_persons). params: none.
-- grain: one row: peserta, pendaftaran, penempatan and pelacakan counts.
with stale as (
    select peserta_id, from retention_stale
),

final as (
    select
        (select count(*) from peserta where peserta_id in (select peserta_id from stale))
            as peserta_count,
        (select count(*) from pendaftaran where peserta_id in (select peserta_id from stale))
            as pendaftaran_count,
        (select count(*) from penempatan where peserta_id in (select peserta_id from stale))
            as penempatan_count,
        (select count(*) from pelacakan where peserta_id in (select peserta_id from stale))
            as pelacakan_count,
)

select * from final
