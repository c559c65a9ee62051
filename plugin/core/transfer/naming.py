"""File names for downloads: from Content-Disposition, from the URL, or a default, made safe.

Pure Python (requests + stdlib); no qgis import.
"""
import mimetypes
import os
import re
from typing import Optional
from urllib.parse import unquote, urlsplit

import requests


def safe_filename(name: Optional[str]) -> str:
    """A file name without folders, control or reserved characters, short enough in bytes ('' if nothing
    is left): :func:`names.sanitize`, the one home of that rule."""
    from .. import names
    return names.sanitize(name)


def filename_from_disposition(value: Optional[str]) -> str:
    """The file name in a Content-Disposition header (``filename*`` preferred)."""
    if not value:
        return ""
    match = re.search(r"(?i)filename\*\s*=\s*([^']*)'[^']*'([^;]+)", value)
    if match:
        charset = match.group(1) or "utf-8"
        try:
            return safe_filename(unquote(match.group(2).strip().strip('"'), encoding=charset, errors="replace"))
        except LookupError:
            return safe_filename(unquote(match.group(2).strip().strip('"')))
    match = re.search(r'(?i)filename\s*=\s*"((?:[^"\\]|\\.)*)"', value)
    if match:
        return safe_filename(re.sub(r"\\(.)", r"\1", match.group(1)))
    match = re.search(r"(?i)filename\s*=\s*([^;]+)", value)
    if match:
        return safe_filename(match.group(1).strip())
    return ""


def filename_from_url(url: str) -> str:
    """The URL's last path segment when it looks like a file name (has an extension)."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    base = unquote(path.rstrip("/").split("/")[-1]) if path else ""
    if ":" in base or not re.search(r"\.[A-Za-z0-9]{1,5}$", base):
        return ""
    return safe_filename(base)


def _extension_for(content_type: str) -> str:
    media = (content_type or "").split(";")[0].strip().lower()
    known = {"application/zip": ".zip", "image/tiff": ".tif", "image/geotiff": ".tif", "image/jp2": ".jp2",
             "application/x-tar": ".tar", "application/gzip": ".gz", "application/json": ".json",
             "image/png": ".png", "image/jpeg": ".jpg", "application/x-netcdf": ".nc",
             "application/x-hdf5": ".h5", "application/octet-stream": ""}
    if media in known:
        return known[media]
    return mimetypes.guess_extension(media) or "" if media else ""


def choose_name(response: Optional[requests.Response], url: str, default_name: Optional[str]) -> str:
    """Content-Disposition, else a file-like URL basename, else ``default_name``, else ``download``;
    an extension guessed from the Content-Type is added when the name has none."""
    headers = response.headers if response is not None else {}
    name = filename_from_disposition(headers.get("Content-Disposition"))
    if not name and response is not None and response.url:
        name = filename_from_url(response.url)
    if not name:
        name = filename_from_url(url)
    if not name:
        name = safe_filename(default_name) or "download"
    if not os.path.splitext(name)[1]:
        name += _extension_for(headers.get("Content-Type", ""))
    return name
