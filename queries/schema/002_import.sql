-- 002_import: the import log, the quarantine of rejected rows, and the audit log.
-- Written by workforce.ingest inside the import's own transaction (a copy of the
-- database swapped in on success). No clear NIK is stored here either: rejected
-- rows keep the NIK masked (first 4 digits), the file is named by its SHA-256.

-- import_log: one row per imported file (who, when, which file, what happened)
create table import_log (
    import_id integer primary key,
    started_at timestamp not null,
    finished_at timestamp not null,
    user_name text not null,
    file_name text not null,
    file_sha256 text not null check (length(file_sha256) = 64),
    template text not null,
    row_count integer not null check (row_count >= 0),
    inserted_count integer not null check (inserted_count >= 0),
    replaced_count integer not null check (replaced_count >= 0),
    ignored_count integer not null check (ignored_count >= 0),
    rejected_count integer not null check (rejected_count >= 0),
    warning_count integer not null check (warning_count >= 0),
    new_refs text not null,  -- JSON: {"kejuruan": ["..."], "penyelenggara": [...]}
    ignored_columns text not null,  -- JSON list of headers ignored (nama included)
    status text not null check (status in ('loaded', 'rejected'))
);

-- import_quarantine: one row per rejected spreadsheet row, to fix and re-import
create table import_quarantine (
    import_id integer not null references import_log (import_id),
    template text not null,
    file_name text not null,
    row_number integer not null,
    row_json text not null,  -- the template columns as typed, NIK masked
    reason_codes text not null,  -- JSON list of {column, code, params}
    reason_id text not null,
    reason_en text not null,
    primary key (import_id, row_number)
);

-- audit_log: administrative actions (target changes, imports, account changes)
create table audit_log (
    "at" timestamp not null,
    user_name text not null,
    action text not null,
    detail text
);
