"""``eo_downloader:eosda_download`` through Processing, one job per feature (issue 20 item 4): a model can fan
an EOSDA download out over a layer, each feature's files in a folder named after it."""
import os

from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

from tests.qgis.helpers import three_fields
from tests.qgis.test_ee_export_alg import processing_ready  # noqa: F401 (fixture)
from tests.sims.eosda_sim import EosdaSimulator

VIEW = "S2/13/R/EL/2023/7/19/0"


def test_one_job_per_feature_over_three_polygons(processing_ready, monkeypatch, tmp_path):  # noqa: F811
    from plugin.adapters import settings as plugin_settings
    store_path = str(tmp_path / "jobs.json")
    monkeypatch.setattr(plugin_settings, "job_store_path", lambda: store_path)
    layer = three_fields(-104.8824, 27.1662, -104.8719, 27.1805)
    last_id = max(f.id() for f in layer.getFeatures())
    QgsProject.instance().addMapLayer(layer)
    with EosdaSimulator(api_keys=("alg-key",), polls_to_start=0, polls_to_done=1) as sim:
        monkeypatch.setenv("EO_DOWNLOADER_EOSDA_API_URL", sim.url)
        monkeypatch.setenv("EO_DOWNLOADER_EOSDA_API_KEY", "alg-key")
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        try:
            result = processing_ready.run("eo_downloader:eosda_download", {
                "AOI": layer.id(), "VIEW_ID": VIEW, "BANDS": "B04", "ONE_JOB_PER_FEATURE": True,
                "NAME_FIELD": "name", "OUTPUT_DIR": str(tmp_path / "out")}, context=context,
                feedback=QgsProcessingFeedback())
        finally:
            QgsProject.instance().removeMapLayer(layer.id())
        bodies = list(sim.created_bodies)
    out = str(tmp_path / "out")
    assert result["OUTPUT_FOLDER"] == out
    assert sorted(os.listdir(out)) == sorted(["North field", "_.._South_field", "feature {}".format(last_id)])
    files = result["OUTPUT_FILES"]
    assert sorted({os.path.relpath(f, out).split(os.sep)[0] for f in files}) == sorted(os.listdir(out))
    assert len(bodies) == 3                         # one EOSDA task per feature, each over its own polygon
    polygons = [b["params"]["geometry"]["coordinates"][0] for b in bodies]
    assert len({tuple(map(tuple, p)) for p in polygons}) == 3
