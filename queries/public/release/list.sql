-- list (main database): every published release of the public figures, newest first.
-- params: none. grain: one row per release.
select release_no, published_at, data_as_of, note, published_by,
from public_release
order by release_no desc
