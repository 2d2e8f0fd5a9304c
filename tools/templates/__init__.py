"""Scripts that author the .docx form templates; run ``python -m tools.templates``."""
