"""Loading job results as map layers (main thread only)."""
import os
from typing import Dict, List, Optional

from qgis.core import (QgsBox3d, QgsContrastEnhancement, QgsCoordinateReferenceSystem, QgsDateTimeRange,
                       QgsLayerMetadata, QgsMultiBandColorRenderer, QgsProject,
                       QgsRasterBandStats, QgsRasterLayer, QgsRasterLayerTemporalProperties, QgsRasterMinMaxOrigin)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from shapely.geometry import shape

from ..core import titles
from ..core.i18n import translate
from ..core.jobs import Job

RASTER_EXTENSIONS = (".tif", ".tiff", ".jp2", ".vrt")
XYZ_PREFIX = "type=xyz"

# Band names that mean red / green / blue for the common sensors.
_RGB_NAMES = (
    ("B4", "B3", "B2"), ("B04", "B03", "B02"), ("SR_B4", "SR_B3", "SR_B2"), ("red", "green", "blue"),
    ("R", "G", "B"),
)


def raster_outputs(paths: List[str]) -> List[str]:
    return [p for p in paths if p.lower().endswith(RASTER_EXTENSIONS) and os.path.exists(p)]


def _band_names(layer: QgsRasterLayer) -> List[str]:
    names = []
    provider = layer.dataProvider()
    for i in range(1, layer.bandCount() + 1):
        desc = provider.generateBandName(i) if provider else ""
        try:
            from osgeo import gdal
            ds = gdal.Open(layer.source())
            if ds is not None:
                d = ds.GetRasterBand(i).GetDescription()
                desc = d or desc
        except Exception:
            pass
        names.append(desc)
    return names


def rgb_bands(names: List[str]) -> tuple:
    """1-based (red, green, blue) band numbers: by band names where known, else 1, 2, 3."""
    lower = [n.lower() for n in names]
    for triple in _RGB_NAMES:
        t = [x.lower() for x in triple]
        if all(x in lower for x in t):
            return tuple(lower.index(x) + 1 for x in t)
    return (1, 2, 3)


def style_rgb(layer: QgsRasterLayer) -> None:
    """Draw a 3+ band layer as RGB with a 2–98 % cumulative-cut stretch."""
    if layer.bandCount() < 3:
        return
    red, green, blue = rgb_bands(_band_names(layer))
    renderer = QgsMultiBandColorRenderer(layer.dataProvider(), red, green, blue)
    extent = layer.extent()
    for band, setter in ((red, renderer.setRedContrastEnhancement),
                         (green, renderer.setGreenContrastEnhancement),
                         (blue, renderer.setBlueContrastEnhancement)):
        ce = QgsContrastEnhancement(layer.dataProvider().dataType(band))
        ce.setContrastEnhancementAlgorithm(QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum)
        lo, hi = layer.dataProvider().cumulativeCut(band, 0.02, 0.98, extent, 250000)
        if hi <= lo:
            stats = layer.dataProvider().bandStatistics(band,
                                                        QgsRasterBandStats.Stats.Min | QgsRasterBandStats.Stats.Max,
                                                        extent, 250000)
            lo, hi = stats.minimumValue, stats.maximumValue
        ce.setMinimumValue(lo)
        ce.setMaximumValue(hi)
        setter(ce)
    layer.setRenderer(renderer)
    limits = QgsRasterMinMaxOrigin()
    limits.setLimits(QgsRasterMinMaxOrigin.Limits.CumulativeCut)
    renderer.setMinMaxOrigin(limits)


def fill_metadata(layer: QgsRasterLayer, job: Job, path: Optional[str] = None) -> None:
    md = QgsLayerMetadata()
    params = job.params
    md.setTitle(layer.name())
    md.setIdentifier(str(params.get("image") or params.get("view_id") or job.id))
    md.setType("dataset")
    bands = params.get("bands") or []
    band_ids = [b.get("id") if isinstance(b, dict) else str(b) for b in bands]
    days = _acquisition_days(job, path)
    md.setAbstract(translate("Layers",
                             "Downloaded by EO Downloader from {provider}.\nSource: {source}\nBands: {bands}\n"
                                       "Acquired: {date}\nJob: {job}").format(
        provider=job.provider, source=md.identifier(), bands=", ".join(band_ids) or "-",
        date=", ".join(days) or params.get("date") or params.get("acquired") or "-", job=job.id))
    md.setKeywords({"EO Downloader": [job.provider] + band_ids})
    extent = QgsLayerMetadata.Extent()
    period = _acquisition_range(job, path)
    if period is not None:
        extent.setTemporalExtents([period])
        md.setExtent(extent)
    aoi = params.get("aoi")
    if aoi:
        try:
            g = shape(aoi)
            sp = QgsLayerMetadata.SpatialExtent()
            sp.extentCrs = QgsCoordinateReferenceSystem("EPSG:4326")
            minx, miny, maxx, maxy = g.bounds
            sp.bounds = QgsBox3d(minx, miny, 0, maxx, maxy, 0)
            extent.setSpatialExtents([sp])
            md.setExtent(extent)
        except Exception:
            pass
    layer.setMetadata(md)


def _is_earth_engine(job: Job) -> bool:
    return job.provider in ("ee_download", "ee_export")


def _acquisition_days(job: Job, path: Optional[str] = None) -> List[str]:
    """The days the result shows: a STAC job's file its own day (``path``; its time stack all the
    days); what the runner recorded (``server["acquired"]``, any provider); or for Earth Engine
    what the image id or the composite's scenes say."""
    if job.provider == "stac":
        from ..core.providers.stac.runner import output_days
        days = output_days(job)
        return [days[path]] if path in days else sorted(set(days.values()))
    if not _is_earth_engine(job):
        return sorted({str(day)[:10] for day in (job.server or {}).get("acquired") or [] if day})
    from ..core.providers.earthengine.download_runner import acquisition_days
    return acquisition_days(job.params, job.server)


def _acquisition_range(job: Job, path: Optional[str] = None) -> Optional[QgsDateTimeRange]:
    """From the first acquisition day's start to the last one's end (UTC), or None."""
    if _is_earth_engine(job):
        from ..core.providers.earthengine.download_runner import acquisition_period
        period = acquisition_period(job.params, job.server)
    else:
        days = _acquisition_days(job, path)
        period = (days[0], days[-1]) if days else None
    if period is None:
        return None
    first, last = (QDate.fromString(day, "yyyy-MM-dd") for day in period)
    return QgsDateTimeRange(QDateTime(first, QTime(0, 0, 0), Qt.TimeSpec.UTC),
                            QDateTime(last, QTime(23, 59, 59), Qt.TimeSpec.UTC))


def set_temporal_range(layer: QgsRasterLayer, job: Job, path: Optional[str] = None) -> None:
    """A single image's acquisition day as the layer's fixed range, for the Temporal Controller:
    an image, or each day's file of a STAC job (``path``).  A composite spans a period, and a STAC
    time stack all the days: they are left out of the animation (their dates are in the metadata
    or the band names)."""
    if _is_earth_engine(job):
        from ..core.providers.earthengine.download_runner import composite_spec
        if composite_spec(job.params) is not None:
            return
    elif len(_acquisition_days(job, path)) != 1:
        return
    period = _acquisition_range(job, path)
    if period is None:
        return
    props = layer.temporalProperties()
    props.setMode(QgsRasterLayerTemporalProperties.ModeFixedTemporalRange)
    props.setFixedTemporalRange(period)
    props.setIsActive(True)


GROUP_JOB_PROPERTY = "eo_downloader/job"     # the job id a layer tree group holds the results of


def job_group(job: Job, project: QgsProject):
    """The job's group at the top of the layer tree (found by the job id it holds, so two jobs of
    the same title keep a group each), made when missing."""
    root = project.layerTreeRoot()
    for group in root.findGroups(True):
        if group.customProperty(GROUP_JOB_PROPERTY) == job.id:
            return group
    group = root.insertGroup(0, job.title or job.id)
    group.setCustomProperty(GROUP_JOB_PROPERTY, job.id)
    return group


def load_job_outputs(job: Job, project: Optional[QgsProject] = None,
                     made: Optional[List[QgsRasterLayer]] = None) -> List[QgsRasterLayer]:
    """Add the job's rasters (and tile layers) to a group named after the job, a composite of
    several bands on top; returns the layers added."""
    project = project or QgsProject.instance()
    # ``made``: the layers the job's task already opened and styled off the main thread
    layers = made if made is not None else make_layers(job, job.outputs)
    if not layers:
        return []
    group = job_group(job, project)
    # sorted() is stable: among layers of as many bands, the order of the outputs stays
    for layer in sorted(layers, key=lambda lyr: lyr.bandCount() < 3):
        project.addMapLayer(layer, False)
        if layer.bandCount() >= 3:
            group.insertLayer(0, layer)
        else:
            group.addLayer(layer)
    return layers


def preview_name(final_path: str) -> str:
    """The name of the layer that stands for ``final_path`` while it is being written."""
    return preview_title(_layer_name(final_path))


def preview_title(name: str) -> str:
    """The name of a layer that stands for the result ``name`` until it arrives."""
    return translate("Layers", "{name} (preview)").format(name=name)


def _layer_name(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def replace_preview(layer: QgsRasterLayer, path: str, name: Optional[str] = None) -> bool:
    """Point a preview layer at its final file: same layer (id, style, place in the tree), named
    ``name`` (default: the file's name)."""
    from qgis.core import QgsDataProvider
    forget_stale_aux(path)
    layer.setDataSource(path, name or _layer_name(path), "gdal", QgsDataProvider.ProviderOptions(), False)
    return layer.isValid()


def forget_stale_aux(path: str) -> bool:
    """Remove ``<path>.aux.xml`` when it is older than ``path``: GDAL's side file of an earlier
    file of that name (an earlier run), whose statistics, band names or no-data value would
    style the new result.  One written since (GDAL's statistics of this file) stays."""
    aux = path + ".aux.xml"
    try:
        if os.path.getmtime(aux) >= os.path.getmtime(path):
            return False
        os.remove(aux)
        return True
    except OSError:       # no side file (the usual case), or the result itself is gone
        return False


def stack_sources(paths: List[str]) -> Dict[str, str]:
    """Outputs that are single bands of another output (a VRT stacking them): path -> band name
    (the file name after the stack's, ``<base>.B4.tif`` of ``<base>.vrt``; else its band's
    description in the stack)."""
    from osgeo import gdal
    found = {}
    for vrt in (p for p in paths if p.lower().endswith(".vrt") and os.path.exists(p)):
        ds = gdal.Open(vrt)
        if ds is None:
            continue
        real = {os.path.realpath(p): p for p in paths if p != vrt}
        stem = _layer_name(vrt) + "."
        for n, source in enumerate(ds.GetFileList()[1:], start=1):
            path = real.get(os.path.realpath(source))
            if path is None:
                continue
            own = _layer_name(path)
            band = ds.GetRasterBand(n).GetDescription() if n <= ds.RasterCount else ""
            found[path] = own[len(stem):] if own.startswith(stem) else (band or own)
        ds = None
    return found


def _told_apart(job: Job, path: str) -> str:
    """What tells one of a job's several results apart in its layer name: a STAC job's file of one
    date that day (the title names the collection already), any other file its name."""
    if job.provider == "stac":
        days = _acquisition_days(job, path)
        if len(days) == 1:
            return days[0]
    return _layer_name(path)


def shown_outputs(job: Job, single_bands: Optional[bool] = None) -> Dict[str, str]:
    """The job's raster outputs that become layers, each with its layer name: the composite
    (or the one result) named after the job; the single bands of a stack only with the
    "Also add single bands" setting (``single_bands``)."""
    if single_bands is None:
        from .settings import get
        single_bands = bool(get("add_single_bands"))
    rasters = [p for p in job.outputs if p.lower().endswith(RASTER_EXTENSIONS)]
    bands = stack_sources(rasters)
    main = [p for p in rasters if p not in bands]
    names = {p: titles.layer_name(job.title, p, None if len(main) == 1 else _told_apart(job, p)) for p in main}
    if single_bands:
        names.update({p: titles.layer_name(job.title, p, band) for p, band in bands.items()})
    return names


def refresh_preview(layer: QgsRasterLayer, path: str, final_path: str) -> bool:
    """Point a preview layer at a newer file of the same preview (same grid and bands, e.g. a VRT of
    more tiles) and redraw it; its name, style and place in the tree stay."""
    from qgis.core import QgsDataProvider
    layer.setDataSource(path, preview_name(final_path), "gdal", QgsDataProvider.ProviderOptions(), False)
    layer.triggerRepaint()
    return layer.isValid()


def tile_layer_outputs(outputs: List[str]) -> List[str]:
    """Outputs that are XYZ tile layer URIs (``type=xyz&url=...``), e.g. an Earth Engine asset's tiles."""
    return [o for o in outputs if isinstance(o, str) and o.startswith(XYZ_PREFIX)]


def make_layers(job: Job, paths: List[str], single_bands: Optional[bool] = None) -> List[QgsRasterLayer]:
    """Valid, styled raster layers with metadata for ``paths`` (not yet in any project).

    Files become GDAL layers named after the job (:func:`shown_outputs`: a path of the job's
    outputs that is a single band of a stack only with ``single_bands``; a path that is not
    an output, e.g. a preview, by its file name); a stale ``.aux.xml`` beside a file goes
    first (:func:`forget_stale_aux`).  Outputs starting with ``type=xyz`` become XYZ tile
    layers (provider "wms"; an ``authcfg`` in the URI adds the credentials).
    """
    layers = []
    shown = shown_outputs(job, single_bands)
    for path in raster_outputs(paths):
        if path in job.outputs and path not in shown:
            continue
        forget_stale_aux(path)
        layer = QgsRasterLayer(path, shown.get(path) or _layer_name(path), "gdal")
        if not layer.isValid():
            continue
        style_rgb(layer)
        fill_metadata(layer, job, path)
        set_temporal_range(layer, job, path)
        layers.append(layer)
    for uri in tile_layer_outputs(paths):
        name = translate("Layers", "{} (tiles)").format(job.title or job.id)
        layer = QgsRasterLayer(uri, name, "wms")
        if not layer.isValid():
            continue
        fill_metadata(layer, job)
        layers.append(layer)
    return layers
