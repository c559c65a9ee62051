"""Finished downloads, remembered the way eodag does (``<folder>/.downloaded/<md5(key)>``), so the
same product is not fetched twice; and :class:`DownloadResult`, what a download gives back.

Pure Python (stdlib); no qgis import.
"""
import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass
from typing import Optional

from . import http as eohttp
from .checksums import file_sha256

log = logging.getLogger(__name__)


@dataclass
class DownloadResult:
    path: str
    size: int
    sha256: str
    content_type: str = ""
    reused: bool = False
    url: str = ""          # redacted


def _record_name(key: str) -> str:
    return hashlib.md5(key.encode("utf-8"), usedforsecurity=False).hexdigest()


class DownloadRecords:
    """Finished downloads of a folder, kept as ``<folder>/.downloaded/<md5(key)>`` JSON files.

    A record holds the file's path, size, sha256, the (redacted) URL and the
    time.  :meth:`check` returns the file when it is still there and intact, and
    drops a record whose file is gone or changed.
    """

    def __init__(self, folder: str):
        self.folder = os.path.abspath(folder)
        self.dir = os.path.join(self.folder, ".downloaded")

    def record_path(self, key: str) -> str:
        return os.path.join(self.dir, _record_name(key))

    def get(self, key: str) -> Optional[dict]:
        try:
            with open(self.record_path(key), "r", encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or "path" not in data:
            return None
        path = data["path"]
        if not os.path.isabs(path):
            data["path"] = os.path.join(self.folder, path)
        return data

    def put(self, key: str, result: DownloadResult) -> str:
        os.makedirs(self.dir, exist_ok=True)
        path = os.path.abspath(result.path)
        try:
            rel = os.path.relpath(path, self.folder)
            stored = rel if not rel.startswith("..") else path
        except ValueError:  # another drive (Windows)
            stored = path
        data = {"key": key, "path": stored, "size": result.size, "sha256": result.sha256,
                "content_type": result.content_type, "url": eohttp.redact(result.url),
                "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        target = self.record_path(key)
        tmp = target + ".tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        return target

    def drop(self, key: str) -> None:
        try:
            os.remove(self.record_path(key))
        except FileNotFoundError:
            pass

    def check(self, key: str, verify: bool = True, cancel=None) -> Optional[DownloadResult]:
        """The recorded file if it is there and verifies (size + sha256), else None (record dropped)."""
        data = self.get(key)
        if data is None:
            if os.path.exists(self.record_path(key)):
                self.drop(key)  # unreadable record
            return None
        path = data["path"]
        try:
            size = os.path.getsize(path)
        except OSError:
            size = None
        ok = size is not None and size == data.get("size")
        digest = data.get("sha256", "")
        if ok and verify:
            ok = file_sha256(path, cancel) == digest
        if not ok:
            log.info(eohttp.redact("Record for {} dropped: {} is missing or changed".format(key, path)))
            self.drop(key)
            return None
        return DownloadResult(path=path, size=size, sha256=digest, content_type=data.get("content_type", ""),
                              reused=True, url=data.get("url", ""))
