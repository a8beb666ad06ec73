-- Append one entry to the audit log: who did what, when (imports, target changes).
-- $at: timestamp (UTC, naive), $user_name: who (login name, SSO e-mail or demo-admin),
-- $action: short verb such as "import" or "target_change", $detail: free text.
-- Grain: one row per recorded action. "at" is quoted: a DuckDB keyword.
insert into audit_log ("at", user_name, action, detail)
values ($at, $user_name, $action, $detail)
