-- table_sizes: the tables of a database file and their row counts as DuckDB keeps
-- them (backup and restore check a copy with it before they trust it).
-- params: none. grain: one row per table.
select
    table_name,
    estimated_size as row_count,
from duckdb_tables()
where schema_name = 'main'
order by table_name
