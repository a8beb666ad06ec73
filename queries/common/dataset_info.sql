-- dataset_info: metadata of the loaded data (is_demo, data_as_of, data_version...).
-- params: none. grain: one row per key.
select key, value from dataset_info order by key
