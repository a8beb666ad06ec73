-- create_pub_info (public database): what the public figures were built from.
-- Keys: data_as_of, is_demo, data_version, built_at. params: none. grain: one row per key.
create table pub_info (
    key text primary key,
    value text not null
)
