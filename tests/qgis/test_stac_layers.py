"""A STAC job's results as layers: one per date in the job's group, each with its own day as its
temporal range for the Temporal Controller; the time stack VRT as one layer outside the animation."""
import numpy as np
from osgeo import gdal, osr
from qgis.core import QgsProject

from plugin.adapters.layers import load_job_outputs
from plugin.core.jobs import Job

AOI = {"type": "Polygon", "coordinates": [[[3.0, 45.0], [3.01, 45.0], [3.01, 45.01], [3.0, 45.01], [3.0, 45.0]]]}
DAYS = ("2024-05-01", "2024-05-06", "2024-05-11")


def tif(path, value):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 4, 4, 3, gdal.GDT_UInt16)
    ds.SetGeoTransform((505000, 10, 0, 4995000, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32631)
    ds.SetProjection(srs.ExportToWkt())
    for b, name in enumerate(("red", "green", "blue")):
        ds.GetRasterBand(b + 1).WriteArray(np.full((4, 4), value + b, dtype=np.uint16))
        ds.GetRasterBand(b + 1).SetDescription(name)
    ds = None
    return str(path)


def test_one_layer_per_date_with_its_temporal_range_and_the_stack(qgis_new_project, tmp_path):
    files = [tif(tmp_path / "s2_{}.tif".format(day), 100 * (i + 1)) for i, day in enumerate(DAYS)]
    from plugin.core.providers.stac.stack import time_stack
    stack = time_stack(list(zip(DAYS, files)), str(tmp_path / "s2_stack.vrt"))     # as the runner writes it
    job = Job("stac", {"api": "http://127.0.0.1/", "collection": "sentinel-2-l2a", "aoi": AOI, "items": [],
                       "assets": ["red", "green", "blue"]}, title="STAC sentinel-2-l2a", output_dir=str(tmp_path))
    job.server = {"dates": {day: {"done": True, "outputs": [path]} for day, path in zip(DAYS, files)}}
    job.outputs = files + [stack]
    layers = load_job_outputs(job, QgsProject.instance())
    group = QgsProject.instance().layerTreeRoot().findGroup("STAC sentinel-2-l2a")
    assert group is not None and len(group.findLayers()) == 4
    for layer, day in zip(layers, DAYS):
        props = layer.temporalProperties()
        assert props.isActive(), day
        assert props.fixedTemporalRange().begin().toString("yyyy-MM-dd HH:mm") == day + " 00:00"
        assert props.fixedTemporalRange().end().toString("yyyy-MM-dd HH:mm") == day + " 23:59"
        assert "Acquired: {}".format(day) in layer.metadata().abstract()
        # told apart by the day (the title names the collection; the file name at the end was cut off)
        assert layer.name() == "STAC sentinel-2-l2a · " + day
    assert not layers[3].temporalProperties().isActive()
