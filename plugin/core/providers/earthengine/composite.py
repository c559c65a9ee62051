"""Composites of an Earth Engine collection, as expression graphs the official client would send.

A :class:`CompositeSpec` says which collection, which dates, how cloudy at most,
which cloud mask and which compositing method; :func:`composite_image` turns it
into the graph of the official client's program::

    ee.ImageCollection(c).filterDate(start, end).filterBounds(aoi)
      [.filter(ee.Filter.lt(cloud_property, cloud_max))]
      [.linkCollection(ee.ImageCollection(CLOUD_SCORE_PLUS), [band])
         .map(lambda img: img.updateMask(img.select(band).gte(threshold)))]      # Sentinel-2
      [.map(lambda img: img.updateMask(img.select('QA_PIXEL').bitwiseAnd(bits).eq(0)))]  # Landsat C2
      .median() | .mean() | .min() | .max()
      | .sort('system:time_start').mosaic()          # most recent on top
      | .sort(cloud_property, False).mosaic()        # least cloudy on top

(``filterDate`` end exclusive; ``aoi`` the planar AOI polygon, the same node the
download's region uses).  The graph is an ordinary image for
:func:`.expression.thumbnail_body`, so the download, its tiles and the batch export
send exactly the official bodies (tests/fixtures/ee_official/collection_*.json).

:func:`preview_body` is the ``thumbnails`` body of ``image.getThumbURL({bands, min,
max, gamma, dimensions, region, format: 'png'})``: a PNG of the image (a composite or
an asset id) with visualization parameters.
"""
from dataclasses import asdict, dataclass
from typing import Any, Dict, Optional, Sequence

from . import expression as ex

CLOUD_SCORE_PLUS = "GOOGLE/CLOUD_SCORE_PLUS/V1/S2_HARMONIZED"
MASK_NONE = "none"
MASK_CLOUD_SCORE_PLUS = "cloud_score_plus"
MASK_LANDSAT_QA = "landsat_qa"
MASKS = (MASK_NONE, MASK_CLOUD_SCORE_PLUS, MASK_LANDSAT_QA)
#: Compositing methods: reducers, then mosaics ("recent": most recent on top;
#: "least_cloudy": least cloudy on top).
REDUCERS = ("median", "mean", "min", "max")
METHODS = REDUCERS + ("recent", "least_cloudy")
CLOUD_SCORE_BANDS = ("cs", "cs_cdf")
#: Landsat Collection 2 QA_PIXEL bits: 1 dilated cloud, 2 cirrus, 3 cloud, 4 cloud shadow.
LANDSAT_QA_BITS = {"dilated": 1, "cirrus": 2, "cloud": 3, "shadow": 4}
LANDSAT_QA_MASK = sum(1 << bit for bit in LANDSAT_QA_BITS.values())


@dataclass
class CompositeSpec:
    """What to composite.  ``start``/``end``: dates (``YYYY-MM-DD``), end exclusive."""

    collection: str
    start: str
    end: str
    method: str = "median"
    cloud_property: Optional[str] = None
    cloud_max: Optional[float] = None
    mask: str = MASK_NONE
    mask_band: str = "cs_cdf"
    threshold: float = 0.6
    qa_bits: int = LANDSAT_QA_MASK

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "CompositeSpec":
        fields = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in fields})


# ---------------------------------------------------------------------------
# Collection graph pieces (argument names of the official algorithm list)
# ---------------------------------------------------------------------------
def collection_load(collection_id: str) -> ex.Invocation:
    return ex.Invocation("ImageCollection.load", {"id": collection_id})


def collection_filter(collection: Any, filter_node: Any) -> ex.Invocation:
    return ex.Invocation("Collection.filter", {"collection": collection, "filter": filter_node})


def filter_date(collection: Any, start: str, end: str) -> ex.Invocation:
    """``filterDate(start, end)``: ``system:time_start`` in [start, end)."""
    return collection_filter(collection, ex.Invocation("Filter.dateRangeContains", {
        "leftValue": ex.Invocation("DateRange", {"start": start, "end": end}),
        "rightField": "system:time_start"}))


def filter_bounds(collection: Any, geometry: Any) -> ex.Invocation:
    """``filterBounds(geometry)``: footprints intersecting the geometry."""
    return collection_filter(collection, ex.Invocation("Filter.intersects", {
        "leftField": ".all", "rightValue": ex.Invocation("Feature", {"geometry": geometry})}))


def filter_less_than(collection: Any, prop: str, value: Any) -> ex.Invocation:
    return collection_filter(collection, ex.Invocation("Filter.lessThan", {"leftField": prop, "rightValue": value}))


def collection_map(collection: Any, function: ex.FunctionDef) -> ex.Invocation:
    return ex.Invocation("Collection.map", {"collection": collection, "baseAlgorithm": function})


def sort(collection: Any, key: str, ascending: bool = True) -> ex.Invocation:
    """``sort(key[, ascending])`` (``ascending`` is sent only when false)."""
    return ex.Invocation("Collection.limit", {"collection": collection, "key": key,
                                              "ascending": None if ascending else False})


def constant(value: Any) -> ex.Invocation:
    """A number promoted to an image (``ee.Image(number)``)."""
    return ex.Invocation("Image.constant", {"value": value})


def link_collection(collection: Any, other_id: str, bands: Sequence[str]) -> ex.Invocation:
    """``linkCollection(ee.ImageCollection(other_id), bands)`` (matched on system:index)."""
    return collection_map(collection, ex.mapping_function(lambda img: ex.Invocation("Image.linkCollection", {
        "input": img, "imageCollection": collection_load(other_id), "linkedBands": list(bands)})))


def update_mask(image: Any, mask: Any) -> ex.Invocation:
    return ex.Invocation("Image.updateMask", {"image": image, "mask": mask})


def cloud_score_mask(img: Any, band: str, threshold: float) -> ex.Invocation:
    """``img.updateMask(img.select(band).gte(threshold))``."""
    return update_mask(img, ex.Invocation("Image.gte", {"image1": ex.select(img, band), "image2": constant(threshold)}))


def landsat_qa_mask(img: Any, bits: int) -> ex.Invocation:
    """``img.updateMask(img.select('QA_PIXEL').bitwiseAnd(bits).eq(0))``."""
    qa = ex.Invocation("Image.bitwiseAnd", {"image1": ex.select(img, "QA_PIXEL"), "image2": constant(bits)})
    return update_mask(img, ex.Invocation("Image.eq", {"image1": qa, "image2": constant(0)}))


# ---------------------------------------------------------------------------
# The composite
# ---------------------------------------------------------------------------
def filtered_collection(spec: CompositeSpec, aoi: Any) -> ex.Invocation:
    """The collection filtered by dates, AOI and cloud limit, then masked (before compositing)."""
    geometry = ex.region_geometry(aoi)
    col = filter_bounds(filter_date(collection_load(spec.collection), spec.start, spec.end), geometry)
    if spec.cloud_max is not None and spec.cloud_property:
        col = filter_less_than(col, spec.cloud_property, spec.cloud_max)
    if spec.mask == MASK_CLOUD_SCORE_PLUS:
        col = link_collection(col, CLOUD_SCORE_PLUS, [spec.mask_band])
        col = collection_map(col, ex.mapping_function(
            lambda img: cloud_score_mask(img, spec.mask_band, spec.threshold)))
    elif spec.mask == MASK_LANDSAT_QA:
        col = collection_map(col, ex.mapping_function(lambda img: landsat_qa_mask(img, spec.qa_bits)))
    return col


def composite_image(spec: CompositeSpec, aoi: Any) -> ex.Invocation:
    """The composite image graph of ``spec`` over ``aoi`` (GeoJSON in EPSG:4326, or a Geometry graph)."""
    col = filtered_collection(spec, aoi)
    if spec.method in REDUCERS:
        return ex.Invocation("reduce." + spec.method, {"collection": col})
    if spec.method == "recent":
        return ex.Invocation("ImageCollection.mosaic", {"collection": sort(col, "system:time_start")})
    if spec.method == "least_cloudy":
        return ex.Invocation("ImageCollection.mosaic", {"collection": sort(col, spec.cloud_property, False)})
    raise ValueError("unknown compositing method {!r}".format(spec.method))


def output_dtype(method: str, source_dtype: str) -> str:
    """The pixel type of a composite band, for size estimates: mean and median are
    computed in double precision; min, max and mosaics keep the source type [INF]."""
    return "float64" if method in ("median", "mean") else source_dtype


# ---------------------------------------------------------------------------
# Previews (getThumbURL)
# ---------------------------------------------------------------------------
def visualize(image: Any, bands: Optional[Sequence[str]] = None, vmin: Any = None, vmax: Any = None,
              gamma: Any = None, palette: Optional[Sequence[str]] = None) -> ex.Invocation:
    return ex.Invocation("Image.visualize", {
        "image": image, "bands": list(bands) if bands else None, "min": vmin, "max": vmax,
        "gamma": gamma, "palette": list(palette) if palette else None})


def preview_body(image: Any, region: Any, bands: Sequence[str], vmin: Any = None, vmax: Any = None,
                 gamma: Any = None, dimensions: int = 512) -> Dict[str, Any]:
    """``thumbnails.create`` body of ``image.getThumbURL({...,'format': 'png'})``.

    ``image``: an asset id or an image graph; ``region``: the AOI (GeoJSON in
    EPSG:4326); ``dimensions``: the longer side in pixels.
    """
    img = ex.image_load(image) if isinstance(image, str) else image
    clipped = ex.clip_to_bounds_and_scale(img, ex.region_geometry(region), max_dimension=dimensions)
    return {"expression": ex.serialize(visualize(clipped, bands, vmin, vmax, gamma)),
            "fileFormat": "PNG", "bandIds": [], "filenamePrefix": None}


def composite_name(short_name: str, spec: CompositeSpec, last_day: str) -> str:
    """A result name that says what it is, e.g. ``S2 median 2023-06-01..2023-08-31``."""
    label = {"recent": "most recent", "least_cloudy": "least cloudy"}.get(spec.method, spec.method)
    return "{} {} {}..{}".format(short_name, label, spec.start, last_day)
