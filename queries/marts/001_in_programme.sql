-- in_programme(kejuruan, penyelenggara, jenis, sumber_dana, kejuruan_in,
-- penyelenggara_in, jenis_in, sumber_dana_in): the programme filters (the dimensions
-- a programme has: a budget line or a programme has no kecamatan): true when each of
-- a row's four values is picked by the list bound for it. First the row's values,
-- then the lists, in the order of workforce.core.filters.DIMENSIONS; a query passes
-- them as $kejuruan, $penyelenggara, $jenis, $sumber_dana, so its file still names
-- each param it honours (workforce.core.metrics.Metric.dimensions reads them there).
-- grain: one boolean per row.
create or replace macro in_programme(
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
    kejuruan_in,
    penyelenggara_in,
    jenis_in,
    sumber_dana_in,
) as
    picked(kejuruan, kejuruan_in)
    and picked(penyelenggara, penyelenggara_in)
    and picked(jenis, jenis_in)
    and picked(sumber_dana, sumber_dana_in)
