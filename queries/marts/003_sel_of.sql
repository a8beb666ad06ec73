-- sel_of(sel_by, tahun, kecamatan, kejuruan, penyelenggara, jenis, sumber_dana): the
-- selection a row counts towards when a KPI query answers several at once ($by and
-- $sels: workforce.core.metrics.compute_by). With sel_by 'tahun' the row's year as
-- text, with sel_by a filter dimension the row's value of it, else 'total' (sel_by
-- null: one selection, the whole filtered set). A source without a dimension (a
-- budget line has no kecamatan) passes null for it: a KPI is never asked by a
-- dimension it does not honour.
-- grain: one text per row.
create or replace macro sel_of(
    sel_by,
    tahun,
    kecamatan,
    kejuruan,
    penyelenggara,
    jenis,
    sumber_dana,
) as
    case sel_by
        when 'tahun' then tahun::text
        when 'kecamatan' then kecamatan
        when 'kejuruan' then kejuruan
        when 'penyelenggara' then penyelenggara
        when 'jenis' then jenis
        when 'sumber_dana' then sumber_dana
        else 'total'
    end
