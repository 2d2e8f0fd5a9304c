"""PostgreSQL really out of reach (its connections reset, new ones refused): 503, then recovery."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.api.test_faults import RENDER, payload_with_name
from tests.conftest import reset_database


class Proxy:
    """A TCP relay between the app and PostgreSQL: ``stop()`` resets every connection
    through it and refuses new ones, as a stopped server does; ``start()`` serves again."""

    def __init__(self, host: str, port: int) -> None:
        self.upstream = (host, port)
        self.port = 0
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self.start()

    def start(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def stop(self) -> None:
        # shutdown() first: close() alone waits for the threads blocked in accept and recv.
        for sock in [self._listener, *self._take_open()]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _take_open(self) -> list[socket.socket]:
        with self._lock:
            taken, self._open = self._open, []
        return taken

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:  # closed by stop()
                return
            server = socket.create_connection(self.upstream)
            with self._lock:
                self._open += [client, server]
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=_pump, args=(source, target), daemon=True).start()


def _pump(source: socket.socket, target: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            target.sendall(data)
    for sock in (source, target):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def proxy() -> Proxy:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("stopping a real database needs PostgreSQL (TEST_DATABASE_URL)")
    parts = urlsplit(url)
    return Proxy(parts.hostname or "127.0.0.1", parts.port or 5432)


@pytest.fixture
def app(tmp_path, proxy) -> Iterator[object]:
    """The test app on PostgreSQL, reached only through ``proxy``."""
    from service import create_app
    from service.extensions import db

    url = os.environ["TEST_DATABASE_URL"]
    reset_database(url)
    parts = urlsplit(url)
    netloc = f"{parts.username or 'postgres'}@127.0.0.1:{proxy.port}"
    settings = {
        "TESTING": True,
        "DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": urlunsplit(parts._replace(netloc=netloc)),
        "PDF_WARM_START": False,
        "AOR_READERS_WARM_START": False,
    }
    application = create_app(settings)
    yield application
    application.extensions["aor_scans"].close()
    application.extensions["aor_readers"].close()
    proxy.stop()
    db.engine.dispose()


def test_with_postgresql_out_of_reach_calls_answer_503_and_recover_when_it_returns(
    app, client, anonymous, example, proxy
):
    kept = client.post(RENDER, json=example("42-6"))
    assert kept.status_code == 200  # pooled connections now open through the relay
    proxy.stop()
    for answer in (
        client.get("/api/v1/documents"),
        client.post(RENDER, json=payload_with_name(example)),
        client.get("/api/v1/aors"),
    ):
        assert answer.status_code == 503, answer.json
        assert answer.headers["Retry-After"] == "5"
        assert "database is unavailable" in answer.json["message"]
    health = anonymous.get("/api/v1/health")
    assert (health.status_code, health.json["status"]) == (503, "down")
    assert health.json["database"]["up"] is False
    proxy.start()
    assert client.get(kept.headers["Content-Location"]).data == kept.data
    assert client.post(RENDER, json=payload_with_name(example)).status_code == 200
    assert anonymous.get("/api/v1/health").status_code == 200
