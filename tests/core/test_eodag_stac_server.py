"""eodag 4 against a REAL STAC API server (``rustac serve``, tests/servers/stac_api.py) whose items point at
Cloud-Optimized GeoTIFFs served by nginx (HTTP Range), configured as a user-defined eodag STAC provider the
way the plugin takes one (a provider YAML in ``EO_DOWNLOADER_EODAG_PROVIDERS_FILE``).

rustac's in-memory backend has no ``/queryables`` (404) and neither the query nor the filter extension:
a ``query`` body is answered with no item at all.  What a user of such a catalogue must still get: a
search that works, the cloud cover filtered (and said so), the newest product first, cuts exactly on the
AOI in the raster's own grid, and a true colour QGIS shows as red, green, blue.
"""
import os

import numpy as np
import pytest
from osgeo import gdal, osr
from pyproj import Transformer

from plugin.core.providers.eodag import client as ec
from plugin.core.providers.eodag import cut as pc
from tests.core.test_eodag_client import eodag_env, no_internet  # noqa: F401 (fixtures)
from tests.servers.nginx import Nginx
from tests.servers.stac_api import StacApi

EPSG = 32631
X0, Y0, RES, SIZE = 500000.0, 4800000.0, 10.0, 200          # a 2 km UTM 31N tile of 10 m pixels
BANDS = {"red": "B04", "green": "B03", "blue": "B02"}
TO_4326 = Transformer.from_crs(EPSG, 4326, always_xy=True)
# (id, date, cloud cover): deliberately not in date order, as the server keeps them
ITEMS = [("S2_OLDER", "2024-01-02T10:30:00Z", 10.0), ("S2_NEWEST", "2024-01-05T10:30:00Z", 80.0),
         ("S2_MIDDLE", "2024-01-03T10:30:00Z", 5.0)]


def _utm_rectangle(x0, y0, x1, y1):
    """A rectangle given in the tile's UTM coordinates, as the plugin hands AOIs over: in EPSG:4326."""
    ring = [TO_4326.transform(x, y) for x, y in [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]]
    return {"type": "Polygon", "coordinates": [ring]}


TILE = _utm_rectangle(X0, Y0 - SIZE * RES, X0 + SIZE * RES, Y0)
AOI = _utm_rectangle(500200, 4798800, 500600, 4799200)        # 40 x 40 pixels, on the pixel grid


def _write_cog(path, value):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    mem = gdal.GetDriverByName("MEM").Create("", SIZE, SIZE, 1, gdal.GDT_UInt16)
    mem.SetGeoTransform((X0, RES, 0, Y0, 0, -RES))
    mem.SetProjection(srs.ExportToWkt())
    mem.GetRasterBand(1).WriteArray((np.arange(SIZE * SIZE).reshape(SIZE, SIZE) % 1000 + value).astype("uint16"))
    gdal.Translate(str(path), mem, format="COG")


def _item(nginx, item_id, when, cloud):
    geometry = TILE
    xs = [p[0] for p in geometry["coordinates"][0]]
    ys = [p[1] for p in geometry["coordinates"][0]]
    return {"type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "s2-cog",
            "geometry": geometry, "bbox": [min(xs), min(ys), max(xs), max(ys)], "links": [],
            "assets": {key: {"href": nginx.url("{}/{}.tif".format(item_id, band)), "roles": ["data"],
                             "type": "image/tiff; application=geotiff; profile=cloud-optimized"}
                       for key, band in BANDS.items()},
            "properties": {"datetime": when, "eo:cloud_cover": cloud}}


def provider_yaml(api_url: str, name: str = "my_stac") -> str:
    """A user's own STAC API for eodag: only the search endpoint and the collection mapping."""
    return ("{name}:\n  search:\n    type: StacSearch\n    api_endpoint: {url}search\n"
            "  products:\n    GENERIC_COLLECTION:\n      _collection: '{{collection}}'\n"
            "  download:\n    type: HTTPDownload\n    base_uri: {url}\n").format(name=name, url=api_url)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    base = tmp_path_factory.mktemp("stac")
    www = base / "www"
    for n, (item_id, _, _) in enumerate(ITEMS):
        (www / item_id).mkdir(parents=True)
        for value, band in enumerate(BANDS.values()):
            _write_cog(www / item_id / "{}.tif".format(band), 10 * n + value + 1)
    with Nginx(str(www), str(base), log_requests=True) as nginx, \
            StacApi([{"type": "FeatureCollection", "features": [_item(nginx, *it) for it in ITEMS]}], str(base)) as api:
        yield api, nginx


@pytest.fixture
def client(servers, eodag_env, tmp_path, monkeypatch):  # noqa: F811 (fixture)
    api, _ = servers
    path = tmp_path / "my_stac.yml"
    path.write_text(provider_yaml(api.url))
    monkeypatch.setenv(ec.PROVIDERS_FILE_ENV, str(path))
    return ec.EodagClient(provider="my_stac")


def search(client, cloud=None, aoi=AOI):
    return client.search("my_stac", "s2-cog", "2024-01-01", "2024-01-31", aoi, cloud)


# -- search --------------------------------------------------------------------------------------
def test_a_server_without_queryables_is_searched_without_them(client, no_internet):  # noqa: F811
    found = search(client)
    assert sorted(i.id for i in found) == sorted(i[0] for i in ITEMS)
    assert not no_internet


def test_results_come_newest_first(client):
    assert [i.id for i in search(client)] == ["S2_NEWEST", "S2_MIDDLE", "S2_OLDER"]


def test_cloud_cover_is_filtered_here_when_the_server_cannot_and_the_user_is_told(client, servers):
    found = search(client, cloud=50)
    assert [i.id for i in found] == ["S2_MIDDLE", "S2_OLDER"]
    assert len(found.notes) == 1
    assert "cloud cover" in found.notes[0] and "3" in found.notes[0] and "2" in found.notes[0]
    # without a cloud limit there is nothing to say
    assert search(client).notes == []


# -- download and cut ---------------------------------------------------------------------------------
@pytest.fixture
def cut_result(client, tmp_path):
    info = search(client)[0]
    outcome = client.download(info, str(tmp_path / "download"))
    return pc.cut_product(outcome.path, AOI, ["B04", "B03", "B02"], str(tmp_path / "cut"), hints=info.asset_hints)


def test_the_cut_of_a_utm_cog_is_exactly_the_aoi_in_the_source_grid(cut_result):
    assert not cut_result.missing and not cut_result.outside
    for band, path in cut_result.bands.items():
        ds = gdal.Open(path)
        assert (ds.RasterXSize, ds.RasterYSize) == (40, 40), band
        assert ds.GetGeoTransform() == (500200.0, RES, 0.0, 4799200.0, 0.0, -RES)
        srs = osr.SpatialReference(wkt=ds.GetProjection())
        assert srs.GetAuthorityCode(None) == str(EPSG)
        source = gdal.Open(cut_result.sources[band].path).ReadAsArray(20, 80, 40, 40)
        assert (ds.ReadAsArray() == source).all()          # the source's own pixels, none resampled


def test_an_aoi_off_the_grid_gets_the_pixels_that_cover_it_and_no_more(tmp_path, cut_result):
    source = cut_result.sources["B04"].path
    aoi = _utm_rectangle(500203, 4798804, 500597, 4799196)      # inside the same 40 x 40 pixels
    out = pc.cut_raster(source, str(tmp_path / "off.tif"), aoi)
    ds = gdal.Open(out)
    assert (ds.RasterXSize, ds.RasterYSize) == (40, 40)
    assert ds.GetGeoTransform()[0] == 500200.0 and ds.GetGeoTransform()[3] == 4799200.0


def test_the_true_colour_vrt_says_red_green_blue(cut_result):
    ds = gdal.Open(cut_result.true_colour)
    assert ds.RasterCount == 3
    assert [ds.GetRasterBand(i).GetColorInterpretation() for i in (1, 2, 3)] == \
        [gdal.GCI_RedBand, gdal.GCI_GreenBand, gdal.GCI_BlueBand]
    assert [ds.GetRasterBand(i).GetDescription() for i in (1, 2, 3)] == ["B04", "B03", "B02"]


# -- a whole job ------------------------------------------------------------------------------------
def test_a_job_delivers_the_cut_products_and_its_summary_says_where_the_cloud_was_filtered(servers, client, tmp_path):
    from plugin.core.jobs import Job, JobStore
    from plugin.core.providers.eodag import runner as ed
    from plugin.core.runner import CancelToken, RunContext, run_job
    params = ed.build_params(provider="my_stac", collection="s2-cog", date_from="2024-01-01", date_to="2024-01-31",
                             cloud_max=50, aoi=AOI, bands="B04,B03,B02")
    job = Job(provider="eodag", params=params, title="rustac", output_dir=str(tmp_path / "out"))
    store = JobStore(str(tmp_path / "jobs.json"))
    store.add(job)
    ctx = RunContext(store.get(job.id), store=store, cancel=CancelToken(), progress=lambda *a: None)
    outputs = run_job(store.get(job.id), ctx)
    vrts = sorted(o for o in outputs if o.endswith(".vrt"))
    assert [os.path.basename(v) for v in vrts] == ["S2_MIDDLE_true_colour.vrt", "S2_OLDER_true_colour.vrt"]
    assert all((gdal.Open(o).RasterXSize, gdal.Open(o).RasterYSize) == (40, 40) for o in outputs)
    assert "neither the query nor the filter extension" in ctx.summary and "of the 3 products" in ctx.summary


def test_dates_of_any_stac_form_sort_as_instants():
    dates = ["2024-01-03T10:30:00Z", "2024-01-03T10:30:00.123456789Z", "2024-01-03T12:30:00+02:00",
             "2024-01-04", "", "not a date"]
    ordered = sorted(dates, key=ec._date_key, reverse=True)
    assert ordered[:2] == ["2024-01-04", "2024-01-03T10:30:00.123456789Z"]
    assert set(ordered[2:4]) == {"2024-01-03T10:30:00Z", "2024-01-03T12:30:00+02:00"}     # the same instant
    assert set(ordered[4:]) == {"", "not a date"}                                            # unknown: last
