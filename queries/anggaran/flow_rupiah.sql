-- flow_rupiah: where the money of the programmes ending in [$start, $end] went:
-- funding source → $middle ('jenis' or 'kejuruan') → outcome. Each programme's
-- spending per source (mart_programme_budget, lines of all years) is split over its
-- enrolments' outcomes in proportion to their counts: ditempatkan (placed within 6
-- months), lulus_belum (graduated, not placed), tidak_lulus, berjalan (still in
-- training); a programme without enrolments goes whole to tanpa_peserta. The total
-- is the biaya_per_lulusan numerator (tested).
-- params: $start, $end, $middle, $kejuruan, $penyelenggara, $jenis, $sumber_dana.
-- filters: in_programme (a macro of queries/marts/), the programme lists.
-- grain: one row per sumber_dana × middle × hasil with a positive amount.
with programmes as (
    select
        sumber_dana,
        case $middle when 'jenis' then jenis when 'kejuruan' then kejuruan end
            as middle,
        realisasi_rupiah::double as realisasi_rupiah,
        peserta_count,
        ditempatkan_6b_count as ditempatkan,
        lulusan_count - ditempatkan_6b_count as lulus_belum,
        tidak_lulus_count as tidak_lulus,
        berjalan_count as berjalan,
    from mart_programme_budget
    where tanggal_selesai between $start and $end
        and in_programme(
            kejuruan, penyelenggara, jenis, sumber_dana,
            $kejuruan, $penyelenggara, $jenis, $sumber_dana,
        )
),

shares as (
    select sumber_dana, middle, hasil, nilai,
    from programmes
    cross join lateral (
        select * from (
            values
                ('ditempatkan', realisasi_rupiah * ditempatkan / nullif(peserta_count, 0)),
                ('lulus_belum', realisasi_rupiah * lulus_belum / nullif(peserta_count, 0)),
                ('tidak_lulus', realisasi_rupiah * tidak_lulus / nullif(peserta_count, 0)),
                ('berjalan', realisasi_rupiah * berjalan / nullif(peserta_count, 0)),
                ('tanpa_peserta', case when peserta_count = 0 then realisasi_rupiah end)
        ) as u (hasil, nilai)
    )
),

final as (
    select sumber_dana, middle, hasil, sum(nilai) as nilai,
    from shares
    where nilai > 0
    group by sumber_dana, middle, hasil
)

select * from final
order by sumber_dana, middle, hasil
