"""Checksums: the ones a server announces (Content-MD5, x-goog-hash), crc32c when a compiled
implementation is importable, and the sha256 of a file.

Pure Python (stdlib; google_crc32c or crcmod when present); no qgis import.
"""
import base64
import binascii
import hashlib
import re
from typing import Dict, Optional

from .units import CHUNK_SIZE


def file_sha256(path: str, cancel=None) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(CHUNK_SIZE)
            if not chunk:
                break
            digest.update(chunk)
            if cancel is not None:
                cancel.raise_if_cancelled()
    return digest.hexdigest()


def _crc32c_function():
    """A fast crc32c(data, crc) -> crc, or None when no compiled implementation is importable."""
    try:
        import google_crc32c  # type: ignore
        if getattr(google_crc32c, "implementation", "c") == "c":
            return lambda data, crc=0: google_crc32c.extend(crc, data)
    except Exception:
        pass
    try:
        import crcmod  # type: ignore
        import crcmod.predefined  # type: ignore
        from crcmod import _crcfunext  # noqa: F401  (the pure-Python crcmod is far too slow)
        func = crcmod.predefined.mkCrcFun("crc-32c")
        return lambda data, crc=0: func(data, crc)
    except Exception:
        return None


_CRC32C = _crc32c_function()


class _Crc32c:
    def __init__(self, func):
        self._func = func
        self._crc = 0

    def update(self, data):
        self._crc = self._func(bytes(data) if isinstance(data, memoryview) else data, self._crc)

    def digest(self) -> bytes:
        return self._crc.to_bytes(4, "big")


def _b64_to_hex(value: str) -> Optional[str]:
    value = (value or "").strip().strip('"')
    if re.fullmatch(r"[0-9a-fA-F]{32}|[0-9a-fA-F]{64}|[0-9a-fA-F]{8}", value):
        return value.lower()
    try:
        return base64.b64decode(value, validate=True).hex()
    except (binascii.Error, ValueError):
        return None


def announced_checksums(headers, partial: bool) -> Dict[str, str]:
    """{'md5': hex, 'crc32c': hex} from Content-MD5 (full bodies only) and x-goog-hash."""
    found: Dict[str, str] = {}
    goog = headers.get("x-goog-hash")
    if goog:
        for algo, value in re.findall(r"(?i)\b(crc32c|md5)=([A-Za-z0-9+/=]+)", goog):
            hexed = _b64_to_hex(value)
            if hexed:
                found[algo.lower()] = hexed
    content_md5 = headers.get("Content-MD5")
    if content_md5 and not partial:   # on a 206 it would describe the range only
        hexed = _b64_to_hex(content_md5)
        if hexed:
            found.setdefault("md5", hexed)
    return found
