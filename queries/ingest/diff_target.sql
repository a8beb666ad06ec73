-- diff_target: how each staged target row (the registered frame `staging`, with its
-- position `pos`) compares with the stored one: 'insert' (new key), 'replace'
-- (same key, other values) or 'same'. Key: tahun + indikator.
-- params: none. grain: one row per staged row.
with staged as (
    select
        pos,
        tahun::integer as tahun,
        indikator::text as indikator,
        nilai_target::double as nilai_target,
    from staging
),

final as (
    select
        s.pos,
        case
            when e.tahun is null then 'insert'
            when (s.nilai_target)
                is distinct from (e.nilai_target) then 'replace'
            else 'same'
        end as change,
    from staged as s
    left join target as e
        on e.tahun = s.tahun
        and e.indikator = s.indikator
)

select * from final
