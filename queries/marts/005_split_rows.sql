-- split_rows(sels, split): the rows a split KPI returns for each selection of
-- sel_rows: grp 'total', then one per value of its split dimension, numbered in that
-- order by grp_no (the order of the KPI's rows). split 'sumber_dana': APBN, APBD,
-- CSR, lainnya; 'jenis_penempatan': kerja, magang, wirausaha; any other: 'total' only.
-- grain: one row per (sel, grp).
create or replace macro split_rows(sels, split) as table
with groups as (
    select
        ['total'] || case split
            when 'sumber_dana' then ['APBN', 'APBD', 'CSR', 'lainnya']
            when 'jenis_penempatan' then ['kerja', 'magang', 'wirausaha']
            else []
        end as grps,
),

numbered as (
    select unnest(grps) as grp, generate_subscripts(grps, 1) as grp_no,
    from groups
),

final as (
    select s.sel, n.grp, n.grp_no,
    from sel_rows(sels) as s
    cross join numbered as n
)

select * from final
