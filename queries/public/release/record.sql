-- record (main database): register one published release (its frozen tables are
-- inserted beside it by workforce.public.release.publish).
-- $release_no, $published_at (UTC, naive), $data_as_of, $note, $published_by.
-- grain: one row per release.
insert into public_release (release_no, published_at, data_as_of, note, published_by)
values ($release_no, $published_at, $data_as_of, $note, $published_by)
