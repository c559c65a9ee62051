"""``eo_downloader:stac_download`` through Processing: items of an items file, COG assets on nginx."""
import json
import os
import sys

import pytest
from osgeo import gdal
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

from plugin.adapters import settings as plugin_settings
from tests.core import stac_assets as sa
from tests.servers.nginx import Nginx

pytestmark = pytest.mark.skipif(not (os.path.exists("/usr/sbin/nginx") or os.path.exists("/usr/bin/nginx")),
                                reason="nginx is needed (make deps)")
COG = "image/tiff; application=geotiff; profile=cloud-optimized"


@pytest.fixture(scope="module")
def processing_ready(qgis_app):
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    Processing.initialize()
    from plugin.processing.provider import EoDownloaderProvider
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("eo_downloader")
    added = None
    if provider is None:
        added = EoDownloaderProvider()
        registry.addProvider(added)
    else:
        provider.refreshAlgorithms()
    import processing
    yield processing
    if added is not None:
        registry.removeProvider(added)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("stac_alg"))
    sa.make_item_assets(folder, "a", 1024)
    with Nginx(folder, folder) as srv:
        yield srv


def test_help_names_every_parameter(processing_ready):
    alg = QgsApplication.processingRegistry().algorithmById("eo_downloader:stac_download")
    names = [p.name() for p in alg.parameterDefinitions()]
    assert {"API", "COLLECTION", "AOI", "EXTENT", "DATE_FROM", "DATE_TO", "CLOUD_MAX", "ASSETS", "MAX_ITEMS",
            "STACK_VRT", "SIGNING", "ITEMS_FILE", "AUTHCFG", "OUTPUT_DIR"} <= set(names)
    text = alg.shortHelpString()
    for name in names:
        assert name + ":" in text or name + " /" in text or "/ " + name in text, name


def test_download_from_an_items_file(processing_ready, served, tmp_path, monkeypatch):
    monkeypatch.setattr(plugin_settings, "job_store_path", lambda: str(tmp_path / "jobs.json"))
    items = [{"type": "Feature", "id": "a-{}".format(day), "geometry": None,
              "properties": {"datetime": day + "T10:00:00Z"},
              "assets": {k: {"href": served.url("a_{}.tif".format(k)), "type": COG} for k in ("red", "green", "blue")}}
             for day in ("2024-05-06", "2024-05-01")]
    items_file = tmp_path / "items.json"
    items_file.write_text(json.dumps({"type": "FeatureCollection", "features": items}))
    x0, y0 = sa.X0 + 2003, sa.Y0 - 3003
    lonlat = sa.to_lonlat([(x0, y0 - 1000), (x0 + 1000, y0)])
    extent = "{},{},{},{} [EPSG:4326]".format(lonlat[0][0], lonlat[1][0], lonlat[0][1], lonlat[1][1])
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing_ready.run("eo_downloader:stac_download", {
        "API": served.url(""), "COLLECTION": "sentinel-2-l2a", "EXTENT": extent, "ASSETS": "red,green,blue",
        "STACK_VRT": True, "ITEMS_FILE": str(items_file), "OUTPUT_DIR": str(tmp_path / "out")},
        context=context, feedback=QgsProcessingFeedback())
    files = [os.path.basename(f) for f in result["OUTPUT_FILES"]]
    assert files == ["sentinel-2-l2a_2024-05-01.tif", "sentinel-2-l2a_2024-05-06.tif", "sentinel-2-l2a_stack.vrt"]
    ds = gdal.Open(result["OUTPUT_FILES"][0])
    assert ds.GetGeoTransform()[1] == 10 and ds.RasterCount == 3
    loaded = [context.getMapLayer(lid) for lid in context.layersToLoadOnCompletion()]
    assert len(loaded) == 3
    days = [lyr.temporalProperties().fixedTemporalRange().begin().toString("yyyy-MM-dd")
            for lyr in loaded if lyr.temporalProperties().isActive()]
    assert sorted(days) == ["2024-05-01", "2024-05-06"]


def test_a_bad_items_file_is_explained(processing_ready, served, tmp_path):
    bad = tmp_path / "items.json"
    bad.write_text('{"type": "FeatureCollection", "features": [{"id": "x"}]}')
    with pytest.raises(QgsProcessingException) as info:
        processing_ready.run("eo_downloader:stac_download", {
            "API": served.url(""), "EXTENT": "3,3.01,45,45.01 [EPSG:4326]", "ITEMS_FILE": str(bad),
            "OUTPUT_DIR": str(tmp_path / "out")}, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    assert "no STAC Items" in str(info.value)
