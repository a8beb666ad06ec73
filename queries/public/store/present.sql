-- present: how many of the two stored public tables exist (2: both; older files
-- upgraded before they were introduced have none until their marts are rebuilt).
-- grain: one row.
select count(*) as tables_count,
from duckdb_tables()
where table_name in ('pub_kpi', 'pub_outcome')
