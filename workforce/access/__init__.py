"""Who may see what: roles, local accounts, single sign-on and the audit log."""
