"""``eo_downloader:stac_search`` through Processing against the real STAC server (``rustac serve``)."""
import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer

from tests import stac_data
from tests.qgis.test_ee_collection_algs import run
from tests.qgis.test_ee_export_alg import processing_ready  # noqa: F401 (fixture)
from tests.servers.stac_api import StacApi

WEST_EXTENT = "0.2,0.6,0.2,0.6 [EPSG:4326]"


@pytest.fixture(scope="module")
def rustac(tmp_path_factory):
    with StacApi(stac_data.documents(), str(tmp_path_factory.mktemp("stac"))) as api:
        yield api


def test_parameters_and_help(processing_ready):
    alg = QgsApplication.processingRegistry().algorithmById("eo_downloader:stac_search")
    assert alg is not None
    names = [p.name() for p in alg.parameterDefinitions()]
    for name in ("AOI", "EXTENT", "CATALOGUE", "CATALOGUE_URL", "COLLECTION", "DATE_FROM", "DATE_TO", "CLOUD_MAX",
                 "MAX_ITEMS", "AUTHCFG", "OUTPUT"):
        assert name in names and name + ":" in alg.shortHelpString().replace(" / ", ": ").replace(", or ", ": ")
    assert alg.parameterDefinition("CATALOGUE").options()[:3] == [
        "Earth Search (AWS)", "Microsoft Planetary Computer", "Copernicus Data Space (CDSE)"]


def test_search_writes_footprints_newest_first(processing_ready, rustac, tmp_path):
    out = str(tmp_path / "items.gpkg")
    result, _ = run(processing_ready, "eo_downloader:stac_search", {
        "EXTENT": WEST_EXTENT, "CATALOGUE_URL": rustac.url, "COLLECTION": "s2", "DATE_FROM": "2024-01-01",
        "DATE_TO": "2024-01-31", "CLOUD_MAX": 30, "OUTPUT": out})
    layer = QgsVectorLayer(out, "items", "ogr")
    rows = [(f["id"], f["datetime"], f["cloud"], f["collection"], f["assets"], f["thumbnail"])
            for f in layer.getFeatures()]
    # west footprints only (even days), over 30 % dropped, no-cloud items (days 10, 20) kept
    assert [r[0] for r in rows] == ["S2_20", "S2_10", "S2_06", "S2_04", "S2_02"]
    assert rows[0][1] == "2024-01-20T10:30:00Z" and rows[0][2] in (None, "") or rows[0][2] != rows[0][2]
    assert rows[2][2] == 24.0 and rows[2][3] == "s2"
    assert rows[2][4] == "red,green,blue,nir,thumbnail" and rows[2][5].endswith("/S2_06/thumb.png")
    assert layer.crs().authid() == "EPSG:4326"
    assert result["COUNT"] == 5 and result["NEWEST_ID"] == "S2_20"


def test_unknown_collection_fails_clearly(processing_ready, rustac, tmp_path):
    with pytest.raises(QgsProcessingException, match="has no collection 'nope'"):
        run(processing_ready, "eo_downloader:stac_search", {
            "EXTENT": WEST_EXTENT, "CATALOGUE_URL": rustac.url, "COLLECTION": "nope",
            "OUTPUT": str(tmp_path / "x.gpkg")})


@pytest.fixture
def basic_authcfg(qgis_app):
    from tests.qgis.helpers import stored_authcfg
    with stored_authcfg("Basic", "stac private", username="stac-user", password="stac-pass-9931") as cfg_id:
        yield cfg_id


@pytest.fixture
def token_authcfg(qgis_app):
    from tests.qgis.helpers import stored_authcfg
    with stored_authcfg("EsriToken", "stac token", token="stac-token-5512") as cfg_id:
        yield cfg_id


def test_credentials_for_stac_jobs(basic_authcfg, token_authcfg):
    import base64
    from plugin.adapters.credentials import credentials_for
    from plugin.core.jobs import Job
    basic = credentials_for(Job(provider="stac", params={"authcfg": basic_authcfg}))
    assert basic["headers"] == {"Authorization": "Basic " + base64.b64encode(b"stac-user:stac-pass-9931").decode()}
    assert credentials_for(Job(provider="stac", params={"authcfg": token_authcfg}))["headers"] == {
        "Authorization": "Bearer stac-token-5512"}
    assert credentials_for(Job(provider="stac", params={}))["headers"] == {}
    from plugin.core.transfer.http import redact
    assert "stac-token-5512" not in redact("token stac-token-5512") and "stac-pass-9931" not in redact("stac-pass-9931")


def test_private_catalogue_searched_with_an_authcfg(processing_ready, basic_authcfg, tmp_path):
    import base64
    from tests.core.test_stac_auth import Catalogue
    header = "Basic " + base64.b64encode(b"stac-user:stac-pass-9931").decode()
    with Catalogue(require=header) as cat:
        with pytest.raises(QgsProcessingException, match="refused the request"):
            run(processing_ready, "eo_downloader:stac_search", {
                "EXTENT": WEST_EXTENT, "CATALOGUE_URL": cat.url, "COLLECTION": "s2",
                "OUTPUT": str(tmp_path / "none.gpkg")})
        result, _ = run(processing_ready, "eo_downloader:stac_search", {
            "EXTENT": WEST_EXTENT, "CATALOGUE_URL": cat.url, "COLLECTION": "s2", "AUTHCFG": basic_authcfg,
            "OUTPUT": str(tmp_path / "items.gpkg")})
    assert result["COUNT"] == 2 and result["NEWEST_ID"] == "P2"
