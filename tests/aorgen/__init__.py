"""A generator of AORs in every layout SPEC.md allows, drawn by several PDF producers."""
