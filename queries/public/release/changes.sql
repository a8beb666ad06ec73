-- changes (main database): what the next release would change against release
-- $release_no, per public table: rows added, removed and changed (a value not the
-- same). The current figures are the internal public aggregates kept by every
-- refresh (pub_kpi, pub_outcome), the targets and the BPS statistics.
-- params: $release_no. grain: one row per public table.
with
kpi as (
    select
        count(*) filter (where r.tahun is null) as added_count,
        count(*) filter (where c.tahun is null) as removed_count,
        count(*) filter (
            where c.tahun is not null and r.tahun is not null
            and (c.nilai is distinct from r.nilai
                or c.pembilang is distinct from r.pembilang
                or c.penyebut is distinct from r.penyebut)
        ) as changed_count,
    from pub_kpi as c
    full join (select * from release_kpi where release_no = $release_no) as r
        on c.tahun = r.tahun and c.kpi_id = r.kpi_id and c.grp = r.grp
),

outcome as (
    select
        count(*) filter (where r.tahun is null) as added_count,
        count(*) filter (where c.tahun is null) as removed_count,
        count(*) filter (
            where c.tahun is not null and r.tahun is not null
            and c.jumlah is distinct from r.jumlah
        ) as changed_count,
    from pub_outcome as c
    full join (select * from release_outcome where release_no = $release_no) as r
        on c.tahun = r.tahun and c.dimensi = r.dimensi
        and c.kategori = r.kategori and c.ukuran = r.ukuran
),

targets as (
    select
        count(*) filter (where r.tahun is null) as added_count,
        count(*) filter (where c.tahun is null) as removed_count,
        count(*) filter (
            where c.tahun is not null and r.tahun is not null
            and c.nilai_target is distinct from r.nilai_target
        ) as changed_count,
    from (select tahun::integer as tahun, indikator as kpi_id, nilai_target, from target) as c
    full join (select * from release_target where release_no = $release_no) as r
        on c.tahun = r.tahun and c.kpi_id = r.kpi_id
),

statistik as (
    select
        count(*) filter (where r.tahun is null) as added_count,
        count(*) filter (where c.tahun is null) as removed_count,
        count(*) filter (
            where c.tahun is not null and r.tahun is not null
            and (c.tpt_pct is distinct from r.tpt_pct
                or c.tpak_pct is distinct from r.tpak_pct
                or c.angkatan_kerja is distinct from r.angkatan_kerja
                or c.pengangguran is distinct from r.pengangguran)
        ) as changed_count,
    from statistik_tenaga_kerja as c
    full join (select * from release_statistik where release_no = $release_no) as r
        on c.tahun = r.tahun and c.wilayah = r.wilayah
),

final as (
    select 'pub_kpi' as tabel, * from kpi
    union all select 'pub_outcome', * from outcome
    union all select 'pub_target', * from targets
    union all select 'statistik_tenaga_kerja', * from statistik
)

select * from final
