"""PDF readers: each takes bytes and returns a dataclass; the only users of pdfplumber and pypdf."""
