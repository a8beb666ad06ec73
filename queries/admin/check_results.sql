-- check_results: the stored data-quality check results (workforce.ingest.checks.stored).
-- params: none. grain: one row per check.
select name, severity, count, examples_json,
from check_results
order by name
