"""Results look right at once (issue 20 item 1): the composite of a download on top of its group,
stretched, named after what and when, without its single bands unless asked; the acquisition
days in the metadata of every provider's layers; a stale .aux.xml never styles a new result."""
import os

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import QgsMultiBandColorRenderer, QgsProject

from plugin.adapters import layers as plugin_layers
from plugin.adapters import settings as plugin_settings
from plugin.core import raster
from plugin.core.jobs import Job
from plugin.core.providers.earthengine import download_runner as R

AOI = {"type": "Polygon", "coordinates": [[[1.0, 43.0], [1.01, 43.0], [1.01, 43.01], [1.0, 43.01], [1.0, 43.0]]]}
IMAGE = "COPERNICUS/S2_SR_HARMONIZED/20230804T105031_20230804T105716_T31TCJ"


def band_tif(path, values, name=None):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 8, 8, 1, gdal.GDT_UInt16)
    ds.SetGeoTransform((360000, 10, 0, 4770000, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(values.astype(np.uint16))
    if name:
        ds.GetRasterBand(1).SetDescription(name)
    ds = None
    return str(path)


@pytest.fixture
def single_bands_setting():
    before = plugin_settings.get("add_single_bands")
    yield
    plugin_settings.set("add_single_bands", before)


def download_job(tmp_path):
    """An Earth Engine download of B4, B3, B2 as the runner writes it: a file per band and their stack."""
    params = R.build_params(IMAGE, bands="B4,B3,B2", project="my-project", aoi=AOI)
    job = Job("ee_download", params, title=R.result_title(params), output_dir=str(tmp_path))
    base = "20230804T105031_20230804T105716_T31TCJ"
    ramp = np.arange(64).reshape(8, 8) * 100 + 1000
    paths = [band_tif(tmp_path / "{}.{}.tif".format(base, b), ramp + i, b) for i, b in enumerate(("B4", "B3", "B2"))]
    vrt = raster.stack_vrt(paths, str(tmp_path / "{}.vrt".format(base)), ["B4", "B3", "B2"])
    job.outputs = paths + [vrt]
    return job


def test_the_composite_alone_on_top_named_after_what_and_when(qgis_new_project, tmp_path, single_bands_setting):
    plugin_settings.set("add_single_bands", False)
    job = download_job(tmp_path)
    assert job.title == "S2 L2A T31TCJ 2023-08-04 · 91 ha"
    added = plugin_layers.load_job_outputs(job, QgsProject.instance())
    assert [lyr.source() for lyr in added] == [job.outputs[-1]]          # the stack, not its bands
    (layer,) = added
    assert layer.name() == job.title
    group = QgsProject.instance().layerTreeRoot().findGroup(job.title)
    assert [child.layer() for child in group.children()] == [layer]
    renderer = layer.renderer()
    assert isinstance(renderer, QgsMultiBandColorRenderer)
    red = renderer.redContrastEnhancement()
    # a 2-98 % cut of 1000..7300, not the type's 0..65535
    assert 1000 < red.minimumValue() < 1300 and 7000 < red.maximumValue() < 7300


def test_single_bands_when_asked_below_the_composite(qgis_new_project, tmp_path, single_bands_setting):
    plugin_settings.set("add_single_bands", True)
    job = download_job(tmp_path)
    plugin_layers.load_job_outputs(job, QgsProject.instance())
    group = QgsProject.instance().layerTreeRoot().findGroup(job.title)
    names = [child.layer().name() for child in group.children()]
    assert names == [job.title, job.title + " · B4", job.title + " · B3", job.title + " · B2"]


def test_two_jobs_of_one_title_keep_a_group_each(qgis_new_project, tmp_path, single_bands_setting):
    plugin_settings.set("add_single_bands", False)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = download_job(tmp_path / "a"), download_job(tmp_path / "b")
    plugin_layers.load_job_outputs(first, QgsProject.instance())
    plugin_layers.load_job_outputs(second, QgsProject.instance())
    groups = QgsProject.instance().layerTreeRoot().children()
    assert len(groups) == 2 and all(len(g.children()) == 1 for g in groups)


def test_a_stale_aux_xml_does_not_style_a_new_result(tmp_path):
    path = band_tif(tmp_path / "dem.tif", np.arange(64).reshape(8, 8))
    aux = path + ".aux.xml"
    with open(aux, "w") as fh:    # an earlier run's side file: other statistics, another no-data value
        fh.write('<PAMDataset><PAMRasterBand band="1"><NoDataValue>5</NoDataValue><Metadata>'
                 '<MDI key="STATISTICS_MINIMUM">30000</MDI><MDI key="STATISTICS_MAXIMUM">40000</MDI>'
                 '<MDI key="STATISTICS_MEAN">35000</MDI><MDI key="STATISTICS_STDDEV">10</MDI>'
                 '</Metadata></PAMRasterBand></PAMDataset>')
    old = os.path.getmtime(path) - 3600
    os.utime(aux, (old, old))
    job = Job("ee_export", {"image": "USGS/SRTMGL1_003"}, title="DEM", output_dir=str(tmp_path), outputs=[path])
    (layer,) = plugin_layers.make_layers(job, [path])
    assert not layer.dataProvider().sourceHasNoDataValue(1)
    ce = layer.renderer().contrastEnhancement()
    assert ce.minimumValue() < 10 and ce.maximumValue() <= 63
    assert not os.path.exists(aux)


def test_a_side_file_written_since_the_result_stays(tmp_path):
    path = band_tif(tmp_path / "dem.tif", np.arange(64).reshape(8, 8))
    with open(path + ".aux.xml", "w") as fh:
        fh.write("<PAMDataset/>")
    assert not plugin_layers.forget_stale_aux(path) and os.path.exists(path + ".aux.xml")


@pytest.mark.parametrize("provider,server", [
    ("eodag", {"acquired": ["2024-05-03"]}),
    ("ee_download", {"acquired": ["2024-05-03"]}),     # an asset whose id holds no date: its startTime
])
def test_acquired_in_the_metadata_of_every_provider(tmp_path, provider, server):
    path = band_tif(tmp_path / "r.tif", np.arange(64).reshape(8, 8))
    params = {"image": "projects/me/assets/field_scan", "aoi": AOI} if provider == "ee_download" else {"aoi": AOI}
    job = Job(provider, params, title="t", output_dir=str(tmp_path), outputs=[path], server=server)
    (layer,) = plugin_layers.make_layers(job, [path])
    md = layer.metadata()
    assert "Acquired: 2024-05-03" in md.abstract()
    (period,) = md.extent().temporalExtents()
    assert period.begin().toString("yyyy-MM-dd") == "2024-05-03"
    assert layer.temporalProperties().isActive()


def test_the_settings_dialog_keeps_the_single_bands_choice(qgis_new_project, single_bands_setting):
    from plugin.gui.settings_dialog import SettingsDialog
    before = {key: plugin_settings.get(key) for key in plugin_settings.DEFAULTS}
    plugin_settings.set("add_single_bands", False)
    dialog = SettingsDialog()
    try:
        assert not dialog.singleBandsCheck.isChecked()
        dialog.singleBandsCheck.setChecked(True)
        dialog.save()
        assert plugin_settings.get("add_single_bands") is True
    finally:
        dialog.deleteLater()
        for key, value in before.items():       # save() wrote every preference the dialog shows
            plugin_settings.set(key, value)
