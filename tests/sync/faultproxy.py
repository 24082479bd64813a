"""A fault-injecting HTTP proxy on 127.0.0.1 for sync tests: a real socket server on threads.

Requests pass through to the upstream server one connection each; a queued fault that matches a request
(method and path prefix, after ``skip`` matches have passed) is applied instead:

- ``drop_before``: close the connection without forwarding (the server never sees the request);
- ``drop_after``: forward, let the server answer (and commit), then close without responding;
- ``truncate``: forward, then send only the headers and half of the body;
- ``delay``: forward, then hold the answer for ``seconds`` (past the client's timeout) before sending it;
- ``status``: answer ``code`` (503 by default) without forwarding;
- ``tamper``: forward, then flip one byte of the response body;
- ``tamper_request``: flip one byte of the request body, then forward;
- ``cut``: forward, then send only the first ``at`` bytes of the answer (status line, headers and body
  counted together) and close the connection cleanly, as a dying link or a crashing proxy would.

``seen`` records, per request, the answer's size and where its body starts, so a test can cut at every
offset of the headers and of the body.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field

ACTIONS = ("drop_before", "drop_after", "truncate", "delay", "status", "tamper", "tamper_request", "cut")


@dataclass
class Fault:
    action: str
    method: str | None = None
    path: str = ""
    times: int = 1
    skip: int = 0
    seconds: float = 0.0
    code: int = 503
    at: int = 0
    hits: int = 0


@dataclass
class Seen:
    method: str
    path: str
    action: str
    size: int = 0  # bytes of the upstream answer (0: not forwarded)
    body_at: int = 0  # offset of the first body byte in it


@dataclass
class FaultProxy:
    upstream_port: int
    upstream_host: str = "127.0.0.1"
    faults: list[Fault] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, name="faultproxy", daemon=True)
        self._accept.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(self, action: str, method: str | None = None, path: str = "", *, times: int = 1, skip: int = 0,
            seconds: float = 0.0, code: int = 503, at: int = 0) -> Fault:
        assert action in ACTIONS, action
        f = Fault(action, method, path, times, skip, seconds, code, at)
        with self._lock:
            self.faults.append(f)
        return f

    def clear(self) -> None:
        with self._lock:
            self.faults.clear()

    def count(self, method: str, path: str = "", action: str | None = None) -> int:
        with self._lock:
            return sum(1 for s in self.seen if s.method == method and s.path.startswith(path)
                       and (action is None or s.action == action))

    def close(self) -> None:
        self._stop.set()
        self._accept.join(timeout=2)
        self._sock.close()
        for t in self._threads:
            t.join(timeout=2)

    # --- internals ----------------------------------------------------------------------------------
    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            t = threading.Thread(target=self._handle, args=(client,), daemon=True)
            self._threads = [x for x in self._threads if x.is_alive()] + [t]
            t.start()

    def _pick(self, method: str, path: str) -> str | Fault:
        with self._lock:
            for f in self.faults:
                if f.hits >= f.times + f.skip:
                    continue
                if (f.method is None or f.method == method) and path.startswith(f.path):
                    f.hits += 1
                    if f.hits <= f.skip:
                        return "pass"
                    return f
        return "pass"

    def _handle(self, client: socket.socket) -> None:
        client.settimeout(30)
        try:
            while not self._stop.is_set():
                request = _read_request(client)
                if request is None:
                    return
                method, path, raw = request
                fault = self._pick(method, path.split("?")[0])
                action = fault if isinstance(fault, str) else fault.action
                seen = Seen(method, path, action)
                with self._lock:
                    self.seen.append(seen)
                if action == "drop_before":
                    return
                if action == "status":
                    body = b'{"error":"unavailable","message":"\\u670d\\u52a1\\u6682\\u65f6\\u4e0d\\u53ef\\u7528"}'
                    code = fault.code  # type: ignore[union-attr]
                    client.sendall(f"HTTP/1.1 {code} Injected\r\nContent-Type: application/json\r\n"
                                   f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
                    return
                if action == "tamper_request":
                    head, sep, body = raw.partition(b"\r\n\r\n")
                    raw = head + sep + (_tamper(b"", body) if body else body)
                response = self._forward(raw)
                head, _, body = response.partition(b"\r\n\r\n")
                seen.size, seen.body_at = len(response), len(head) + 4
                if action == "drop_after":
                    return
                if action == "cut":
                    client.sendall(response[: fault.at])  # type: ignore[union-attr]
                    return
                if action == "truncate":
                    client.sendall(head + b"\r\n\r\n" + body[: len(body) // 2])
                    return
                if action == "delay":
                    end = time.monotonic() + fault.seconds  # type: ignore[union-attr]
                    while time.monotonic() < end and not self._stop.is_set():
                        time.sleep(0.05)
                if action == "tamper" and body:
                    body = _tamper(head, body)
                client.sendall(head + b"\r\n\r\n" + body)
                if b"connection: close" in head.lower():
                    return
        except OSError:
            return
        finally:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            client.close()

    def _forward(self, raw: bytes) -> bytes:
        """One request on a fresh upstream connection (``Connection: close``), read to EOF."""
        with socket.create_connection((self.upstream_host, self.upstream_port), timeout=30) as up:
            up.sendall(raw)
            chunks = []
            while True:
                data = up.recv(65536)
                if not data:
                    break
                chunks.append(data)
        response = b"".join(chunks)
        head, sep, body = response.partition(b"\r\n\r\n")
        lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
        return b"\r\n".join(lines + [b"Connection: close"]) + sep + body


def _read_request(sock: socket.socket) -> tuple[str, str, bytes] | None:
    buf = b""
    while b"\r\n\r\n" not in buf:
        data = sock.recv(65536)
        if not data:
            return None
        buf += data
    head, _, body = buf.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    method, path, _ = lines[0].decode("latin-1").split(" ", 2)
    length = 0
    kept = [lines[0]]
    for ln in lines[1:]:
        name = ln.split(b":", 1)[0].strip().lower()
        if name == b"content-length":
            length = int(ln.split(b":", 1)[1])
        if name != b"connection":
            kept.append(ln)
    while len(body) < length:
        data = sock.recv(65536)
        if not data:
            return None
        body += data
    raw = b"\r\n".join(kept + [b"Connection: close"]) + b"\r\n\r\n" + body
    return method, path, raw


def _tamper(head: bytes, body: bytes) -> bytes:
    start = 0
    if b"transfer-encoding: chunked" in head.lower():
        start = body.index(b"\r\n") + 2  # first data byte of the first chunk
    b = bytearray(body)
    b[start] ^= 0xFF
    return bytes(b)
