"""Fetching the files of an Earth Engine export from Cloud Storage or Google Drive.

Earth Engine writes a GeoTIFF export as ``<prefix>.tif``, or -- when the image
is larger than ``fileDimensions`` (or the server's own file size limit) -- as
``<prefix>-<row>-<col>.tif`` with 10-digit zero-padded pixel offsets.
:func:`export_files` keeps exactly those names.

- Cloud Storage JSON API: ``GET {gcs}/storage/v1/b/{bucket}/o?prefix=..[&pageToken=..]``
  (paged), then ``GET {gcs}/storage/v1/b/{bucket}/o/{object, percent-encoded}?alt=media``.
  The transfer engine checks the ``x-goog-hash`` md5/crc32c Cloud Storage sends,
  the size and the listing's ``md5Hash``.
- Drive API v3: the folder id by name (``files.list`` with
  ``q=name = '<folder>' and mimeType = 'application/vnd.google-apps.folder' and
  trashed = false``, newest first, as Earth Engine writes into the most recently
  modified folder of that name), then ``files.list`` with ``q=name contains
  '<prefix>' and '<folderId>' in parents and trashed = false`` (paged), then
  ``GET {drive}/drive/v3/files/{id}?alt=media`` (size and ``md5Checksum`` verified).

Both use the Earth Engine client's credentials (``Authorization: Bearer``, a 401
refreshes the token once) but without ``X-Goog-User-Project``.  The token must
carry the scopes: ``devstorage.read_only`` (or ``cloud-platform``) for Cloud
Storage, ``drive.readonly`` for Drive.
"""
import calendar
import logging
import os
import re
import time
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple
from urllib.parse import quote, urlencode

from ... import config
from ...transfer import http, download as transfer
from ...transfer.naming import safe_filename
from ...transfer.records import DownloadResult
from ...errors import AuthError, HttpError, ParameterError, ProviderError
from ...i18n import translate
from .client import EeClient

_log = logging.getLogger(__name__)

FOLDER_MIME = "application/vnd.google-apps.folder"
TILE_RE = re.compile(r"-(\d{10})-(\d{10})\.tif$")


def export_files(prefix: str, names: List[str]) -> List[str]:
    """The names an export with ``prefix`` wrote (``prefix.tif`` or ``prefix-R-C.tif``), sorted."""
    pattern = re.compile(re.escape(prefix) + r"(?:-\d{10}-\d{10})?\.tif$")
    return sorted(n for n in names if pattern.fullmatch(n))


def tile_offset(name: str) -> Optional[Tuple[int, int]]:
    """(row, col) pixel offsets of a split export file, or None for a whole ``prefix.tif``."""
    match = TILE_RE.search(name)
    return (int(match.group(1)), int(match.group(2))) if match else None


def parse_time(text: Optional[str]) -> Optional[float]:
    """Seconds since the epoch of an RFC 3339 time (``2024-01-01T00:00:00.123Z``), or None."""
    if not text:
        return None
    match = re.match(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$", text.strip())
    if not match:
        return None
    seconds = calendar.timegm(time.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S"))
    if match.group(2):
        seconds += float(match.group(2))
    zone = match.group(3)
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        seconds -= sign * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
    return seconds


def pages(get_page: Callable[[Optional[str]], Any], service: str,
          max_pages: Optional[int] = None) -> Iterator[Dict[str, Any]]:
    """The pages of a listing that pages with ``nextPageToken`` (``get_page(token)`` fetches one).

    At most ``max_pages`` (default :data:`config.MAX_LIST_PAGES`); a token given twice (a server
    that loops) or more pages than that end the listing with an error instead of running forever.
    """
    limit = max_pages or config.MAX_LIST_PAGES
    seen = set()
    token = None
    for _ in range(limit):
        data = get_page(token)
        data = data if isinstance(data, dict) else {}
        yield data
        token = data.get("nextPageToken")
        if not token:
            return
        if token in seen:
            raise ProviderError(translate("EeStorage", "{service}: the listing repeats itself (the same page token "
                                                       "came back); stopped after {pages} page(s).").format(
                service=service, pages=len(seen) + 1),
                translate("EeStorage", "The service has a problem; try again later."))
        seen.add(token)
    raise ProviderError(translate("EeStorage", "{service}: the listing has more than {limit} pages; stopped there.")
                        .format(service=service, limit=limit),
                        translate("EeStorage", "Use a file name prefix that only this export uses."))


def _quote_q(value: str) -> str:
    """A string literal for a Drive query (backslash and single quote escaped)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


class _StorageClient:
    """Shared plumbing: JSON GETs and downloads with the Earth Engine credentials."""

    SERVICE = ""

    def __init__(self, base_url: str, ee: EeClient, retry: Optional[http.RetryPolicy] = None):
        self.base_url = base_url.rstrip("/")
        self.ee = ee
        self.retry = retry or ee.retry

    @staticmethod
    def _headers(headers: Dict[str, str], json_body: bool = True) -> Dict[str, str]:
        out = {k: v for k, v in headers.items() if k != "X-Goog-User-Project"}
        if not json_body:
            out.pop("Accept", None)
        return out

    def _hint(self, status: Optional[int], message: str) -> Optional[str]:  # pragma: no cover - overridden
        return None

    def _error(self, exc: HttpError) -> HttpError:
        message = getattr(exc, "service_message", "") or exc.message
        text = translate("EeStorage", "{service}: {message}").format(service=self.SERVICE, message=message)
        cls = AuthError if exc.status in (401, 403) else HttpError
        return cls(text, status=exc.status, hint=self._hint(exc.status, message) or exc.hint, body=exc.body,
                   retryable=exc.retryable)

    def get_json(self, url: str) -> Dict[str, Any]:
        def call(headers):
            return http.request(self.ee.session, "GET", url, retry=self.retry, timeouts=self.ee.timeouts,
                                cancel=self.ee.cancel, headers=self._headers(headers))
        try:
            response = self.ee.with_auth(call)
        except HttpError as exc:
            raise self._error(exc) from None
        return EeClient._json(response, url)

    def fetch(self, url: str, dest: str, expected_size: Optional[int] = None, expected_md5: Optional[str] = None,
              progress=None, record_key: Optional[str] = None) -> DownloadResult:
        """Download through the transfer engine; with ``record_key`` a file already fetched and
        still intact is reused without any request."""
        def call(headers):
            return transfer.download(url, dest, session=self.ee.session, headers=self._headers(headers, False),
                                     cancel=self.ee.cancel, progress=progress, expected_size=expected_size,
                                     expected_md5=expected_md5, retry=self.retry, timeouts=self.ee.timeouts,
                                     accept="*/*", record_key=record_key)
        try:
            return self.ee.with_auth(call)
        except HttpError as exc:
            raise self._error(exc) from None


class GcsClient(_StorageClient):
    """The Cloud Storage JSON API subset an export needs (list a prefix, download objects)."""

    SERVICE = "Cloud Storage"

    def _hint(self, status, message):
        if status == 404:
            return translate("EeStorage", "Check the bucket name; Earth Engine wrote the export there.")
        if status in (401, 403):
            return translate("EeStorage", "Your credentials must be allowed to read the bucket (role Storage "
                                          "Object Viewer) and the token needs the Cloud Storage scope "
                                          "(devstorage.read_only or cloud-platform).")
        return None

    def list_url(self, bucket: str, prefix: str, page_token: Optional[str] = None) -> str:
        query = {"prefix": prefix}
        if page_token:
            query["pageToken"] = page_token
        return "{}/storage/v1/b/{}/o?{}".format(self.base_url, quote(bucket, safe=""), urlencode(query))

    def media_url(self, bucket: str, name: str) -> str:
        return "{}/storage/v1/b/{}/o/{}?alt=media".format(self.base_url, quote(bucket, safe=""),
                                                          quote(name, safe=""))

    def list_objects(self, bucket: str, prefix: str) -> List[Dict[str, Any]]:
        items: List[Dict[str, Any]] = []
        for data in pages(lambda token: self.get_json(self.list_url(bucket, prefix, token)), self.SERVICE):
            items.extend(data.get("items") or [])
        return items

    def download(self, bucket: str, obj: Dict[str, Any], dest: str, progress=None) -> DownloadResult:
        size = obj.get("size")
        key = "gs://{}/{}#{}".format(bucket, obj["name"], obj.get("generation") or obj.get("md5Hash") or "")
        return self.fetch(self.media_url(bucket, obj["name"]), dest,
                          expected_size=int(size) if size not in (None, "") else None,
                          expected_md5=obj.get("md5Hash"), progress=progress, record_key=key)


class DriveClient(_StorageClient):
    """The Drive API v3 subset an export needs (find the folder, list files, download)."""

    SERVICE = "Google Drive"
    PAGE_SIZE = 1000

    def _hint(self, status, message):
        if status in (401, 403):
            return translate("EeStorage", "Reading the export from Drive needs a token with the Drive scope "
                                          "(drive.readonly): sign in again allowing Drive access, or export to "
                                          "Cloud Storage instead.")
        return None

    def files_url(self, query: Dict[str, Any]) -> str:
        return "{}/drive/v3/files?{}".format(self.base_url, urlencode(query))

    def _list(self, q: str, fields: str, order_by: Optional[str] = None) -> List[Dict[str, Any]]:
        files: List[Dict[str, Any]] = []

        def page(token):
            query = {"q": q, "fields": "nextPageToken, files({})".format(fields), "pageSize": self.PAGE_SIZE,
                     "spaces": "drive"}
            if order_by:
                query["orderBy"] = order_by
            if token:
                query["pageToken"] = token
            return self.get_json(self.files_url(query))
        for data in pages(page, self.SERVICE):
            files.extend(data.get("files") or [])
        return files

    def find_folder(self, name: str) -> Optional[str]:
        """The id of the most recently modified folder called ``name`` (None: no such folder)."""
        q = "name = {} and mimeType = '{}' and trashed = false".format(_quote_q(name), FOLDER_MIME)
        folders = self._list(q, "id, name, modifiedTime", order_by="modifiedTime desc")
        return folders[0]["id"] if folders else None

    def list_files(self, prefix: str, folder_id: str) -> List[Dict[str, Any]]:
        q = "name contains {} and {} in parents and trashed = false".format(_quote_q(prefix), _quote_q(folder_id))
        return self._list(q, "id, name, size, md5Checksum, mimeType, createdTime, modifiedTime")

    def media_url(self, file_id: str) -> str:
        return "{}/drive/v3/files/{}?alt=media".format(self.base_url, quote(file_id, safe=""))

    def download(self, item: Dict[str, Any], dest: str, progress=None) -> DownloadResult:
        size = item.get("size")
        key = "drive://{}#{}".format(item["id"], item.get("md5Checksum") or "")
        return self.fetch(self.media_url(item["id"]), dest,
                          expected_size=int(size) if size not in (None, "") else None,
                          expected_md5=item.get("md5Checksum"), progress=progress, record_key=key)


def newest_per_name(items: List[Dict[str, Any]], time_key: str) -> List[Dict[str, Any]]:
    """One item per name (Drive allows duplicates): the most recently modified."""
    best: Dict[str, Dict[str, Any]] = {}
    for item in items:
        name = item.get("name") or ""
        if name not in best or (parse_time(item.get(time_key)) or 0) > (parse_time(best[name].get(time_key)) or 0):
            best[name] = item
    return list(best.values())


def written_since(items: List[Dict[str, Any]], time_key: str, since: Optional[float]) -> List[Dict[str, Any]]:
    """Items written at or after ``since`` (files of older exports with the same prefix are left);
    all of them when none is that recent (clocks may differ)."""
    if since is None:
        return items
    recent = [i for i in items if (parse_time(i.get(time_key)) or 0) >= since - 1.0]
    if not recent and items:
        _log.info("No export file is newer than the operation; using the {} file(s) found.".format(len(items)))
    return recent or items


def local_name(object_name: str) -> str:
    """The file name an export object gets on disk (its last path component, made safe)."""
    name = safe_filename(os.path.basename(object_name))
    if not name:
        raise ParameterError(translate("EeStorage", "The export file name {} cannot be used.").format(object_name))
    return name
