"""Earth Engine collections through Processing (issue 17): ``ee_search`` writes footprints least cloudy
first, ``ee_download`` composites a collection, and a model searches then downloads the least cloudy
image — all against the simulator."""
import glob
import os
import warnings

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                       QgsProcessingModelChildParameterSource, QgsProcessingModelParameter,
                       QgsProcessingParameterExtent, QgsProject, QgsVectorLayer)

from plugin.core.jobs import JobStore
from tests.core.test_ee_client import inside_mask, valid_mask
from tests.core.test_ee_collections import scene_stack
from tests.qgis.test_ee_export_alg import processing_ready  # noqa: F401 (fixture)
from tests.sims.ee_sim import CS_PLUS_COLLECTION

S2 = "COPERNICUS/S2_SR_HARMONIZED"
SMALL_EXTENT = "1.0,1.02,43.0,43.02 [EPSG:4326]"
SMALL_RECT = {"type": "Polygon", "coordinates": [[[1.0, 43.0], [1.02, 43.0], [1.02, 43.02], [1.0, 43.02],
                                                  [1.0, 43.0]]]}
#: The simulator's Sentinel-2 scenes of summer 2023 under 20 % clouds, least cloudy first.
CLEAR_SUMMER = [("20230804", 2.3), ("20230615", 4.1953), ("20230710", 8.0), ("20230605", 12.5), ("20230819", 18.0)]


def newest_job(store_path):
    return max(JobStore.for_path(store_path).list(), key=lambda job: job.created)


def run(processing, alg, params):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(alg, params, context=context, feedback=QgsProcessingFeedback())
    return result, context


@pytest.mark.parametrize("alg_id", ["eo_downloader:ee_search", "eo_downloader:ee_download",
                                    "eo_downloader:ee_export"])
def test_help_names_every_collection_parameter(processing_ready, alg_id):
    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    assert alg is not None
    names = [p.name() for p in alg.parameterDefinitions()]
    for name in ("COLLECTION", "DATE_FROM", "DATE_TO", "CLOUD_MAX"):
        assert name in names and name + ":" in alg.shortHelpString().replace(" / ", ": ")   # DATE_FROM / DATE_TO:
    if alg_id != "eo_downloader:ee_search":
        assert alg.parameterDefinition("CLOUD_MASK").options() == ["none", "Cloud Score+", "Landsat QA"]
        assert alg.parameterDefinition("COMPOSITE").options() == ["median", "mean", "min", "max",
                                                                  "most recent on top", "least cloudy on top"]
        for name in ("CLOUD_MASK", "COMPOSITE", "IMAGE"):
            assert name + ":" in alg.shortHelpString()
        assert alg.parameterDefinition("IMAGE").flags() & alg.parameterDefinition("IMAGE").FlagOptional


def test_search_writes_footprints_least_cloudy_first(processing_ready, ee_env, tmp_path):
    out = str(tmp_path / "found.gpkg")
    result, _ = run(processing_ready, "eo_downloader:ee_search", {
        "EXTENT": SMALL_EXTENT, "COLLECTION": S2, "DATE_FROM": "2023-06-01", "DATE_TO": "2023-08-31",
        "CLOUD_MAX": 20, "PROJECT": "my-project", "OUTPUT": out})
    layer = QgsVectorLayer(result["OUTPUT"], "found", "ogr")
    assert layer.isValid() and [f.name() for f in layer.fields()][-3:] == ["id", "date", "cloud"]
    rows = [(f["id"], f["date"], f["cloud"]) for f in layer.getFeatures()]
    assert [(r[0].rsplit("/", 1)[-1][:8], r[2]) for r in rows] == CLEAR_SUMMER
    assert all(r[0].startswith(S2 + "/") and r[1] == "{}-{}-{}".format(r[0][28:32], r[0][32:34], r[0][34:36])
               for r in rows)
    assert all(not f.geometry().isEmpty() and f.geometry().intersects(
        f.geometry().fromWkt("POINT(1.01 43.01)")) for f in layer.getFeatures())
    assert result["LEAST_CLOUDY_ID"] == rows[0][0] and result["COUNT"] == 5


def test_search_with_nothing_found_gives_an_empty_id(processing_ready, ee_env, tmp_path):
    result, _ = run(processing_ready, "eo_downloader:ee_search", {
        "EXTENT": SMALL_EXTENT, "COLLECTION": S2, "DATE_FROM": "2031-06-01", "DATE_TO": "2031-08-31",
        "PROJECT": "my-project", "OUTPUT": str(tmp_path / "none.gpkg")})
    assert result["LEAST_CLOUDY_ID"] == "" and result["COUNT"] == 0


def test_search_refuses_a_cloud_limit_the_collection_cannot_apply(processing_ready, ee_env, tmp_path):
    with pytest.raises(QgsProcessingException) as info:
        run(processing_ready, "eo_downloader:ee_search", {
            "EXTENT": SMALL_EXTENT, "COLLECTION": "COPERNICUS/S1_GRD", "DATE_FROM": "2023-06-01",
            "DATE_TO": "2023-08-31", "CLOUD_MAX": 20, "PROJECT": "my-project", "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "no cloud cover property" in str(info.value)


def test_image_and_collection_together_is_a_clear_error(processing_ready, ee_env, tmp_path):
    with pytest.raises(QgsProcessingException) as info:
        run(processing_ready, "eo_downloader:ee_download", {
            "EXTENT": SMALL_EXTENT, "IMAGE": S2 + "/20230804T105031_20230804T105716_T31TCJ", "COLLECTION": S2,
            "DATE_FROM": "2023-06-01", "DATE_TO": "2023-08-31", "PROJECT": "my-project",
            "OUTPUT_DIR": str(tmp_path / "out")})
    assert "either IMAGE or COLLECTION" in str(info.value)


def test_neither_image_nor_collection_says_what_to_give(processing_ready, ee_env, tmp_path):
    with pytest.raises(QgsProcessingException) as info:
        run(processing_ready, "eo_downloader:ee_download", {
            "EXTENT": SMALL_EXTENT, "PROJECT": "my-project", "OUTPUT_DIR": str(tmp_path / "out")})
    assert "Give an IMAGE, or a COLLECTION with DATE_FROM and DATE_TO." in str(info.value)


def test_composite_download_is_the_masked_median_and_named_after_it(processing_ready, ee_env, ee_sim, tmp_path):
    result, context = run(processing_ready, "eo_downloader:ee_download", {
        "EXTENT": SMALL_EXTENT, "COLLECTION": S2, "DATE_FROM": "2023-06-01", "DATE_TO": "2023-07-15",
        "CLOUD_MAX": 20, "CLOUD_MASK": 1, "COMPOSITE": 0, "BANDS": "B4", "SCALE": 20, "FORMAT": 3,
        "PROJECT": "my-project", "OUTPUT_DIR": str(tmp_path / "out")})
    tifs = [f for f in result["OUTPUT_FILES"] if f.endswith(".tif")]
    assert [os.path.basename(f) for f in tifs] == ["S2_L2A_median_2023-06-01..2023-07-15.tif"]
    job = newest_job(ee_env)
    assert job.title == "S2 L2A median 2023-06-01..2023-07-15 · 362 ha"
    scenes = [s["id"] for s in job.server["scenes"]]

    def clear(scene, grid):
        cs = ee_sim.expected_pixels(CS_PLUS_COLLECTION + "/" + scene.rsplit("/", 1)[-1], "cs_cdf", *grid)
        return cs.astype(np.float64) >= 0.6
    stack = scene_stack(ee_sim, tifs[0], scenes, "B4", clear)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        expected = np.nanmedian(stack, axis=0)
    ds = gdal.Open(tifs[0])          # (kept alive while its band is read)
    got = ds.GetRasterBand(1).ReadAsArray()
    valid = valid_mask(tifs[0])
    assert valid.any() and np.array_equal(valid, inside_mask(tifs[0], SMALL_RECT) & np.isfinite(expected))
    assert np.array_equal(got[valid], expected[valid])


def search_then_download_model(out_dir):
    """A model as one builds it in the graphical modeler: ee_search, its least cloudy id into ee_download."""
    model = QgsProcessingModelAlgorithm("least cloudy", "tests")
    model.addModelParameter(QgsProcessingParameterExtent("area", "Area"), QgsProcessingModelParameter("area"))
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    search = QgsProcessingModelChildAlgorithm("eo_downloader:ee_search")
    search.setChildId("search")
    search.addParameterSources("EXTENT", [QgsProcessingModelChildParameterSource.fromModelParameter("area")])
    for name, value in (("COLLECTION", S2), ("DATE_FROM", "2023-06-01"), ("DATE_TO", "2023-08-31"),
                        ("CLOUD_MAX", 20), ("PROJECT", "my-project")):
        search.addParameterSources(name, [static(value)])
    model.addChildAlgorithm(search)
    download = QgsProcessingModelChildAlgorithm("eo_downloader:ee_download")
    download.setChildId("download")
    download.addParameterSources("EXTENT", [QgsProcessingModelChildParameterSource.fromModelParameter("area")])
    download.addParameterSources("IMAGE", [QgsProcessingModelChildParameterSource.fromChildOutput(
        "search", "LEAST_CLOUDY_ID")])
    for name, value in (("BANDS", "B4,B3"), ("SCALE", 30), ("PROJECT", "my-project"), ("OUTPUT_DIR", out_dir)):
        download.addParameterSources(name, [static(value)])
    model.addChildAlgorithm(download)
    return model


def test_model_searches_then_downloads_the_least_cloudy_image(processing_ready, ee_env, tmp_path):
    path = str(tmp_path / "least_cloudy.model3")
    assert search_then_download_model(str(tmp_path / "out")).toFile(path)
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(path)                         # as saved and reopened in the modeler
    ok, errors = model.checkParameterValues({"area": SMALL_EXTENT}, QgsProcessingContext())
    assert ok, errors
    result, _ = run(processing_ready, model, {"area": SMALL_EXTENT})
    assert result["CHILD_RESULTS"]["search"]["LEAST_CLOUDY_ID"].endswith("20230804T105031_20230804T105716_T31TCJ")
    files = sorted(os.path.basename(f) for f in glob.glob(str(tmp_path / "out" / "*" / "*.tif")))
    assert files == ["20230804T105031_20230804T105716_T31TCJ.B3.tif", "20230804T105031_20230804T105716_T31TCJ.B4.tif"]
    job = newest_job(ee_env)
    assert job.title == "S2 L2A T31TCJ 2023-08-04 · 362 ha"
