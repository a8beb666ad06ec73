-- penyelenggara_list: the provider reference list, with the normalised name imports
-- match. params: none. grain: one row per penyelenggara.
select penyelenggara_id as ref_id, nama, nama_norm
from ref_penyelenggara
order by penyelenggara_id
