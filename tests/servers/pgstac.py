"""A real STAC API WITH the filter extension (CQL2) on loopback: ``rustac serve --pgstac`` over a
PostgreSQL cluster made for the test (Debian's postgresql + postgis, pgstac's schema from the SQL
migration that PyPI's ``pypgstac`` ships -- ``pip install --no-deps pypgstac==0.9.8`` is enough, only
its SQL is used).

    with PgStacApi([collection, item_collection]) as api:
        api.url

:func:`missing` says what is lacking (the tests skip with that reason).  The cluster lives in a
temporary folder, listens on 127.0.0.1 only, runs as the ``postgres`` user when we are root
(PostgreSQL refuses root) and is removed by :meth:`stop`.
"""
import glob
import importlib.util
import json
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from typing import Optional

from .process import free_port, spawn, stop, wait_port
from .stac_api import rustac_binary

PGSTAC_VERSION = "0.9.8"


def _pg_bin() -> Optional[str]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    return os.path.dirname(found[-1]) if found else None


def _postgis_present(bindir: str) -> bool:
    version = os.path.basename(os.path.dirname(bindir))
    return bool(glob.glob("/usr/share/postgresql/{}/extension/postgis.control".format(version)))


def pgstac_sql() -> Optional[str]:
    spec = importlib.util.find_spec("pypgstac")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(list(spec.submodule_search_locations)[0], "migrations",
                        "pgstac.{}.sql".format(PGSTAC_VERSION))
    return path if os.path.exists(path) else None


def missing() -> Optional[str]:
    """Why the server cannot start here, or None."""
    bindir = _pg_bin()
    if not bindir:
        return "PostgreSQL is not installed (apt-get install postgresql)"
    if not _postgis_present(bindir):
        return "PostGIS is not installed (apt-get install postgresql-15-postgis-3)"
    if not pgstac_sql():
        return "pgstac's schema is missing (pip install --no-deps pypgstac=={})".format(PGSTAC_VERSION)
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a 'postgres' user to run PostgreSQL as"
    return None


def _as_db_user(argv):
    return (["runuser", "-u", "postgres", "--"] + argv) if os.geteuid() == 0 else argv


class PgStacApi:
    """A PostgreSQL cluster with pgstac, and ``rustac serve --pgstac`` loaded with ``documents``
    (STAC dicts: collections first, then items or item collections)."""

    def __init__(self, documents):
        reason = missing()
        if reason:
            raise RuntimeError(reason)
        self.bindir = _pg_bin()
        self.folder = tempfile.mkdtemp(prefix="pgstac-")     # (not under pytest's root-only tmp)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.db_proc = self.proc = None
        try:
            self._start_db()
            self._start_api(documents)
        except BaseException:
            self.stop()
            raise

    def _start_db(self) -> None:
        data = os.path.join(self.folder, "data")
        subprocess.run(_as_db_user([os.path.join(self.bindir, "initdb"), "-D", data, "-A", "trust",
                                    "-U", "stac"]), check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
        self.db_port = free_port()
        self.db_proc = spawn(_as_db_user([os.path.join(self.bindir, "postgres"), "-D", data,
                                          "-p", str(self.db_port), "-k", self.folder,
                                          "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"]))
        wait_port(self.db_port, self.db_proc)
        self._wait_ready()
        psql = [os.path.join(self.bindir, "psql"), "-h", "127.0.0.1", "-p", str(self.db_port), "-U", "stac",
                "-q", "-v", "ON_ERROR_STOP=1"]
        subprocess.run(psql + ["-d", "postgres", "-c", "CREATE DATABASE stac"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        subprocess.run(psql + ["-d", "stac", "-f", pgstac_sql()], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
        subprocess.run(psql + ["-d", "stac", "-c", "ALTER DATABASE stac SET search_path TO pgstac, public"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def _wait_ready(self, timeout: float = 30.0) -> None:
        """Until PostgreSQL accepts sessions (it listens before it has finished starting up)."""
        deadline = time.monotonic() + timeout
        while True:
            probe = subprocess.run([os.path.join(self.bindir, "pg_isready"), "-h", "127.0.0.1", "-p",
                                    str(self.db_port), "-U", "stac", "-d", "postgres"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if probe.returncode == 0:
                return
            if time.monotonic() > deadline or self.db_proc.poll() is not None:
                raise RuntimeError("PostgreSQL did not become ready on port {}".format(self.db_port))
            time.sleep(0.1)

    def _start_api(self, documents) -> None:
        hrefs = []
        for i, doc in enumerate(documents):
            path = os.path.join(self.folder, "doc{}.json".format(i))
            with open(path, "w") as handle:
                json.dump(doc, handle)
            hrefs.append(path)
        self.port = free_port()
        self.url = "http://127.0.0.1:{}/".format(self.port)
        self.proc = spawn([rustac_binary(), "serve", "--pgstac",
                           "postgresql://stac@127.0.0.1:{}/stac".format(self.db_port),
                           "-a", "127.0.0.1:{}".format(self.port)] + hrefs)
        wait_port(self.port, self.proc, timeout=60)

    def stop(self) -> None:
        for proc in (self.proc, self.db_proc):
            if proc is not None:
                stop(proc)
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
