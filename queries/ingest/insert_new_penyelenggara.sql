-- insert_new_penyelenggara: add the penyelenggara names an import brings (the registered frame
-- `new_refs`: ref_id, nama, nama_norm) to the reference list.
-- params: none. grain: one row per new name.
insert into ref_penyelenggara (penyelenggara_id, nama, nama_norm)
select ref_id, nama, nama_norm from new_refs
