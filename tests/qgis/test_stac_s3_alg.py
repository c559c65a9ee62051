"""STAC ``s3://`` assets through QGIS: the S3 keys of an authentication configuration (credentials_for),
and ``eo_downloader:stac_download`` reading a private bucket of moto's S3 server (tests/servers/s3.py)."""
import json
import os

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

from plugin.adapters import settings as plugin_settings
from plugin.core.errors import AuthError
from tests.core import stac_assets as sa
from tests.qgis.test_stac_alg import processing_ready  # noqa: F401 (fixture)

pytest.importorskip("moto", reason="moto[s3] and flask are needed (requirements-dev.txt)")
from tests.servers.s3 import S3Server  # noqa: E402

KEY_ID, SECRET = "AKIAQGISTEST00000007", "qgis-s3-secret/Zx81+Lm0Qa"      # pragma: allowlist secret
COG = "image/tiff; application=geotiff; profile=cloud-optimized"


@pytest.fixture
def s3_authcfg(qgis_app):
    from tests.qgis.helpers import stored_authcfg
    with stored_authcfg("Basic", "s3 keys", username=KEY_ID, password=SECRET) as cfg_id:
        yield cfg_id


@pytest.fixture
def token_authcfg(qgis_app):
    from tests.qgis.helpers import stored_authcfg
    with stored_authcfg("EsriToken", "not s3", token="tok-1234") as cfg_id:
        yield cfg_id


@pytest.fixture
def s3_settings():
    """The S3 settings put back as they were after the test."""
    keys = ("stac_s3_authcfg", "stac_s3_endpoint_url", "stac_authcfg")
    before = {k: plugin_settings.get(k) for k in keys}
    yield
    for key, value in before.items():
        plugin_settings.set(key, value)


def test_the_s3_keys_come_from_their_own_configuration(s3_authcfg, token_authcfg, s3_settings):
    from plugin.adapters.credentials import credentials_for
    from plugin.core.jobs import Job
    from plugin.core.transfer.http import redact
    plugin_settings.set("stac_authcfg", "")
    plugin_settings.set("stac_s3_authcfg", "")
    assert credentials_for(Job(provider="stac", params={})) == {"headers": {}, "s3": {}}
    got = credentials_for(Job(provider="stac", params={"s3_authcfg": s3_authcfg}))
    assert got == {"headers": {}, "s3": {"access_key_id": KEY_ID, "secret_access_key": SECRET}}   # no header
    plugin_settings.set("stac_s3_authcfg", s3_authcfg)
    assert credentials_for(Job(provider="stac", params={}))["s3"]["access_key_id"] == KEY_ID
    assert SECRET not in redact("the key is {}".format(SECRET))
    with pytest.raises(AuthError) as err:
        credentials_for(Job(provider="stac", params={"s3_authcfg": token_authcfg}))
    assert "Basic" in err.value.user_text()


def test_stac_download_reads_a_private_bucket_with_the_s3_credentials(processing_ready, s3_authcfg, s3_settings,
                                                                      tmp_path, monkeypatch):
    monkeypatch.setattr(plugin_settings, "job_store_path", lambda: str(tmp_path / "jobs.json"))
    cogs = sa.make_item_assets(str(tmp_path / "assets"), "a", 1024, keys=("red", "green"))
    item = {"type": "Feature", "id": "a-2024-05-01", "geometry": None,
            "properties": {"datetime": "2024-05-01T10:00:00Z"},
            "assets": {k: {"href": "s3://private/a_{}.tif".format(k), "type": COG} for k in ("red", "green")}}
    items_file = tmp_path / "items.json"
    items_file.write_text(json.dumps({"type": "FeatureCollection", "features": [item]}))
    x0, y0 = sa.X0 + 2003, sa.Y0 - 3003
    lonlat = sa.to_lonlat([(x0, y0 - 1000), (x0 + 1000, y0)])
    extent = "{},{},{},{} [EPSG:4326]".format(lonlat[0][0], lonlat[1][0], lonlat[0][1], lonlat[1][1])
    params = {"API": "https://catalogue.invalid/stac", "COLLECTION": "landsat", "EXTENT": extent,
              "ASSETS": "red,green", "ITEMS_FILE": str(items_file), "OUTPUT_DIR": str(tmp_path / "out")}
    plugin_settings.set("stac_s3_authcfg", "")
    with S3Server() as server:
        server.bucket("private")
        for key, path in cogs.items():
            server.put("private", "a_{}.tif".format(key), path)
        plugin_settings.set("stac_s3_endpoint_url", server.endpoint)
        with pytest.raises(QgsProcessingException) as err:
            processing_ready.run("eo_downloader:stac_download", params, context=QgsProcessingContext(),
                                 feedback=QgsProcessingFeedback())
        assert "private S3 bucket" in str(err.value)
        server.clear()
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        result = processing_ready.run("eo_downloader:stac_download", dict(params, S3_AUTHCFG=s3_authcfg),
                                      context=context, feedback=QgsProcessingFeedback())
        reads = [r for r in server.requests() if r["method"] == "GET"]
    assert [os.path.basename(f) for f in result["OUTPUT_FILES"]] == ["landsat_2024-05-01.tif"]
    assert reads and all(r["range"] and KEY_ID in r["authorization"] for r in reads)
    assert all(SECRET not in str(v) for r in reads for v in r.values())
