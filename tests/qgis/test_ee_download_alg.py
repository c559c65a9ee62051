"""``eo_downloader:ee_download`` through Processing: the one format list, FILE_PER_BAND with the default
format (issue 20 item 6: unticking "One file per band" must give one multi-band file)."""
import os

import pytest
from osgeo import gdal
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

from plugin.core.providers.earthengine.params import FORMAT_CHOICES
from tests.qgis.test_ee_export_alg import EXTENT, IMG, processing_ready  # noqa: F401 (fixture)



def _run(processing, tmp_path, **kw):
    params = {"EXTENT": EXTENT, "IMAGE": IMG, "BANDS": "B4,B3", "SCALE": 60, "PROJECT": "my-project",
              "OUTPUT_DIR": str(tmp_path / "out")}
    params.update(kw)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run("eo_downloader:ee_download", params, context=context, feedback=QgsProcessingFeedback())
    return result, context          # the context owns the layers to load: keep it alive


def _band_names(path):
    ds = gdal.Open(path)          # (kept alive while its bands are read)
    return ",".join(ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount))


def test_format_options_are_the_core_list(processing_ready):
    from qgis.core import QgsApplication
    alg = QgsApplication.processingRegistry().algorithmById("eo_downloader:ee_download")
    options = alg.parameterDefinition("FORMAT").options()
    assert len(options) == len(FORMAT_CHOICES) and options[1:] == list(FORMAT_CHOICES[1:])


@pytest.mark.parametrize("per_band,expected", [(True, ["B4", "B3"]), (False, ["B4,B3"])])
def test_file_per_band_decides_with_the_default_format(processing_ready, ee_env, ee_sim, tmp_path, per_band, expected):
    result, _context = _run(processing_ready, tmp_path, FILE_PER_BAND=per_band)
    tifs = sorted(f for f in result["OUTPUT_FILES"] if f.endswith(".tif"))
    bands = sorted(_band_names(f) for f in tifs)
    assert bands == sorted(expected)
    assert all(os.path.dirname(f) == result["OUTPUT_FOLDER"] for f in result["OUTPUT_FILES"])


def test_one_job_per_feature_over_three_polygons(processing_ready, ee_env, ee_sim, tmp_path):
    """Issue 20 item 4: ONE_JOB_PER_FEATURE + NAME_FIELD fan a download out over a layer, one folder per
    feature named by the field (a hostile value made safe, an empty one replaced by the feature id)."""
    from tests.qgis.helpers import three_fields
    layer = three_fields()
    last_id = max(f.id() for f in layer.getFeatures())
    QgsProject.instance().addMapLayer(layer)
    try:
        result, _context = _run(processing_ready, tmp_path, EXTENT=None, AOI=layer.id(), ONE_JOB_PER_FEATURE=True,
                                NAME_FIELD="name", FILE_PER_BAND=False)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    out = str(tmp_path / "out")
    assert result["OUTPUT_FOLDER"] == out
    folders = sorted(os.listdir(out))
    assert folders == sorted(["North field", "_.._South_field", "feature {}".format(last_id)])
    tifs = [f for f in result["OUTPUT_FILES"] if f.endswith(".tif")]
    assert len(tifs) == 3
    assert sorted(os.path.relpath(f, out).split(os.sep)[0] for f in tifs) == folders
    sizes = {f: gdal.Open(f).RasterXSize for f in tifs}
    assert all(0 < s < 40 for s in sizes.values()), sizes       # each a third of the seed area (~35 px at 60 m)
