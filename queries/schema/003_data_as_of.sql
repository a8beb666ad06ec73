-- 003_data_as_of: the date each import's export was taken from the source system
-- ("data per", `import --as-of`, Kelola Data's date), kept with the import, and the
-- per-table dates in dataset_info (`data_as_of.<template>`) that the reporting date
-- is the earliest of (workforce/core/reporting.py). Imports made before this
-- version are dated by the day they ran, as they were shown until now.

alter table import_log add column data_as_of date;

update import_log set data_as_of = cast(finished_at as date);

insert or replace into dataset_info
select
    'data_as_of.' || template as key,
    strftime(max(finished_at), '%Y-%m-%d') as value,
from import_log
where status = 'loaded'
group by template;
