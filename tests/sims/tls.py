"""A throwaway certificate authority and a loopback HTTPS server whose certificate it signed.

Stands for a network that inspects TLS with its own CA: a client trusts the server only once it
trusts that CA.  Keys and certificates are made with the ``openssl`` command (Debian's
ca-certificates package depends on it), EC P-256, valid for two days, in a folder the test owns.
"""
import os
import ssl
import subprocess
import threading
from typing import Dict

from tests.sims.loopback import LoopbackHTTPServer, QuietHandler

_SERVER_EXTENSIONS = """basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""


def _openssl(*args: str, cwd: str) -> None:
    subprocess.run(["openssl"] + list(args), cwd=cwd, check=True, stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE, timeout=60)


def throwaway_ca(folder: str, name: str = "EO Downloader test CA") -> Dict[str, str]:
    """A CA and a server certificate for 127.0.0.1 signed by it: paths ``ca``, ``cert``, ``key``."""
    os.makedirs(folder, exist_ok=True)
    curve = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    _openssl("req", "-x509", *curve, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=" + name,
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
             cwd=folder)
    _openssl("req", "-new", *curve, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1",
             cwd=folder)
    with open(os.path.join(folder, "server.ext"), "w") as handle:
        handle.write(_SERVER_EXTENSIONS)
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "server.pem", "-days", "2", "-extfile", "server.ext", cwd=folder)
    return {key: os.path.join(folder, name) for key, name in
            (("ca", "ca.pem"), ("cert", "server.pem"), ("key", "server.key"))}


class HttpsServer:
    """``with HttpsServer(cert, key) as server``: answers every GET with 200 ``ok`` at ``server.url``."""

    def __init__(self, cert: str, key: str):
        self.cert = cert
        self.key = key
        self.handshakes_refused = 0

    def __enter__(self) -> "HttpsServer":
        owner = self

        class Handler(QuietHandler):
            def do_GET(self):
                self.send_body(200, b"ok", "text/plain")

        class Server(LoopbackHTTPServer):

            def get_request(self):
                try:
                    return super().get_request()
                except ssl.SSLError:      # the client refused our certificate
                    owner.handshakes_refused += 1
                    raise

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self.url = "https://127.0.0.1:{}/".format(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="https-sim", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
