"""Import of the Disnaker spreadsheets: templates, parsing, validation, loading.

Data flows one way: file bytes → ``read`` (text cells, spreadsheet row numbers) →
``validate`` (template schema, rules, keys, references; NIK pseudonymised on the
way) → ``load`` (one transaction on a copy of the database: upsert, quarantine,
import log, marts, data-quality ``checks``). Streamlit-free; the Kelola Data page
and the CLI (``python -m workforce import``) are thin layers over ``load``.
"""
