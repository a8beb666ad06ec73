-- insert_import_log: record one imported file.
-- params: every column of import_log (data_as_of: the export date, "data per"). grain: one row written.
insert into import_log (
    import_id,
    started_at,
    finished_at,
    user_name,
    file_name,
    file_sha256,
    template,
    row_count,
    inserted_count,
    replaced_count,
    ignored_count,
    rejected_count,
    warning_count,
    new_refs,
    ignored_columns,
    status,
    data_as_of
)
values (
    $import_id,
    $started_at,
    $finished_at,
    $user_name,
    $file_name,
    $file_sha256,
    $template,
    $row_count,
    $inserted_count,
    $replaced_count,
    $ignored_count,
    $rejected_count,
    $warning_count,
    $new_refs,
    $ignored_columns,
    $status,
    $data_as_of
)
