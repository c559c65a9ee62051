"""A real STAC API on loopback: ``rustac serve`` (PyPI ``rustac``, in the dev requirements).

    with StacApi([item_collection_dict]) as api:
        api.url            # "http://127.0.0.1:PORT/"

Its in-memory backend implements core, collections, features and item-search, and neither
the filter nor the query extension (``/conformance`` says so); ``filter``/``query`` bodies
are not refused -- the search answers as if they were absent or with nothing, which is the
case a client must detect.  It has no ``/queryables`` (404).
"""
import json
import os
import shutil
import sys
import tempfile
import urllib.request

from .process import free_port, spawn, stop, wait_port


def rustac_binary() -> str:
    here = os.path.join(os.path.dirname(sys.executable), "rustac")
    found = here if os.path.exists(here) else shutil.which("rustac")
    if not found:
        raise RuntimeError("rustac is needed: pip install rustac (requirements-dev.txt)")
    return found


class StacApi:
    """``rustac serve`` loaded with the given STAC documents (item collections, collections, items:
    dicts written to files, or paths).  Collections missing for items are created."""

    def __init__(self, documents, workdir: str = None):
        self.folder = tempfile.mkdtemp(prefix="stac-api-", dir=workdir)
        hrefs = []
        for i, doc in enumerate(documents):
            if isinstance(doc, str):
                hrefs.append(doc)
                continue
            path = os.path.join(self.folder, "doc{}.json".format(i))
            with open(path, "w") as handle:
                json.dump(doc, handle)
            hrefs.append(path)
        self.port = free_port()
        self.url = "http://127.0.0.1:{}/".format(self.port)
        self.proc = spawn([rustac_binary(), "serve", "--create-collections",
                           "-a", "127.0.0.1:{}".format(self.port)] + hrefs)
        wait_port(self.port, self.proc)

    def get(self, path: str):
        with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as resp:
            return json.load(resp)

    def stop(self) -> None:
        stop(self.proc)
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
