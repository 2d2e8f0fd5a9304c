"""Accounts, credentials and what each role may do; no Flask imports."""
