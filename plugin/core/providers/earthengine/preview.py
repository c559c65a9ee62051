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
