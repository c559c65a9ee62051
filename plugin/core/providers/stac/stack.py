"""Several STAC items: one output per date (a mosaic of the items of that date and grid), and a time stack.

* :func:`item_date` / :func:`by_date`: an item's acquisition day (UTC) from ``datetime`` (or
  ``start_datetime``); items grouped per day, oldest day first.
* :func:`mosaic_date`: the band sets (:func:`.window.band_sets`) of one day's items that share
  a grid (CRS, pixel size, origin on the pixel grid) and bands become one Cloud-Optimized GeoTIFF
  -- through a VRT of the windows (:func:`...raster.mosaic`), so only the AOI's pixels are
  written; band sets of another grid (an item in another UTM zone) give another file.
* :func:`time_stack`: a multi-band VRT of every day's output on their common grid, bands named
  ``<day> <band>``, oldest first -- one layer to step through or to chart.
"""
import datetime as dt
import os
from typing import Any, Dict, List, Optional, Sequence, Tuple

from osgeo import gdal

from ... import raster
from ...errors import ParameterError
from ...i18n import translate
from .window import grid_key


def item_date(item: Dict[str, Any]) -> str:
    """The item's acquisition day ``YYYY-MM-DD`` (UTC), else ParameterError."""
    props = item.get("properties") or {}
    text = props.get("datetime") or props.get("start_datetime")
    if not text:
        raise ParameterError(translate("Stac", "The item {id} has no date.").format(id=item.get("id", "?")))
    try:
        when = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        raise ParameterError(translate("Stac", "The item {id} has a date that cannot be read: {date}").format(
            id=item.get("id", "?"), date=text)) from None
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc)
    return when.date().isoformat()


def by_date(items: Sequence[Dict[str, Any]]) -> List[Tuple[str, List[Dict[str, Any]]]]:
    """``[(day, items of that day)]``, oldest day first; within a day the items keep their order."""
    days: Dict[str, List[Dict[str, Any]]] = {}
    for item in items:
        days.setdefault(item_date(item), []).append(item)
    return sorted(days.items())


def _grid_of(path: str) -> Tuple:
    ds = raster._open(path)
    try:
        return grid_key((ds.GetProjection(), tuple(ds.GetGeoTransform())))
    finally:
        ds = None


def mosaic_groups(band_sets: Sequence[Tuple[str, List[str]]]) -> List[Tuple[List[str], List[str]]]:
    """Band sets that can be mosaicked together: ``[(paths, band names)]`` per grid and bands, in
    the order of their first member."""
    groups: List[Tuple[Tuple, List[str], List[str]]] = []
    for path, names in band_sets:
        key = (_grid_of(path), tuple(names))
        for gkey, paths, _names in groups:
            if gkey == key:
                paths.append(path)
                break
        else:
            groups.append((key, [path], list(names)))
    return [(paths, names) for _key, paths, names in groups]


def mosaic_date(band_sets: Sequence[Tuple[str, List[str]]], dest_stem: str, cancel=None,
                progress=None) -> List[str]:
    """One COG per group of :func:`mosaic_groups`: ``<dest_stem>.tif`` (``<dest_stem>_<n>.tif`` for
    more grids).  ``progress(fraction)`` gets 0..1."""
    groups = mosaic_groups(band_sets)
    outputs = []
    for n, (paths, names) in enumerate(groups, start=1):
        dest = "{}.tif".format(dest_stem) if len(groups) == 1 else "{}_{}.tif".format(dest_stem, n)
        step = None if progress is None else \
            (lambda percent, n=n: progress((n - 1 + percent / 100.0) / len(groups)))
        raster.mosaic(paths, dest, cancel=cancel, progress=step, band_names=names)
        outputs.append(dest)
    return outputs


def time_stack(dated: Sequence[Tuple[str, str]], dest_vrt: str) -> Optional[str]:
    """A VRT of every band of every day's file ``[(day, path)]`` (oldest first), bands named
    ``<day> <band>``; only the files in the first file's CRS are stacked.  None with no file.

    Each band is first a one-band VRT beside ``dest_vrt`` (``<stem>.bands/``), as GDAL's VRT
    builder takes one band per source file."""
    dated = sorted(dated)
    if not dated:
        return None
    from osgeo import osr
    folder = os.path.splitext(dest_vrt)[0] + ".bands"
    os.makedirs(folder, exist_ok=True)
    srs0, paths, names = None, [], []
    for day, path in dated:
        ds = raster._open(path)
        srs = osr.SpatialReference(wkt=ds.GetProjection())
        if srs0 is None:
            srs0 = srs
        if srs.IsSame(srs0):
            for b in range(1, ds.RasterCount + 1):
                band_vrt = os.path.join(folder, "{}_{}.vrt".format(os.path.splitext(os.path.basename(path))[0], b))
                raster._call(translate("Raster", "write {path}").format(path=band_vrt), gdal.Translate, band_vrt,
                             ds, options=gdal.TranslateOptions(format="VRT", bandList=[b])).FlushCache()
                paths.append(band_vrt)
                names.append("{} {}".format(day, ds.GetRasterBand(b).GetDescription() or b))
        ds = None
    return raster.stack_vrt(paths, dest_vrt, band_names=names)


__all__ = ["by_date", "item_date", "mosaic_date", "mosaic_groups", "time_stack"]
