"""What the official ``earthengine-api`` client needs from the simulator besides the download calls.

``ee.Initialize(credentials=..., project=..., url=<simulator>)`` fetches a discovery document
(``GET /$discovery/rest?version=v1&prettyPrint=false``) to build its REST client, then the list of
algorithms (``GET /v1/projects/earthengine-public/algorithms``) to make ``ee.Image.select``,
``.slice``, ``.clipToBoundsAndScale`` ... exist.  ``ee.Image.getInfo()`` is
``POST /v1/projects/{p}/value:compute``.  So a client that uses earthengine-api (geedim, for the
benchmark side by side) can talk to the simulator.

Both documents are written here from what the simulator serves: the discovery document describes
only the methods the simulator implements, in the discovery format (the Earth Engine API's method
ids, paths and ``parameterOrder``; every body and answer of type ``any``, as in the test document
of earthengine-api); the algorithm list gives, for each function the simulator evaluates, its
argument names, types and whether they are optional -- the signatures of Earth Engine's own list,
without its descriptions.  A function absent from the list does not exist for the client.
"""
from typing import Any, Dict, List

import numpy as np

_PATH_PROJECT = {"location": "path", "pattern": "^projects/[^/]+$", "required": True, "type": "string"}


def _method(resource: str, verb: str, http_method: str, path: str, param: str, pattern: str,
            body: bool) -> Dict[str, Any]:
    spec = {"id": "earthengine.projects.{}.{}".format(resource, verb), "httpMethod": http_method,
            "path": "v1/" + path, "flatPath": "v1/" + path, "parameterOrder": [param],
            "parameters": {param: dict(_PATH_PROJECT, pattern=pattern)}, "response": {"type": "any"},
            "description": ""}
    if body:
        spec["request"] = {"type": "any"}
    return spec


def discovery_document(root_url: str) -> Dict[str, Any]:
    """The discovery document of the simulated service at ``root_url`` (ending with ``/``)."""
    query = {"location": "query", "type": "string", "description": ""}
    resources = {
        "algorithms": {"methods": {"list": _method("algorithms", "list", "GET", "{+project}/algorithms",
                                                   "project", "^projects/[^/]+$", False)}},
        "value": {"methods": {"compute": _method("value", "compute", "POST", "{+project}/value:compute",
                                                 "project", "^projects/[^/]+$", True)}},
        "thumbnails": {"methods": {"create": _method("thumbnails", "create", "POST", "{+parent}/thumbnails",
                                                     "parent", "^projects/[^/]+$", True)}},
        "assets": {"methods": {"get": _method("assets", "get", "GET", "{+name}", "name",
                                              "^projects/[^/]+/assets/.+$", False)}},
    }
    resources["thumbnails"]["methods"]["create"]["parameters"]["workloadTag"] = dict(query)
    return {
        "kind": "discovery#restDescription", "discoveryVersion": "v1", "id": "earthengine:v1",
        "name": "earthengine", "version": "v1", "revision": "0", "title": "Google Earth Engine API (simulator)",
        "description": "", "protocol": "rest", "rootUrl": root_url, "servicePath": "", "baseUrl": root_url,
        "basePath": "", "batchPath": "batch", "ownerDomain": "google.com", "ownerName": "Google",
        "parameters": {name: dict(query) for name in ("$.xgafv", "access_token", "callback", "fields", "key",
                                                      "oauth_token", "quotaUser", "uploadType",
                                                      "upload_protocol")}
        | {"alt": dict(query, default="json"), "prettyPrint": dict(query, type="boolean", default="true")},
        "schemas": {}, "resources": {"projects": {"resources": resources}},
    }


IMAGE = "Image<unknown bands>"
#: name -> (return type, [(argument, type, optional)]) of the functions the simulator evaluates.
SIGNATURES = {
    "Image.load": (IMAGE, [("id", "String", False), ("version", "Long", True)]),
    "Image.select": (IMAGE, [("input", IMAGE, False), ("bandSelectors", "List<Object>", False),
                             ("newNames", "List<Object>", True)]),
    "Image.slice": (IMAGE, [("image", IMAGE, False), ("start", "Integer", False), ("end", "Integer", True)]),
    "Image.rename": (IMAGE, [("input", IMAGE, False), ("names", "List<String>", False)]),
    "Image.clip": (IMAGE, [("input", IMAGE, False), ("geometry", "Object", False)]),
    "Image.clipToBoundsAndScale": (IMAGE, [("input", IMAGE, False), ("geometry", "Geometry", True),
                                           ("width", "Integer", True), ("height", "Integer", True),
                                           ("maxDimension", "Integer", True), ("scale", "Float", True)]),
    "Image.reproject": (IMAGE, [("image", IMAGE, False), ("crs", "Projection", False),
                                ("crsTransform", "List<Float>", True), ("scale", "Float", True)]),
    "Image.setDefaultProjection": (IMAGE, [("image", IMAGE, False), ("crs", "Projection", False),
                                           ("crsTransform", "List<Float>", True), ("scale", "Float", True)]),
    "Image.addBands": (IMAGE, [("dstImg", IMAGE, False), ("srcImg", IMAGE, False),
                               ("names", "List<String>", True), ("overwrite", "Boolean", True)]),
    "Image.projection": ("Projection", [("image", IMAGE, False)]),
    "Projection": ("Projection", [("crs", "Object", False), ("transform", "List<Float>", True),
                                  ("transformWkt", "String", True)]),
    "GeometryConstructors.Polygon": ("Geometry", [("coordinates", "List<Object>", False),
                                                  ("crs", "Projection", True), ("geodesic", "Boolean", True),
                                                  ("maxError", "ErrorMargin", True), ("evenOdd", "Boolean", True)]),
    "GeometryConstructors.MultiPolygon": ("Geometry", [("coordinates", "List<Object>", False),
                                                       ("crs", "Projection", True), ("geodesic", "Boolean", True),
                                                       ("maxError", "ErrorMargin", True),
                                                       ("evenOdd", "Boolean", True)]),
    "GeometryConstructors.Rectangle": ("Geometry", [("coordinates", "List<Object>", False),
                                                    ("crs", "Projection", True), ("geodesic", "Boolean", True),
                                                    ("evenOdd", "Boolean", True)]),
    "GeometryConstructors.BBox": ("Geometry", [("west", "Float", False), ("south", "Float", False),
                                               ("east", "Float", False), ("north", "Float", False)]),
}
#: The casts, evaluated when they keep the band's type (see ``Evaluator._cast``).
CASTS = {"Image.toUint8": "uint8", "Image.toInt8": "int8", "Image.toUint16": "uint16", "Image.toInt16": "int16",
         "Image.toUint32": "uint32", "Image.toInt32": "int32", "Image.toFloat": "float32",
         "Image.toDouble": "float64"}
SIGNATURES.update({name: (IMAGE, [("value", IMAGE, False)]) for name in CASTS})


def algorithms() -> Dict[str, List[Dict[str, Any]]]:
    """``projects.algorithms.list``'s answer."""
    out = []
    for name, (returns, args) in sorted(SIGNATURES.items()):
        arguments = []
        for arg, kind, optional in args:
            entry = {"argumentName": arg, "type": kind, "description": ""}
            if optional:
                entry.update(optional=True, defaultValue=None)
            arguments.append(entry)
        out.append({"name": "algorithms/" + name, "description": "", "returnType": returns,
                    "arguments": arguments})
    return {"algorithms": out}


def data_type(dtype: np.dtype) -> Dict[str, Any]:
    """A band's ``data_type`` as ``ee.Image.getInfo()`` gives it."""
    dtype = np.dtype(dtype)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return {"type": "PixelType", "precision": "int", "min": int(info.min), "max": int(info.max)}
    return {"type": "PixelType", "precision": "double" if dtype.itemsize == 8 else "float"}
