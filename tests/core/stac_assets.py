"""Real COG assets for the STAC window tests and benchmark: made with GDAL, UTM, tiled; AOIs around them."""
import math
import os
from typing import Dict, Tuple

import numpy as np
from osgeo import gdal, osr

EPSG = 32631
X0, Y0, PIXEL = 500000.0, 5000000.0, 10.0


def pattern(size: int, seed: int, col0: int = 0) -> np.ndarray:
    """A smooth field with a little noise (compresses like imagery, not like zeros); never 0 (nodata).
    ``col0`` shifts the field so adjacent tiles continue each other."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size]
    xx = xx + col0
    smooth = 2000 + 1500 * np.sin(xx / 97.0) * np.cos(yy / 131.0)
    return (smooth + rng.integers(0, 64, (size, size)) + 1).astype(np.uint16)


def write_tiff(path: str, data: np.ndarray, x0: float = X0, y0: float = Y0, pixel: float = PIXEL,
               cog: bool = True, block: int = 256, nodata: float = 0) -> str:
    """``data`` (bands, rows, cols) or (rows, cols) as a COG (or a striped, non-tiled GeoTIFF)."""
    arr = data if data.ndim == 3 else data[None]
    mem = gdal.GetDriverByName("MEM").Create("", arr.shape[2], arr.shape[1], arr.shape[0], gdal.GDT_UInt16)
    mem.SetGeoTransform((x0, pixel, 0.0, y0, 0.0, -pixel))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    mem.SetProjection(srs.ExportToWkt())
    for i, band in enumerate(arr):
        mem.GetRasterBand(i + 1).WriteArray(band)
        mem.GetRasterBand(i + 1).SetNoDataValue(nodata)
    if cog:
        opts = gdal.TranslateOptions(format="COG", creationOptions=["BLOCKSIZE=%d" % block, "COMPRESS=DEFLATE",
                                                                    "NUM_THREADS=2"])
    else:
        opts = gdal.TranslateOptions(format="GTiff", creationOptions=["TILED=NO", "COMPRESS=DEFLATE"])
    gdal.Translate(path, mem, options=opts)
    return path


def make_item_assets(folder: str, name: str, size: int = 2048, keys=("red", "green", "blue"),
                     x0: float = X0, y0: float = Y0, col0: int = 0, cog: bool = True) -> Dict[str, str]:
    """One single-band COG per asset key: ``{key: path}`` (made once; kept when already there)."""
    os.makedirs(folder, exist_ok=True)
    out = {}
    for i, key in enumerate(keys):
        path = os.path.join(folder, "{}_{}.tif".format(name, key))
        if not os.path.exists(path):
            write_tiff(path + ".tmp.tif", pattern(size, i, col0), x0=x0, y0=y0, cog=cog)
            os.replace(path + ".tmp.tif", path)
        out[key] = path
    return out


def to_lonlat(points):
    from pyproj import Transformer
    t = Transformer.from_crs(EPSG, 4326, always_xy=True)
    return [list(t.transform(x, y)) for x, y in points]


def utm_polygon(points) -> dict:
    """A GeoJSON polygon in EPSG:4326 through UTM ``points`` (closed here)."""
    pts = list(points) + [points[0]]
    return {"type": "Polygon", "coordinates": [to_lonlat(pts)]}


def utm_square(x: float, y: float, side: float) -> dict:
    """A square AOI, upper left corner (x, y) in UTM metres, ``side`` metres."""
    return utm_polygon([(x, y), (x + side, y), (x + side, y - side), (x, y - side)])


def centre_window(aoi: dict, gt: Tuple[float, ...], width: int, height: int):
    """The oracle, independent of the code under test (shapely + pyproj): ``(col, row, cols, rows,
    mask)`` of the pixels whose centre is inside the AOI, densified as the plugin densifies it."""
    from pyproj import Transformer
    from shapely.geometry import Point, shape
    from shapely.ops import transform
    ring = aoi["coordinates"][0]
    dense = []
    for (xa, ya), (xb, yb) in zip(ring[:-1], ring[1:]):
        n = max(1, int(math.ceil(math.hypot(xb - xa, yb - ya) / 1e-4)))
        dense += [(xa + (xb - xa) * k / n, ya + (yb - ya) * k / n) for k in range(n)]
    t = Transformer.from_crs(4326, EPSG, always_xy=True)
    poly = transform(t.transform, shape({"type": "Polygon", "coordinates": [dense + [dense[0]]]}))
    minx, miny, maxx, maxy = poly.bounds
    c0, c1 = max(0, int((minx - gt[0]) / gt[1]) - 1), min(width, int((maxx - gt[0]) / gt[1]) + 2)
    r0, r1 = max(0, int((maxy - gt[3]) / gt[5]) - 1), min(height, int((miny - gt[3]) / gt[5]) + 2)
    inside = np.zeros((r1 - r0, c1 - c0), bool)
    for r in range(r0, r1):
        for c in range(c0, c1):
            inside[r - r0, c - c0] = poly.contains(Point(gt[0] + (c + 0.5) * gt[1], gt[3] + (r + 0.5) * gt[5]))
    rows, cols = np.flatnonzero(inside.any(axis=1)), np.flatnonzero(inside.any(axis=0))
    ra, rb, ca, cb = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    return int(c0 + ca), int(r0 + ra), int(cb - ca), int(rb - ra), inside[ra:rb, ca:cb]
