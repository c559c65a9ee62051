"""Searching an Earth Engine image collection, and the collections the plugin knows.

:func:`search` lists the images of a collection over an AOI and a date range with
a cloud limit, page after page, as ``ee.data.listImages({...})`` of the official
client asks for them: that function sends ``GET {base}/v1/projects/earthengine-public/
assets/<collection>:listAssets`` with ``startTime``, ``endTime`` and ``region`` folded
into the AIP-160 ``filter`` after the property filter, e.g.::

    properties.CLOUDY_PIXEL_PERCENTAGE < 20 AND startTime >= "2023-06-01T00:00:00Z"
    AND endTime < "2023-09-01T00:00:00Z" AND intersects("{'type': 'Polygon', ...}")

(the region is the GeoJSON as ``json.dumps`` writes it, double quotes made single;
checked against tests/fixtures/ee_official/collection_list_images.json).  Every page
is followed up to a cap on pages and on results, and a page token seen twice stops
the listing with an error instead of looping.  An empty answer is ``{}`` (proto-JSON
leaves out empty lists).

:data:`COLLECTIONS` holds the common collections with their cloud property, default
bands, scale, visualization range and scale factors; any other collection id can be
used with :func:`collection_info` returning a generic entry.
"""
import datetime
import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from ...errors import HttpError, ParameterError
from ...i18n import translate
from . import composite

DEFAULT_PAGE_SIZE = 100
DEFAULT_MAX_PAGES = 20
DEFAULT_MAX_RESULTS = 1000


@dataclass(frozen=True)
class CollectionInfo:
    """A collection the plugin offers, with sensible defaults."""

    id: str
    title: str
    short_name: str
    cloud_property: Optional[str]
    default_bands: Tuple[str, ...]
    scale: float
    vis_min: float
    vis_max: float
    vis_gamma: float = 1.0
    masks: Tuple[str, ...] = (composite.MASK_NONE,)
    #: Physical value = DN * scale_factor + offset (None: the DNs are the values).
    scale_factor: Optional[float] = None
    offset: Optional[float] = None

    @property
    def default_mask(self) -> str:
        return self.masks[-1] if len(self.masks) > 1 else composite.MASK_NONE


_S2_MASKS = (composite.MASK_NONE, composite.MASK_CLOUD_SCORE_PLUS)
_LANDSAT_MASKS = (composite.MASK_NONE, composite.MASK_LANDSAT_QA)
COLLECTIONS: Tuple[CollectionInfo, ...] = (
    CollectionInfo("COPERNICUS/S2_SR_HARMONIZED", "Sentinel-2 L2A (surface reflectance, harmonized)", "S2 L2A",
                   "CLOUDY_PIXEL_PERCENTAGE", ("B4", "B3", "B2"), 10, 0, 3000, 1.0, _S2_MASKS, 0.0001, 0.0),
    CollectionInfo("COPERNICUS/S2_HARMONIZED", "Sentinel-2 L1C (top of atmosphere, harmonized)", "S2 L1C",
                   "CLOUDY_PIXEL_PERCENTAGE", ("B4", "B3", "B2"), 10, 0, 3000, 1.0, _S2_MASKS, 0.0001, 0.0),
    CollectionInfo("LANDSAT/LC08/C02/T1_L2", "Landsat 8 Collection 2 Level 2", "L8 L2", "CLOUD_COVER",
                   ("SR_B4", "SR_B3", "SR_B2"), 30, 7273, 18182, 1.0, _LANDSAT_MASKS, 0.0000275, -0.2),
    CollectionInfo("LANDSAT/LC09/C02/T1_L2", "Landsat 9 Collection 2 Level 2", "L9 L2", "CLOUD_COVER",
                   ("SR_B4", "SR_B3", "SR_B2"), 30, 7273, 18182, 1.0, _LANDSAT_MASKS, 0.0000275, -0.2),
    CollectionInfo("COPERNICUS/S1_GRD", "Sentinel-1 GRD (backscatter, dB)", "S1 GRD", None, ("VV", "VH"),
                   10, -25, 0, 1.0),
)


def collection_info(collection_id: str) -> CollectionInfo:
    """The table entry of ``collection_id``; a generic entry (no cloud property, no mask,
    bands to be given) for any other collection."""
    text = (collection_id or "").strip()
    for info in COLLECTIONS:
        if info.id == text:
            return info
    return CollectionInfo(text, text, text.rsplit("/", 1)[-1] or text, None, (), 30, 0, 1)


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------
@dataclass
class Scene:
    """One image of a search: id, acquisition time, cloud cover (%), footprint (GeoJSON)."""

    id: str
    time: Optional[str]
    cloud: Optional[float]
    footprint: Optional[Dict[str, Any]]
    properties: Dict[str, Any] = field(default_factory=dict)

    @property
    def date(self) -> Optional[str]:
        return self.time[:10] if self.time else None

    @classmethod
    def from_asset(cls, asset: Dict[str, Any], cloud_property: Optional[str]) -> "Scene":
        props = asset.get("properties") or {}
        cloud = props.get(cloud_property) if cloud_property else None
        image_id = asset.get("id") or str(asset.get("name", "")).split("/assets/", 1)[-1]
        return cls(image_id, asset.get("startTime"), float(cloud) if isinstance(cloud, (int, float)) else None,
                   asset.get("geometry"), dict(props))


@dataclass
class SearchResult:
    scenes: List[Scene]
    pages: int
    truncated: bool          # the cap stopped the listing before the last page


# ---------------------------------------------------------------------------
# The request
# ---------------------------------------------------------------------------
def rfc3339_day(day: str) -> str:
    """``2023-06-01`` -> ``2023-06-01T00:00:00Z`` (what the plugin sends as times)."""
    return datetime.date.fromisoformat(day).isoformat() + "T00:00:00Z"


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def list_filter(start: str, end: str, region: Optional[Dict[str, Any]] = None,
                cloud_property: Optional[str] = None, cloud_max: Optional[float] = None) -> str:
    """The AIP-160 filter ``ee.data.listImages`` sends (``start``/``end``: days, end exclusive)."""
    terms = []
    if cloud_property and cloud_max is not None:
        terms.append("properties.{} < {}".format(cloud_property, _number_text(cloud_max)))
    terms.append('startTime >= "{}"'.format(rfc3339_day(start)))
    terms.append('endTime < "{}"'.format(rfc3339_day(end)))
    if region is not None:
        terms.append('intersects("{}")'.format(json.dumps(region).replace('"', "'")))
    return " AND ".join(terms)


def list_query(filter_text: str, page_size: int, page_token: Optional[str] = None) -> Dict[str, str]:
    query = {"pageSize": str(int(page_size)), "filter": filter_text}
    if page_token:
        query["pageToken"] = page_token
    return query


def search(client, collection: str, start: str, end: str, region: Optional[Dict[str, Any]] = None,
           cloud_property: Optional[str] = None, cloud_max: Optional[float] = None,
           page_size: int = DEFAULT_PAGE_SIZE, max_pages: int = DEFAULT_MAX_PAGES,
           max_results: int = DEFAULT_MAX_RESULTS) -> SearchResult:
    """The images of ``collection`` over ``region`` between the days ``start`` (inclusive) and
    ``end`` (exclusive), cloud cover below ``cloud_max`` when given; every page followed up
    to ``max_pages`` pages and ``max_results`` images (``truncated`` then says so).

    ``client`` is an :class:`.client.EeClient`.  A page token answered twice raises
    :class:`~plugin.core.errors.HttpError` (the service would make the listing loop).
    """
    filter_text = list_filter(start, end, region, cloud_property, cloud_max)
    scenes: List[Scene] = []
    seen_tokens = set()
    token: Optional[str] = None
    pages = 0
    while True:
        size = max(1, min(int(page_size), max_results - len(scenes)))
        data = client.list_assets(collection, list_query(filter_text, size, token))
        pages += 1
        for asset in data.get("assets") or data.get("images") or []:
            scenes.append(Scene.from_asset(asset, cloud_property))
        token = data.get("nextPageToken") or None
        if not token:
            return SearchResult(scenes, pages, False)
        if len(scenes) >= max_results or pages >= max_pages:
            return SearchResult(scenes[:max_results], pages, True)
        if token in seen_tokens:
            raise HttpError(translate("EeCollections", "Earth Engine sent the same page of {} twice; the "
                                                       "listing was stopped.").format(collection), status=200)
        seen_tokens.add(token)


def check_dates(date_from: Any, date_to: Any) -> Tuple[str, str]:
    """(start, end exclusive) days from the user's inclusive ``date_from`` .. ``date_to``."""
    try:
        first = datetime.date.fromisoformat(str(date_from).strip()[:10])
        last = datetime.date.fromisoformat(str(date_to).strip()[:10])
    except ValueError:
        raise ParameterError(translate("EeCollections", "Dates must be written YYYY-MM-DD; got {} and {}.")
                             .format(date_from, date_to))
    if last < first:
        raise ParameterError(translate("EeCollections", "The end date {} is before the start date {}.")
                             .format(last.isoformat(), first.isoformat()),
                             translate("EeCollections", "Swap the two dates."))
    return first.isoformat(), (last + datetime.timedelta(days=1)).isoformat()
