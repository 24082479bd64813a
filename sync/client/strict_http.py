"""A requests adapter that refuses replies whose header block was cut off.

``http.client`` ends the header block at the first empty line *or at end of file*, so a connection that
closes cleanly after ``HTTP/1.1 200 OK\\r\\nda`` reads as a complete 200 with no headers and no body.
Here the header block must end with its blank line; anything else raises ``RemoteDisconnected``, which
requests reports as a ``ConnectionError`` and the transport retries. Bodies are already checked by urllib3
against Content-Length (and chunked framing); ``declared_length`` covers replies that declare neither.
"""

from __future__ import annotations

import http.client
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


class _LastLine:
    """Wraps the socket file while the status line and headers are read, remembering the last line."""

    def __init__(self, fp: Any) -> None:
        self._fp = fp
        self.last = b""

    def readline(self, limit: int = -1) -> bytes:
        self.last = self._fp.readline(limit)
        return self.last

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fp, name)


class _StrictResponse(http.client.HTTPResponse):
    def begin(self) -> None:
        raw = self.fp
        watch = _LastLine(raw)
        self.fp = watch
        try:
            super().begin()
        finally:
            if self.fp is watch:
                self.fp = raw
        if watch.last not in (b"\r\n", b"\n"):
            raise http.client.RemoteDisconnected("connection closed inside the reply's headers")


class _StrictHTTPConnection(HTTPConnection):
    response_class = _StrictResponse


class _StrictHTTPSConnection(HTTPSConnection):
    response_class = _StrictResponse


class _StrictHTTPPool(HTTPConnectionPool):
    ConnectionCls = _StrictHTTPConnection


class _StrictHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _StrictHTTPSConnection


class StrictAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _StrictHTTPPool, "https": _StrictHTTPSPool}


def strict_session() -> requests.Session:
    s = requests.Session()
    adapter = StrictAdapter()
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    return s


def declared_length(method: str, r: requests.Response) -> bool:
    """Whether a reply says how long its body is (Content-Length or chunked), so a cut can be noticed.
    Replies that carry no body by definition (HEAD, 1xx, 204, 304) need not."""
    if method == "HEAD" or r.status_code in (204, 304) or r.status_code < 200:
        return True
    if "chunked" in r.headers.get("Transfer-Encoding", "").lower():
        return True
    return r.headers.get("Content-Length", "").strip().isdigit()
