-- kbli_names: the KBLI 2020 categories an import may name (letter or name).
-- params: none. grain: one row per category.
select kode, nama from ref_kbli order by kode
