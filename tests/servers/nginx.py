"""Debian's nginx serving one folder on loopback: static files with HTTP Range, as object stores serve COGs.

    with Nginx(folder, workdir) as server:
        server.url("a.tif")
"""
import os
import shutil
import subprocess
import tempfile

from .process import free_port, spawn, stop, wait_port


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if found:
        return found
    if os.geteuid() == 0:
        for pkg in ("nginx-light", "nginx"):
            subprocess.run(["apt-get", "install", "-y", pkg], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if not found:
        raise RuntimeError("nginx is needed: apt-get install nginx")
    return found


_CONF = """\
worker_processes 1;
master_process off;
daemon off;
pid {p}/nginx.pid;
error_log {p}/error.log warn;
events {{ worker_connections 256; }}
http {{
  log_format ranges '$request_method $uri $http_range $status $body_bytes_sent';
  access_log {access};
  sendfile on;
  tcp_nopush on;
  client_body_temp_path {p}/body;
  proxy_temp_path {p}/proxy;
  fastcgi_temp_path {p}/fastcgi;
  uwsgi_temp_path {p}/uwsgi;
  scgi_temp_path {p}/scgi;
  types {{ application/octet-stream bin; image/tiff tif; application/json json; }}
  server {{ listen 127.0.0.1:{port}; root {root}; }}
}}
"""


class Nginx:
    """nginx in the foreground serving ``root_dir``.  ``log_requests=True`` keeps an access log
    (method, path, Range header, status, body bytes) readable with :meth:`requests`."""

    def __init__(self, root_dir: str, workdir: str = None, log_requests: bool = False):
        self.port = free_port()
        self.prefix = tempfile.mkdtemp(prefix="nginx-", dir=workdir)
        self.access_log = os.path.join(self.prefix, "access.log")
        conf = os.path.join(self.prefix, "nginx.conf")
        access = "{} ranges".format(self.access_log) if log_requests else "off"
        with open(conf, "w") as handle:
            handle.write(_CONF.format(p=self.prefix, port=self.port, root=os.path.abspath(root_dir),
                                      access=access))
        self.proc = spawn([nginx_binary(), "-p", self.prefix, "-c", conf])
        wait_port(self.port, self.proc)

    def url(self, name: str = "") -> str:
        return "http://127.0.0.1:{}/{}".format(self.port, name)

    def requests(self):
        """The logged requests as dicts (method, path, range, status, bytes), oldest first."""
        if not os.path.exists(self.access_log):
            return []
        out = []
        with open(self.access_log) as handle:
            for line in handle:
                method, path, rng, status, sent = line.split(" ")
                out.append({"method": method, "path": path, "range": None if rng == "-" else rng,
                            "status": int(status), "bytes": int(sent)})
        return out

    def stop(self) -> None:
        stop(self.proc)
        shutil.rmtree(self.prefix, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


__all__ = ["Nginx", "nginx_binary"]
