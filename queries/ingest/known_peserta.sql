-- known_peserta: which of the staged pseudonyms (registered frame `staging_keys`:
-- peserta_id, pos) already have a peserta row. params: none.
-- grain: one row per known pseudonym (its position in the frame).
select k.pos
from staging_keys as k
semi join peserta as p on p.peserta_id = k.peserta_id
