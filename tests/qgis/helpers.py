"""Helpers for the pytest-qgis tests."""
import contextlib
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


def store_authcfg(method, name, **values):
    """A configuration of auth ``method`` ("Basic", "EsriToken" ...) with ``values`` in QGIS's auth
    database (master password set if needed); returns its id."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    am = QgsApplication.authManager()
    if not am.masterPasswordIsSet():
        am.setMasterPassword("test-master", True)
    cfg = QgsAuthMethodConfig(method)
    cfg.setName(name)
    for key, value in values.items():
        cfg.setConfig(key, value)
    assert am.storeAuthenticationConfig(cfg)[0]
    return cfg.id()


@contextlib.contextmanager
def stored_authcfg(method, name, **values):
    """:func:`store_authcfg` for the time of a ``with`` block: yields the id, removes the configuration after."""
    from qgis.core import QgsApplication
    cfg_id = store_authcfg(method, name, **values)
    try:
        yield cfg_id
    finally:
        QgsApplication.authManager().removeAuthenticationConfig(cfg_id)


def store_basic_authcfg(name, username, password):
    """A Basic configuration in QGIS's auth database; returns its id."""
    return store_authcfg("Basic", name, username=username, password=password)


def isolate_eodag(sim, folder, monkeypatch):
    """eodag confined to ``folder`` (no user config, no internet) and given the simulator's provider YAML."""
    import os
    from plugin.core.providers.eodag import client as eodag_client
    from tests.sims import eodag_sim
    for key in list(os.environ):
        if key.startswith("EODAG") or key.startswith("EO_DOWNLOADER_EODAG"):
            monkeypatch.delenv(key)
    for key, value in eodag_sim.isolated_environment(str(folder / "eodag")).items():
        monkeypatch.setenv(key, value)
    yml = folder / "sim_provider.yml"
    yml.write_text(sim.yaml())
    monkeypatch.setenv(eodag_client.PROVIDERS_FILE_ENV, str(yml))


#: The names of :func:`three_fields`' polygons: a plain one, a hostile one, and none (NULL: its feature id).
THREE_FIELD_NAMES = ("North field", "../../South/field", None)


def three_fields(xmin=-122.0859, ymin=37.0436, xmax=-122.0626, ymax=37.0586):
    """A memory layer (EPSG:4326) of three polygons side by side over the rectangle, with a ``name`` field
    (:data:`THREE_FIELD_NAMES`), all selected: one job per feature over three polygons (issue 20 item 4)."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsRectangle, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "fields", "memory")
    layer.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    layer.updateFields()
    step = (xmax - xmin) / 3
    features = []
    for i, name in enumerate(THREE_FIELD_NAMES):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(xmin + i * step, ymin, xmin + (i + 1) * step, ymax)))
        feature.setAttribute("name", name)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.selectAll()
    return layer
