"""Silence the PDF libraries' own log lines: they quote document text, i.e. participant data."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

PDF_LOGGERS = ("pypdf", "pdfminer", "pdfplumber")


@contextmanager
def quiet_pdf_logs() -> Iterator[None]:
    """Raise the PDF libraries' log level to CRITICAL for the duration of the block."""
    loggers = [logging.getLogger(name) for name in PDF_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
