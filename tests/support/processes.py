"""What processes a process started, read from /proc (no psutil)."""

from __future__ import annotations

from pathlib import Path


def descendants(pid: int) -> set[int]:
    """Every process under ``pid``, from /proc (each thread lists the children it forked)."""
    found: set[int] = set()
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            direct = {int(child) for child in children.read_text().split()}
        except OSError:  # the thread ended meanwhile
            continue
        for child in direct - found:
            found |= {child} | descendants(child)
    return found
