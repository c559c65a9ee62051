"""A quick picture of an Earth Engine image or composite over the AOI (a PNG thumbnail).

:func:`fetch_preview` sends the body of ``image.getThumbURL({bands, min, max, gamma,
dimensions, region, format: 'png'})`` (:func:`.composite.preview_body`, equal to the
official client's), fetches the PNG and says which rectangle it covers: the AOI's
bounding box in the image's projection (``Image.clipToBoundsAndScale`` divides exactly
that box into the picture's pixels).  A composite's projection is Earth Engine's
default for computed images, EPSG:4326; an asset's is its first shown band's.
"""
from dataclasses import dataclass
from typing import Any, Dict, Optional, Sequence, Tuple

from . import composite
from . import tiling

COMPOSITE_CRS = "EPSG:4326"


@dataclass
class Preview:
    png: bytes
    crs: str
    bounds: Tuple[float, float, float, float]   # minx, miny, maxx, maxy in ``crs``


def fetch_preview(client, image: Any, region: Dict[str, Any], bands: Sequence[str], vmin: Any = None,
                  vmax: Any = None, gamma: Any = None, dimensions: int = 512,
                  crs: Optional[str] = None) -> Preview:
    """The PNG of ``image`` (an asset id, or a graph such as :func:`.composite.composite_image`)
    over ``region`` (GeoJSON in EPSG:4326), with its CRS and bounds.

    ``crs``: the image's projection when already known (None: EPSG:4326 for a graph,
    the first band's grid for an asset id, read with ``client.image_info``).
    """
    if crs is None:
        if isinstance(image, str):
            crs = client.image_info(image).band(bands[0]).crs or COMPOSITE_CRS
        else:
            crs = COMPOSITE_CRS
    body = composite.preview_body(image, region, bands, vmin, vmax, gamma, dimensions)
    png = client.thumbnail_pixels(body)
    return Preview(png, crs, tiling.region_bounds(region, crs))


def write_geotiff(preview: Preview, path: str) -> str:
    """Write ``preview``'s PNG as a GeoTIFF placed on its bounds in its CRS (the picture's
    transparency kept as an alpha band), to show it as a map layer."""
    from osgeo import gdal
    source = "/vsimem/ee_preview_{}.png".format(id(preview))
    gdal.FileFromMemBuffer(source, preview.png)
    try:
        minx, miny, maxx, maxy = preview.bounds
        done = gdal.Translate(path, source, format="GTiff", outputBounds=[minx, maxy, maxx, miny],
                              outputSRS=preview.crs)
        if done is None:
            raise ValueError("GDAL could not write {}".format(path))
        done = None
    finally:
        gdal.Unlink(source)
    return path


def tile_layer_uri(client, image: Any, bands: Sequence[str], vmin: Any = None, vmax: Any = None,
                   gamma: Any = None, authcfg: str = "", zmax: int = 20) -> str:
    """An Earth Engine map of ``image`` (asset id or graph) with the preview's visualization, as a QGIS
    XYZ layer URI: ``maps.create`` (``getMapId``), then ``{base}/v1/{map}/tiles/{z}/{x}/{y}``.  QGIS
    fetches the tiles itself, so ``authcfg`` must name a configuration that adds the Earth Engine
    token to each request (an OAuth2 one); ``client`` is an
    :class:`~.operations.ExportClient` (it makes the map)."""
    from .export import map_body, xyz_layer_uri
    vis: Dict[str, Any] = {"bands": list(bands)}
    for key, value in (("min", vmin), ("max", vmax), ("gamma", gamma)):
        if value is not None:
            vis[key] = value
    name = client.create_map(map_body(image, vis))
    return xyz_layer_uri(client.tile_url_template(name), zmax=zmax, authcfg=authcfg or None)
