"""Earth Engine batch export of an image: parameters and the ``image:export`` body.

:func:`validate` turns user-level options into the normalised, JSON-safe dict
that jobs store; :func:`export_body` builds the ``ExportImageRequest`` exactly
as ``ee.batch.Export.image.toCloudStorage / toDrive / toAsset`` + ``task.start()``
of the official Python client (earthengine-api 1.7.50) sends it -- checked
against captures in ``tests/fixtures/ee_official/export_*.json``:

- ``expression``: ``Image.load(image)``, ``Image.select(bands)`` when bands are
  given, then the spatial options folded in as the client's
  ``Image.prepare_for_export`` does (crs + crs_transform -> ``Image.reproject``,
  crs alone -> ``Image.setDefaultProjection``, region/scale/dimensions ->
  ``Image.clipToBoundsAndScale``, region alone -> ``Image.clip``; with crs +
  crs_transform + WIDTHxHEIGHT and no region the exact pixel rectangle).  That
  is the same function as ``getDownloadId``'s for single-file formats, so
  :func:`plugin.core.providers.earthengine.expression.download_image` builds it.  The region is a
  planar geometry (``ee.Geometry(geojson, None, False)``): a QGIS polygon's
  edges are straight in EPSG:4326.
- ``grid`` is **never sent**: the official client folds crs / crsTransform /
  dimensions / scale into the expression, and so do we.
- ``maxPixels``: ``{"value": "<int>"}`` and ``priority``: ``{"value": n}``,
  only when the user sets them (the server defaults are 1e8 and 100).
- ``requestId``: a uuid4 chosen once per job; ``workloadTag`` only when set.
- ``fileExportOptions``: ``fileFormat: GEO_TIFF``, ``cloudStorageDestination
  {bucket, filenamePrefix}`` or ``driveDestination {folder?, filenamePrefix}``
  (the prefix defaults to the description), and ``geoTiffOptions`` with only
  the options set: ``cloudOptimized: true``, ``noData {floatValue}``,
  ``tileDimensions {width, height}`` (fileDimensions), ``skipEmptyFiles: true``.
- ``assetExportOptions``: ``earthEngineDestination {name, overwrite}`` (the
  client always sends ``overwrite``), ``pyramidingPolicy`` (the ``.default``)
  and ``pyramidingPolicyOverrides {band: POLICY}``.

Normalised params (see :func:`validate`)::

    image, bands [names], aoi (GeoJSON EPSG:4326 or None), scale, crs, crs_transform,
    dimensions ([w, h] or [max]), description, destination ("gcs" | "drive" | "asset"),
    bucket, folder, prefix, asset_id (full asset name), overwrite, max_pixels, priority,
    file_dimensions ([w, h]), cloud_optimized, no_data, skip_empty, pyramiding_policy,
    pyramiding_overrides {band: policy}, workload_tag, project, wait, download_asset, vis
"""
import json
import math
import re
import uuid
from typing import Any, Dict, List, Optional
from urllib.parse import quote

from ... import names
from ...errors import ParameterError
from ...i18n import translate
from . import expression as ee_expr
from . import params as ee_params
from .client import asset_name

DESTINATIONS = ("gcs", "drive", "asset")
_DESTINATION_ALIASES = {"gcs": "gcs", "cloud storage": "gcs", "cloud_storage": "gcs", "cloudstorage": "gcs",
                        "google cloud storage": "gcs", "storage": "gcs", "drive": "drive",
                        "google drive": "drive", "asset": "asset", "earth engine asset": "asset",
                        "ee_asset": "asset"}
PYRAMIDING_POLICIES = ("MEAN", "SAMPLE", "MIN", "MAX", "MODE")
DEFAULT_DESCRIPTION = "myExportImageTask"     # the official client's default
#: Files are computed in shards of this many pixels; fileDimensions must be a multiple of it.
SHARD_SIZE = 256
MAX_PRIORITY = 9999
DEFAULT_MAX_PIXELS = 100000000               # the server's default (1e8)
_BUCKET_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$")
_WORKLOAD_TAG_RE = re.compile(r"^([a-z0-9]|[a-z0-9][-_a-z0-9]{0,61}[a-z0-9])$")
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9-]{1,60}$")
FILE_OPTION_KEYS = ("file_dimensions", "cloud_optimized", "no_data", "skip_empty")
ASSET_OPTION_KEYS = ("pyramiding_policy", "pyramiding_overrides")
#: Web Mercator metres per pixel at zoom 0 (256-pixel tiles).
_Z0_METRES = 156543.03392804097


def _err(message: str, hint: Optional[str] = None) -> ParameterError:
    return ParameterError(message, hint)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def new_request_id() -> str:
    """A request id as the official client's ``ee.data.newTaskId`` makes it (uuid4)."""
    return str(uuid.uuid4())


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------
def parse_destination(value: Any) -> str:
    if _blank(value):
        return "gcs"
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(DESTINATIONS):
        return DESTINATIONS[value]
    key = str(value).strip().lower()
    if key in _DESTINATION_ALIASES:
        return _DESTINATION_ALIASES[key]
    raise _err(translate("EeExport", 'Unknown export destination "{}".').format(value),
               translate("EeExport", "Use Cloud Storage, Drive or Asset."))


def parse_bands(value: Any) -> List[str]:
    bands = ee_params.parse_bands(value)
    for band in bands:
        if len(band) > 1:
            raise _err(translate("EeExport", 'Band "{}" has its own options; an export has one grid for all '
                                             'bands.').format(band["id"]),
                       translate("EeExport", "Give band names only, and the scale, CRS or dimensions for the "
                                             "whole export."))
    return [b["id"] for b in bands]


def parse_max_pixels(value: Any) -> Optional[int]:
    if _blank(value):
        return None
    number = ee_params._number(value)
    if number is None or number <= 0 or float(number) != math.floor(float(number)) or number >= 2 ** 63:
        raise _err(translate("EeExport", "MAX_PIXELS must be a whole number of pixels greater than 0; got {}.")
                   .format(value),
                   translate("EeExport", "For example 1e9 or 10000000000 (the default is 1e8)."))
    return int(number)


def check_pixels(params: Dict[str, Any]) -> None:
    """Refuse an export that has more pixels than its MAX_PIXELS (or Earth Engine's default) before it is
    started: at least the pixels :func:`tiling.minimum_pixels` counts, arithmetic only."""
    from ... import config
    from . import tiling
    limit = params.get("max_pixels") or config.EE_EXPORT_DEFAULT_MAX_PIXELS
    pixels = tiling.minimum_pixels(params.get("aoi"), params.get("scale"), params.get("dimensions"))
    if pixels > limit:
        count = "{:,}".format(pixels) if pixels < 10 ** 15 else "{:.3g}".format(float(pixels))
        raise _err(translate("EeExport", "This export would have at least {} pixels, more than its maximum of {:,} "
                                         "(MAX_PIXELS).").format(count, limit),
                   translate("EeExport", "Choose a coarser scale or a smaller area, or set MAX_PIXELS higher."))


def parse_priority(value: Any) -> Optional[int]:
    if _blank(value):
        return None
    number = ee_params._number(value)
    if number is None or float(number) != math.floor(float(number)) or not 0 <= number <= MAX_PRIORITY:
        raise _err(translate("EeExport", "The priority must be a whole number from 0 to 9999; got {}.")
                   .format(value),
                   translate("EeExport", "Higher runs sooner; leave it empty for the default, 100."))
    return int(number)


def parse_file_dimensions(value: Any) -> Optional[List[int]]:
    if _blank(value) or value == 0:
        return None
    dims = ee_params.parse_dimensions(value)
    if len(dims) == 1:
        dims = [dims[0], dims[0]]
    if any(d % SHARD_SIZE for d in dims):
        raise _err(translate("EeExport", "File dimensions must be multiples of {} pixels; got {}.")
                   .format(SHARD_SIZE, "x".join(str(d) for d in dims)),
                   translate("EeExport", "Earth Engine writes files in shards of {} pixels: use e.g. 1024 or "
                                         "2048x1024.").format(SHARD_SIZE))
    return dims


def parse_no_data(value: Any) -> Optional[Any]:
    if _blank(value):
        return None
    number = ee_params._number(value)
    if number is None:
        raise _err(translate("EeExport", "The no-data value must be a number; got {}.").format(value))
    return ee_params._tidy(float(number))


def parse_policy(value: Any, what: str = "") -> Optional[str]:
    if _blank(value):
        return None
    key = str(value).strip().upper()
    if key not in PYRAMIDING_POLICIES:
        raise _err(translate("EeExport", 'Unknown pyramiding policy "{}"{}.').format(value, what),
                   translate("EeExport", "Use one of: {}.").format(", ".join(PYRAMIDING_POLICIES)))
    return key


def parse_pyramiding_overrides(value: Any) -> Dict[str, str]:
    """``{"SCL": "MODE"}`` from a dict or JSON text (``.default`` is not allowed here)."""
    if _blank(value):
        return {}
    data = value
    if not isinstance(value, dict):
        try:
            data = json.loads(str(value))
        except ValueError as exc:
            raise _err(translate("EeExport", "The pyramiding overrides are not valid JSON: {}.").format(exc),
                       translate("EeExport", 'Example: {"SCL": "MODE", "B4": "MEAN"}')) from exc
    if not isinstance(data, dict):
        raise _err(translate("EeExport", "The pyramiding overrides must be a JSON object keyed by band name."),
                   translate("EeExport", 'Example: {"SCL": "MODE", "B4": "MEAN"}'))
    out: Dict[str, str] = {}
    for band, policy in data.items():
        band = str(band).strip()
        if not band or band == ".default":
            raise _err(translate("EeExport", 'The pyramiding overrides name no band ("{}").').format(band),
                       translate("EeExport", "Set the default policy with PYRAMIDING_POLICY."))
        out[band] = parse_policy(policy, translate("EeExport", " for band {}").format(band)) or "MEAN"
    return out


def check_bucket(value: Any) -> str:
    text = (str(value).strip() if value is not None else "")
    if text.startswith("gs://"):
        text = text[5:].split("/", 1)[0]
    if not _BUCKET_RE.match(text) or ".." in text:
        raise _err(translate("EeExport", 'A Cloud Storage bucket name is needed; "{}" is not one.').format(text),
                   translate("EeExport", "Bucket names are 3 to 63 lowercase letters, digits, dots, hyphens or "
                                         "underscores, e.g. my-bucket."))
    return text


def check_prefix(value: Any) -> Optional[str]:
    if _blank(value):
        return None
    text = str(value).strip()
    if text.startswith("/") or "\n" in text or len(text.encode("utf-8")) > 1000:
        raise _err(translate("EeExport", 'The file name prefix "{}" cannot be used.').format(text),
                   translate("EeExport", "Use e.g. exports/my_area (no leading slash)."))
    names.check_path_prefix(text)
    return text


def file_prefix(prefix: Optional[str], description: str) -> str:
    """The prefix sent for a Cloud Storage or Drive export: the given one, or the description.

    Earth Engine takes a prefix ending in "/" as a folder; the plugin completes it with the
    description so the files are still ``folder/<description>.tif`` (a name the file system
    accepts, as every default prefix is), never ``folder/.tif``.
    """
    name = description if names.problem(description) is None else (names.sanitize(description) or "export")
    if prefix is None:
        return name
    return prefix + name if prefix.endswith("/") else prefix


def check_asset_id(value: Any, project: str) -> str:
    """The destination asset name (``projects/*/assets/**``).

    ``projects/...`` and ``users/...`` ids are converted as the official client
    does; a bare name is put in ``projects/<project>/assets/`` (the official
    client would send it to earthengine-public, which no one can write to).
    """
    text = (str(value).strip() if value is not None else "")
    if not text or any(c.isspace() for c in text) or text.endswith("/"):
        raise _err(translate("EeExport", 'Give the id of the asset to create; got "{}".').format(text),
                   translate("EeExport", "For example projects/{}/assets/my_export.").format(project))
    if text.split("/")[0] not in ("projects", "users"):
        text = "projects/{}/assets/{}".format(project, text)
    return asset_name(text)


def check_workload_tag(value: Any) -> Optional[str]:
    if _blank(value):
        return None
    text = str(value).strip()
    if not _WORKLOAD_TAG_RE.match(text):
        raise _err(translate("EeExport", 'Invalid workload tag "{}".').format(text),
                   translate("EeExport", "Tags are 1 to 63 lowercase letters, digits, '-' or '_', starting and "
                                         "ending with a letter or digit."))
    return text


def check_description(value: Any) -> str:
    if _blank(value):
        return DEFAULT_DESCRIPTION
    text = str(value).strip()
    if "\n" in text:
        raise _err(translate("EeExport", "The description must be one line."))
    return text


def parse_vis(value: Any) -> Optional[Dict[str, Any]]:
    """Visualization of the asset tile layer: JSON/dict with bands, min, max, palette, gamma."""
    if _blank(value):
        return None
    data = value
    if not isinstance(value, dict):
        try:
            data = json.loads(str(value))
        except ValueError as exc:
            raise _err(translate("EeExport", "The visualization parameters are not valid JSON: {}.").format(exc),
                       translate("EeExport", 'Example: {"bands": ["B4", "B3", "B2"], "min": 0, "max": 3000}')) from exc
    if not isinstance(data, dict):
        raise _err(translate("EeExport", "The visualization parameters must be a JSON object."))
    allowed = ("bands", "min", "max", "gain", "bias", "gamma", "palette", "opacity")
    unknown = [k for k in data if k not in allowed]
    if unknown:
        raise _err(translate("EeExport", 'Unknown visualization parameter "{}".').format(unknown[0]),
                   translate("EeExport", "Use: {}.").format(", ".join(allowed)))
    out = dict(data)
    if isinstance(out.get("bands"), str):
        out["bands"] = [b.strip() for b in out["bands"].split(",") if b.strip()]
    if isinstance(out.get("palette"), str):
        out["palette"] = [c.strip() for c in out["palette"].split(",") if c.strip()]
    return out


def validate(params: Dict[str, Any]) -> Dict[str, Any]:  # noqa: C901 (see docs/architecture.md, exceptions)
    """The normalised export parameters (module doc), or ParameterError saying what to fix."""
    p = dict(params or {})
    if p.get("collection") and not p.get("image"):      # a composite (params.py, collection form)
        out: Dict[str, Any] = {"image": None, "collection": ee_params.check_collection(p)}
    else:
        out = {"image": ee_params.check_image(p.get("image"))}
    out["bands"] = parse_bands(p.get("bands"))
    out["project"] = ee_params.check_project(p.get("project"))
    out["crs"] = ee_params.check_crs(p.get("crs"))
    out["crs_transform"] = ee_params.parse_crs_transform(p.get("crs_transform"))
    out["dimensions"] = ee_params.parse_dimensions(p.get("dimensions"))
    out["scale"] = ee_params.parse_scale(p.get("scale"))
    region = p.get("aoi", p.get("region"))
    if isinstance(region, str) and region.strip():
        try:
            region = json.loads(region)
        except ValueError as exc:
            raise _err(translate("EeExport", "The area of interest is not valid GeoJSON: {}").format(exc)) from exc
    if isinstance(region, dict) and region.get("type") == "Feature":
        region = region.get("geometry")
    if region is not None and region != {} and not (isinstance(region, dict) and region.get("type")):
        raise _err(translate("EeExport", "The area of interest must be a GeoJSON geometry."))
    out["aoi"] = region or None
    if out.get("collection"):
        ee_params.collection_defaults(out, out["aoi"])
    if out["crs_transform"] is not None and out["crs"] is None:
        raise _err(translate("EeParams", "A pixel transform (crs_transform) needs a CRS (crs)."),
                   translate("EeParams", "Enter the CRS the transform is expressed in, e.g. EPSG:32631."))
    if out["scale"] is not None and out["dimensions"] is not None:
        raise _err(translate("EeExport", "Give either a scale or dimensions, not both."),
                   translate("EeExport", "Earth Engine cannot honour both: the scale fixes the pixel size, "
                                         "the dimensions the pixel count."))
    exact_grid = out["crs_transform"] is not None and out["dimensions"] is not None \
        and len(out["dimensions"]) == 2
    if out["aoi"] is None and not exact_grid:
        raise _err(translate("EeExport", "Give an area of interest."),
                   translate("EeExport", "Or an exact pixel grid: CRS, CRS transform and WIDTHxHEIGHT "
                                         "dimensions."))
    out["description"] = check_description(p.get("description"))
    dest = out["destination"] = parse_destination(p.get("destination"))
    out["bucket"] = check_bucket(p.get("bucket")) if dest == "gcs" else None
    out["folder"] = str(p["folder"]).strip() if dest == "drive" and not _blank(p.get("folder")) else None
    prefix = check_prefix(p.get("prefix")) if dest in ("gcs", "drive") else None
    if dest in ("gcs", "drive"):
        prefix = file_prefix(prefix, out["description"])
    if dest == "drive" and prefix and "/" in prefix:
        raise _err(translate("EeExport", 'A Drive file name prefix cannot contain "/": "{}".').format(prefix),
                   translate("EeExport", "Drive has no paths: choose the folder with FOLDER."))
    out["prefix"] = prefix
    out["asset_id"] = check_asset_id(p.get("asset_id"), out["project"]) if dest == "asset" else None
    out["overwrite"] = bool(p.get("overwrite", False)) if dest == "asset" else False
    out["max_pixels"] = parse_max_pixels(p.get("max_pixels"))
    check_pixels(out)
    out["priority"] = parse_priority(p.get("priority"))
    out["file_dimensions"] = parse_file_dimensions(p.get("file_dimensions"))
    out["cloud_optimized"] = bool(p.get("cloud_optimized", False))
    out["no_data"] = parse_no_data(p.get("no_data"))
    out["skip_empty"] = bool(p.get("skip_empty", False))
    out["pyramiding_policy"] = parse_policy(p.get("pyramiding_policy"))
    out["pyramiding_overrides"] = parse_pyramiding_overrides(p.get("pyramiding_overrides"))
    if dest == "asset":
        given = [k for k in FILE_OPTION_KEYS if out[k] not in (None, False)]
        if given:
            raise _err(translate("EeExport", "File options ({}) apply to Cloud Storage and Drive exports, not "
                                             "to an asset.").format(", ".join(given)),
                       translate("EeExport", "Clear them, or choose Cloud Storage or Drive."))
        unknown = [b for b in out["pyramiding_overrides"] if out["bands"] and b not in out["bands"]]
        if unknown:
            raise _err(translate("EeExport", "Pyramiding overrides name bands that are not exported: {}.")
                       .format(", ".join(unknown)),
                       translate("EeExport", "Exported bands: {}.").format(", ".join(out["bands"])))
    else:
        given = [k for k in ASSET_OPTION_KEYS if out[k]]
        if given:
            raise _err(translate("EeExport", "Pyramiding policies apply to asset exports only."),
                       translate("EeExport", "Clear them, or choose Asset as the destination."))
    out["workload_tag"] = check_workload_tag(p.get("workload_tag"))
    out["wait"] = bool(p.get("wait", True))
    out["download_asset"] = bool(p.get("download_asset", False)) and dest == "asset"
    out["vis"] = parse_vis(p.get("vis"))
    return out


# ---------------------------------------------------------------------------
# Bodies
# ---------------------------------------------------------------------------
def export_image(params: Dict[str, Any]) -> Any:
    """The image graph of the export: load (or composite), select the bands, fold in the spatial options."""
    if params.get("collection"):
        from . import composite
        image = composite.composite_image(composite.CompositeSpec.from_dict(params["collection"]), params["aoi"])
    else:
        image = ee_expr.image_load(params["image"])
    if params.get("bands"):
        image = ee_expr.Invocation("Image.select", {"input": image, "bandSelectors": list(params["bands"])})
    spatial: Dict[str, Any] = {"format": "GEO_TIFF"}
    for key in ("crs", "crs_transform", "dimensions", "scale"):
        if params.get(key) is not None:
            spatial[key] = params[key]
    if params.get("aoi") is not None:
        spatial["region"] = params["aoi"]
    return ee_expr.download_image(image, spatial)


def _geotiff_options(p: Dict[str, Any]) -> Dict[str, Any]:
    opts: Dict[str, Any] = {}
    if p.get("cloud_optimized"):
        opts["cloudOptimized"] = True
    if p.get("no_data") is not None:
        opts["noData"] = {"floatValue": p["no_data"]}
    if p.get("file_dimensions"):
        w, h = p["file_dimensions"]
        opts["tileDimensions"] = {"width": w, "height": h}
    if p.get("skip_empty"):
        opts["skipEmptyFiles"] = True
    return opts


def export_body(params: Dict[str, Any], request_id: str) -> Dict[str, Any]:
    """The ``ExportImageRequest`` for normalised ``params`` (see :func:`validate`)."""
    if not _REQUEST_ID_RE.match(request_id or ""):
        raise ValueError("invalid requestId {!r}".format(request_id))
    p = params
    body: Dict[str, Any] = {"expression": ee_expr.serialize(export_image(p)), "description": p["description"]}
    if p["destination"] == "asset":
        options: Dict[str, Any] = {"earthEngineDestination": {"name": p["asset_id"],
                                                              "overwrite": bool(p.get("overwrite"))}}
        if p.get("pyramiding_policy"):
            options["pyramidingPolicy"] = p["pyramiding_policy"]
        if p.get("pyramiding_overrides"):
            options["pyramidingPolicyOverrides"] = dict(p["pyramiding_overrides"])
        body["assetExportOptions"] = options
    else:
        options = {"fileFormat": "GEO_TIFF"}
        if p["destination"] == "gcs":
            options["cloudStorageDestination"] = {"bucket": p["bucket"], "filenamePrefix": p["prefix"]}
        else:
            drive: Dict[str, Any] = {}
            if p.get("folder"):
                drive["folder"] = p["folder"]
            drive["filenamePrefix"] = p["prefix"]
            options["driveDestination"] = drive
        tiff = _geotiff_options(p)
        if tiff:
            options["geoTiffOptions"] = tiff
        body["fileExportOptions"] = options
    if p.get("max_pixels") is not None:
        body["maxPixels"] = {"value": str(int(p["max_pixels"]))}
    if p.get("priority") is not None:
        body["priority"] = {"value": int(p["priority"])}
    body["requestId"] = request_id
    if p.get("workload_tag"):
        body["workloadTag"] = p["workload_tag"]
    return body


def map_body(image_id: Any, vis: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """``maps.create`` body of ``ee.Image(image_id).getMapId(vis)`` (official client); ``image_id`` is an
    asset id or an image graph (e.g. a composite of :mod:`.composite`)."""
    image: Any = ee_expr.image_load(image_id) if isinstance(image_id, str) else image_id
    if vis:
        args = {"image": image}
        args.update(vis)
        image = ee_expr.Invocation("Image.visualize", args)
    return {"expression": ee_expr.serialize(image), "fileFormat": "AUTO_JPEG_PNG", "bandIds": []}


def zoom_for_scale(scale: Optional[float]) -> int:
    """The Web Mercator zoom whose pixels are no bigger than ``scale`` metres (0..24)."""
    if not scale or scale <= 0:
        return 20
    return max(0, min(24, int(math.ceil(math.log2(_Z0_METRES / float(scale)) - 1e-9))))


def xyz_layer_uri(url_template: str, zmax: int = 20, zmin: int = 0, authcfg: Optional[str] = None) -> str:
    """A QGIS XYZ raster URI (provider "wms") for a ``.../{z}/{x}/{y}`` tile URL.

    The URL is percent-encoded whole, so ``&`` or ``?`` in it survive.  Earth
    Engine tiles need an OAuth token: ``authcfg`` names the QGIS authentication
    configuration that adds it (the token itself never goes into the URI).
    """
    uri = "type=xyz&url={}&zmax={}&zmin={}".format(quote(url_template, safe=""), int(zmax), int(zmin))
    if authcfg:
        uri += "&authcfg={}".format(quote(str(authcfg), safe=""))
    return uri
