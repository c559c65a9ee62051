"""Earth Engine expression graphs, built and serialized like the official client.

The thumbnails.create body carries an ``Expression``: ``{"result": "0",
"values": {name: ValueNode}}``.  The official Python client builds an object
tree (``Image.load`` -> ``select`` -> ``clip`` ...), encodes every subtree into
a scope of named values (equal subtrees share one name), then optimises the
scope: values used once, and number/boolean/null constants, are lifted into
their users; constant arrays collapse to one ``constantValue``; anything still
shared stays a ``valueReference``.  This module does the same, so the bodies it
builds are the ones the official client sends for the same options (checked
against captures in tests/fixtures/ee_official).

Nodes: :class:`Invocation` (a server function call with named arguments),
:class:`Variable` (a function's argument) and :class:`FunctionDef` (a function
passed to e.g. ``Collection.map``), and plain Python values (str, int, float,
bool, None, lists, dicts).
"""
import hashlib
import json
import math
from typing import Any, Dict, List, Optional, Sequence

#: The backend rejects very deep expressions; the official client stops lifting
#: single-use values at this depth (each nesting level counts 3).
DEPTH_LIMIT = 50


class Invocation:
    """A call of the server function ``name`` with named arguments (None = absent)."""

    __slots__ = ("name", "args")

    def __init__(self, name: str, args: Dict[str, Any]):
        self.name = name
        self.args = dict(args)

    def __repr__(self) -> str:
        return "Invocation({!r}, {!r})".format(self.name, self.args)


class Variable:
    """The argument ``name`` of the function being defined (an ``argumentReference``)."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name


class FunctionDef:
    """A function defined in the graph: argument names and the body that uses them."""

    __slots__ = ("argument_names", "body")

    def __init__(self, argument_names: Sequence[str], body: Any):
        self.argument_names = list(argument_names)
        self.body = body


def count_functions(expression: Dict[str, Any]) -> int:
    """Function definitions in a serialized expression, counted as the official client does
    (``CustomFunction._resolveNamelessArgs``: references are not followed)."""
    def count(node: Any) -> int:
        if "functionDefinitionValue" in node:
            return 1
        if "arrayValue" in node:
            return sum(count(v) for v in node["arrayValue"]["values"])
        if "dictionaryValue" in node:
            return sum(count(v) for v in node["dictionaryValue"]["values"].values())
        if "functionInvocationValue" in node:
            return sum(count(v) for v in node["functionInvocationValue"]["arguments"].values())
        return 0
    return sum(count(v) for v in expression["values"].values())


def mapping_function(build) -> FunctionDef:
    """A one-argument function like the official client's ``collection.map(lambda img: ...)``.

    Its argument is named ``_MAPPING_VAR_<n>_0``, n being the number of functions
    defined in the body (so that nested functions never share a name).
    """
    probe = serialize(build(Variable("<unbound>")))
    name = "_MAPPING_VAR_{}_0".format(count_functions(probe))
    return FunctionDef([name], build(Variable(name)))


# ---------------------------------------------------------------------------
# Serialization
# ---------------------------------------------------------------------------
def _number_node(value) -> Dict[str, Any]:
    # An int that a double cannot hold exactly goes in the int64 slot.
    if isinstance(value, int) and not isinstance(value, bool) and float(value) != value:
        return {"integerValue": str(value)}
    return {"constantValue": value}


class _Encoder:
    """Encodes a node tree into a scope of named ValueNodes (post-order names)."""

    def __init__(self):
        self.scope: List[tuple] = []
        self._by_hash: Dict[bytes, str] = {}

    def encode(self, obj: Any) -> str:
        if obj is None or isinstance(obj, (bool, str)):
            node = {"constantValue": obj}
        elif isinstance(obj, (int, float)):
            if isinstance(obj, float) and not math.isfinite(obj):
                raise ValueError("cannot encode {!r}".format(obj))
            node = _number_node(obj)
        elif isinstance(obj, Variable):
            node = {"argumentReference": obj.name}
        elif isinstance(obj, FunctionDef):
            node = {"functionDefinitionValue": {"argumentNames": list(obj.argument_names),
                                                "body": self.encode(obj.body)}}
        elif isinstance(obj, Invocation):
            args = {}
            for key in sorted(obj.args):
                value = obj.args[key]
                if value is not None:
                    args[key] = {"valueReference": self.encode(value)}
            node = {"functionInvocationValue": {"functionName": obj.name, "arguments": args}}
        elif isinstance(obj, (list, tuple)):
            node = {"arrayValue": {"values": [{"valueReference": self.encode(v)} for v in obj]}}
        elif isinstance(obj, dict):
            node = {"dictionaryValue": {"values": {
                key: {"valueReference": self.encode(obj[key])} for key in sorted(obj)}}}
        else:
            raise TypeError("cannot encode {!r}".format(obj))
        digest = hashlib.md5(json.dumps(node).encode("utf-8"), usedforsecurity=False).digest()
        name = self._by_hash.get(digest)
        if name is None:
            name = str(len(self.scope))
            self.scope.append((name, node))
            self._by_hash[digest] = name
        return name


def _reference_in(node: Dict[str, Any]) -> Optional[str]:
    if "valueReference" in node:
        return node["valueReference"]
    if "functionDefinitionValue" in node:
        return node["functionDefinitionValue"]["body"]
    inv = node.get("functionInvocationValue")
    if inv is not None and "functionReference" in inv:
        return inv["functionReference"]
    return None


def _children(node: Dict[str, Any]) -> List[Dict[str, Any]]:
    if "arrayValue" in node:
        return list(node["arrayValue"]["values"])
    if "dictionaryValue" in node:
        values = node["dictionaryValue"]["values"]
        return [values[k] for k in sorted(values)]
    if "functionInvocationValue" in node:
        args = node["functionInvocationValue"]["arguments"]
        return [args[k] for k in sorted(args)]
    return []


class _Optimizer:
    def __init__(self, result: str, scope: Sequence[tuple]):
        self.result = result
        self.values = dict(scope)
        self.single_uses = self._single_uses()
        self.out: Dict[str, Any] = {}
        self.renamed: Dict[str, str] = {}

    def _single_uses(self) -> set:
        counts: Dict[str, int] = {self.result: 1}
        seen = set()

        def visit(ref: Optional[str], node: Dict[str, Any]) -> None:
            if ref is not None:
                if ref in seen:
                    return
                seen.add(ref)
            inner = _reference_in(node)
            if inner is not None:
                counts[inner] = counts.get(inner, 0) + 1
            if "valueReference" in node:
                visit(node["valueReference"], self.values[node["valueReference"]])
                return
            if "functionDefinitionValue" in node:
                body = node["functionDefinitionValue"]["body"]
                visit(body, self.values[body])
                return
            inv = node.get("functionInvocationValue")
            if inv is not None and "functionReference" in inv:
                visit(inv["functionReference"], self.values[inv["functionReference"]])
            for child in _children(node):
                visit(None, child)

        visit(self.result, self.values[self.result])
        return {ref for ref, n in counts.items() if n == 1}

    def run(self) -> Dict[str, Any]:
        result = self._named(self.result)
        return {"result": result, "values": self.out}

    def _named(self, ref: str) -> str:
        if ref in self.renamed:
            return self.renamed[ref]
        new = str(len(self.renamed))
        self.renamed[ref] = new
        self.out[new] = self._value(self.values[ref], 0)
        return new

    @staticmethod
    def _liftable(node: Dict[str, Any]) -> bool:
        if "constantValue" in node:
            value = node["constantValue"]
            return value is None or isinstance(value, (bool, int, float))
        return "argumentReference" in node

    def _value(self, node: Dict[str, Any], depth: int) -> Dict[str, Any]:
        if any(k in node for k in ("constantValue", "integerValue", "bytesValue", "argumentReference")):
            return node
        if "arrayValue" in node:
            items = [self._value(v, depth + 3) for v in node["arrayValue"]["values"]]
            if all("constantValue" in v for v in items):
                return {"constantValue": [v["constantValue"] for v in items]}
            return {"arrayValue": {"values": items}}
        if "dictionaryValue" in node:
            items = {k: self._value(v, depth + 3) for k, v in node["dictionaryValue"]["values"].items()}
            if all("constantValue" in v for v in items.values()):
                return {"constantValue": {k: v["constantValue"] for k, v in items.items()}}
            return {"dictionaryValue": {"values": items}}
        if "functionDefinitionValue" in node:
            fdef = node["functionDefinitionValue"]
            return {"functionDefinitionValue": {"argumentNames": fdef["argumentNames"],
                                                "body": self._named(fdef["body"])}}
        if "functionInvocationValue" in node:
            inv = node["functionInvocationValue"]
            out: Dict[str, Any] = {}
            if "functionName" in inv:
                out["functionName"] = inv["functionName"]
            else:
                out["functionReference"] = self._named(inv["functionReference"])
            out["arguments"] = {k: self._value(v, depth + 3) for k, v in inv["arguments"].items()}
            return {"functionInvocationValue": out}
        if "valueReference" in node:
            ref = node["valueReference"]
            target = self.values[ref]
            if ref in self.single_uses and depth < DEPTH_LIMIT:
                return self._value(target, depth)
            if self._liftable(target):
                return target
            return {"valueReference": self._named(ref)}
        raise ValueError("unknown value node {!r}".format(node))


def serialize(obj: Any) -> Dict[str, Any]:
    """The Cloud API ``Expression`` for ``obj`` (an :class:`Invocation` tree)."""
    encoder = _Encoder()
    result = encoder.encode(obj)
    return _Optimizer(result, encoder.scope).run()


def resolve(expression: Dict[str, Any]) -> Any:
    """Expand every ``valueReference`` of an Expression into one canonical tree.

    Two expressions that mean the same graph resolve to equal trees whatever
    their value names, which is how the tests compare with the official client.
    """
    values = expression["values"]

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if set(node) == {"valueReference"}:
                return walk(values[node["valueReference"]])
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(values[expression["result"]])


# ---------------------------------------------------------------------------
# Builders: the graph the official client makes for each option
# ---------------------------------------------------------------------------
def image_load(image_id: str) -> Invocation:
    return Invocation("Image.load", {"id": image_id})


def projection(crs: str) -> Invocation:
    return Invocation("Projection", {"crs": crs})


def select(image: Any, band: Any) -> Invocation:
    return Invocation("Image.select", {"input": image, "bandSelectors": [band]})


def add_bands(dst: Any, src: Any) -> Invocation:
    return Invocation("Image.addBands", {"dstImg": dst, "srcImg": src})


def combine(images: Sequence[Any]) -> Any:
    """``ee.Image.combine_``: the first image, then addBands of each next one."""
    result = images[0]
    for image in images[1:]:
        result = add_bands(result, image)
    return result


def reproject(image: Any, crs: str, crs_transform: Sequence[float]) -> Invocation:
    return Invocation("Image.reproject", {"image": image, "crs": projection(crs),
                                          "crsTransform": list(crs_transform)})


def set_default_projection(image: Any, crs: str) -> Invocation:
    return Invocation("Image.setDefaultProjection", {"image": image, "crs": projection(crs),
                                                     "crsTransform": [1, 0, 0, 0, -1, 0]})


def image_projection(image: Any) -> Invocation:
    return Invocation("Image.projection", {"image": image})


def clip(image: Any, geometry: Any) -> Invocation:
    return Invocation("Image.clip", {"input": image, "geometry": geometry})


def clip_to_bounds_and_scale(image: Any, geometry: Any = None, width=None, height=None,
                             max_dimension=None, scale=None) -> Invocation:
    return Invocation("Image.clipToBoundsAndScale", {
        "input": image, "geometry": geometry, "width": width, "height": height,
        "maxDimension": max_dimension, "scale": scale})


def rectangle_in(image: Any, width: int, height: int) -> Invocation:
    """The pixel rectangle [0, 0, w, h] in the projection of ``image``."""
    return Invocation("GeometryConstructors.Rectangle", {
        "coordinates": [0, 0, width, height], "crs": image_projection(image),
        "geodesic": False, "evenOdd": True})


def _as_lists(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_as_lists(v) for v in value]
    return value


_GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "LinearRing",
                   "Polygon", "MultiPolygon")


def geometry(geojson: Any) -> Invocation:
    """A planar geometry from GeoJSON, as ``ee.Geometry(geojson, None, False)``."""
    if isinstance(geojson, str):
        geojson = json.loads(geojson)
    if not isinstance(geojson, dict):
        raise ValueError("geometry must be a GeoJSON object")
    gtype = geojson.get("type")
    if gtype == "Feature":
        return geometry(geojson.get("geometry"))
    args: Dict[str, Any] = {}
    if gtype == "GeometryCollection":
        name = "MultiGeometry"
        args["geometries"] = [geometry(g) for g in geojson.get("geometries") or []]
    elif gtype in _GEOMETRY_TYPES:
        name = gtype
        args["coordinates"] = _as_lists(geojson.get("coordinates"))
    else:
        raise ValueError("unsupported GeoJSON type {!r}".format(gtype))
    crs = geojson.get("crs")
    if isinstance(crs, dict) and (crs.get("properties") or {}).get("name"):
        args["crs"] = projection(crs["properties"]["name"])
    args["geodesic"] = False
    if "evenOdd" in geojson:
        args["evenOdd"] = bool(geojson["evenOdd"])
    return Invocation("GeometryConstructors." + name, args)


def _canonical_longitude(lon: float) -> float:
    lon = lon % 360
    if lon > 180:
        lon -= 360
    return lon


def bbox(west: float, south: float, east: float, north: float) -> Invocation:
    """``ee.Geometry.BBox``: a planar WGS84 rectangle (longitudes canonicalised)."""
    south = max(south, -90)
    north = min(north, 90)
    if east - west >= 360:
        west, east = -180, 180
    else:
        west = _canonical_longitude(west)
        east = _canonical_longitude(east)
        if east < west:
            east += 360
    return geometry({"type": "Polygon",
                     "coordinates": [[[west, north], [west, south], [east, south], [east, north]]]})


def region_geometry(region: Any) -> Any:
    """A download ``region`` as the official client turns it into a Geometry.

    GeoJSON (dict or string) -> planar geometry; a list of 4 numbers or 2 points
    -> ``GeometryConstructors.Rectangle``; any other list -> ``Polygon``; an
    :class:`Invocation` (e.g. from :func:`bbox`) is used as it is.
    """
    if isinstance(region, Invocation):
        return region
    if isinstance(region, str):
        region = json.loads(region)
    if isinstance(region, (list, tuple)):
        coords = _as_lists(region)
        if len(coords) == 2 or all(isinstance(v, (int, float)) for v in coords):
            return Invocation("GeometryConstructors.Rectangle", {"coordinates": coords, "geodesic": False})
        return Invocation("GeometryConstructors.Polygon", {"coordinates": coords, "geodesic": False})
    return geometry(region)


# ---------------------------------------------------------------------------
# getDownloadId
# ---------------------------------------------------------------------------
def _dimensions_list(dimensions: Any) -> List[Any]:
    """ee's dimension forms: a number, "WxH", or a list of one or two numbers."""
    if isinstance(dimensions, (int, float)) and not isinstance(dimensions, bool):
        return [dimensions]
    if isinstance(dimensions, str):
        return [int(x) for x in dimensions.split("x")]
    if isinstance(dimensions, (list, tuple)) and 1 <= len(dimensions) <= 2:
        return list(dimensions)
    raise ValueError("invalid dimensions {!r}".format(dimensions))


def _transform_list(crs_transform: Any) -> List[Any]:
    if isinstance(crs_transform, str):
        return [float(x) for x in crs_transform.lstrip("[").rstrip("]").split(",")]
    return list(crs_transform)


def _spatial(image: Any, params: Dict[str, Any]) -> Any:  # noqa: C901 (see docs/architecture.md, exceptions)
    """crs/crs_transform (reproject or default projection), then region/scale/dimensions."""
    request = {k: v for k, v in params.items() if k not in ("crs", "crs_transform")}
    dimensions_consumed = False
    if "crs" in params or "crs_transform" in params:
        if "crs" not in params:
            raise ValueError('Must specify "crs" if "crs_transform" is specified.')
        crs = params["crs"]
        if "crs_transform" in params:
            image = reproject(image, crs, _transform_list(params["crs_transform"]))
            if "dimensions" in request and "region" not in request and "scale" not in request:
                dims = _dimensions_list(params["dimensions"])
                if len(dims) == 2:
                    del request["dimensions"]
                    dimensions_consumed = True
                    request["region"] = rectangle_in(image, dims[0], dims[1])
        else:
            image = set_default_projection(image, crs)
    selection: Dict[str, Any] = {}
    for key, value in request.items():
        if key == "dimensions":
            dims = _dimensions_list(value)
            if len(dims) == 1:
                selection["max_dimension"] = dims[0]
            else:
                selection["width"], selection["height"] = dims[0], dims[1]
        elif key == "region":
            selection["geometry"] = region_geometry(value)
        elif key == "scale":
            selection["scale"] = value
    if not selection:
        return image
    if dimensions_consumed or any(k in selection for k in ("max_dimension", "width", "height", "scale")):
        return clip_to_bounds_and_scale(image, **selection)
    return clip(image, selection.get("geometry"))


_TRANSFORM_KEYS = ("crs", "crs_transform", "dimensions", "region")


def _transforms(obj: Dict[str, Any]) -> Dict[str, Any]:
    out = {k: obj[k] for k in _TRANSFORM_KEYS if k in obj}
    if "scale" in obj and "dimensions" not in obj:   # dimensions win over scale
        out["scale"] = obj["scale"]
    return out


def download_image(image: Any, params: Dict[str, Any]) -> Any:
    """The image graph of ``getDownloadId(params)`` (``params['format']`` already set).

    For ``ZIPPED_GEO_TIFF_PER_BAND`` with bands, each band is selected and
    transformed on its own (band options override the defaults) and the bands
    are combined with ``addBands``; otherwise the defaults apply to the whole image.
    """
    bands = params.get("bands")
    if params.get("format") == "ZIPPED_GEO_TIFF_PER_BAND" and bands:
        images = []
        for band in bands:
            merged = _transforms(params)
            merged.update(_transforms(band))
            images.append(_spatial(select(image, band["id"]), _transforms(merged)))
        return combine(images)
    return _spatial(image, _transforms(params))


def file_format(fmt: Optional[str]) -> str:
    """The ImageFileFormat enum for a (possibly legacy) format name."""
    if fmt is None:
        return "AUTO_JPEG_PNG"
    fmt = fmt.upper()
    return {"JPG": "JPEG", "AUTO": "AUTO_JPEG_PNG", "GEOTIFF": "GEO_TIFF",
            "TFRECORD": "TF_RECORD_IMAGE", "NUMPY": "NPY"}.get(fmt, fmt)


def thumbnail_body(image_id: Any, params: Dict[str, Any]) -> Dict[str, Any]:
    """The ``thumbnails.create`` body the official client sends for ``getDownloadId``.

    ``image_id`` is an asset id, or an image graph (e.g. a composite of
    :mod:`.composite`).

    ``params`` uses the getDownloadId keys: ``bands`` (names or dicts with
    ``id``), ``crs``, ``crs_transform``, ``dimensions``, ``scale``, ``region``,
    ``filePerBand``, ``format``, ``name``.  Validation with user-facing messages
    is :mod:`plugin.core.providers.earthengine.params`' job; this only builds.
    """
    params = dict(params)
    params.setdefault("filePerBand", True)
    if params.get("format") is None:
        params["format"] = "ZIPPED_GEO_TIFF_PER_BAND" if params["filePerBand"] else "ZIPPED_GEO_TIFF"
    bands = params.get("bands")
    if bands is not None:
        if isinstance(bands, str):
            bands = bands.split(",")
        bands = [{"id": b} if isinstance(b, str) else dict(b) for b in bands]
        params["bands"] = bands
    body: Dict[str, Any] = {
        "expression": serialize(download_image(image_load(image_id) if isinstance(image_id, str) else image_id,
                                               params)),
        "fileFormat": file_format(params.get("format")),
        "filenamePrefix": params.get("name"),
    }
    if bands:
        body["bandIds"] = [b["id"] for b in bands]
    return body
