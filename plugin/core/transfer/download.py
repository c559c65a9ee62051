"""The transfer engine: stream a URL to a file, resumably, verified, atomically.

:func:`download` streams the body in 256 KiB chunks to ``NAME.part`` (when the body
is hashed, a writer thread writes and hashes while the caller's thread reads the
socket, so both cores are used; otherwise the reading thread writes each chunk
itself; memory stays bounded either way), resumes after a dropped connection with
``Range`` + ``If-Range``, retries transient failures with the policy of
:mod:`.http`, verifies the length, the checksums the server sends
(``Content-MD5``, ``x-goog-hash``) and zip integrity, fsyncs, and renames to
``NAME`` with :func:`os.replace`.  Nothing appears under the final name unless
it is complete and verified.

A ``NAME.part.json`` sidecar keeps the validator (ETag / Last-Modified), the
total size and the announced checksums, so that a ``.part`` left by an earlier
run resumes when the server still has the same version of the file.

File names come from :mod:`.naming`, checksums from :mod:`.checksums`, the records of
finished downloads (:class:`~.records.DownloadRecords`) from :mod:`.records`.

Pure Python (requests + stdlib); no qgis import.
"""
import hashlib
import http.client
import json
import logging
import os
import queue
import re
import shutil
import socket
import threading
import time
from typing import Callable, Collection, Dict, Iterable, Optional, Union

import requests
import urllib3

from . import archive
from .. import config
from . import http as eohttp
from . import urllib3_hooks
from .checksums import _CRC32C, _Crc32c, _b64_to_hex, announced_checksums
from .naming import choose_name
from .records import DownloadRecords, DownloadResult
from .units import CHUNK_SIZE, Progress, format_size
from ..errors import ArchiveError, CancelledError, EoError, HttpError, ParameterError, TransferError
from ..i18n import translate

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.1          # seconds between progress callbacks (at most ~10/s)
DISK_MARGIN = None               # kept free beyond the file itself: None is config.disk_margin() of the disk
#: The most a body without Content-Length may bring (``download(max_size=...)``); the free disk
#: space, less the margin, is checked every DISK_CHECK_EVERY bytes of such a body too.
MAX_UNKNOWN_SIZE = 16 * 1024 ** 3
DISK_CHECK_EVERY = 64 * 1024 * 1024
WRITE_QUEUE_DEPTH = 8            # chunks in flight between the reader and the writer thread
SIDECAR_SUFFIX = ".part.json"
PART_SUFFIX = ".part"


# --------------------------------------------------------------------------- writer thread

class _Writer:
    """Writes and hashes filled buffers on its own thread (file I/O and hashing release the GIL).

    A fixed pool of ``depth`` buffers of ``size`` bytes circulates between the
    reading thread (which fills them from the socket) and this thread, so
    memory stays bounded and nothing is allocated or copied per chunk.
    """

    def __init__(self, handle, hashers, depth: int = WRITE_QUEUE_DEPTH, size: int = CHUNK_SIZE):
        self.handle = handle
        self.hashers = hashers
        self.free: "queue.Queue" = queue.Queue()
        for _ in range(max(2, depth)):
            self.free.put(bytearray(size))
        self.queue: "queue.Queue" = queue.Queue()
        self.error: Optional[BaseException] = None
        self.thread = threading.Thread(target=self._run, name="eo-downloader-writer", daemon=True)
        self.thread.start()

    def _run(self):
        while True:
            item = self.queue.get()
            if item is None:
                return
            buffer, size = item
            if self.error is None:
                try:
                    view = memoryview(buffer)[:size]
                    self.handle.write(view)
                    for hasher in self.hashers:
                        hasher.update(view)
                except BaseException as exc:  # reported to the reading thread
                    self.error = exc
            self.free.put(buffer)

    def acquire(self, cancel=None) -> bytearray:
        """A free buffer (waits while all are queued for writing)."""
        while True:
            if self.error is not None:
                raise self.error
            try:
                return self.free.get(timeout=0.2)
            except queue.Empty:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                if not self.thread.is_alive():
                    raise RuntimeError("writer thread died") from None

    def submit(self, buffer: bytearray, size: int) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((buffer, size))

    def give_back(self, buffer: bytearray) -> None:
        self.free.put(buffer)

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


class _InlineWriter:
    """Writes on the reading thread, through one buffer: the choice when nothing is hashed.

    Handing each filled buffer to another thread pays off only while that thread hashes;
    for a plain write it costs more than the write (wake-ups, and a buffer filled on one
    core and copied out on another): four parallel downloads used twice the system CPU
    time and reached 0.66 x curl's throughput, against more than curl's when written here.
    """

    error = None

    def __init__(self, handle, size: int = CHUNK_SIZE):
        self.handle = handle
        self.buffer = bytearray(size)

    def acquire(self, cancel=None) -> bytearray:
        return self.buffer

    def submit(self, buffer: bytearray, size: int) -> None:
        self.handle.write(memoryview(buffer)[:size])

    def give_back(self, buffer: bytearray) -> None:
        pass

    def close(self) -> None:
        pass


# --------------------------------------------------------------------------- the engine

class _Dropped(Exception):
    """The body stopped before its end (connection drop, truncation, read timeout)."""


class _Restart(Exception):
    """Throw the partial data away and fetch from the start."""


_ACTIVE_LOCK = threading.Lock()
_ACTIVE: set = set()

_READ_ERRORS = (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError, socket.timeout,
                requests.exceptions.RequestException)


def _media(content_type: str) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _accepts(accept, content_type: str) -> bool:
    media = _media(content_type)
    if accept is None:
        return media not in ("text/html", "application/xhtml+xml")
    if callable(accept):
        return bool(accept(content_type))
    patterns = [accept] if isinstance(accept, str) else list(accept)
    if not media:
        return True
    for pattern in patterns:
        pattern = _media(pattern)
        if pattern in ("*", "*/*") or pattern == media:
            return True
        if pattern.endswith("/*") and media.startswith(pattern[:-1]):
            return True
    return False


def _strong_etag(etag: Optional[str]) -> Optional[str]:
    if etag and not etag.strip().startswith("W/"):
        return etag.strip()
    return None


def _parse_content_range(value: Optional[str]):
    """(start, end, total or None) from ``bytes a-b/c``; None when unparsable."""
    match = re.match(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", value or "", re.I)
    if not match:
        return None
    total = None if match.group(3) == "*" else int(match.group(3))
    return int(match.group(1)), int(match.group(2)), total


#: ``download(sha256=None)`` means: hash only when a record is kept or a sha256 is expected.
DEFAULT_SHA256: Optional[bool] = None


class _Download:
    replace = True          # False: never replace an existing file (the name is the server's choice);
    #                         a collection: only the files in it (the job's own)

    def __init__(self, url, dest, dest_dir, default_name, session, headers, cancel, progress, expected_size,
                 policy, timeouts, response, accept, expected, chunk_size, disk_margin, test_archive,
                 fsync=True, allow_empty=False, secrets=None, max_size=MAX_UNKNOWN_SIZE):
        self.url = url
        self.dest = os.path.abspath(dest) if dest else None
        self.dest_dir = os.path.abspath(dest_dir) if dest_dir else None
        self.default_name = default_name
        self.session = session
        self.headers = dict(headers or {})
        self.cancel = cancel
        self.progress_cb = progress
        self.expected_size = expected_size
        self.policy = policy
        self.timeouts = timeouts
        self.pending_response = response
        self.accept = accept
        self.expected = dict(expected)        # algo -> hex, from the caller
        self.chunk_size = max(64 * 1024, int(chunk_size))
        self.disk_margin = disk_margin
        self.test_archive = test_archive
        self.fsync = fsync
        self.allow_empty = allow_empty
        self.secrets = secrets                # what http.send_following keeps from other origins
        self.max_size = max_size              # bound of a body without Content-Length
        self.want_sha256 = True               # False: no sha256 of the body (saves ~0.5 CPU-s per GiB)
        self.backoff = eohttp.Backoff(policy, cancel)
        # state of the current file
        self.meta: Dict = {}                  # what the sidecar holds
        self.done = 0                         # bytes in the .part (and hashed)
        self.total: Optional[int] = None
        self.hashers: Dict[str, object] = {}
        self.content_type = ""
        self.checked_first = False
        self.restarts_without_range = 0
        self.started = time.monotonic()
        self.last_progress = 0.0
        self.rate_samples = []
        self.refetched = 0
        self.decoding = False
        self.wire_total: Optional[int] = None    # Content-Length of an encoded (e.g. gzip) body
        self.locked_dest = None

    # ---- paths
    @property
    def part(self) -> str:
        return self.dest + PART_SUFFIX

    @property
    def sidecar(self) -> str:
        return self.dest + SIDECAR_SUFFIX

    def _url_id(self) -> str:
        """Identifies the URL in the sidecar (of the redacted URL: nothing derived from a secret is stored)."""
        return hashlib.sha256(eohttp.redact(self.url).encode("utf-8")).hexdigest()

    def _lock_dest(self):
        with _ACTIVE_LOCK:
            if self.dest in _ACTIVE:
                raise TransferError(translate("Transfer", "{} is already being downloaded.").format(self.dest))
            _ACTIVE.add(self.dest)
        self.locked_dest = self.dest

    def _unlock_dest(self):
        if self.locked_dest is not None:
            with _ACTIVE_LOCK:
                _ACTIVE.discard(self.locked_dest)
            self.locked_dest = None

    # ---- sidecar
    def _load_sidecar(self) -> Optional[dict]:
        try:
            with open(self.sidecar, "r", encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _save_sidecar(self) -> None:
        tmp = self.sidecar + ".tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(self.meta, handle)
        os.replace(tmp, self.sidecar)

    def _remove_part(self) -> None:
        if self.dest is None:
            return
        for path in (self.part, self.sidecar, self.sidecar + ".tmp"):
            try:
                os.remove(path)
            except FileNotFoundError:
                pass
            except OSError as exc:
                log.warning(eohttp.redact("Could not remove {}: {}".format(path, exc)))

    def _resumable(self) -> bool:
        return bool(self.meta.get("etag") or self.meta.get("last_modified"))

    def _adopt_previous_part(self) -> None:
        """Resume a .part left by an earlier run when its sidecar matches this URL."""
        if not os.path.exists(self.part):
            self._remove_part()
            return
        data = self._load_sidecar()
        size = os.path.getsize(self.part)
        if (data and data.get("url_id") == self._url_id() and (data.get("etag") or data.get("last_modified"))
                and data.get("total") and 0 < size <= data["total"]):
            self.meta = data
            self.done = size
            self.total = data["total"]
            self.content_type = data.get("content_type", "")
            self.hashers = {}   # the prefix is hashed from disk once the server agrees to resume
            log.info(eohttp.redact("Found {} ({}) from an earlier run; will try to resume".format(
                os.path.basename(self.part), format_size(size))))
        else:
            self._remove_part()

    # ---- progress
    def _report(self, final: bool = False) -> None:
        if self.progress_cb is None:
            return
        now = time.monotonic()
        if not final and now - self.last_progress < PROGRESS_INTERVAL:
            return
        self.last_progress = now
        self.rate_samples.append((now, self.done))
        while len(self.rate_samples) > 2 and now - self.rate_samples[0][0] > 2.0:
            self.rate_samples.pop(0)
        first_t, first_done = self.rate_samples[0]
        rate = (self.done - first_done) / (now - first_t) if now - first_t > 1e-3 else 0.0
        if final and self.done and now - self.started > 1e-3 and rate <= 0:
            rate = self.done / (now - self.started)
        self.progress_cb(Progress(self.done, self.total, max(0.0, rate)))

    # ---- checks
    def _check_disk(self, remaining: Optional[int]) -> None:
        check_free_space(os.path.dirname(self.dest) if self.dest else self.dest_dir, remaining, self.disk_margin)

    def _html_error(self, response: requests.Response, head: bytes = b"", more: bool = True) -> TransferError:
        body = head[:65536].decode("utf-8", "replace")
        if more and len(body) < 65536:
            try:
                body += eohttp.read_limited(response, 65536 - len(head))
            except Exception:
                pass
        what = eohttp.html_summary(body)
        if what:
            message = translate("Transfer", "The server sent an HTML page instead of the file: {}").format(what)
        else:
            message = translate("Transfer", "The server sent an HTML page instead of the file.")
        message += " ({})".format(eohttp.short_url(self.url))
        return TransferError(eohttp.redact(message),
                             translate("Transfer", "The link may have expired or need a sign-in."))

    # ---- requests
    def _open(self) -> requests.Response:
        headers = dict(self.headers)
        headers.setdefault("Accept-Encoding", "identity")
        if self.done > 0 and self._resumable():
            validator = _strong_etag(self.meta.get("etag")) or self.meta.get("last_modified")
            headers["Range"] = "bytes={}-".format(self.done)
            headers["If-Range"] = validator
        return eohttp.request(self.session, "GET", self.url, retry=self.policy, timeouts=self.timeouts,
                              cancel=self.cancel, backoff=self.backoff, stream=True, headers=headers,
                              secrets=self.secrets)

    def _start_fresh(self) -> None:
        if self.done:
            self.refetched += self.done
            log.info(eohttp.redact("Restarting {} from the beginning".format(eohttp.short_url(self.url))))
        self.done = 0
        self.hashers = {}

    def _accept_response(self, response: requests.Response) -> None:  # noqa: C901 (see docs/architecture.md, exceptions)
        """Check a response's status/headers, decide resume vs restart, prepare the .part."""
        status = response.status_code
        headers = response.headers
        if status not in (200, 203, 206):
            # e.g. 202 "accepted, not ready yet": an HttpError so that callers can look at .status
            response.close()
            raise HttpError(eohttp.redact(translate(
                "Transfer", "{url} answered HTTP {status} {reason} instead of the file.").format(
                url=eohttp.short_url(self.url), status=status, reason=response.reason or "")),
                status=status)
        content_type = headers.get("Content-Type", "")
        if not self.checked_first or status == 200:  # noqa: SIM102 (the first answer's own checks follow)
            if not _accepts(self.accept, content_type):
                if _media(content_type) in ("text/html", "application/xhtml+xml"):
                    error = self._html_error(response)
                else:
                    error = TransferError(eohttp.redact(translate(
                        "Transfer", "{url} sent {ctype}, which is not the expected kind of file.").format(
                        url=eohttp.short_url(self.url), ctype=content_type or "?")))
                response.close()
                raise error
        if self.dest is None:
            name = choose_name(response, self.url, self.default_name)
            dest = os.path.join(self.dest_dir, name)
            self.dest = dest
            try:
                self._lock_dest()
            except TransferError:
                self.dest = None     # another download owns that name: leave its .part alone
                raise
            self._adopt_previous_part()
            if self.done and status == 200 and self._same_version(headers):
                # a matching .part from an earlier run: ask again for the rest only
                response.close()
                raise _Resume()
        encoding = headers.get("Content-Encoding", "identity").strip().lower()
        self.decoding = encoding not in ("", "identity")
        if status == 206:
            content_range = _parse_content_range(headers.get("Content-Range"))
            same = content_range is not None and content_range[0] == self.done and (
                content_range[2] is None or self.total is None or content_range[2] == self.total)
            new_etag = headers.get("ETag")
            if new_etag and self.meta.get("etag") and new_etag != self.meta.get("etag"):
                same = False
            if not same or self.decoding:
                response.close()
                self._start_fresh()
                raise _Restart()
            checksums = self.meta.setdefault("checksums", {})
            for algo, value in announced_checksums(headers, partial=True).items():
                checksums.setdefault(algo, value)
            if not self.hashers:
                self._hash_prefix()
        else:
            if self.done:
                log.info(eohttp.redact("{} sent the whole file (range ignored or file changed); "
                                       "restarting".format(eohttp.short_url(self.url))))
            self._start_fresh()
            length = headers.get("Content-Length")
            self.total = int(length) if (length and length.isdigit() and not self.decoding) else None
            self.wire_total = int(length) if (length and length.isdigit()) else None
            etag = headers.get("ETag")
            last_modified = headers.get("Last-Modified")
            self.meta = {
                "version": 1, "url": eohttp.redact(self.url), "url_id": self._url_id(),
                "etag": etag if _strong_etag(etag) else None,
                "last_modified": last_modified if (last_modified and not self.decoding) else None,
                "total": self.total, "content_type": content_type,
                "checksums": announced_checksums(headers, partial=False), "time": time.time()}
            if self.decoding or headers.get("Accept-Ranges", "").strip().lower() == "none":
                self.meta["etag"] = self.meta["last_modified"] = None
            self.content_type = content_type
        self.checked_first = True
        if self.expected_size is not None and self.total is not None and self.total != self.expected_size:
            response.close()
            raise self._size_error(self.total, announced=True)
        self._check_disk(None if self.total is None else self.total - self.done)
        self._save_sidecar()

    def _same_version(self, headers) -> bool:
        etag = _strong_etag(headers.get("ETag"))
        last_modified = headers.get("Last-Modified")
        length = headers.get("Content-Length")
        if length is None or not length.isdigit() or int(length) != self.total:
            return False
        if etag and self.meta.get("etag"):
            return etag == self.meta["etag"]
        return bool(last_modified and last_modified == self.meta.get("last_modified"))

    def _hash_prefix(self) -> None:
        """Hash the bytes already in the .part (resuming a part from an earlier run)."""
        self.hashers = self._new_hashers()
        with open(self.part, "rb") as handle:
            left = self.done
            while left > 0:
                chunk = handle.read(min(self.chunk_size, left))
                if not chunk:
                    break
                for hasher in self.hashers.values():
                    hasher.update(chunk)
                left -= len(chunk)
                if self.cancel is not None:
                    self.cancel.raise_if_cancelled()
        if left:
            self._start_fresh()
            raise _Restart()

    def _new_hashers(self) -> Dict[str, object]:
        hashers: Dict[str, object] = {"sha256": hashlib.sha256()} if self.want_sha256 else {}
        wanted = dict(self.meta.get("checksums") or {})
        wanted.update(self.expected)
        if "md5" in wanted:
            hashers["md5"] = hashlib.md5(usedforsecurity=False)   # a server checksum, not security
        if "crc32c" in wanted and _CRC32C is not None:
            hashers["crc32c"] = _Crc32c(_CRC32C)
        return hashers

    def _size_error(self, size: int, announced: bool = False) -> TransferError:
        if announced:
            text = translate("Transfer", "{url} announces {size} bytes but {expected} bytes were expected.")
        else:
            text = translate("Transfer", "The download of {url} has {size} bytes but {expected} bytes "
                                         "were expected.")
        return TransferError(eohttp.redact(text.format(url=eohttp.short_url(self.url), size=size,
                                                       expected=self.expected_size)))

    # ---- the body
    def _check_growth(self, filled: int) -> None:
        """Refuse more than announced; bound a body without Content-Length (size and free disk)."""
        size = self.done + filled
        if self.total is not None:
            if size > self.total:
                raise TransferError(eohttp.redact(translate(
                    "Transfer", "{url} sent more data than it announced ({total} bytes).").format(
                    url=eohttp.short_url(self.url), total=self.total)))
            return
        if size > self.max_size:
            raise TransferError(eohttp.redact(translate(
                "Transfer", "{url} sent more than {size} without announcing its size; the limit is {limit}.")
                .format(url=eohttp.short_url(self.url), size=format_size(size), limit=format_size(self.max_size))),
                translate("Transfer", "The server sends far more than such a file holds; check the address "
                                      "or try again later."))
        if size // DISK_CHECK_EVERY != self.done // DISK_CHECK_EVERY:
            self._check_disk(DISK_CHECK_EVERY)

    def _filler(self, response: requests.Response):
        """(fill(view), remaining body bytes or None): :func:`.urllib3_hooks.body_filler`."""
        return urllib3_hooks.body_filler(response, self.decoding)

    def _stream(self, response: requests.Response) -> None:  # noqa: C901 (see docs/architecture.md, exceptions)
        if not self.hashers:
            self.hashers = self._new_hashers()
        mode = "r+b" if (self.done and os.path.exists(self.part)) else "wb"
        handle = open(self.part, mode)  # noqa: SIM115 (closed by the writer thread or the finally below)
        writer = None
        cancel = self.cancel
        try:
            handle.seek(self.done)
            handle.truncate(self.done)
            if self.hashers:
                writer = _Writer(handle, list(self.hashers.values()), size=self.chunk_size)
            else:
                writer = _InlineWriter(handle, size=self.chunk_size)
            fill, remaining = self._filler(response)
            chunk_size = self.chunk_size
            first = self.done == 0
            dropped = None
            ended = False
            guard = eohttp.RateGuard(self.timeouts)
            with eohttp.watch_response(cancel, response):
                while not ended and dropped is None:
                    buffer = writer.acquire(cancel)
                    view = memoryview(buffer)
                    cap = chunk_size if remaining is None else min(chunk_size, remaining)
                    filled = 0
                    if cap <= 0:
                        ended = True
                    started = time.monotonic()
                    while filled < cap:
                        try:
                            count = fill(view[filled:cap])
                            guard.check(self.done + filled + count)    # a trickle: resume, maybe faster
                        except _READ_ERRORS as exc:
                            if cancel is not None and cancel.is_cancelled():
                                raise eohttp._cancelled_error() from None
                            dropped = eohttp.describe_exception(exc)
                            break
                        if cancel is not None and cancel.is_cancelled():
                            raise eohttp._cancelled_error()
                        if not count:
                            ended = True
                            break
                        filled += count
                        if filled < cap and time.monotonic() - started >= PROGRESS_INTERVAL:
                            break   # a slow link: hand over what came, for progress and durability
                    if remaining is not None:
                        remaining -= filled
                    if not filled:
                        writer.give_back(buffer)
                        continue
                    if first:
                        first = False
                        if self.accept is None and eohttp.looks_like_html(bytes(view[:512]).decode("latin-1"), ""):
                            raise self._html_error(response, bytes(view[:filled]), more=False)
                    self._check_growth(filled)
                    writer.submit(buffer, filled)    # what arrived before a drop is kept
                    self.done += filled
                    self._report()
            if cancel is not None:
                cancel.raise_if_cancelled()
            writer.close()
            writer = None
            handle.flush()
            if self.fsync:
                os.fsync(handle.fileno())
            if dropped is None and self.total is not None and self.done < self.total:
                dropped = translate("Transfer", "the connection closed after {} of {} bytes").format(
                    self.done, self.total)
            if dropped is None and self.decoding and self.wire_total is not None:
                wire = response.raw.tell()
                if wire < self.wire_total:
                    dropped = translate("Transfer", "the connection closed after {} of {} bytes").format(
                        wire, self.wire_total)
            if dropped is not None:
                raise _Dropped(dropped)
        finally:
            if writer is not None:      # an error on this thread: stop the writer, keep its error quiet
                try:
                    writer.close()
                except BaseException:
                    pass
            handle.close()
            response.close()

    # ---- finish
    def _verify(self) -> None:
        if self.done == 0 and not self.allow_empty:
            raise TransferError(eohttp.redact(translate(
                "Transfer", "{url} sent an empty file.").format(url=eohttp.short_url(self.url))),
                translate("Transfer", "The product may not be ready yet, or the request selects no data."))
        if self.expected_size is not None and self.done != self.expected_size:
            raise self._size_error(self.done)
        if self.total is not None and self.done != self.total:
            raise TransferError(eohttp.redact(translate(
                "Transfer", "The download of {url} is incomplete ({done} of {total} bytes).").format(
                url=eohttp.short_url(self.url), done=self.done, total=self.total)))
        wanted = dict(self.meta.get("checksums") or {})
        wanted.update(self.expected)
        for algo, expected_hex in wanted.items():
            if algo == "crc32c" and _CRC32C is None:
                log.debug("crc32c not verified: no compiled crc32c implementation is available")
                continue
            if algo not in ("md5", "crc32c", "sha256"):
                continue
            hasher = self.hashers.get(algo)
            if hasher is None:
                actual = self._hash_file(algo)
            else:
                actual = hasher.digest().hex() if algo == "crc32c" else hasher.hexdigest()
            if actual.lower() != expected_hex.lower():
                error = TransferError(eohttp.redact(translate(
                    "Transfer", "The download of {url} is corrupt: its {algo} checksum is {actual}, "
                                "the server announced {expected}.").format(
                    url=eohttp.short_url(self.url), algo=algo, actual=actual, expected=expected_hex)),
                    translate("Transfer", "Try again; if it repeats, the server sends a broken file."))
                error.corrupt = True
                raise error
        if self.test_archive:
            with open(self.part, "rb") as handle:
                head = handle.read(4)
            if archive.is_zip(head=head, content_type=self.content_type):
                try:
                    archive.test_zip(self.part, cancel=self.cancel)
                except ArchiveError as exc:
                    exc.corrupt = True
                    raise

    def _hash_file(self, algo: str) -> str:
        hasher = _Crc32c(_CRC32C) if algo == "crc32c" else hashlib.new(algo)
        with open(self.part, "rb") as handle:
            while True:
                chunk = handle.read(self.chunk_size)
                if not chunk:
                    break
                hasher.update(chunk)
        return hasher.digest().hex() if algo == "crc32c" else hasher.hexdigest()

    def _commit(self) -> DownloadResult:
        final = self.dest
        if os.path.isdir(self.dest) and self.replace is True:
            raise TransferError(translate("Transfer", "{} is a folder; cannot save the download there.").format(
                self.dest))
        with _ACTIVE_LOCK:
            # A name the server chose never takes the place of what is there, unless the job made it.
            own = self.replace is not True and self.replace is not False and self.dest in self.replace
            if self.replace is not True and not (own and os.path.isfile(self.dest)):
                final = archive.unique_path(self.dest)
            os.replace(self.part, final)
        if self.fsync:
            _fsync_dir(os.path.dirname(final))
        for path in (self.sidecar, self.sidecar + ".tmp"):
            try:
                os.remove(path)
            except FileNotFoundError:
                pass
        sha = self.hashers["sha256"].hexdigest() if "sha256" in self.hashers else ""
        return DownloadResult(path=final, size=self.done, sha256=sha, content_type=self.content_type,
                              reused=False, url=eohttp.redact(self.url))

    # ---- driver
    def run(self) -> DownloadResult:  # noqa: C901 (see docs/architecture.md, exceptions)
        if self.dest is not None:
            self._lock_dest()
            self._adopt_previous_part()
        keep_part = False
        try:
            while True:
                if self.cancel is not None:
                    self.cancel.raise_if_cancelled()
                response = self.pending_response
                self.pending_response = None
                before = self.done
                try:
                    if response is None:
                        try:
                            response = self._open()
                        except HttpError as exc:
                            if exc.status != 416 or not self.done:
                                raise
                            # Range not satisfiable: the .part may already hold everything
                            if self.total is not None and self.done == self.total:
                                if not self.hashers:
                                    self._hash_prefix()
                                break
                            self._start_fresh()
                            self.meta = {}
                            continue
                    try:
                        self._accept_response(response)
                    except BaseException:
                        response.close()
                        raise
                    self._stream(response)
                    break
                except _Resume:
                    continue
                except _Restart:
                    self.restarts_without_range += 1
                    self.meta = {}
                    if self.restarts_without_range > max(2, self.policy.max_attempts):
                        raise TransferError(eohttp.redact(translate(
                            "Transfer", "{url} keeps changing during the download.").format(
                            url=eohttp.short_url(self.url)))) from None
                    continue
                except _Dropped as exc:
                    progressed = self.done - before
                    if progressed >= self.chunk_size:
                        self.backoff.reset()
                    delay = self.backoff.next_delay(None)
                    if delay is None:
                        keep_part = self._resumable() and self.done > 0
                        message = translate("Transfer", "The download of {url} failed: {error} "
                                                        "(gave up after {n} attempts).").format(
                            url=eohttp.short_url(self.url), error=exc.args[0], n=self.backoff.failures)
                        hint = translate("Transfer", "Try again later; the download will resume where it "
                                                     "stopped.") if keep_part else None
                        raise TransferError(eohttp.redact(message), hint) from exc
                    log.warning(eohttp.redact("{}: {} at {} of {}; resuming in {:.1f} s".format(
                        eohttp.short_url(self.url), exc.args[0], format_size(self.done),
                        format_size(self.total), delay)))
                    self.backoff.sleep(delay)
                    continue
                except HttpError as exc:
                    # exhausted retries while (re)opening: keep a resumable part for a later run
                    keep_part = bool(exc.retryable and self.dest and self._resumable() and self.done > 0)
                    raise
            self._verify()
            result = self._commit()
            self._report(final=True)
            log.info(eohttp.redact("Downloaded {} ({}) to {}".format(eohttp.short_url(self.url),
                                                                    format_size(result.size), result.path)))
            return result
        except CancelledError:
            keep_part = False
            raise
        finally:
            if not keep_part and self.dest is not None and self.locked_dest == self.dest:
                self._remove_part()
            if self.pending_response is not None:
                self.pending_response.close()
            self._unlock_dest()


def check_free_space(folder: str, remaining: Optional[int], disk_margin: Optional[int] = DISK_MARGIN) -> None:
    """TransferError when ``remaining`` more bytes and the margin (``disk_margin``, None:
    :func:`config.disk_margin` of the disk) do not fit in ``folder``'s file system."""
    if remaining is None or remaining <= 0:
        return
    while folder and not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    try:
        usage = shutil.disk_usage(folder or ".")
    except OSError:
        return
    free = usage.free
    margin = disk_margin if disk_margin is not None else config.disk_margin(usage.total)
    need = remaining + margin
    if need > free:
        raise TransferError(
            translate("Transfer", "Not enough free disk space in {folder}: the download needs {need} "
                                  "but only {free} are available.").format(
                folder=folder, need=format_size(need), free=format_size(free)),
            translate("Transfer", "Free some space or choose another output folder."))


class _Resume(Exception):
    """Drop this response and ask again with a Range header."""


def _fsync_dir(folder: str) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def download(url: str, dest: Optional[str] = None, *, dest_dir: Optional[str] = None,  # noqa: C901 (see docs/architecture.md, exceptions)
             default_name: Optional[str] = None, session: Optional[requests.Session] = None,
             headers: Optional[Dict[str, str]] = None, cancel=None,
             progress: Optional[Callable[[Progress], None]] = None, expected_size: Optional[int] = None,
             retry: Optional[eohttp.RetryPolicy] = None, timeouts: Optional[eohttp.Timeouts] = None,
             response: Optional[requests.Response] = None, record_key: Optional[str] = None,
             records: Optional[DownloadRecords] = None, accept: Union[None, str, Iterable[str], Callable] = None,
             expected_md5: Optional[str] = None, expected_sha256: Optional[str] = None,
             limiter: Union[None, bool, eohttp.HostLimiter] = None, chunk_size: int = CHUNK_SIZE,
             disk_margin: Optional[int] = DISK_MARGIN, test_archive: bool = True, fsync: bool = True,
             allow_empty: bool = False, sha256: Optional[bool] = None,
             replace: Union[None, bool, Collection[str]] = None, secrets: Optional[eohttp.Secrets] = None,
             max_size: int = MAX_UNKNOWN_SIZE) -> DownloadResult:
    """Download ``url`` to ``dest`` (or into ``dest_dir`` under the server's/URL's/default name).

    Streams to ``NAME.part`` with bounded memory, resumes dropped connections
    (``Range`` + ``If-Range``), retries transient errors per ``retry``, verifies
    the size (``expected_size``, Content-Length), the announced checksums
    (Content-MD5, x-goog-hash md5 and, if a compiled crc32c is importable,
    crc32c) and ``expected_md5`` / ``expected_sha256``, tests zip archives, then
    renames atomically.  ``response`` is an already-open streaming GET of
    ``url`` to use first.  With ``record_key`` (and ``records``, default
    ``DownloadRecords(folder)``), an earlier verified download is returned with
    ``reused=True`` and no HTTP.  ``accept`` lists acceptable content types
    (``"*/*"`` for anything); by default only HTML pages are refused.
    ``limiter`` bounds parallel downloads per host (default
    :data:`http.DEFAULT_LIMITER`; ``False`` for none).  ``fsync=False`` skips
    flushing the file to the disk before the rename (scratch files only; the
    benchmark uses it to compare with curl, which does not fsync).  An empty body
    is an error unless ``allow_empty``; a 2xx other than 200/203/206 (e.g. 202
    "not ready yet") raises HttpError with that ``status``.  ``sha256``: whether
    ``DownloadResult.sha256`` is computed while streaming (default: only when a
    record is kept or ``expected_sha256`` is given -- hashing every byte costs
    about half a CPU-second per GiB, which parallel downloads on small machines
    feel); when not computed it is "".  ``replace``: whether the download may replace an
    existing file of its name (default: yes for ``dest``, no in ``dest_dir``, where the name
    is the server's choice: the file then goes beside it under a unique name), or the paths
    it may replace (files the job made in an earlier run).
    ``secrets`` (an :class:`http.Secrets`) names the headers and query parameters that
    must not follow a redirect to another origin (``Authorization`` never does); a
    pre-signed URL elsewhere is fetched without them.  A body without Content-Length may
    bring at most ``max_size`` bytes, and the free disk space is checked as it grows;
    every body must keep ``timeouts``' minimum rate.

    Raises CancelledError (the .part is removed), TransferError, ArchiveError,
    HttpError/AuthError.  A ``.part`` is kept only after a network failure of a
    resumable download (a later call resumes it).
    """
    if dest is None and dest_dir is None:
        raise ParameterError(translate("Transfer", "A destination file or folder is needed for a download."))
    folder = os.path.dirname(os.path.abspath(dest)) if dest else os.path.abspath(dest_dir)
    if record_key and records is None:
        records = DownloadRecords(folder)
    if record_key and records is not None:
        found = records.check(record_key, cancel=cancel)
        if found is not None:
            if response is not None:
                response.close()
            log.info(eohttp.redact("Already downloaded: {} ({})".format(found.path, record_key)))
            if progress is not None:
                progress(Progress(found.size, found.size, 0.0))
            return found
    os.makedirs(folder, exist_ok=True)
    expected = {}
    if expected_md5:
        hexed = _b64_to_hex(expected_md5)
        if hexed:
            expected["md5"] = hexed
    if expected_sha256:
        expected["sha256"] = expected_sha256.lower()
    job = _Download(url, dest, dest_dir, default_name, session or eohttp.default_session(), headers, cancel,
                    progress, expected_size, retry or eohttp.RetryPolicy(), timeouts or eohttp.Timeouts(),
                    response, accept, expected, chunk_size, disk_margin, test_archive, fsync, allow_empty,
                    secrets, max_size)
    if sha256 is None:
        sha256 = DEFAULT_SHA256
    job.want_sha256 = bool(record_key or expected_sha256) if sha256 is None else bool(sha256)
    job.replace = (dest is not None) if replace is None else \
        replace if isinstance(replace, bool) else {os.path.abspath(p) for p in replace}
    if dest is not None and expected_size:
        existing = os.path.getsize(job.part) if os.path.exists(job.part) else 0
        job._check_disk(expected_size - existing)
    elif expected_size:
        job._check_disk(expected_size)
    if limiter is None:
        limiter = eohttp.DEFAULT_LIMITER

    def attempt(task: "_Download") -> DownloadResult:
        if limiter:
            with limiter.slot(url, cancel):
                return task.run()
        return task.run()

    try:
        try:
            result = attempt(job)
        except EoError as exc:
            # A body that arrived whole but corrupt (checksum, zip test) is fetched again from
            # the start, counted as one more failure of the same retry budget.
            if not getattr(exc, "corrupt", False):
                raise
            delay = job.backoff.next_delay(None)
            if delay is None:
                raise
            log.warning(eohttp.redact("{}; downloading it again in {:.1f} s".format(exc.message, delay)))
            job.backoff.sleep(delay)
            again = _Download(url, dest, dest_dir, default_name, job.session, headers, cancel, progress,
                              expected_size, job.policy, job.timeouts, None, accept, expected, chunk_size,
                              disk_margin, test_archive, fsync, allow_empty, secrets, max_size)
            again.want_sha256 = job.want_sha256
            again.replace = job.replace
            again.backoff = job.backoff
            result = attempt(again)
    except CancelledError:
        if response is not None:
            response.close()
        raise
    except (EoError, KeyboardInterrupt):
        raise
    except OSError as exc:
        raise TransferError(eohttp.redact(translate("Transfer", "Could not save the download of {url}: {error}")
                                          .format(url=eohttp.short_url(url), error=exc))) from None
    if record_key and records is not None:
        records.put(record_key, result)
    return result


__all__ = ["download", "check_free_space", "CHUNK_SIZE", "DISK_MARGIN"]
