"""AOR business rules: totals, findings, excused hours that count, due dates; no I/O."""
