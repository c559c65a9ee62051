"""Helpers for the pytest-qgis tests."""
import time

from qgis.PyQt.QtCore import QCoreApplication, QEvent


def wait_until(condition, timeout=10.0, step=0.01):
    """Spin the Qt event loop until ``condition()`` is true; returns the elapsed seconds."""
    start = time.monotonic()
    while not condition():
        QCoreApplication.processEvents()
        if time.monotonic() - start > timeout:
            raise AssertionError("condition not met within {} s".format(timeout))
        time.sleep(step)
    return time.monotonic() - start


def flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def write_rgb_geotiff(path, epsg=32610, size=64, bands=("B4", "B3", "B2")):
    """A small real 3-band GeoTIFF with band descriptions, for layer-loading tests."""
    import numpy as np
    from osgeo import gdal, osr
    ds = gdal.GetDriverByName("GTiff").Create(str(path), size, size, len(bands), gdal.GDT_UInt16)
    ds.SetGeoTransform((500000, 10, 0, 4200000, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    for i, name in enumerate(bands, start=1):
        band = ds.GetRasterBand(i)
        band.WriteArray((np.arange(size * size).reshape(size, size) * (i + 1)).astype("uint16"))
        band.SetDescription(name)
    ds = None
    return str(path)
