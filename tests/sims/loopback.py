"""What every loopback simulator shares: a threaded HTTP server on 127.0.0.1 and its lifecycle."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, Optional


class QuietHandler(BaseHTTPRequestHandler):
    """Request handler base: HTTP/1.1, no console logging, one way to send a body."""

    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):   # keep test output quiet
        pass

    def send_body(self, status: int, body: bytes, content_type: str,
                  headers: Optional[Dict[str, str]] = None) -> None:
        """Status, Content-Type, an exact Content-Length, extra headers, then the body (not for HEAD)."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class LoopbackHTTPServer(ThreadingHTTPServer):
    """The threaded HTTP server of the simulators, with a listen backlog like a service's front end.

    ``socketserver``'s default backlog is 5: a burst of new connections (a download opening 20 at once,
    as Earth Engine's 40 concurrent requests allow) overflows it while the accepting thread waits for
    the interpreter lock, and the kernel drops the extra handshakes, which the clients send again after
    a second.  No live service makes a client wait a second for a connection it can serve."""

    daemon_threads = True
    request_queue_size = 128


class LoopbackServer:
    """Base of the simulators: ``start()`` / ``stop()`` / ``with`` / ``url``.

    A subclass returns its ``BaseHTTPRequestHandler`` class from ``handler()``
    (the handler reads its simulator from the class attribute ``simulator``),
    sets ``thread_name``, and ``host`` / ``port`` in its constructor (port 0: a
    free one).
    """

    thread_name = "sim"
    host = "127.0.0.1"
    port = 0
    _server: Optional[LoopbackHTTPServer] = None
    _thread: Optional[threading.Thread] = None

    def handler(self):
        raise NotImplementedError

    def start(self):
        sim = self

        class Handler(self.handler()):
            simulator = sim

        self._server = LoopbackHTTPServer((self.host, self.port), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=self.thread_name, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return "http://{}:{}".format(self.host, self.port)
