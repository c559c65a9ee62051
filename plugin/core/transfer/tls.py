"""Which certificate authorities requests trusts: its own bundle, plus the ones QGIS trusts.

requests verifies servers against its CA bundle (certifi's; with Debian's requests, the system's),
not against what QGIS trusts: the operating system's store (on Windows and macOS, where a company
installs the CA of a network that inspects TLS) and the CAs a user imported in QGIS's
authentication settings.  Such a network works in QGIS but failed here, and the only way out was to
turn verification off.  :func:`ca_bundle` writes one PEM file holding requests' bundle and the CAs
it lacks, for ``session.verify``; verification itself is never turned off.

Pure Python (requests + stdlib); no qgis import (the QGIS adapter hands the certificates in).
"""
import base64
import binascii
import hashlib
import os
import re
import threading
from typing import FrozenSet, Iterable, List, Optional, Tuple

import requests.certs

#: File name of the bundle in the folder given to :func:`ca_bundle`.
BUNDLE_NAME = "ca-bundle.pem"

_PEM_RE = re.compile(rb"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", re.S)
_BASE_LOCK = threading.Lock()
_BASE: dict = {}      # (path, mtime, size) -> (digests, content) of the last base bundle read
_LAST: dict = {}      # the inputs of the last ca_bundle call -> its answer


def pem_certificates(data: bytes) -> List[Tuple[str, bytes]]:
    """(sha256 of the DER, PEM block) of each certificate in ``data`` (unreadable blocks skipped)."""
    found = []
    for match in _PEM_RE.finditer(data or b""):
        try:
            der = base64.b64decode(b"".join(match.group(1).split()), validate=True)
        except (binascii.Error, ValueError):
            continue
        found.append((hashlib.sha256(der).hexdigest(), match.group(0)))
    return found


def default_bundle() -> str:
    """The bundle requests uses when ``verify`` is True: ``REQUESTS_CA_BUNDLE`` or ``CURL_CA_BUNDLE``
    when set, else its own.  (A session whose ``verify`` is a bundle from :func:`ca_bundle` uses that
    instead of the variables: :class:`.http._Session`; so the bundle starts from what they name.)"""
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        path = os.environ.get(name)
        if path and os.path.isfile(path):
            return path
    return requests.certs.where()


def _read_base(path: str) -> Tuple[FrozenSet[str], bytes]:
    stat = os.stat(path)
    key = (path, stat.st_mtime_ns, stat.st_size)
    with _BASE_LOCK:
        cached = _BASE.get(key)
    if cached is not None:
        return cached
    with open(path, "rb") as handle:
        content = handle.read()
    result = (frozenset(digest for digest, _ in pem_certificates(content)), content)
    with _BASE_LOCK:
        _BASE.clear()
        _BASE[key] = result
    return result


def ca_bundle(extra_pem: Iterable[bytes], folder: str, base: Optional[str] = None) -> Optional[str]:
    """The path of ``folder``/ca-bundle.pem holding ``base`` (default: requests' bundle) and every
    certificate of ``extra_pem`` (PEM texts) that ``base`` lacks; None when it lacks none (requests'
    own bundle is then enough).  The file is written (atomically) only when its content changes."""
    base = base or default_bundle()
    extra_pem = list(extra_pem)
    stat = os.stat(base)
    inputs = (base, stat.st_mtime_ns, stat.st_size, folder, hashlib.sha256(b"".join(extra_pem)).digest())
    with _BASE_LOCK:
        last = _LAST.get(inputs, False)
    if last is None or (last and os.path.isfile(last)):
        return last      # the same certificates as last time (a session is made per job: keep it cheap)
    path = _write_bundle(base, extra_pem, folder)
    with _BASE_LOCK:
        _LAST.clear()
        _LAST[inputs] = path
    return path


def _write_bundle(base: str, extra_pem: List[bytes], folder: str) -> Optional[str]:
    known, content = _read_base(base)
    seen = set(known)
    added = []
    for pem in extra_pem:
        for digest, block in pem_certificates(pem):
            if digest not in seen:
                seen.add(digest)
                added.append(block)
    if not added:
        return None
    bundle = b"".join([content.rstrip(b"\n"), b"\n\n# Added by EO Downloader: certificate authorities QGIS trusts\n",
                       b"\n".join(added), b"\n"])
    path = os.path.join(folder, BUNDLE_NAME)
    try:
        with open(path, "rb") as handle:
            if handle.read() == bundle:
                return path
    except OSError:
        pass
    os.makedirs(folder, exist_ok=True)
    tmp = "{}.{}-{}.tmp".format(path, os.getpid(), threading.get_ident())
    try:
        with open(tmp, "wb") as handle:
            handle.write(bundle)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path
