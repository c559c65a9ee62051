"""Earth Engine results named after what they are, with their acquisition dates (issue 17 item 7):
the group and job title, the layer metadata's temporal extent, and a single image's fixed temporal
range for the Temporal Controller."""
import numpy as np
from osgeo import gdal, osr
from qgis.core import QgsProject

from plugin.adapters.layers import load_job_outputs, make_layers
from plugin.core.jobs import Job
from plugin.core.providers.earthengine import download_runner as R

S2 = "COPERNICUS/S2_SR_HARMONIZED"
AOI = {"type": "Polygon", "coordinates": [[[1.0, 43.0], [1.02, 43.0], [1.02, 43.02], [1.0, 43.02], [1.0, 43.0]]]}
SCENES = [{"id": S2 + "/20230710T105031_20230710T105716_T31TCJ", "time": "2023-07-10T10:56:02Z", "cloud": 8.0},
          {"id": S2 + "/20230605T105031_20230605T105716_T31TCJ", "time": "2023-06-05T10:56:02Z", "cloud": 12.5}]


def tif(path):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 4, 4, 1, gdal.GDT_UInt16)
    ds.SetGeoTransform((360000, 10, 0, 4770000, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.arange(16, dtype=np.uint16).reshape(4, 4))
    ds = None
    return str(path)


def composite_job(tmp_path):
    params = R.build_params(None, collection=S2, date_from="2023-06-01", date_to="2023-08-31", cloud_max=20,
                            cloud_mask="cloud_score_plus", composite="median", bands="B4", project="my-project", aoi=AOI)
    job = Job("ee_download", params, title=R.result_title(params), output_dir=str(tmp_path))
    job.server = {"scenes": SCENES}
    return job


def test_composite_group_title_and_acquisition_dates(qgis_new_project, tmp_path):
    job = composite_job(tmp_path)
    assert job.title == "S2 L2A median 2023-06-01..2023-08-31 · 362 ha"
    job.outputs = [tif(tmp_path / "S2_L2A_median_2023-06-01..2023-08-31.tif")]
    layers = load_job_outputs(job, QgsProject.instance())
    assert QgsProject.instance().layerTreeRoot().findGroup("S2 L2A median 2023-06-01..2023-08-31 · 362 ha") is not None
    md = layers[0].metadata()
    assert "2023-06-05, 2023-07-10" in md.abstract()
    (period,) = md.extent().temporalExtents()
    assert period.begin().toString("yyyy-MM-ddTHH:mm:ss") == "2023-06-05T00:00:00"
    assert period.end().toString("yyyy-MM-ddTHH:mm:ss") == "2023-07-10T23:59:59"
    assert md.extent().spatialExtents()            # the area is still there
    assert not layers[0].temporalProperties().isActive()     # a period is not one moment of the animation


def test_single_image_by_its_date_with_a_temporal_range(tmp_path):
    image = S2 + "/20230804T105031_20230804T105716_T31TCJ"
    params = R.build_params(image, bands="B4", project="my-project", aoi=AOI)
    job = Job("ee_download", params, title=R.result_title(params), output_dir=str(tmp_path))
    assert job.title == "S2 L2A T31TCJ 2023-08-04 · 362 ha"
    (layer,) = make_layers(job, [tif(tmp_path / "img.tif")])
    props = layer.temporalProperties()
    assert props.isActive()
    assert props.fixedTemporalRange().begin().toString("yyyy-MM-dd HH:mm") == "2023-08-04 00:00"
    assert props.fixedTemporalRange().end().toString("yyyy-MM-dd HH:mm") == "2023-08-04 23:59"
    assert "Acquired: 2023-08-04" in layer.metadata().abstract()


def test_an_export_of_a_composite_has_its_period(tmp_path):
    job = composite_job(tmp_path)
    job.provider, job.server = "ee_export", {}
    (layer,) = make_layers(job, [tif(tmp_path / "exported.tif")])
    (period,) = layer.metadata().extent().temporalExtents()
    assert (period.begin().toString("yyyy-MM-dd"), period.end().toString("yyyy-MM-dd")) == ("2023-06-01",
                                                                                             "2023-08-31")


def test_an_image_without_a_date_keeps_its_id(tmp_path):
    params = R.build_params("USGS/SRTMGL1_003", bands="elevation", project="my-project", aoi=AOI)
    assert R.result_title(params) == "USGS/SRTMGL1_003 · 362 ha"
    job = Job("ee_download", params, title=R.result_title(params), output_dir=str(tmp_path))
    (layer,) = make_layers(job, [tif(tmp_path / "dem.tif")])
    assert not layer.temporalProperties().isActive() and not layer.metadata().extent().temporalExtents()
