"""The EOSDA simulator itself: endpoints, auth, states, errors, limits, real rasters, search.

These talk to the simulator with plain ``requests`` so that what the plugin's
client is tested against is known to behave like the documented service.
"""
import io
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from osgeo import gdal
from pyproj import Transformer
from shapely.geometry import shape

from tests.sims.eosda_sim import EosdaSimulator

KEY = "sim-key-0123456789"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The documented example (doc.eos.com download-analytics, seed 002).
SEED_POLYGON = {"type": "Polygon", "coordinates": [[
    [-104.87931347024973, 27.166227117387663], [-104.87190853064376, 27.17371136921598],
    [-104.87486446023671, 27.175686643908065], [-104.87271173924485, 27.178599422270565],
    [-104.87575466983847, 27.180525385046096], [-104.88103048496039, 27.176643443128853],
    [-104.87771956045358, 27.172771682872458], [-104.88236756436531, 27.17042134807906],
    [-104.87931347024973, 27.166227117387663]]]}
SEED_VIEW = "S2/13/R/EL/2023/7/19/0"


@pytest.fixture
def make_sim():
    sims = []

    def factory(**kwargs):
        kwargs.setdefault("api_keys", [KEY])
        sim = EosdaSimulator(**kwargs).start()
        sims.append(sim)
        return sim

    yield factory
    for sim in sims:
        sim.stop()


def body(view_id=SEED_VIEW, bands=("B02", "B03", "B04"), geometry=SEED_POLYGON, merge=True, metadata=None,
         reference="ref_test", **extra):
    params = {"view_id": view_id, "bands": list(bands), "geometry": geometry, "merge": merge,
              "reference": reference}
    if metadata is not None:
        params["metadata"] = metadata
    out = {"type": "lbe", "params": params}
    out.update(extra)
    return out


def create(sim, payload, key=KEY, how="query"):
    kwargs = {"json": payload}
    if how == "query":
        kwargs["params"] = {"api_key": key}
    elif how == "header":
        kwargs["headers"] = {"x-api-key": key}
    return requests.post(sim.url + "/api/gdw/api", timeout=10, **kwargs)


def status(sim, task_id, **kwargs):
    return requests.get("{}/api/gdw/api/{}".format(sim.url, task_id), headers={"x-api-key": KEY}, timeout=10,
                        **kwargs)


def finish(sim, task_id, limit=20):
    for _ in range(limit):
        r = status(sim, task_id)
        if not r.headers["Content-Type"].startswith("application/json") or r.json().get("status") in (
                "completed", "failed"):
            return r
    raise AssertionError("task never finished")


def open_raster(data: bytes, name: str):
    path = "/vsimem/test_{}_{}".format(uuid.uuid4().hex, name)
    gdal.FileFromMemBuffer(path, data)
    ds = gdal.Open(path)
    assert ds is not None, name
    return ds


def seed_bounds_utm(epsg=32613):
    t = Transformer.from_crs("EPSG:4326", "EPSG:{}".format(epsg), always_xy=True)
    xs, ys = zip(*(t.transform(x, y) for x, y in SEED_POLYGON["coordinates"][0]))
    return min(xs), min(ys), max(xs), max(ys)


# -- create ------------------------------------------------------------------------

def test_create_answers_202_with_task_fields(make_sim):
    sim = make_sim()
    r = create(sim, body())
    assert r.status_code == 202
    data = r.json()
    assert set(data) == {"status", "task_id", "req_id", "task_timeout"}
    assert data["status"] == "created"
    assert uuid.UUID(data["task_id"]).version == 4
    assert data["task_timeout"] == 172800
    assert sim.counters["create"] == 1
    assert sim.created_bodies[0]["params"]["view_id"] == SEED_VIEW


@pytest.mark.parametrize("mutate, message", [
    (lambda b: b.update(type="jpeg"), "expected 'lbe'"),
    (lambda b: b["params"].pop("view_id"), "params.view_id"),
    (lambda b: b["params"].pop("bands"), "params.bands"),
    (lambda b: b["params"].update(bands=[]), "params.bands"),
    (lambda b: b["params"].pop("geometry"), "params.geometry"),
    (lambda b: b["params"].pop("reference"), "params.reference"),
    (lambda b: b["params"].update(geometry={"type": "MultiPolygon",
                                            "coordinates": [SEED_POLYGON["coordinates"]]}), "Polygon"),
    (lambda b: b["params"].update(merge="yes"), "params.merge"),
    (lambda b: b.update(callback_url="ftp://x"), "callback_url"),
    (lambda b: b.pop("params"), "params"),
])
def test_create_enforces_required_fields_with_400_json(make_sim, mutate, message):
    sim = make_sim()
    payload = body()
    mutate(payload)
    r = create(sim, payload)
    assert r.status_code == 400
    assert r.headers["Content-Type"] == "application/json"
    assert message in r.json()["message"]
    assert sim.counters["create"] == 0


def test_api_key_in_query_or_header_else_401_json(make_sim):
    sim = make_sim()
    assert create(sim, body(), how="query").status_code == 202
    assert create(sim, body(), how="header").status_code == 202
    r = create(sim, body(), how="none")
    assert r.status_code == 401 and r.json()["message"] == "API key is missing"
    r = create(sim, body(), key="wrong-key", how="header")
    assert r.status_code == 401 and r.json()["message"] == "Invalid API key"
    r = requests.get(sim.url + "/api/gdw/api/whatever", timeout=10)
    assert r.status_code == 401
    assert sim.counters["unauthorized"] == 3
    assert sim.counters["create"] == 2


# -- status ------------------------------------------------------------------------

def test_task_moves_through_states_then_answers_with_the_file(make_sim):
    sim = make_sim(polls_to_start=1, polls_to_done=3)
    task_id = create(sim, body()).json()["task_id"]
    seen = [status(sim, task_id).json()["status"] for _ in range(3)]
    assert seen == ["created", "started", "processing"]
    r = status(sim, task_id)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "image/tiff"
    assert r.headers["Content-Disposition"] == 'attachment; filename="S2_13_R_EL_2023_7_19_0_B02_B03_B04.tif"'
    assert int(r.headers["Content-Length"]) == len(r.content)
    # a finished task keeps answering with its file, and honours Range
    r2 = status(sim, task_id, stream=False)
    assert r2.content == r.content
    part = requests.get("{}/api/gdw/api/{}".format(sim.url, task_id), params={"api_key": KEY},
                        headers={"Range": "bytes=100-"}, timeout=10)
    assert part.status_code == 206
    assert part.content == r.content[100:]
    assert part.headers["Content-Range"] == "bytes 100-{}/{}".format(len(r.content) - 1, len(r.content))


def test_time_based_progression(make_sim):
    sim = make_sim(seconds_to_done=1.0)
    task_id = create(sim, body()).json()["task_id"]
    assert status(sim, task_id).json()["status"] in ("created", "started", "processing")
    time.sleep(1.05)
    assert status(sim, task_id).headers["Content-Type"] == "image/tiff"


def test_json_mode_serves_result_urls(make_sim):
    sim = make_sim(mode="json", polls_to_done=0)
    task_id = create(sim, body()).json()["task_id"]
    data = status(sim, task_id).json()
    assert data["status"] == "completed" and data["errors"] == []
    (item,) = data["result"]
    assert item["url"].startswith(sim.url) and item["name"].endswith(".tif")
    r = requests.get(item["url"], timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/tiff"
    ds = open_raster(r.content, "json.tif")
    assert ds.RasterCount == 3


def test_json_mode_result_url_can_require_the_key(make_sim):
    sim = make_sim(mode="json", polls_to_done=0, result_requires_key=True)
    task_id = create(sim, body()).json()["task_id"]
    url = status(sim, task_id).json()["result"][0]["url"]
    assert requests.get(url, timeout=10).status_code == 401
    assert requests.get(url, headers={"x-api-key": KEY}, timeout=10).status_code == 200


def test_unknown_task_is_404_json(make_sim):
    sim = make_sim()
    r = status(sim, str(uuid.uuid4()))
    assert r.status_code == 404 and "not found" in r.json()["message"]
    task_id = create(sim, body()).json()["task_id"]
    sim.forget(task_id)
    assert status(sim, task_id).status_code == 404


@pytest.mark.parametrize("kwargs, payload, text", [
    ({"missing_view_ids": [SEED_VIEW]}, body(), "Scene S2/13/R/EL/2023/7/19/0 not found"),
    ({}, body(bands=["B02", "B99"]), "Bands B99 are not available for S2"),
    ({"max_pixels": 1000}, body(), "too large"),
    ({"fail_message": "Internal processing error"}, body(), "Internal processing error"),
])
def test_failed_tasks_report_the_reason(make_sim, kwargs, payload, text):
    sim = make_sim(polls_to_done=1, **kwargs)
    task_id = create(sim, payload).json()["task_id"]
    data = finish(sim, task_id).json()
    assert data["status"] == "failed"
    assert text in data["error_message"] and text in data["errors"][0]


def test_failure_styles(make_sim):
    sim = make_sim(polls_to_done=0, fail_message="boom", failure_style="task_type")
    data = status(sim, create(sim, body()).json()["task_id"]).json()
    assert data == {"task_id": data["task_id"], "task_type": "error", "error_message": "boom"}
    sim.failure_style = "errors"
    data = status(sim, create(sim, body()).json()["task_id"]).json()
    assert data["errors"] == [{"error": "boom"}] and data["result"] == [] and "status" not in data


def test_rate_limit_answers_429_with_retry_after(make_sim):
    sim = make_sim(rate_limit=3, rate_window=60.0)
    codes = [create(sim, body()).status_code for _ in range(4)]
    assert codes == [202, 202, 202, 429]
    r = create(sim, body())
    assert r.status_code == 429
    assert 1 <= int(r.headers["Retry-After"]) <= 60
    assert "Rate limit" in r.json()["message"]
    assert sim.counters["rate_limited"] == 2
    # the limit is per key: another key is not limited
    sim.api_keys.add("other-key")
    assert create(sim, body(), key="other-key").status_code == 202


def test_injected_faults_answer_once_each(make_sim):
    sim = make_sim()
    sim.inject(503, 2, "/api/gdw/api")
    assert [create(sim, body()).status_code for _ in range(3)] == [503, 503, 202]
    assert sim.counters["faults"] == 2 and sim.counters["create"] == 1


def test_callback_receives_the_result(make_sim):
    received = []

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        sim = make_sim(polls_to_done=0)
        cb = "http://127.0.0.1:{}/cb".format(server.server_address[1])
        task_id = create(sim, body(callback_url=cb)).json()["task_id"]
        status(sim, task_id)
        for _ in range(50):
            if received:
                break
            time.sleep(0.05)
        assert received and received[0]["task_id"] == task_id and received[0]["status"] == "completed"
        assert received[0]["reference"] == "ref_test"
        assert requests.get(received[0]["result"][0]["url"], timeout=10).status_code == 200
    finally:
        server.shutdown()
        server.server_close()


# -- results: the documented result-type rule with real georeferenced rasters ------

def test_seed_example_is_a_georeferenced_three_band_geotiff(make_sim):
    sim = make_sim(polls_to_done=0)
    r = status(sim, create(sim, body()).json()["task_id"])
    ds = open_raster(r.content, "seed.tif")
    assert ds.GetDriver().ShortName == "GTiff"
    assert ds.RasterCount == 3
    assert ds.GetSpatialRef().GetAuthorityCode(None) == "32613"
    assert [ds.GetRasterBand(i).GetDescription() for i in (1, 2, 3)] == ["B02", "B03", "B04"]
    x0, res, _, y1, _, nres = ds.GetGeoTransform()
    assert res == 10.0 and nres == -10.0
    assert x0 % 10 == 0 and y1 % 10 == 0
    minx, miny, maxx, maxy = seed_bounds_utm()
    x1, y0 = x0 + res * ds.RasterXSize, y1 + nres * ds.RasterYSize
    assert x0 <= minx < x0 + 10 and x1 - 10 < maxx <= x1
    assert y0 <= miny < y0 + 10 and y1 - 10 < maxy <= y1
    arr = ds.ReadAsArray()
    assert ds.GetRasterBand(1).GetNoDataValue() == 0
    # inside the polygon: data; corners of the bbox (outside the polygon): 0
    t = Transformer.from_crs("EPSG:4326", "EPSG:32613", always_xy=True)
    cx, cy = t.transform(*shape(SEED_POLYGON).representative_point().coords[0])
    col, row = int((cx - x0) / res), int((y1 - cy) / -nres)
    assert (arr[:, row, col] > 0).all()
    assert (arr[:, 0, 0] == 0).all() and (arr[:, -1, -1] == 0).all()
    inside = (arr[0] > 0).sum() * res * res
    area_utm = shape({"type": "Polygon", "coordinates": [[t.transform(x, y) for x, y in
                                                            SEED_POLYGON["coordinates"][0]]]}).area
    assert abs(inside - area_utm) / area_utm < 0.15


def test_one_sentinel2_band_is_jp2(make_sim):
    sim = make_sim(polls_to_done=0)
    r = status(sim, create(sim, body(bands=["B05"])).json()["task_id"])
    assert r.headers["Content-Type"] == "image/jp2"
    assert r.content[:12] == b"\x00\x00\x00\x0cjP  \r\n\x87\n"
    ds = open_raster(r.content, "b05.jp2")
    assert ds.GetDriver().ShortName == "JP2OpenJPEG"
    assert ds.GetSpatialRef().GetAuthorityCode(None) == "32613"
    assert ds.GetGeoTransform()[1] == 20.0  # B05 native resolution
    assert ds.RasterCount == 1


@pytest.mark.parametrize("bands, merge, metadata, names", [
    (["B02", "B05"], True, None, ["S2_13_R_EL_2023_7_19_0_B02.jp2", "S2_13_R_EL_2023_7_19_0_B05.jp2"]),
    (["B02", "B03", "B05", "B8A"], True, None,
     ["S2_13_R_EL_2023_7_19_0_B02_B03.tif", "S2_13_R_EL_2023_7_19_0_B05_B8A.tif"]),
    (["B02", "B03"], False, None, ["S2_13_R_EL_2023_7_19_0_B02.jp2", "S2_13_R_EL_2023_7_19_0_B03.jp2"]),
    (["B02", "B03"], True, ["tile_md", "product_md"],
     ["S2_13_R_EL_2023_7_19_0_B02_B03.tif", "product_md.xml", "tile_md.xml"]),
])
def test_zip_results_per_rule(make_sim, bands, merge, metadata, names):
    sim = make_sim(polls_to_done=0)
    r = status(sim, create(sim, body(bands=bands, merge=merge, metadata=metadata)).json()["task_id"])
    assert r.headers["Content-Type"] == "application/zip"
    assert r.headers["Content-Disposition"].endswith('.zip"')
    zf = zipfile.ZipFile(io.BytesIO(r.content))
    assert sorted(zf.namelist()) == sorted(names)
    resolutions = {"B02": 10, "B03": 10, "B05": 20, "B8A": 20}
    for name in zf.namelist():
        if name.endswith((".tif", ".jp2")):
            ds = open_raster(zf.read(name), name)
            assert ds.GetSpatialRef().GetAuthorityCode(None) == "32613"
            group = re.findall(r"B\d[\dA]", name.split("2023_7_19_0_")[1])
            assert ds.RasterCount == len(group)
            assert ds.GetGeoTransform()[1] == resolutions[group[0]]
        else:
            assert b"S2/13/R/EL/2023/7/19/0" in zf.read(name)


@pytest.mark.parametrize("view_id, bands, merge, epsg, res", [
    ("S2/56/H/LH/2023/1/5/0", ["B04"], True, "32756", 10.0),                  # southern hemisphere tile
    ("L8/LC80300412023200LGN00", ["B4"], False, "32613", 30.0),              # one band, not S2 -> tif
    ("L9/LC90300412023208LGN00", ["B4", "B3", "B2"], True, "32613", 30.0),    # merged, one resolution
    ("NAIP/m_2710417_ne_13_060_20220707", ["R", "G", "B", "N"], False, "26913", 1.0),  # merge ignored
])
def test_crs_and_resolution_per_sensor(make_sim, view_id, bands, merge, epsg, res):
    geometry = SEED_POLYGON
    if view_id.startswith("S2/56"):
        geometry = {"type": "Polygon", "coordinates": [[[151.20, -33.87], [151.21, -33.87], [151.21, -33.86],
                                                        [151.20, -33.86], [151.20, -33.87]]]}
    sim = make_sim(polls_to_done=0)
    r = status(sim, create(sim, body(view_id=view_id, bands=bands, geometry=geometry, merge=merge)
                           ).json()["task_id"])
    ctype = "image/jp2" if view_id.startswith("S2") else "image/tiff"
    assert r.headers["Content-Type"] == ctype, r.content[:200]
    ds = open_raster(r.content, "x." + ("jp2" if ctype == "image/jp2" else "tif"))
    assert ds.GetSpatialRef().GetAuthorityCode(None) == epsg
    assert ds.GetGeoTransform()[1] == res
    assert ds.RasterCount == len(bands)


def test_modis_is_sinusoidal_500m(make_sim):
    sim = make_sim(polls_to_done=0)
    r = status(sim, create(sim, body(view_id="MODIS/08/06/2023200/2023209034223", bands=["B01", "B02"])
                           ).json()["task_id"])
    ds = open_raster(r.content, "modis.tif")
    assert "Sinusoidal" in ds.GetSpatialRef().ExportToWkt() or "sinu" in ds.GetSpatialRef().ExportToProj4()
    assert ds.GetGeoTransform()[1] == 500.0 and ds.RasterCount == 2


# -- search --------------------------------------------------------------------------

def search(sim, dataset, payload, key=KEY):
    return requests.post("{}/api/lms/search/v2/{}".format(sim.url, dataset), params={"api_key": key},
                         json=payload, timeout=10)


def search_body(**kw):
    s = {"date": {"from": "2023-07-01", "to": "2023-07-31"}, "cloudCoverage": {"from": 0, "to": 100},
         "shape": SEED_POLYGON}
    s.update(kw.pop("search", {}))
    out = {"search": s, "sort": {"date": "desc"}, "limit": 500, "page": 1}
    out.update(kw)
    return out


def test_search_sentinel2_matches_the_documented_tile(make_sim):
    sim = make_sim()
    r = search(sim, "sentinel2", search_body())
    assert r.status_code == 200
    data = r.json()
    assert data["meta"] == {"found": 6, "page": 1, "limit": 500, "name": "satellite-meta-service"}
    views = [s["view_id"] for s in data["results"]]
    # the MGRS square computed from the AOI is the one of the documented example
    assert "S2/13/R/EL/2023/7/19/0" in views
    assert all(re.match(r"^S2/13/R/EL/2023/7/\d{1,2}/0$", v) for v in views)
    dates = [s["date"] for s in data["results"]]
    assert dates == sorted(dates, reverse=True)
    for s in data["results"]:
        fp = shape({k: v for k, v in s["dataGeometry"].items() if k != "crs"})
        assert fp.contains(shape(SEED_POLYGON))
        assert 0 <= s["cloudCoverage"] <= 100
        assert s["tms"].endswith("{band}/{z}/{x}/{y}")


def test_search_filters_sort_paging_fields(make_sim):
    sim = make_sim()
    full = search(sim, "sentinel2", search_body()).json()["results"]
    cap = sorted(s["cloudCoverage"] for s in full)[2]
    low = search(sim, "sentinel2", search_body(search={"cloudCoverage": {"from": 0, "to": cap}})).json()
    assert low["meta"]["found"] == 3 and all(s["cloudCoverage"] <= cap for s in low["results"])
    one_day = search(sim, "sentinel2", search_body(search={"date": "2023-07-19"})).json()
    assert [s["view_id"] for s in one_day["results"]] == [SEED_VIEW]
    asc = search(sim, "sentinel2", search_body(sort={"cloudCoverage": "asc"})).json()["results"]
    assert [s["cloudCoverage"] for s in asc] == sorted(s["cloudCoverage"] for s in full)
    page2 = search(sim, "sentinel2", search_body(limit=4, page=2)).json()
    assert page2["meta"]["found"] == 6 and len(page2["results"]) == 2
    assert [s["view_id"] for s in page2["results"]] == [s["view_id"] for s in full[4:]]
    picked = search(sim, "sentinel2", search_body(fields=["view_id", "cloudCoverage"])).json()["results"]
    assert all(set(s) == {"view_id", "cloudCoverage"} for s in picked)
    far = {"type": "Polygon", "coordinates": [[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10.1], [10, 10]]]}
    far_views = [s["view_id"] for s in search(sim, "sentinel2", search_body(search={"shape": far})).json()["results"]]
    assert far_views and not any(v.startswith("S2/13/") for v in far_views)


def test_search_errors(make_sim):
    sim = make_sim()
    assert search(sim, "sentinel2", {"search": {"date": {"from": "2023-01-01"}}}).status_code == 400
    assert search(sim, "sentinel2", {"search": {"shape": SEED_POLYGON}}).status_code == 400
    bad = search(sim, "sentinel2", search_body(search={"date": {"from": "2023-08-01", "to": "2023-07-01"}}))
    assert bad.status_code == 400
    assert search(sim, "sentinel7", search_body()).status_code == 404
    assert search(sim, "sentinel2", search_body(), key="nope").status_code == 401


@pytest.mark.parametrize("dataset, pattern", [
    ("landsat8", r"^L8/LC8\d{13}LGN00$"),
    ("landsat9", r"^L9/LC9\d{13}LGN00$"),
    ("modis", r"^MODIS/08/06/\d{7}/\d{13}$"),
    ("naip", r"^NAIP/m_\w+$"),
])
def test_search_other_datasets_give_view_ids_of_their_form(make_sim, dataset, pattern):
    sim = make_sim()
    data = search(sim, dataset, search_body(search={"date": {"from": "2022-01-01", "to": "2022-12-31"}})).json()
    assert data["results"], dataset
    for s in data["results"]:
        assert re.match(pattern, s["view_id"]), s["view_id"]
        assert shape({k: v for k, v in s["dataGeometry"].items() if k != "crs"}).intersects(shape(SEED_POLYGON))
    # and each one can be downloaded
    s = data["results"][0]
    band = {"landsat8": "B4", "landsat9": "B4", "modis": "B01", "naip": "R"}[dataset]
    sim.polls_to_done = 0
    r = status(sim, create(sim, body(view_id=s["view_id"], bands=[band])).json()["task_id"])
    assert r.headers["Content-Type"] == "image/tiff"


def test_multi_dataset_search(make_sim):
    sim = make_sim()
    payload = search_body(search={"satellites": ["sentinel2", "landsat8"]})
    r = requests.post(sim.url + "/api/lms/search/v2", params={"api_key": KEY}, json=payload, timeout=10)
    views = {s["view_id"].split("/")[0] for s in r.json()["results"]}
    assert views == {"S2", "L8"}


# -- standalone -------------------------------------------------------------------------

def _free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_runs_standalone():
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tests.sims.eosda_sim", "--port", str(port), "--api-key", KEY],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = "http://127.0.0.1:{}".format(port)
        for _ in range(100):
            try:
                r = requests.post(url + "/api/gdw/api", params={"api_key": KEY}, json=body(), timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            raise AssertionError(proc.stdout.read1(4096) if proc.poll() is not None else "no answer")
        assert r.status_code == 202
    finally:
        proc.terminate()
        proc.wait(timeout=10)
