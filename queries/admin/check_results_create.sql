-- check_results_create: the table of stored data-quality check results, emptied
-- (workforce.ingest.checks.store fills it after every refresh of the marts).
-- params: none.
create or replace table check_results (
    name varchar primary key,
    severity varchar not null,
    count bigint not null,
    examples_json varchar not null,
)
