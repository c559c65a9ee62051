"""Validate Earth Engine download options before anything is sent.

``validate(params)`` turns user-level options into the normalised, JSON-safe
parameter dict that jobs store and the client uses; every problem is a
:class:`~plugin.core.errors.ParameterError` whose message says what is wrong
and how to fix it.  ``to_download_params`` maps that dict onto the keys of
``ee.data.getDownloadId`` for :func:`plugin.core.providers.earthengine.expression.thumbnail_body`.

Normalised params (keys absent or None when not set)::

    image          asset id, e.g. "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
    bands          [{"id": "B4"}, {"id": "B8", "scale": 10, "crs": ..., "crs_transform": [...],
                    "dimensions": [w, h] | [max]}]  (band options apply to per-band output only)
    crs            "EPSG:32610" (any CRS pyproj understands; sent as given)
    crs_transform  [xScale, xShearing, xTranslation, yShearing, yScale, yTranslation]
    dimensions     [width, height] or [max_dimension]
    scale          metres per pixel (> 0)
    format         ZIPPED_GEO_TIFF | ZIPPED_GEO_TIFF_PER_BAND | GEO_TIFF | NPY
    file_per_band  bool (only decides the format when none is given)
    name           file name prefix (None: the server's default)
    project        Google Cloud project id or number
    region         GeoJSON geometry in EPSG:4326 (the AOI) or None

The *collection* form (instead of ``image``) asks for a composite: ``collection``
(an id such as COPERNICUS/S2_SR_HARMONIZED), ``date_from`` and ``date_to`` (days,
both inclusive), ``cloud_max`` (%, or None), ``cloud_mask`` (none, cloud_score_plus,
landsat_qa; None: the collection's usual mask), ``mask_band`` (cs or cs_cdf),
``mask_threshold`` (0..1) and ``composite`` (median, mean, min, max, recent,
least_cloudy).  It is normalised by :func:`check_collection` into ``image: None`` and
``collection``: a :class:`.composite.CompositeSpec` dict (``end`` exclusive), which
re-validates to itself; an area is required, and ``bands``, ``scale`` and ``crs``
default to the collection's bands, its scale and the UTM zone of the area.
"""
import datetime
import json
import math
import re
from typing import Any, Dict, List, Optional

from ...errors import ParameterError
from ...i18n import translate

FORMATS = ("ZIPPED_GEO_TIFF", "ZIPPED_GEO_TIFF_PER_BAND", "GEO_TIFF", "NPY")
#: The formats offered to users, in this order, by the dock and Processing.  "" is Earth Engine's
#: default: a zipped GeoTIFF whose files follow file_per_band (as the official client decides).
FORMAT_CHOICES = ("",) + FORMATS
PER_BAND_FORMAT = "ZIPPED_GEO_TIFF_PER_BAND"
#: Legacy names the official client maps (case-insensitive).
FORMAT_ALIASES = {"GEOTIFF": "GEO_TIFF", "NUMPY": "NPY", "ZIPPED_GEOTIFF": "ZIPPED_GEO_TIFF",
                  "ZIPPED_GEOTIFF_PER_BAND": "ZIPPED_GEO_TIFF_PER_BAND"}
BAND_OPTION_KEYS = ("crs", "crs_transform", "dimensions", "scale")
LEGACY_PROJECT = "earthengine-legacy"
_PROJECT_RE = re.compile(r"^(?:\w+(?:[\w\-]+\.[\w\-]+)*?\.\w+:)?[a-z][-a-z0-9]{4,28}[a-z0-9]$|^\d+$")
_BAND_EXAMPLE = '{"B4": {"scale": 10}, "B11": {"scale": 20, "crs": "EPSG:32631"}}'


def _err(message: str, hint: Optional[str] = None) -> ParameterError:
    return ParameterError(message, hint)


def _number(value: Any) -> Optional[float]:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            v = float(value.strip())
        except ValueError:
            return None
        return v if math.isfinite(v) else None
    return None


def _tidy(value: float) -> Any:
    """20.0 -> 20 (what a user typing 20 means, and what the official examples send)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    return value


def format_label(fmt: str) -> str:
    """How a choice of :data:`FORMAT_CHOICES` is shown."""
    if not fmt:
        return translate("EeParams", "Default (zipped GeoTIFF, one file per band if chosen)")
    return fmt


def normalize_format(fmt: Optional[str], file_per_band: Optional[bool] = None) -> str:
    """The download format, legacy aliases mapped; the official default when none is given."""
    if fmt is None or (isinstance(fmt, str) and not fmt.strip()):
        return PER_BAND_FORMAT if file_per_band in (None, True) else "ZIPPED_GEO_TIFF"
    key = str(fmt).strip().upper().replace("-", "_")
    key = FORMAT_ALIASES.get(key, key)
    if key not in FORMATS:
        raise _err(translate("EeParams", 'Unknown download format "{}".').format(fmt),
                   translate("EeParams", "Use one of: {}.").format(", ".join(FORMATS)))
    return key


def parse_scale(value: Any) -> Optional[Any]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    v = _number(value)
    if v is None or v <= 0:
        raise _err(translate("EeParams", "The scale must be a positive number of metres per pixel; got {}.")
                   .format(value),
                   translate("EeParams", "Enter e.g. 10 for Sentinel-2's finest bands, or leave it empty."))
    return _tidy(float(v)) if isinstance(v, float) else v


def parse_dimensions(value: Any) -> Optional[List[int]]:
    """[width, height] or [max_dimension] from "WxH", "W,H", one number, or a list."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    items: Any = value
    if isinstance(value, str):
        text = value.strip().lower().replace(" ", "")
        if text.startswith("["):
            try:
                items = json.loads(text)
            except ValueError:
                items = None
        else:
            items = re.split(r"[x,]", text)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        items = [value]
    out: List[int] = []
    if isinstance(items, (list, tuple)) and 1 <= len(items) <= 2:
        for item in items:
            v = _number(item)
            if v is None or v <= 0 or float(v) != int(v):
                out = []
                break
            out.append(int(v))
    if not out:
        raise _err(translate("EeParams", "Dimensions must be WIDTHxHEIGHT in whole pixels (e.g. 512x512), "
                                         "or one number for the longest side; got {}.").format(value))
    return out


def parse_crs_transform(value: Any) -> Optional[List[float]]:
    """Six numbers from a list, a JSON list, or "a,b,c,d,e,f"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    items: Any = value
    if isinstance(value, str):
        text = value.strip()
        try:
            items = json.loads(text) if text.startswith("[") else text.split(",")
        except ValueError:
            items = None
    nums: List[Any] = []
    if isinstance(items, (list, tuple)) and len(items) == 6:
        for item in items:
            v = _number(item)
            if v is None:
                nums = []
                break
            nums.append(v)
    if len(nums) != 6:
        raise _err(translate("EeParams", "The pixel transform (crs_transform) must be 6 numbers; got {}.")
                   .format(value),
                   translate("EeParams", "Give [xScale, xShearing, xTranslation, yShearing, yScale, yTranslation], "
                                         "e.g. 10,0,500000,0,-10,4200000."))
    if nums[0] == 0 or nums[4] == 0 or nums[0] * nums[4] - nums[1] * nums[3] == 0:
        raise _err(translate("EeParams", "The pixel transform (crs_transform) {} has a zero pixel size.")
                   .format(value),
                   translate("EeParams", "xScale and yScale (1st and 5th numbers) must not be 0."))
    return nums


def check_crs(crs: Any) -> Optional[str]:
    """The CRS as given, once pyproj has recognised it."""
    if crs is None or (isinstance(crs, str) and not crs.strip()):
        return None
    text = str(crs).strip()
    try:
        from pyproj import CRS
        CRS.from_user_input(text)
    except Exception as exc:
        raise _err(translate("EeParams", 'Unknown CRS "{}": {}').format(text, exc),
                   translate("EeParams", "Use an authority code such as EPSG:4326 or EPSG:32631, or a WKT string."))
    return text


def _band_options(band_id: str, options: Any) -> Dict[str, Any]:
    if not isinstance(options, dict):
        raise _err(translate("EeParams", 'The options of band "{}" must be a JSON object; got {}.')
                   .format(band_id, json.dumps(options)),
                   translate("EeParams", "Example: {}").format(_BAND_EXAMPLE))
    out: Dict[str, Any] = {"id": band_id}
    for key, value in options.items():
        if key == "id":
            continue
        if key not in BAND_OPTION_KEYS:
            raise _err(translate("EeParams", 'Unknown option "{}" for band "{}".').format(key, band_id),
                       translate("EeParams", "Band options can be: {}.").format(", ".join(BAND_OPTION_KEYS)))
        if key == "crs":
            value = check_crs(value)
        elif key == "crs_transform":
            value = parse_crs_transform(value)
        elif key == "dimensions":
            value = parse_dimensions(value)
        elif key == "scale":
            value = parse_scale(value)
        if value is not None:
            out[key] = value
    return out


def parse_bands(value: Any) -> List[Dict[str, Any]]:
    """Band dicts from "B4, B3", a list of names, or a list of dicts with "id"."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)):
        raise _err(translate("EeParams", "The band list must be band names separated by commas; got {}.")
                   .format(value))
    out = []
    seen = set()
    for item in value:
        if isinstance(item, str):
            band = {"id": item.strip()}
        elif isinstance(item, dict):
            band_id = item.get("id")
            if not isinstance(band_id, str) or not band_id.strip():
                raise _err(translate("EeParams", 'Each band in the band list needs an "id" (its name); got {}.')
                           .format(json.dumps(item)),
                           translate("EeParams", 'Example: [{"id": "B4", "scale": 10}]'))
            band = _band_options(band_id.strip(), item)
        else:
            raise _err(translate("EeParams", "A band must be a name or an object with an id; got {}.")
                       .format(json.dumps(item)))
        if not band["id"]:
            raise _err(translate("EeParams", "A band name is empty."))
        if band["id"] in seen:
            raise _err(translate("EeParams", 'Band "{}" is listed twice.').format(band["id"]))
        seen.add(band["id"])
        out.append(band)
    return out


def parse_band_options(text: Any) -> Dict[str, Dict[str, Any]]:
    """Per-band options from JSON text: {"B4": {"scale": 10}} or [{"id": "B4", "scale": 10}].

    Returns ``{band_id: {"id": band_id, option: value}}`` in the order given.
    """
    if text is None:
        return {}
    if isinstance(text, (dict, list)):
        data = text
    else:
        if not str(text).strip():
            return {}
        try:
            data = json.loads(str(text))
        except ValueError as exc:
            line = getattr(exc, "lineno", None)
            col = getattr(exc, "colno", None)
            msg = getattr(exc, "msg", str(exc))
            raise _err(translate("EeParams", "The band options are not valid JSON (line {}, column {}): {}.")
                       .format(line, col, msg),
                       translate("EeParams", "Example: {}").format(_BAND_EXAMPLE))
    out: Dict[str, Dict[str, Any]] = {}
    if isinstance(data, dict):
        for band_id, options in data.items():
            if not str(band_id).strip():
                raise _err(translate("EeParams", "A band name in the band options is empty."))
            out[str(band_id).strip()] = _band_options(str(band_id).strip(), options)
    elif isinstance(data, list):
        for band in parse_bands(data):
            out[band["id"]] = band
    else:
        raise _err(translate("EeParams", "The band options must be a JSON object keyed by band name; got {}.")
                   .format(json.dumps(data)),
                   translate("EeParams", "Example: {}").format(_BAND_EXAMPLE))
    return out


def check_project(project: Any) -> str:
    text = (str(project).strip() if project is not None else "")
    if not text:
        raise _err(translate("EeParams", "An Earth Engine Cloud project is required."),
                   translate("EeParams", "Enter the id of a Google Cloud project registered for Earth Engine "
                                         "(https://code.earthengine.google.com/register)."))
    if text.startswith("projects/"):
        text = text[len("projects/"):]
    if text != LEGACY_PROJECT and not _PROJECT_RE.match(text):
        raise _err(translate("EeParams", 'The project id "{}" is not a valid Google Cloud project id.').format(text),
                   translate("EeParams", "Project ids are 6 to 30 lowercase letters, digits or hyphens, "
                                         "starting with a letter (or a project number)."))
    return text


def check_image(image: Any) -> str:
    text = (str(image).strip() if image is not None else "")
    if not text or any(c.isspace() for c in text):
        raise _err(translate("EeParams", 'Choose an image by its Earth Engine asset id; got "{}".').format(image or ""),
                   translate("EeParams", "For example COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG."))
    return text


def check_name(name: Any) -> Optional[str]:
    from ... import names
    return names.check_name(name)


def _cloud_max(value: Any) -> Optional[Any]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    v = _number(value)
    if v is None or not 0 <= v <= 100:
        raise _err(translate("EeParams", "The cloud cover limit must be a percentage from 0 to 100; got {}.")
                   .format(value))
    return _tidy(float(v))


def _choice(value: Any, choices, default: str, what: str) -> str:
    text = (str(value).strip().lower() if value is not None else "") or default
    if text not in choices:
        raise _err(translate("EeParams", 'Unknown {} "{}".').format(what, value),
                   translate("EeParams", "Use one of: {}.").format(", ".join(choices)))
    return text


def check_collection(p: Dict[str, Any]) -> Dict[str, Any]:
    """The composite of the collection form (see the module doc) as a CompositeSpec dict."""
    from . import collections, composite
    given = p.get("collection")
    if isinstance(given, dict):       # already normalised (a stored job): re-check it
        spec = dict(given)
        last = datetime.date.fromisoformat(str(spec.get("end"))[:10]) - datetime.timedelta(days=1) \
            if spec.get("end") else None
        p = {"collection": spec.get("collection"), "date_from": spec.get("start"), "date_to": last,
             "cloud_max": spec.get("cloud_max"), "cloud_mask": spec.get("mask"), "mask_band": spec.get("mask_band"),
             "mask_threshold": spec.get("threshold"), "composite": spec.get("method")}
    cid = str(p.get("collection") or "").strip()
    if not cid or any(c.isspace() for c in cid):
        raise _err(translate("EeParams", 'Choose a collection by its Earth Engine id; got "{}".').format(cid),
                   translate("EeParams", "For example COPERNICUS/S2_SR_HARMONIZED."))
    info = collections.collection_info(cid)
    if not p.get("date_from") or not p.get("date_to"):
        raise _err(translate("EeParams", "A collection needs a start and an end date."),
                   translate("EeParams", "Give both dates as YYYY-MM-DD, e.g. 2023-06-01 and 2023-08-31."))
    start, end = collections.check_dates(p.get("date_from"), p.get("date_to"))
    cloud_max = _cloud_max(p.get("cloud_max"))
    if cloud_max is not None and not info.cloud_property:
        raise _err(translate("EeParams", "{} has no cloud cover property to limit.").format(cid),
                   translate("EeParams", "Leave the cloud cover limit empty for this collection."))
    allowed = info.masks if info in collections.COLLECTIONS else composite.MASKS
    mask = _choice(p.get("cloud_mask"), composite.MASKS, info.default_mask, translate("EeParams", "cloud mask"))
    if mask not in allowed:
        raise _err(translate("EeParams", 'The cloud mask "{}" does not apply to {}.').format(mask, cid),
                   translate("EeParams", "Use one of: {}.").format(", ".join(allowed)))
    method = _choice(p.get("composite"), composite.METHODS, "median", translate("EeParams", "compositing method"))
    if method == "least_cloudy" and not info.cloud_property:
        raise _err(translate("EeParams", "{} has no cloud cover property, so it cannot be sorted by "
                                         "clouds.").format(cid),
                   translate("EeParams", "Choose another compositing method, e.g. median."))
    band = _choice(p.get("mask_band"), composite.CLOUD_SCORE_BANDS, "cs_cdf", translate("EeParams", "Cloud Score+ band"))
    threshold = _number(p.get("mask_threshold")) if p.get("mask_threshold") not in (None, "") else 0.6
    if threshold is None or not 0 <= threshold <= 1:
        raise _err(translate("EeParams", "The Cloud Score+ threshold must be between 0 and 1; got {}.")
                   .format(p.get("mask_threshold")),
                   translate("EeParams", "0.6 keeps pixels that are clear with good confidence."))
    return composite.CompositeSpec(cid, start, end, method, info.cloud_property, cloud_max, mask, band,
                                   _tidy(float(threshold))).to_dict()


def utm_crs(region: Dict[str, Any]) -> str:
    """The UTM zone (EPSG:326xx north, 327xx south) of the centre of a GeoJSON area."""
    from .tiling import region_bounds
    minx, miny, maxx, maxy = region_bounds(region, "EPSG:4326")
    lon, lat = (minx + maxx) / 2.0, (miny + maxy) / 2.0
    zone = min(60, max(1, int(math.floor((lon + 180.0) / 6.0)) + 1))
    return "EPSG:{}{:02d}".format(326 if lat >= 0 else 327, zone)


def collection_defaults(out: Dict[str, Any], region: Any) -> None:
    """Fill a composite's ``bands`` (names; empty: the collection's), ``crs`` (None: the UTM zone
    of the area) and ``scale`` (None without a transform or dimensions: the collection's) in ``out``;
    the area is required (the search and the composite are limited to it)."""
    from .collections import collection_info
    if region is None:
        raise _err(translate("EeParams", "A collection search needs an area."),
                   translate("EeParams", "Draw or choose the area to search and composite."))
    info = collection_info(out["collection"]["collection"])
    if not out["bands"]:
        if not info.default_bands:
            raise _err(translate("EeParams", "Name the bands to download from {}.").format(info.id),
                       translate("EeParams", "Enter band names separated by commas, e.g. B4, B3, B2."))
        out["bands"] = list(info.default_bands)
    if out["crs"] is None:
        out["crs"] = utm_crs(region)
    if out["scale"] is None and out["crs_transform"] is None and out["dimensions"] is None:
        out["scale"] = _tidy(float(info.scale))


def validate(params: Dict[str, Any]) -> Dict[str, Any]:
    """The normalised parameters (see the module doc) or ParameterError."""
    p = dict(params or {})
    if p.get("collection") and not p.get("image"):
        out: Dict[str, Any] = {"image": None, "collection": check_collection(p)}
    else:
        out = {"image": check_image(p.get("image"))}
    out["bands"] = parse_bands(p.get("bands"))
    out["crs"] = check_crs(p.get("crs"))
    out["crs_transform"] = parse_crs_transform(p.get("crs_transform"))
    out["dimensions"] = parse_dimensions(p.get("dimensions"))
    out["scale"] = parse_scale(p.get("scale"))
    fpb = p.get("file_per_band", p.get("filePerBand"))
    out["file_per_band"] = True if fpb is None else bool(fpb)
    out["format"] = normalize_format(p.get("format"), out["file_per_band"])
    out["name"] = check_name(p.get("name"))
    out["project"] = check_project(p.get("project"))
    region = p.get("region", p.get("aoi"))
    if isinstance(region, str) and region.strip():
        try:
            region = json.loads(region)
        except ValueError as exc:
            raise _err(translate("EeParams", "The area (region) is not valid GeoJSON: {}").format(exc))
    if region is not None and not (isinstance(region, dict) and region.get("type")):
        raise _err(translate("EeParams", "The area (region) must be a GeoJSON geometry."))
    out["region"] = region or None
    if out.get("collection"):
        collection_defaults(out, out["region"])
        out["bands"] = parse_bands(out["bands"])

    if out["crs_transform"] is not None and out["crs"] is None:
        raise _err(translate("EeParams", "A pixel transform (crs_transform) needs a CRS (crs)."),
                   translate("EeParams", "Enter the CRS the transform is expressed in, e.g. EPSG:32631."))
    if out["region"] is not None and (out["scale"] is not None or out["crs_transform"] is not None) \
            and out["dimensions"] is not None:
        raise _err(translate("EeParams", "An area, a scale or pixel transform, and dimensions cannot be "
                                         "used together."),
                   translate("EeParams", "With an area give either a scale or dimensions; for an exact pixel "
                                         "grid give crs, crs_transform and dimensions without an area."))
    for band in out["bands"]:
        if "crs_transform" in band and "crs" not in band and out["crs"] is None:
            raise _err(translate("EeParams", 'Band "{}" has a pixel transform (crs_transform) but no CRS.')
                       .format(band["id"]),
                       translate("EeParams", "Give the band a crs, or a default CRS for all bands."))
    check_size(out)
    return out


def check_size(params: Dict[str, Any]) -> None:
    """Refuse, before anything is sent, a download that needs more requests than a job may make.

    A lower bound (each band at least 1 byte and its mask byte per pixel, every request full); the
    runner checks the exact count once it knows the image (:func:`tiling.check_tile_count`).
    """
    from . import tiling
    from ... import config
    spatial = {k: params.get(k) for k in ("scale", "dimensions")}
    total = 0
    for band in params.get("bands") or [{}]:
        own = {k: band.get(k) for k in ("scale", "dimensions") if band.get(k) is not None}
        if own.get("dimensions") is not None:
            own.setdefault("scale", None)
        merged = dict(spatial, **own)
        total += 2 * tiling.minimum_pixels(params.get("region"), merged["scale"], merged["dimensions"])
    tiles = -(-total // tiling.MAX_REQUEST_BYTES)
    if tiles > config.EE_MAX_TILES:
        raise tiling.too_many_tiles(0, 0, 0, total, tiles, config.EE_MAX_TILES, at_least=True)


def has_band_options(params: Dict[str, Any]) -> bool:
    return any(len(b) > 1 for b in params.get("bands") or [])


def to_download_params(params: Dict[str, Any], region: Any = "__from_params__") -> Dict[str, Any]:
    """getDownloadId-style options (``filePerBand``, ``format``...) from normalised params."""
    out: Dict[str, Any] = {}
    bands = params.get("bands") or []
    if bands:
        out["bands"] = [dict(b) if len(b) > 1 else b["id"] for b in bands]
    for key in ("crs", "crs_transform", "dimensions", "scale"):
        if params.get(key) is not None:
            out[key] = params[key]
    reg = params.get("region") if region == "__from_params__" else region
    if reg is not None:
        out["region"] = reg
    out["filePerBand"] = bool(params.get("file_per_band", True))
    out["format"] = params.get("format") or normalize_format(None, out["filePerBand"])
    if params.get("name"):
        out["name"] = params["name"]
    return out
