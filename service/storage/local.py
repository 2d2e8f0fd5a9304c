"""Content-addressed file store under the data folder, written atomically."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from service.errors import StorageFull
from service.private import private_dir
from service.storage.base import MissingFile, checked, digest_of

# "No space left on device", and a user's or group's quota used up.
FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


class FileStore:
    """Files kept by their SHA-256 in a folder of this machine (the default backend)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, digest: str) -> Path:
        checked(digest)
        return self.root / digest[:2] / digest[2:4] / digest

    def put(self, data: bytes) -> str:
        """Store ``data``; returns its SHA-256. A file already present is left as it is.

        Raises StorageFull (507) when the disk or quota is full; nothing is left behind.
        """
        digest = digest_of(data)
        target = self.path_for(digest)
        if target.exists():
            return digest
        try:
            self._write(target, data)
        except OSError as exc:
            if exc.errno in FULL_ERRNOS:
                raise StorageFull() from None
            raise
        return digest

    def _write(self, target: Path, data: bytes) -> None:
        private_dir(target.parent)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            # The rename is atomic: readers see the whole file or none; a crash before it
            # leaves only a temporary file, which the digest name never points at.
            Path(tmp).replace(target)
            _fsync_dir(target.parent)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, digest: str) -> bytes:
        try:
            return self.path_for(digest).read_bytes()
        except FileNotFoundError:
            raise MissingFile(digest) from None

    def exists(self, digest: str) -> bool:
        return self.path_for(digest).is_file()

    def size(self, digest: str) -> int | None:
        try:
            return self.path_for(digest).stat().st_size
        except FileNotFoundError:
            return None

    def delete(self, digest: str) -> None:
        self.path_for(digest).unlink(missing_ok=True)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
