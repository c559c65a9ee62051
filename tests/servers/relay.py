"""A TCP relay on loopback in front of a real server: link latency, and a record of what clients sent.

    with Relay(upstream_port, latency=0.02) as relay:
        relay.url("a.tif")          # http://127.0.0.1:<relay port>/a.tif
        relay.sent()                # every byte clients sent through it (request lines and headers)

Each chunk a client sends is held ``latency`` seconds before it goes on to the server, so
every HTTP request (a request is one chunk on a kept-alive connection) costs one simulated
round trip -- what range requests pay on a real link.  Answers flow back at once, or, with
``bandwidth`` (bytes per second), no faster than one link of that speed shared by every
connection.  With ``tls=(cert, key)`` it speaks HTTPS to its clients (and plain HTTP to the server),
as a TLS front of an object store does.  The relay understands nothing of HTTP: the server behind it
answers as it always does.
"""
import socket
import ssl
import threading
import time
from typing import List


class Relay:
    def __init__(self, upstream_port: int, latency: float = 0.0, upstream_host: str = "127.0.0.1",
                 bandwidth: float = 0.0, tls=None):
        self.upstream = (upstream_host, upstream_port)
        self.latency = float(latency)
        self.bandwidth = float(bandwidth)
        self._link_free = 0.0          # when the shared downstream link is free again
        self._tls = None
        if tls:
            self._tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._tls.load_cert_chain(*tls)
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(64)
        self.port = self._server.getsockname()[1]
        self._lock = threading.Lock()
        self._sent: List[bytes] = []
        self._sockets: List[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True, name="relay-accept").start()

    def url(self, name: str = "") -> str:
        return "{}://127.0.0.1:{}/{}".format("https" if self._tls else "http", self.port, name)

    def sent(self) -> bytes:
        """Everything clients sent through the relay so far."""
        with self._lock:
            return b"".join(self._sent)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _addr = self._server.accept()
            except OSError:
                return
            try:
                if self._tls is not None:
                    client.settimeout(10)
                    client = self._tls.wrap_socket(client, server_side=True)
                    client.settimeout(None)
                server = socket.create_connection(self.upstream)
            except (OSError, ssl.SSLError):
                client.close()
                continue
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, upstream: bool) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if upstream:
                    with self._lock:
                        self._sent.append(data)
                    if self.latency:
                        time.sleep(self.latency)
                elif self.bandwidth:
                    self._pace(len(data))
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def _pace(self, size: int) -> None:
        with self._lock:
            now = time.monotonic()
            self._link_free = max(now, self._link_free) + size / self.bandwidth
            wait = self._link_free - now
        time.sleep(wait)

    def close(self) -> None:
        self._closed = True
        try:
            self._server.shutdown(socket.SHUT_RDWR)     # (close alone does not wake a thread in accept())
        except OSError:
            pass
        self._server.close()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for s in sockets:
            try:
                s.close()
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


__all__ = ["Relay"]
