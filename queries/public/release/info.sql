-- info (main database): what the figures of release $release_no were built from
-- (data_as_of, is_demo, data_version, built_at), as pub_info had them.
-- params: $release_no. grain: one row per key.
select key, value,
from release_info
where release_no = $release_no
order by key
