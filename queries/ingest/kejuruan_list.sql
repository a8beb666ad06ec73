-- kejuruan_list: the vocation reference list, with the normalised name imports match.
-- params: none. grain: one row per kejuruan.
select kejuruan_id as ref_id, nama, nama_norm from ref_kejuruan order by kejuruan_id
