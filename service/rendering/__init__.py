"""Filling the .docx form templates."""
