"""eodag's providers and their collections, for the GUI's lists: built once, then cached.

Building eodag's gateway parses its ``providers.yml`` with libyaml, whose C parser holds
the interpreter lock for up to ~120 ms at a stretch: done on a worker thread it still
stalls QGIS's main thread that long (the first showing of the eodag tab, issue 21).  So
the lists are built once per eodag configuration and kept, in memory for the session and
in a JSON file for the next sessions, under a fingerprint of what they depend on: eodag's
version, the provider files given to the plugin (``EO_DOWNLOADER_EODAG_PROVIDERS_FILE``),
eodag's own configuration files and its ``EODAG*`` environment variables.  A change of any
of them builds the lists again.  The lists only fill combo boxes (the collection box is
editable): a stale entry costs a search that eodag refuses, never a wrong download.

Pure Python; the file is written atomically (temporary file + rename).
"""
import hashlib
import json
import os
import threading
from typing import Any, Dict, Optional

from . import client as eodag_client
from ...errors import EoError

FILE_NAME = "eodag_catalogue.json"
_FORMAT = 1
_MEMORY: Dict[str, Dict[str, Any]] = {}
_LOCK = threading.Lock()


def _eodag_version_text() -> str:
    try:
        from importlib.metadata import version
        return version("eodag")
    except Exception:
        return ".".join(str(n) for n in eodag_client.eodag_version())   # raises EodagMissingError if absent


def _config_files():
    env = os.environ
    paths = [os.path.join(os.path.expanduser("~"), ".config", "eodag", "eodag.yml")]
    if env.get("EODAG_CFG_DIR"):
        paths.append(os.path.join(env["EODAG_CFG_DIR"], "eodag.yml"))
    for name in ("EODAG_CFG_FILE", "EODAG_PROVIDERS_CFG_FILE", "EODAG_LOCS_CFG_FILE"):
        if env.get(name):
            paths.append(env[name])
    return paths


def fingerprint() -> str:
    """What the lists depend on, hashed (environment values may be secrets: never stored as such)."""
    digest = hashlib.sha256()
    digest.update(_eodag_version_text().encode())
    for text in eodag_client.providers_yaml_from_env():
        digest.update(b"\0yaml\0" + text.encode("utf-8", "replace"))
    for path in _config_files():
        try:
            info = os.stat(path)
            stamp = "{}:{}:{}".format(path, info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = "{}:-".format(path)
        digest.update(b"\0file\0" + stamp.encode("utf-8", "replace"))
    for key in sorted(k for k in os.environ if k.upper().startswith("EODAG")):
        digest.update("\0env\0{}={}".format(key, os.environ[key]).encode("utf-8", "replace"))
    return digest.hexdigest()


def _build(cancel=None) -> Dict[str, Any]:
    client = eodag_client.EodagClient()
    providers = client.providers()
    collections = {}
    for name in providers:
        if cancel is not None:
            cancel.raise_if_cancelled()
        try:
            collections[name] = client.collections(name)
        except EoError:
            collections[name] = []
    wait, timeout = eodag_client.defaults()
    return {"providers": providers, "collections": collections, "wait": wait, "timeout": timeout}


def _read(path: str, key: str) -> Optional[Dict[str, Any]]:
    try:
        with open(path, "r", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("fingerprint") != key:
        return None
    lists = data.get("catalogue")
    if not isinstance(lists, dict) or not isinstance(lists.get("providers"), list) \
            or not isinstance(lists.get("collections"), dict):
        return None
    return lists


def _write(path: str, key: str, lists: Dict[str, Any]) -> None:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = "{}.{}.tmp".format(path, os.getpid())
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump({"format": _FORMAT, "fingerprint": key, "catalogue": lists}, handle)
        os.replace(temporary, path)
    except OSError:          # a cache: the lists are built again next time
        pass


def load(cache_dir: Optional[str] = None, cancel=None, build=None) -> Dict[str, Any]:
    """``{"providers": [...], "collections": {provider: [...]}, "wait": min, "timeout": min}``, from
    memory, else from ``cache_dir``'s file, else built from eodag (then kept in both).

    ``build(cancel)`` builds the lists (default :func:`_build`, here; the GUI passes the eodag
    worker process, :mod:`.worker`, whose ``catalogue`` operation calls :func:`_build` there)."""
    key = fingerprint()
    with _LOCK:
        found = _MEMORY.get(key)
    if found is not None:
        return found
    path = os.path.join(cache_dir, FILE_NAME) if cache_dir else None
    lists = _read(path, key) if path else None
    keys = [key]
    if lists is None:
        lists = (build or _build)(cancel)
        keys.append(fingerprint())    # eodag writes its default user configuration on its first start
        if path:
            _write(path, keys[-1], lists)
    with _LOCK:
        for one in keys:
            _MEMORY[one] = lists
    return lists


def forget() -> None:
    """Drop the session's lists (the file stays; it is checked against the fingerprint anyway)."""
    with _LOCK:
        _MEMORY.clear()
