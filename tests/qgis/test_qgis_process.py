"""End to end through the real qgis_process: the README's main job against the EE simulator."""
import json
import os

import pytest
from osgeo import gdal, osr

from tests.qgis.conftest import load_script

pytestmark = pytest.mark.slow
demo = load_script("demo")
qh = load_script("qgis_headless")


def test_ee_download_through_qgis_process(built, tmp_path, monkeypatch):
    monkeypatch.setattr(qh, "latest_zip", lambda: str(built["path"]))
    demo.qh = qh
    out_dir = tmp_path / "out"
    png = tmp_path / "result.png"
    result = demo.run_demo(str(tmp_path / "work"), str(out_dir), str(png))
    files = sorted(os.path.basename(f) for f in result["files"])
    # The seed's first example: per-band GeoTIFFs named <name>.<band>.tif, plus the plugin's VRT stack.
    assert files == ["single_band.B11.tif", "single_band.B3.tif", "single_band.B8.tif", "single_band.vrt"]
    job_dir = os.path.dirname(result["files"][0])            # the job's own folder under OUTPUT_DIR
    assert os.path.dirname(job_dir) == str(out_dir)
    stack = gdal.Open(os.path.join(job_dir, "single_band.vrt"))
    assert stack.RasterCount == 3
    assert [stack.GetRasterBand(i).GetDescription() for i in (1, 2, 3)] == ["B3", "B8", "B11"]
    srs = osr.SpatialReference(wkt=stack.GetProjection())
    assert srs.GetAuthorityCode(None) == "32610"      # the image's UTM zone
    # The grid covers the seed's bounding box (transformed to UTM 10N).
    gt = stack.GetGeoTransform()
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_utm = osr.CoordinateTransformation(wgs84, srs)
    x0, y0, _ = to_utm.TransformPoint(-122.0859, 37.0586)
    x1, y1, _ = to_utm.TransformPoint(-122.0626, 37.0436)
    assert gt[0] <= x0 + 10 and gt[3] >= y0 - 10
    assert gt[0] + gt[1] * stack.RasterXSize >= x1 - 10 and gt[3] + gt[5] * stack.RasterYSize <= y1 + 10
    render = json.loads(result["render"])
    assert png.is_file() and render["painted_fraction"] > 0.5     # QGIS drew the layer (not blank)


def test_bad_parameter_gives_a_specific_message(built, tmp_path):
    sim = qh.start_simulator("ee_sim", ["--token", demo.TOKEN])
    try:
        env = qh.headless_env(tmp_path, {"EO_DOWNLOADER_EE_API_URL": "http://127.0.0.1:{}".format(sim.port),
                                         "EO_DOWNLOADER_EE_TOKEN": demo.TOKEN})
        qh.install_zip(str(built["path"]), env)
        params = dict(demo.SEED, OUTPUT_DIR=str(tmp_path / "out"), SCALE="-5")
        rc, data, err = qh.run_algorithm("eo_downloader:ee_download", params, env)
        assert rc != 0
        assert "scale" in err.lower()
        assert demo.TOKEN not in err
    finally:
        sim.terminate()
        sim.wait(10)


#: Address space qgis_process may use in the extreme-value runs: QGIS and GDAL need about 1.5 GiB of it to
#: start; planning 10^17 tiles needs far more (and the machine is shared).
MEMORY_CAP = 3 * 1024 ** 3


@pytest.mark.parametrize("extreme", [{"SCALE": "1e-9"}, {"DIMENSIONS": "1e20x1"}, {"SCALE": "0.001"}])
def test_extreme_grids_are_refused_clearly_under_a_memory_cap(built, tmp_path, extreme):
    """Issue 15 item 5: a grid of 10^20 pixels is refused with its size and the limit, before any request,
    by a qgis_process whose memory is capped -- no MemoryError, no crash."""
    sim = qh.start_simulator("ee_sim", ["--token", demo.TOKEN])
    try:
        env = qh.headless_env(tmp_path, {"EO_DOWNLOADER_EE_API_URL": "http://127.0.0.1:{}".format(sim.port),
                                         "EO_DOWNLOADER_EE_TOKEN": demo.TOKEN})
        qh.install_zip(str(built["path"]), env)
        out = tmp_path / "out"
        params = dict(demo.SEED, OUTPUT_DIR=str(out), **extreme)
        rc, data, err = qh.run_algorithm("eo_downloader:ee_download", params, env, timeout=180,
                                         max_memory=MEMORY_CAP)
        assert rc != 0
        assert "more than the limit of 5,000 per job" in err, err[-3000:]
        assert "as Earth Engine counts it" in err
        assert not any(word in err for word in ("MemoryError", "Traceback", "Segmentation", "core dumped")), err
        assert not out.exists() or not any(out.iterdir())
    finally:
        sim.terminate()
        sim.wait(10)


# The EOSDA documentation's example polygon and scene (seed 002).
EOSDA_SEED_POLYGON = [[-104.87931347024973, 27.166227117387663], [-104.87190853064376, 27.17371136921598],
                      [-104.87486446023671, 27.175686643908065], [-104.87271173924485, 27.178599422270565],
                      [-104.87575466983847, 27.180525385046096], [-104.88103048496039, 27.176643443128853],
                      [-104.87771956045358, 27.172771682872458], [-104.88236756436531, 27.17042134807906],
                      [-104.87931347024973, 27.166227117387663]]


def test_eosda_search_and_download_through_qgis_process(built, tmp_path):
    aoi = tmp_path / "aoi.geojson"
    aoi.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"name": "seed"},
        "geometry": {"type": "Polygon", "coordinates": [EOSDA_SEED_POLYGON]}}]}))
    sim = qh.start_simulator("eosda_sim", ["--api-key", "eosda-demo-key", "--polls-to-done", "1"])
    try:
        env = qh.headless_env(tmp_path, {"EO_DOWNLOADER_EOSDA_API_URL": "http://127.0.0.1:{}".format(sim.port),
                                         "EO_DOWNLOADER_EOSDA_API_KEY": "eosda-demo-key"})
        qh.install_zip(str(built["path"]), env)
        rc, data, err = qh.run_algorithm("eo_downloader:eosda_search", {
            "AOI": str(aoi), "DATASET": 0, "DATE_FROM": "2023-07-01", "DATE_TO": "2023-07-31", "CLOUD_MAX": 100,
            "OUTPUT": str(tmp_path / "scenes.gpkg")}, env)
        assert rc == 0, err
        from qgis.core import QgsVectorLayer
        scenes = QgsVectorLayer(str(tmp_path / "scenes.gpkg"), "scenes", "ogr")
        assert scenes.isValid() and scenes.featureCount() > 0
        view_ids = {f["view_id"] for f in scenes.getFeatures()}
        assert all(v.startswith("S2/") for v in view_ids)
        rc, data, err = qh.run_algorithm("eo_downloader:eosda_download", {
            "AOI": str(aoi), "VIEW_ID": "S2/13/R/EL/2023/7/19/0", "BANDS": "B02,B03,B04", "MERGE": "true",
            "REFERENCE": "ref_datetime", "OUTPUT_DIR": str(tmp_path / "out")}, env)
        assert rc == 0, err
        files = data["results"]["OUTPUT_FILES"]
        assert len(files) == 1 and files[0].endswith(".tif")      # merged bands of one resolution: tif
        ds = gdal.Open(files[0])
        assert ds.RasterCount == 3
        assert osr.SpatialReference(wkt=ds.GetProjection()).GetAuthorityCode(None) == "32613"
        assert "eosda-demo-key" not in err + json.dumps(data)
    finally:
        sim.terminate()
        sim.wait(10)


def test_ee_collection_median_through_qgis_process(built, tmp_path):
    """Issue 17: COLLECTION + dates + CLOUD_MASK + COMPOSITE=median, no asset id: a georeferenced GeoTIFF cut
    to the polygon whose pixels are the simulator's median of the clear scenes."""
    import warnings
    import numpy as np
    from tests.core.test_ee_client import inside_mask, valid_mask
    from tests.core.test_ee_collections import SMALL, scene_stack
    from tests.sims import ee_sim
    aoi = tmp_path / "aoi.geojson"
    aoi.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": SMALL}]}))
    sim = qh.start_simulator("ee_sim", ["--token", demo.TOKEN])
    try:
        env = qh.headless_env(tmp_path, {"EO_DOWNLOADER_EE_API_URL": "http://127.0.0.1:{}".format(sim.port),
                                         "EO_DOWNLOADER_EE_TOKEN": demo.TOKEN})
        qh.install_zip(str(built["path"]), env)
        rc, data, err = qh.run_algorithm("eo_downloader:ee_download", {
            "AOI": str(aoi), "COLLECTION": "COPERNICUS/S2_SR_HARMONIZED", "DATE_FROM": "2023-06-01",
            "DATE_TO": "2023-07-15", "CLOUD_MAX": 20, "CLOUD_MASK": 1, "COMPOSITE": 0, "BANDS": "B4,B3",
            "SCALE": 20, "FORMAT": 3, "PROJECT": "my-project", "OUTPUT_DIR": str(tmp_path / "out")}, env)
        assert rc == 0, err
    finally:
        sim.terminate()
        sim.wait(10)
    files = data["results"]["OUTPUT_FILES"]
    assert [os.path.basename(f) for f in files] == ["S2_L2A_median_2023-06-01..2023-07-15.tif"]
    path = files[0]
    ds = gdal.Open(path)
    assert osr.SpatialReference(wkt=ds.GetProjection()).GetAuthorityCode(None) == "32631"  # the area's UTM zone
    assert ds.GetGeoTransform()[1] == 20
    expected_sim = ee_sim.EeSimulator()          # the same deterministic pixels, computed here
    ids = [ee_sim.S2_SR_COLLECTION + "/{0}T105031_{0}T105716_T31TCJ".format(day)
           for day in ("20230605", "20230615", "20230710")]        # the clear scenes of the period

    def clear(scene, grid):
        cs = expected_sim.expected_pixels(ee_sim.CS_PLUS_COLLECTION + "/" + scene.rsplit("/", 1)[-1], "cs_cdf",
                                          *grid)
        return cs.astype(np.float64) >= 0.6
    for index, band in enumerate(("B4", "B3"), start=1):
        stack = scene_stack(expected_sim, path, ids, band, clear)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            expected = np.nanmedian(stack, axis=0)
        got = ds.GetRasterBand(index).ReadAsArray()
        valid = valid_mask(path, index)
        assert valid.any() and np.array_equal(valid, inside_mask(path, SMALL) & np.isfinite(expected))
        assert np.array_equal(got[valid], expected[valid])


def test_stac_search_through_qgis_process(built, tmp_path):
    """``eo_downloader:stac_search`` in the real qgis_process against the real STAC server, the
    catalogue given by EO_DOWNLOADER_STAC_API_URL (the default catalogue of headless runs)."""
    from tests import stac_data
    from tests.servers.stac_api import StacApi
    with StacApi(stac_data.documents(), str(tmp_path)) as api:
        env = qh.headless_env(tmp_path, {"EO_DOWNLOADER_STAC_API_URL": api.url})
        qh.install_zip(str(built["path"]), env)
        out = tmp_path / "items.gpkg"
        rc, data, err = qh.run_algorithm("eo_downloader:stac_search", {
            "EXTENT": "0.2,0.6,0.2,0.6 [EPSG:4326]", "COLLECTION": "s2", "DATE_FROM": "2024-01-05",
            "DATE_TO": "2024-01-16", "MAX_ITEMS": 3, "OUTPUT": str(out)}, env)
    assert rc == 0, err
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(str(out), "items", "ogr")
    found = [f["id"] for f in layer.getFeatures()]
    # rustac cannot sort: the first 3 it gives of the 6 west items in the period, newest first
    assert len(found) == 3 and set(found) <= {"S2_06", "S2_08", "S2_10", "S2_12", "S2_14", "S2_16"}
    assert found == sorted(found, reverse=True)
    assert data["results"]["COUNT"] == 3 and data["results"]["NEWEST_ID"] == found[0]
    assert "not necessarily the newest" in err + json.dumps(data)


def test_stac_download_through_qgis_process(built, tmp_path):
    """``qgis_process run eo_downloader:stac_download`` searching the real STAC server (``rustac serve``)
    whose items' COGs nginx serves: the item over the AOI in the dates is read, cut exactly to the AOI on
    the source grid; an item elsewhere and one outside the dates are not."""
    from tests.core import stac_assets as sa
    from tests.servers.nginx import Nginx
    from tests.servers.stac_api import StacApi
    folder = str(tmp_path / "assets")
    paths = sa.make_item_assets(folder, "a", 1024, keys=("red", "green"))
    cog = "image/tiff; application=geotiff; profile=cloud-optimized"
    side = 1024 * sa.PIXEL

    def item(name, day, x0):
        foot = sa.utm_polygon([(x0, sa.Y0), (x0 + side, sa.Y0), (x0 + side, sa.Y0 - side), (x0, sa.Y0 - side)])
        xs = [p[0] for p in foot["coordinates"][0]]
        ys = [p[1] for p in foot["coordinates"][0]]
        return {"type": "Feature", "stac_version": "1.0.0", "id": name, "collection": "sentinel-2-l2a",
                "geometry": foot, "bbox": [min(xs), min(ys), max(xs), max(ys)], "links": [],
                "properties": {"datetime": "2024-05-{:02d}T10:00:00Z".format(day), "eo:cloud_cover": 5},
                "assets": {k: {"href": srv.url("a_{}.tif".format(k)), "type": cog} for k in ("red", "green")}}

    with Nginx(folder, str(tmp_path)) as srv, StacApi([{"type": "FeatureCollection", "features": [
            item("a", 1, sa.X0), item("far", 2, sa.X0 + 50 * side), item("late", 20, sa.X0)]}],
            str(tmp_path)) as api:
        aoi = sa.utm_square(sa.X0 + 2003, sa.Y0 - 3003, 1000)
        (tmp_path / "aoi.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": aoi}]}))
        env = qh.headless_env(tmp_path)
        qh.install_zip(str(built["path"]), env)
        rc, data, err = qh.run_algorithm("eo_downloader:stac_download", {
            "API": api.url, "COLLECTION": "sentinel-2-l2a", "AOI": str(tmp_path / "aoi.geojson"),
            "DATE_FROM": "2024-05-01", "DATE_TO": "2024-05-10", "ASSETS": "red,green",
            "OUTPUT_DIR": str(tmp_path / "out")}, env)
    assert rc == 0, err
    (path,) = data["results"]["OUTPUT_FILES"]
    assert os.path.basename(path) == "sentinel-2-l2a_2024-05-01.tif"
    out, src = gdal.Open(path), gdal.Open(paths["red"])
    col, row, width, height, _inside = sa.centre_window(aoi, src.GetGeoTransform(), 1024, 1024)
    gt = src.GetGeoTransform()
    assert (out.RasterXSize, out.RasterYSize, out.RasterCount) == (width, height, 2) == (100, 100, 2)
    assert out.GetGeoTransform() == (gt[0] + col * gt[1], gt[1], 0.0, gt[3] + row * gt[5], 0.0, gt[5])
    assert osr.SpatialReference(wkt=out.GetProjection()).GetAuthorityCode(None) == "32631"
