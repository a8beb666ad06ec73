-- in_filters(kecamatan, kejuruan, penyelenggara, jenis, sumber_dana, kecamatan_in,
-- kejuruan_in, penyelenggara_in, jenis_in, sumber_dana_in): the dashboard's five
-- filter dimensions (the participant's kecamatan and the programme filters of
-- in_programme): true when each of a row's five values is picked by the list bound
-- for it. First the row's values, then the lists, in the order of
-- workforce.core.filters.DIMENSIONS; a query passes them as $kecamatan, $kejuruan,
-- $penyelenggara, $jenis, $sumber_dana.
-- grain: one boolean per row.
create or replace macro in_filters(
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    kecamatan_in,
    kejuruan_in,
    penyelenggara_in,
    jenis_in,
    sumber_dana_in,
) as
    picked(kecamatan, kecamatan_in)
    and in_programme(
        kejuruan,
        penyelenggara,
        jenis,
        sumber_dana,
        kejuruan_in,
        penyelenggara_in,
        jenis_in,
        sumber_dana_in,
    )
