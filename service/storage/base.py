"""What every file store offers: bytes in, their SHA-256 out, and the bytes back by it."""

from __future__ import annotations

import hashlib
from typing import Protocol, runtime_checkable

HEX = frozenset("0123456789abcdef")


@runtime_checkable
class BlobStore(Protocol):
    """Files kept by their SHA-256: the same content is stored once, never half-written.

    ``put`` raises StorageFull (507) when the disk, quota or database is full; ``get`` raises
    MissingFile for a digest never stored (or deleted); every method raises ValueError for a
    name that is not a SHA-256 hex digest, so no caller's string reaches a path or a query.
    """

    def put(self, data: bytes) -> str: ...

    def get(self, digest: str) -> bytes: ...

    def exists(self, digest: str) -> bool: ...

    def size(self, digest: str) -> int | None: ...

    def delete(self, digest: str) -> None: ...


class MissingFile(LookupError):
    """No file is stored under this digest: a row points at a file that is gone (a fault)."""

    def __init__(self, digest: str) -> None:
        super().__init__(f"no stored file {digest[:12]}…")


def checked(digest: str) -> str:
    """``digest`` if it is a SHA-256 hex digest (64 lower-case hex digits), else ValueError."""
    if len(digest) != 64 or not HEX.issuperset(digest):
        raise ValueError("not a SHA-256 hex digest")
    return digest


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
