-- program_codes: every stored kode_program (references from other templates).
-- params: none. grain: one row per programme.
select kode_program from program
