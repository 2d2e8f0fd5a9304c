"""WSGI entry point: ``waitress-serve --call wsgi:create_app`` or ``app`` for other servers."""

from service import create_app

app = create_app()
