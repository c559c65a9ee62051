"""STAC assets in S3 buckets (``s3://bucket/key`` hrefs), read through GDAL's ``/vsis3/``.

What the item says about where an asset is stored (the STAC storage extension:
``storage:requester_pays`` and ``storage:region`` on the asset or in the item's properties, v1; or the
``storage:schemes`` an asset's ``storage:refs`` name, v2), the access of a job (:class:`S3Access`:
an endpoint for S3-compatible stores, the keys of an authentication configuration), what a refused
read means in words (:func:`failure`), and the full copy of an object that cannot be read by tiles
(:func:`copy_object`).  The GDAL options of a read are :func:`.window.s3_options` (next to the HTTP
ones, set per read and thread).  Pure Python and GDAL; no qgis import.
"""
import hashlib
import os
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional
from urllib.parse import urlsplit

from osgeo import gdal

from ...errors import AuthError, CancelledError
from ...i18n import translate

COPY_CHUNK = 4 * 1048576         # bytes of one read of a full copy (the cancel token is asked between them)


@dataclass(frozen=True)
class Storage:
    """Where the item says an asset is stored: a requester-pays bucket, its region ("" unknown)."""
    requester_pays: bool = False
    region: str = ""


@dataclass(frozen=True)
class S3Access:
    """How a job reaches S3: ``endpoint`` ("" is AWS; else the URL of an S3-compatible store) and the
    keys of an authentication configuration (none: anonymous requests)."""
    endpoint: str = ""
    access_key_id: str = ""
    secret_access_key: str = ""

    @property
    def signed(self) -> bool:
        return bool(self.access_key_id and self.secret_access_key)

    def __repr__(self) -> str:            # never the secret, in a log or a traceback
        return "S3Access(endpoint={!r}, access_key_id={!r}, signed={})".format(
            self.endpoint, self.access_key_id, self.signed)


def is_s3(href: str) -> bool:
    return urlsplit(href or "").scheme == "s3"


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def storage_of(item: Dict[str, Any], asset: Dict[str, Any]) -> Storage:
    """The asset's :class:`Storage`: its own ``storage:*`` fields, else those of the schemes its
    ``storage:refs`` name (v2, item properties), else the item properties' ``storage:*`` (v1)."""
    props = item.get("properties") or {}
    schemes = props.get("storage:schemes") or item.get("storage:schemes") or {}
    refs = asset.get("storage:refs") or []
    v2 = [schemes[r] for r in refs if isinstance(schemes, dict) and isinstance(schemes.get(r), dict)]
    layers = [(asset, "storage:")] + [(scheme, "") for scheme in v2] + [(props, "storage:")]   # most specific first
    pays = next((f[p + "requester_pays"] for f, p in layers if f.get(p + "requester_pays") is not None), False)
    region = next((str(f[p + "region"]).strip() for f, p in layers if str(f.get(p + "region") or "").strip()), "")
    return Storage(_truthy(pays), region)


def failure(key: str, href: str, access: S3Access, storage: Storage, fallback: str) -> Exception:
    """What a failed open of ``href`` means, in words, from GDAL's last VSI error of this thread (403:
    a private or requester-pays bucket; refused keys; no such bucket or object); ``fallback`` (GDAL's
    own words) for anything else.  The secret is never in it (only the href and the asset key)."""
    from .window import WindowError
    code, text = gdal.VSIGetLastErrorNo(), gdal.VSIGetLastErrorMsg() or fallback or ""
    # GDAL 3.6's VSI error numbers: 2 HTTP error, 6 access denied, 7 no bucket, 8 no object,
    # 9 invalid credentials, 10 signature mismatch
    if code in (9, 10) or "InvalidAccessKeyId" in text or "SignatureDoesNotMatch" in text:
        return AuthError(translate("StacS3", "The S3 credentials were refused for the asset {key} ({href}): check "
                                             "the access key id and the secret key.").format(key=key, href=href))
    if code == 6 or "response code: 403" in text or "AccessDenied" in text:
        if access.signed:
            return WindowError(translate("StacS3", "S3 refused to give the asset {key} ({href}) to these "
                                                   "credentials.").format(key=key, href=href))
        if storage.requester_pays:
            return WindowError(translate("StacS3", "The asset {key} ({href}) is in a requester-pays bucket: reading "
                                                   "it needs S3 credentials (the reads are billed to them).")
                               .format(key=key, href=href))
        return WindowError(translate("StacS3", "The asset {key} ({href}) is in a private S3 bucket: choose S3 "
                                               "credentials (plugin settings, STAC catalogues; or S3_AUTHCFG in "
                                               "Processing), a Basic configuration: user name = access key id, "
                                               "password = secret key.").format(key=key, href=href))
    if code == 7 or "NoSuchBucket" in text:
        return WindowError(translate("StacS3", "The bucket of the asset {key} does not exist: {href}")
                           .format(key=key, href=href))
    if code == 8 or "NoSuchKey" in text or "response code: 404" in text:
        return WindowError(translate("StacS3", "The asset {key} is not in its bucket: {href}")
                           .format(key=key, href=href))
    return WindowError(translate("StacWindow", "The asset {key} could not be opened: {error}")
                       .format(key=key, error=fallback))


def copy_object(handle, dest: str, size: int, cancel=None, tick: Optional[Callable[[float], None]] = None,
                chunk: int = COPY_CHUNK) -> str:
    """Copy the ``size`` bytes of an open GDAL VSI file (``gdal.VSIFOpenExL``; its options set in this
    thread) to ``dest`` through ``dest.part`` (renamed when whole; removed on failure or cancel), the
    cancel token asked between chunks (each one range request); the sha256 of the bytes is returned."""
    from .window import WindowError
    part = dest + ".part"
    digest, done = hashlib.sha256(), 0
    try:
        with open(part, "wb") as out:
            while done < size:
                if cancel is not None and cancel.is_cancelled():
                    raise CancelledError(translate("Jobs", "Cancelled by the user."))
                data = gdal.VSIFReadL(1, min(chunk, size - done), handle)
                if not data:
                    raise WindowError(translate("StacS3", "The copy of {dest} stopped after {done} of {size} bytes: "
                                                          "{error}").format(dest=dest, done=done, size=size,
                                                                            error=gdal.VSIGetLastErrorMsg() or "?"))
                out.write(data)
                digest.update(data)
                done += len(data)
                if tick is not None:
                    tick(len(data) / float(size))
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, dest)
        return digest.hexdigest()
    finally:
        if os.path.exists(part):
            os.remove(part)


__all__ = ["S3Access", "Storage", "copy_object", "failure", "is_s3", "storage_of"]
