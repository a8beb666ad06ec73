-- info (public database): data date, demo flag and build time of the public figures.
-- params: none. grain: one row per key.
select key, value from pub_info order by key
