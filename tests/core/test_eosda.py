"""EOSDA client, search and runner, against the loopback simulator (tests/sims/eosda_sim.py)."""
import datetime as dt
import os
import re

import pytest
from osgeo import gdal
from pyproj import Transformer
from shapely.geometry import Point, shape

from plugin.core.providers.eosda import client as eosda
from plugin.core.transfer import http as eohttp
from plugin.core.errors import AuthError, CancelledError, EoError, ParameterError, ProviderError
from plugin.core.jobs import Job, JobState, JobStore
from plugin.core.runner import CancelToken, RunContext, run_job
from plugin.core.providers.eosda import runner as eosda_runner  # noqa: F401  (registers the runner)
from tests.log_capture import capture_log
from tests.sims import faults
from tests.sims.eosda_sim import EosdaSimulator

KEY = "apk.test-0123456789abcdef"

SEED_POLYGON = {"type": "Polygon", "coordinates": [[
    [-104.87931347024973, 27.166227117387663], [-104.87190853064376, 27.17371136921598],
    [-104.87486446023671, 27.175686643908065], [-104.87271173924485, 27.178599422270565],
    [-104.87575466983847, 27.180525385046096], [-104.88103048496039, 27.176643443128853],
    [-104.87771956045358, 27.172771682872458], [-104.88236756436531, 27.17042134807906],
    [-104.87931347024973, 27.166227117387663]]]}
SEED_VIEW = "S2/13/R/EL/2023/7/19/0"
FAST = {"eosda_poll_initial": 0.01, "eosda_poll_factor": 1.5, "eosda_poll_max": 0.05}


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


class Harness:
    """A job in a JobStore on disk plus a RunContext pointed at the simulator."""

    def __init__(self, tmp_path, sim, params, settings=None, credentials=None, cancel=None):
        self.tmp_path = tmp_path
        self.sim = sim
        self.store = JobStore(str(tmp_path / "jobs.json"))
        self.job = self.store.add(Job("eosda", params, output_dir=str(tmp_path / "out")))
        self.states = []
        self.logs = []
        self.progress = []
        self.messages = []
        self.store.add_listener(self._listen)
        self.settings = dict(FAST, eosda_api=sim.url, **(settings or {}))
        self.credentials = {"api_key": KEY} if credentials is None else credentials
        self.cancel = cancel or CancelToken()

    def _listen(self, job):
        if not self.states or self.states[-1] != job.state:
            self.states.append(job.state)
        self.messages.append(job.message)

    def ctx(self, job=None, cancel=None):
        return RunContext(job or self.store.get(self.job.id), self.store, cancel=cancel or self.cancel,
                          credentials=self.credentials, settings=self.settings,
                          progress=lambda p, m: self.progress.append(p))

    def run(self, job=None, cancel=None):
        job = job or self.store.get(self.job.id)
        with capture_log(self.logs):
            return run_job(job, self.ctx(job, cancel))

    @property
    def record(self):
        return self.store.get(self.job.id)


def seed_params(**kw):
    params = {"view_id": SEED_VIEW, "bands": "B02,B03,B04", "merge": True, "aoi": SEED_POLYGON}
    params.update(kw)
    return params


def client_for(sim, **kw):
    kw.setdefault("poll", eosda.PollPolicy(0.01, 1.5, 0.05))
    return eosda.EosdaClient(eohttp.make_session(), sim.url, KEY, **kw)


class FakeTime(CancelToken):
    """A cancel token whose sleep advances a fake clock (records every delay)."""

    def __init__(self):
        super().__init__()
        self.now = 1_000_000.0
        self.slept = []

    def clock(self):
        return self.now

    def sleep(self, seconds, step=0.1):
        self.raise_if_cancelled()
        self.slept.append(seconds)
        self.now += seconds


# -- pure functions -------------------------------------------------------------------

@pytest.mark.parametrize("view_id, bands, merge, metadata, expected", [
    (SEED_VIEW, ["B04"], True, None, "jp2"),
    (SEED_VIEW, ["B04"], True, ["tile_md"], "jp2"),
    (SEED_VIEW, ["B02", "B03", "B04"], True, None, "tif"),
    (SEED_VIEW, "B02,B03,B04", True, [], "tif"),
    (SEED_VIEW, ["B02", "B05"], True, None, "zip"),
    (SEED_VIEW, ["B02", "B03"], False, None, "zip"),
    (SEED_VIEW, ["B02", "B03"], True, ["product_md"], "zip"),
    (SEED_VIEW, ["B05", "B06", "B07", "B8A", "B11", "B12"], True, None, "tif"),
    ("L8/LC80110312016028LGN00", ["B4"], True, None, "tif"),
    ("L8/LC80110312016028LGN00", ["B4"], True, ["MTL"], "zip"),
    ("L8/LC80110312016028LGN00", ["B4", "B3", "B2"], True, None, "tif"),
    ("L8/LC80110312016028LGN00", ["B8", "B4"], True, None, "zip"),
    ("MODIS/12/04/2017204/2017213034223", ["B01", "B02"], True, None, "tif"),
    ("NAIP/m_2710417_ne_13_060_20220707", ["R", "G", "B", "N"], False, None, "tif"),
])
def test_expected_result_type_rule(view_id, bands, merge, metadata, expected):
    assert eosda.expected_result_type(view_id, bands, merge, metadata) == expected


def test_expected_result_type_resolution_override():
    assert eosda.expected_result_type(SEED_VIEW, ["B02", "B05"], True) == "zip"
    assert eosda.expected_result_type(SEED_VIEW, ["B02", "B05"], True, band_resolutions={"B05": 10}) == "tif"


@pytest.mark.parametrize("view_id", [
    SEED_VIEW, "S2/19/T/CG/2017/7/9/0", "S2/56/H/LH/2023/12/31/1", "L8/LC80110312016028LGN00",
    "L8/LC08_L1TP_011031_20160128_20200907_02_T1", "L9/LC90110312022028LGN00",
    "MODIS/12/04/2017204/2017213034223", "NAIP/m_2710417_ne_13_060_20220707",
])
def test_valid_view_ids(view_id):
    assert eosda.validate_view_id(" {} ".format(view_id)) == view_id


@pytest.mark.parametrize("view_id, text", [
    ("", "empty"),
    ("S2/13/R/EL/2023/07/19/0", "is not a valid S2 view id: expected S2/{utm zone}"),
    ("S2/61/R/EL/2023/7/19/0", "not a valid S2 view id"),
    ("S2/13/I/EL/2023/7/19/0", "not a valid S2 view id"),
    ("S2/13/R/EL/2023/7/19", "not a valid S2 view id"),
    ("L8/LC90110312016028LGN00", "not a valid L8 view id"),
    ("L8/LC8011031", "not a valid L8 view id"),
    ("MODIS/12/04/17204/2017213034223", "not a valid MODIS view id"),
    ("X3/whatever", "does not start with a supported sensor"),
    ("13/R/EL/2023/7/19/0", "does not start with a supported sensor"),
])
def test_invalid_view_ids_say_what_is_expected(view_id, text):
    with pytest.raises(ParameterError) as err:
        eosda.validate_view_id(view_id)
    assert text in err.value.message


def test_build_params_normalises_and_validates():
    p = eosda.build_params(SEED_VIEW, " b2, B03;b04 ", True, "tile_md, product_md", None, None)
    assert p["bands"] == ["B02", "B03", "B04"]
    assert p["metadata"] == ["tile_md", "product_md"]
    assert p["merge"] is True and p["callback_url"] is None
    assert re.match(r"^eo_downloader_\d{8}T\d{6}_[0-9a-f]{8}$", p["reference"])
    p2 = eosda.build_params(SEED_VIEW, ["B02"], False, None, "my_ref-1", "https://example.org/cb")
    assert p2["reference"] == "my_ref-1" and p2["callback_url"] == "https://example.org/cb"
    assert p2["metadata"] == [] and p2["merge"] is False
    assert eosda.build_params("L8/LC80110312016028LGN00", "b04,B3", True)["bands"] == ["B4", "B3"]
    with pytest.raises(ParameterError, match="Unknown band.*B13.*Available bands: B01"):
        eosda.build_params(SEED_VIEW, "B02,B13", True)
    with pytest.raises(ParameterError, match="No band"):
        eosda.build_params(SEED_VIEW, " , ", True)
    with pytest.raises(ParameterError, match="callback URL"):
        eosda.build_params(SEED_VIEW, "B02", True, callback_url="ftp://example.org/cb")
    with pytest.raises(ParameterError, match="reference"):
        eosda.build_params(SEED_VIEW, "B02", True, reference="has spaces")


def test_generated_references_are_unique():
    refs = {eosda.make_reference() for _ in range(200)}
    assert len(refs) == 200
    fixed = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    assert eosda.make_reference(fixed).startswith("eo_downloader_20240102T030405_")


def test_task_body_needs_a_polygon():
    params = eosda.build_params(SEED_VIEW, "B02", True)
    multi = {"type": "MultiPolygon", "coordinates": [SEED_POLYGON["coordinates"]]}
    with pytest.raises(ParameterError, match="one Polygon"):
        eosda.build_task_body(params, multi)


@pytest.mark.parametrize("payload, kind", [
    ({"status": "created"}, "pending"),
    ({"status": "started", "task_id": "x"}, "pending"),
    ({"status": "processing"}, "pending"),
    ({"status": "DONE", "result": [{"url": "https://x/a.tif"}]}, "urls"),
    ({"errors": [], "result": ["https://x/a.tif", "https://x/b.tif"]}, "urls"),
    ({"status": "failed", "error_message": "bad"}, "failed"),
    ({"task_type": "error", "error_message": "bad"}, "failed"),
    ({"errors": [{"error": "bad"}], "result": []}, "failed"),
    ({"status": "completed"}, "failed"),
])
def test_classify_status(payload, kind):
    st = eosda.classify_status(payload)
    assert st.kind == kind
    if kind == "failed" and "bad" in str(payload):
        assert st.message == "bad"


def test_poll_policy_grows_to_its_maximum():
    delays = eosda.PollPolicy(2.0, 1.5, 30.0).delays()
    got = [next(delays) for _ in range(10)]
    assert got[:4] == [2.0, 3.0, 4.5, 6.75]
    assert got[-1] == 30.0 and got == sorted(got)


def test_order_outputs_puts_rasters_first():
    out = eosda.order_outputs(["/a/meta.xml", "/a/b.jp2", "/a/a.tif", "/a/c.TIFF", "/a/b.jp2"])
    assert out == ["/a/a.tif", "/a/b.jp2", "/a/c.TIFF", "/a/meta.xml"]


# -- create ------------------------------------------------------------------------------

def test_create_sends_every_field_and_the_key(make_sim):
    sim = make_sim()
    client = client_for(sim)
    params = eosda.build_params(SEED_VIEW, "B02,B03,B04", True, ["tile_md"], "ref_datetime",
                                "https://client.example/cb")
    with capture_log() as logs:
        task = client.create_task(eosda.build_task_body(params, SEED_POLYGON))
    assert sim.created_bodies == [{
        "type": "lbe",
        "callback_url": "https://client.example/cb",
        "params": {"view_id": SEED_VIEW, "bands": ["B02", "B03", "B04"], "geometry": SEED_POLYGON,
                   "merge": True, "metadata": ["tile_md"], "reference": "ref_datetime"},
    }]
    (req,) = sim.requests_to("POST", "/api/gdw/api")
    assert req["headers"]["content-type"] == "application/json"
    assert req["headers"]["x-api-key"] == KEY and req["query"]["api_key"] == [KEY]
    assert task.task_id in sim.tasks and task.req_id == sim.tasks[task.task_id].req_id
    assert task.task_timeout == 172800 and task.reference == "ref_datetime" and task.status == "created"
    assert logs and all(KEY not in line for line in logs)


@pytest.mark.parametrize("create_status", [200, 201, 202])
def test_create_accepts_200_201_202(make_sim, create_status):
    sim = make_sim(create_status=create_status)
    task = client_for(sim).create_task(eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02"), SEED_POLYGON))
    assert task.task_id in sim.tasks


@pytest.mark.parametrize("auth, in_query, in_header", [("header", False, True), ("query", True, False),
                                                       ("both", True, True)])
def test_auth_modes(make_sim, auth, in_query, in_header):
    sim = make_sim(polls_to_done=0)
    client = client_for(sim, auth=auth)
    task = client.create_task(eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02"), SEED_POLYGON))
    client.get_task(task.task_id).response.close()
    for req in sim.requests:
        assert req["key_in_query"] is in_query and req["key_in_header"] is in_header


def test_bad_key_is_a_clear_auth_error_without_the_key(make_sim):
    sim = make_sim(api_keys=["another-key"])
    client = client_for(sim)
    with pytest.raises(AuthError) as err:
        client.create_task(eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02"), SEED_POLYGON))
    text = err.value.user_text()
    assert "EOSDA refused the API key: Invalid API key" in text
    assert "plugin settings" in text and KEY not in text
    assert err.value.status == 401


def test_create_rejected_by_the_server_is_reported(make_sim):
    sim = make_sim()
    client = client_for(sim)
    body = eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02"), SEED_POLYGON)
    body["params"]["merge"] = "yes"   # what the service refuses with its own 400
    with pytest.raises(ProviderError, match=r"HTTP 400.*'params.merge' must be a boolean"):
        client.create_task(body)


# -- polling ------------------------------------------------------------------------------

def test_polling_uses_growing_delays_until_done(make_sim, tmp_path):
    sim = make_sim(polls_to_done=5)
    fake = FakeTime()
    client = eosda.EosdaClient(eohttp.make_session(), sim.url, KEY, cancel=fake, clock=fake.clock,
                               poll=eosda.PollPolicy(2.0, 1.5, 30.0))
    task = client.create_task(eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02,B03,B04"), SEED_POLYGON))
    seen = []
    paths = client.wait(task, str(tmp_path), on_poll=lambda st, elapsed: seen.append(st.status))
    assert fake.slept == [2.0, 3.0, 4.5, 6.75, 10.125]
    assert seen == ["created", "started", "processing", "processing", "processing", "completed"]
    assert sim.counters["status"] == 6
    assert [os.path.basename(p) for p in paths] == ["S2_13_R_EL_2023_7_19_0_B02_B03_B04.tif"]


def test_task_timeout_gives_up_with_a_message(make_sim, tmp_path):
    sim = make_sim(polls_to_done=None, task_timeout=120)
    fake = FakeTime()
    client = eosda.EosdaClient(eohttp.make_session(), sim.url, KEY, cancel=fake, clock=fake.clock,
                               poll=eosda.PollPolicy(2.0, 1.5, 30.0))
    task = client.create_task(eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02"), SEED_POLYGON))
    assert task.task_timeout == 120
    with pytest.raises(ProviderError, match=r"did not finish within 120 s \(status 'processing'\)"):
        client.wait(task, str(tmp_path))
    assert fake.now - task.created_at == pytest.approx(120.0)
    assert sum(fake.slept) == pytest.approx(120.0)
    assert sim.counters["status"] == len(fake.slept) + 1


def test_cancel_stops_polling(make_sim, tmp_path):
    sim = make_sim(polls_to_done=None)
    fake = FakeTime()
    client = eosda.EosdaClient(eohttp.make_session(), sim.url, KEY, cancel=fake, clock=fake.clock)
    task = client.create_task(eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02"), SEED_POLYGON))

    def on_poll(status, elapsed):
        if sim.counters["status"] >= 3:
            fake.cancel()

    with pytest.raises(CancelledError):
        client.wait(task, str(tmp_path), on_poll=on_poll)
    assert sim.counters["status"] == 3


# -- the runner end to end --------------------------------------------------------------

def _utm_bounds(polygon, epsg):
    t = Transformer.from_crs("EPSG:4326", "EPSG:{}".format(epsg), always_xy=True)
    xs, ys = zip(*(t.transform(x, y) for x, y in polygon["coordinates"][0]))
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("mode", ["file", "json"])
def test_seed_example_end_to_end(make_sim, tmp_path, mode):
    sim = make_sim(mode=mode, polls_to_done=2)
    h = Harness(tmp_path, sim, seed_params())
    outputs = h.run()
    assert len(outputs) == 1 and outputs[0].endswith(".tif")
    assert os.path.dirname(outputs[0]) == str(tmp_path / "out")
    ds = gdal.Open(outputs[0])
    assert ds.RasterCount == 3
    assert ds.GetSpatialRef().GetAuthorityCode(None) == "32613"
    x0, res, _, y1, _, nres = ds.GetGeoTransform()
    minx, miny, maxx, maxy = _utm_bounds(SEED_POLYGON, 32613)
    assert x0 <= minx < x0 + res and y1 + nres < maxy <= y1
    assert x0 + res * ds.RasterXSize >= maxx and y1 + nres * ds.RasterYSize <= miny
    # georeferenced over the polygon: a point inside has data, the bbox corner is outside (0)
    t = Transformer.from_crs("EPSG:4326", "EPSG:32613", always_xy=True)
    cx, cy = t.transform(*shape(SEED_POLYGON).representative_point().coords[0])
    arr = ds.ReadAsArray()
    assert (arr[:, int((y1 - cy) / res), int((cx - x0) / res)] > 0).all()
    assert (arr[:, 0, 0] == 0).all()
    job = h.record
    assert job.state == JobState.DONE and job.outputs == outputs
    # Running from its start (run_job), then the server's states
    assert h.states[:4] == [JobState.RUNNING, JobState.SUBMITTED, JobState.RUNNING, JobState.DOWNLOADING]
    assert h.states[-1] == JobState.DONE
    assert h.progress == sorted(h.progress) and h.progress[-1] >= 99.0
    assert sim.counters["create"] == 1 and sim.counters["status"] == 3
    (record,) = job.server["tasks"]
    assert record["done"] is True and record["task_id"] in sim.tasks
    assert re.match(r"^eo_downloader_\d{8}T\d{6}_[0-9a-f]{8}$", record["reference"])
    assert sim.created_bodies[0]["params"]["reference"] == record["reference"] == job.server["reference"]
    # the key is nowhere in the job store, the logs or the requests' logged lines
    assert KEY not in open(str(tmp_path / "jobs.json")).read()
    assert all(KEY not in line for line in h.logs)


def test_json_mode_result_urls_on_the_api_host_get_the_key(make_sim, tmp_path):
    sim = make_sim(mode="json", polls_to_done=1, result_requires_key=True)
    h = Harness(tmp_path, sim, seed_params())
    outputs = h.run()
    assert len(outputs) == 1 and gdal.Open(outputs[0]).RasterCount == 3
    (fetch,) = sim.requests_to("GET", "/api/gdw/results/")
    assert fetch["key_in_header"] and fetch["key_in_query"]


def test_result_urls_on_another_host_get_no_key(make_sim, tmp_path):
    api = make_sim(mode="json", polls_to_done=0)
    storage = make_sim(api_keys=["storage-only"], polls_to_done=0)
    client = client_for(api)
    task = client.create_task(eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02,B03,B04"), SEED_POLYGON))
    status = client.get_task(task.task_id)
    assert status.kind == "urls"
    # the same file, served by another host (like a pre-signed storage URL)
    storage.tasks[task.task_id] = api.tasks[task.task_id]
    status.urls = [(url.replace(api.url, storage.url), name) for url, name in status.urls]
    paths = client.download_result(task, status, str(tmp_path))
    assert len(paths) == 1 and gdal.Open(paths[0]).RasterCount == 3
    (fetch,) = storage.requests_to("GET", "/api/gdw/results/")
    assert not fetch["key_in_header"] and not fetch["key_in_query"]


@pytest.mark.parametrize("bands, merge, metadata, rasters, others", [
    ("B04", True, None, ["S2_13_R_EL_2023_7_19_0_B04.jp2"], []),
    ("B02,B05", True, None, ["S2_13_R_EL_2023_7_19_0_B02.jp2", "S2_13_R_EL_2023_7_19_0_B05.jp2"], []),
    ("B02,B03", False, None, ["S2_13_R_EL_2023_7_19_0_B02.jp2", "S2_13_R_EL_2023_7_19_0_B03.jp2"], []),
    ("B02,B03,B05,B06", True, "tile_md,product_md",
     ["S2_13_R_EL_2023_7_19_0_B02_B03.tif", "S2_13_R_EL_2023_7_19_0_B05_B06.tif"],
     ["product_md.xml", "tile_md.xml"]),
])
def test_result_types_reach_the_user_as_rasters(make_sim, tmp_path, bands, merge, metadata, rasters, others):
    sim = make_sim(polls_to_done=0)
    h = Harness(tmp_path, sim, seed_params(bands=bands, merge=merge, metadata=metadata))
    outputs = h.run()
    kind = eosda.expected_result_type(SEED_VIEW, bands, merge, metadata)
    names = [os.path.basename(p) for p in outputs]
    assert names == rasters + others
    for path in outputs[:len(rasters)]:
        ds = gdal.Open(path)
        assert ds is not None and ds.GetSpatialRef().GetAuthorityCode(None) == "32613"
        expected_res = 20.0 if re.search(r"B0[56]", os.path.basename(path)) else 10.0
        assert ds.GetGeoTransform()[1] == expected_res
    if kind == "zip":
        folder = os.path.dirname(outputs[0])
        assert os.path.dirname(folder) == str(tmp_path / "out")    # extracted into a folder named after the zip
        assert not any(n.endswith(".zip") for n in os.listdir(str(tmp_path / "out")))
    else:
        assert names[0].endswith("." + kind)
    assert [os.path.basename(p) for p in h.record.server["metadata_files"]] == others


def test_multipolygon_makes_one_task_per_part(make_sim, tmp_path):
    ring = SEED_POLYGON["coordinates"][0]
    shifted = [[x + 0.05, y] for x, y in ring]
    multi = {"type": "MultiPolygon", "coordinates": [[ring], [shifted]]}
    sim = make_sim(polls_to_done=1)
    h = Harness(tmp_path, sim, seed_params(aoi=multi, reference="two_parts"))
    outputs = h.run()
    assert sim.counters["create"] == 2
    refs = [b["params"]["reference"] for b in sim.created_bodies]
    assert refs == ["two_parts_part1", "two_parts_part2"]
    assert all(b["params"]["geometry"]["type"] == "Polygon" for b in sim.created_bodies)
    folders = sorted(os.path.basename(os.path.dirname(p)) for p in outputs)
    assert folders == ["part_1", "part_2"]
    for path in outputs:
        ds = gdal.Open(path)
        assert ds.RasterCount == 3
    # each part's raster covers its own polygon
    part2 = [p for p in outputs if "part_2" in p][0]
    gt = gdal.Open(part2).GetGeoTransform()
    assert gt[0] <= _utm_bounds({"coordinates": [shifted]}, 32613)[0] < gt[0] + 10
    assert [t["part"] for t in h.record.server["tasks"]] == [1, 2]


def test_restart_resumes_without_a_second_task(make_sim, tmp_path):
    sim = make_sim(polls_to_done=2)
    h = Harness(tmp_path, sim, seed_params())
    first = CancelToken()
    sim.on_create = lambda task: first.cancel()          # "QGIS closes" right after the create
    with pytest.raises(CancelledError):
        h.run(cancel=first)
    sim.on_create = None
    assert sim.counters["create"] == 1
    saved = JobStore(str(tmp_path / "jobs.json")).get(h.job.id)   # what a new QGIS session reads from disk
    assert saved.state == JobState.CANCELLED
    (record,) = saved.server["tasks"]
    assert record["task_id"] in sim.tasks and not record["done"]
    # a new session resumes the same job record
    h2 = Harness(tmp_path, sim, seed_params())
    h2.store = JobStore(str(tmp_path / "jobs.json"))
    h2.job = saved
    outputs = h2.run(job=saved, cancel=CancelToken())
    assert sim.counters["create"] == 1
    polled = {r["path"].rsplit("/", 1)[1] for r in sim.requests_to("GET", "/api/gdw/api/")}
    assert polled == {record["task_id"]}
    assert len(outputs) == 1 and gdal.Open(outputs[0]).RasterCount == 3
    # running a finished job again neither creates nor downloads anything
    before = dict(sim.counters)
    assert h2.run(job=h2.store.get(saved.id), cancel=CancelToken()) == outputs
    assert dict(sim.counters) == before


def test_restart_between_parts_creates_only_the_missing_one(make_sim, tmp_path):
    ring = SEED_POLYGON["coordinates"][0]
    multi = {"type": "MultiPolygon", "coordinates": [[ring], [[[x + 0.05, y] for x, y in ring]]]}
    sim = make_sim(polls_to_done=0)
    h = Harness(tmp_path, sim, seed_params(aoi=multi))
    first = CancelToken()
    sim.on_create = lambda task: first.cancel()
    with pytest.raises(CancelledError):
        h.run(cancel=first)
    sim.on_create = None
    assert sim.counters["create"] == 1 and len(h.record.server["tasks"]) == 1
    outputs = h.run(cancel=CancelToken())
    assert sim.counters["create"] == 2 and len(outputs) == 2
    refs = [b["params"]["reference"] for b in sim.created_bodies]
    assert refs[0].endswith("_part1") and refs[1].endswith("_part2") and refs[0][:-6] == refs[1][:-6]


def test_failed_task_fails_the_job_with_the_server_message(make_sim, tmp_path):
    sim = make_sim(polls_to_done=1, missing_view_ids=[SEED_VIEW])
    h = Harness(tmp_path, sim, seed_params())
    with pytest.raises(ProviderError) as err:
        h.run()
    assert "Scene S2/13/R/EL/2023/7/19/0 not found" in err.value.message
    assert h.record.state == JobState.FAILED and "not found" in h.record.error


@pytest.mark.parametrize("style", ["task_type", "errors"])
def test_other_failure_shapes(make_sim, tmp_path, style):
    sim = make_sim(polls_to_done=0, fail_message="Out of quota", failure_style=style)
    h = Harness(tmp_path, sim, seed_params())
    with pytest.raises(ProviderError, match="failed: Out of quota"):
        h.run()


def test_vanished_task_says_it_no_longer_exists(make_sim, tmp_path):
    sim = make_sim(polls_to_done=3)
    sim.on_create = lambda task: sim.forget(task.id)
    h = Harness(tmp_path, sim, seed_params())
    with pytest.raises(ProviderError, match="no longer exists on the server"):
        h.run()


def test_rate_limit_is_honoured(make_sim, tmp_path):
    sim = make_sim(polls_to_done=1, rate_limit=2, rate_window=1.0)
    h = Harness(tmp_path, sim, seed_params())
    outputs = h.run()
    assert sim.counters["rate_limited"] >= 1
    assert sim.counters["create"] == 1 and len(outputs) == 1


def test_transient_server_errors_are_retried(make_sim, tmp_path):
    sim = make_sim(polls_to_done=1)
    sim.inject(503, 1, "/api/gdw/api")
    sim.inject(502, 2, "/api/gdw/api/")
    fast = eohttp.RetryPolicy(max_attempts=6, base_delay=0.01, max_delay=0.05)
    h = Harness(tmp_path, sim, seed_params(), settings={"retry": fast})
    assert len(h.run()) == 1
    assert sim.counters["faults"] == 3 and sim.counters["create"] == 1


def test_missing_key_message(make_sim, tmp_path, monkeypatch):
    monkeypatch.delenv("EO_DOWNLOADER_EOSDA_API_KEY", raising=False)
    sim = make_sim()
    h = Harness(tmp_path, sim, seed_params(), credentials={})
    with pytest.raises(AuthError) as err:
        h.run()
    assert "plugin settings" in err.value.message and "EO_DOWNLOADER_EOSDA_API_KEY" in err.value.message
    assert sim.requests == []
    monkeypatch.setenv("EO_DOWNLOADER_EOSDA_API_KEY", KEY)
    sim.polls_to_done = 0
    h2 = Harness(tmp_path / "again", sim, seed_params(), credentials={})
    assert len(h2.run()) == 1


def test_invalid_params_fail_before_any_request(make_sim, tmp_path):
    sim = make_sim()
    h = Harness(tmp_path, sim, seed_params(view_id="S2/13/R/EL/2023/07/19/0"))
    with pytest.raises(ParameterError, match="not a valid S2 view id"):
        h.run()
    assert sim.requests == []


def test_many_vertices_are_simplified_and_noted(make_sim, tmp_path):
    c = Point(-104.875, 27.173)
    circle = c.buffer(0.01, resolution=500)          # ~2000 vertices
    aoi = {"type": "Polygon", "coordinates": [list(circle.exterior.coords)]}
    sim = make_sim(polls_to_done=0)
    h = Harness(tmp_path, sim, seed_params(aoi=aoi), settings={"eosda_max_vertices": 100})
    h.run()
    sent = sim.created_bodies[0]["params"]["geometry"]
    assert sent["type"] == "Polygon" and len(sent["coordinates"][0]) <= 100
    assert shape(sent).symmetric_difference(circle).area / circle.area < 0.01
    assert any("simplified" in line for line in h.logs)
    assert any("simplified" in (m or "") for m in h.messages)


# -- search -------------------------------------------------------------------------------

def test_search_returns_scenes_of_the_aoi(make_sim):
    sim = make_sim()
    scenes = eosda.search(eohttp.make_session(), sim.url, KEY, "sentinel2", SEED_POLYGON,
                          "2023-07-01", dt.date(2023, 7, 31), 100)
    assert SEED_VIEW in [s.view_id for s in scenes]
    assert len(scenes) == 6
    for s in scenes:
        assert eosda.validate_view_id(s.view_id) == s.view_id
        assert "2023-07-01" <= s.date <= "2023-07-31"
        assert 0 <= s.cloud_cover <= 100
        assert s.footprint["type"] == "Polygon" and "crs" not in s.footprint
        assert shape(s.footprint).contains(shape(SEED_POLYGON))
        assert s.scene_id and s.raw["view_id"] == s.view_id
    assert [s.date for s in scenes] == sorted((s.date for s in scenes), reverse=True)
    (req,) = sim.requests_to("POST", "/api/lms/search/v2/sentinel2")
    assert req["body"] == {"search": {"date": {"from": "2023-07-01", "to": "2023-07-31"},
                                      "cloudCoverage": {"from": 0, "to": 100}, "shape": SEED_POLYGON},
                           "sort": {"date": "desc"}, "limit": 500, "page": 1}


def test_search_cloud_filter_and_pages(make_sim):
    sim = make_sim()
    session = eohttp.make_session()
    everything = eosda.search(session, sim.url, KEY, "sentinel2", SEED_POLYGON, "2023-06-01", "2023-08-31", 100)
    # the simulated tile is revisited every 5 days, in phase with the documented scene of 2023-07-19
    days = [dt.date(2023, 6, 1) + dt.timedelta(days=i) for i in range(92)]
    assert len(everything) == sum(1 for d in days if (d - dt.date(2023, 7, 19)).days % 5 == 0)
    cap = sorted(s.cloud_cover for s in everything)[5]
    clear = eosda.search(session, sim.url, KEY, "sentinel2", SEED_POLYGON, "2023-06-01", "2023-08-31", cap)
    assert {s.view_id for s in clear} == {s.view_id for s in everything if s.cloud_cover <= cap}
    n = len(sim.requests)
    paged = eosda.search(session, sim.url, KEY, "sentinel2", SEED_POLYGON, "2023-06-01", "2023-08-31", 100,
                         limit=5)
    assert [s.view_id for s in paged] == [s.view_id for s in everything]
    assert [r["body"]["page"] for r in sim.requests[n:]] == [1, 2, 3, 4]
    one_page = eosda.search(session, sim.url, KEY, "sentinel2", SEED_POLYGON, "2023-06-01", "2023-08-31", 100,
                            limit=5, page=2)
    assert [s.view_id for s in one_page] == [s.view_id for s in everything[5:10]]
    capped = eosda.search(session, sim.url, KEY, "sentinel2", SEED_POLYGON, "2023-06-01", "2023-08-31", 100,
                          limit=5, max_pages=2)
    assert len(capped) == 10


@pytest.mark.parametrize("dataset", ["landsat8", "landsat9", "modis", "naip"])
def test_search_other_datasets(make_sim, dataset):
    sim = make_sim()
    scenes = eosda.search(eohttp.make_session(), sim.url, KEY, dataset, SEED_POLYGON, "2022-01-01",
                          "2022-12-31", 100)
    assert scenes
    for s in scenes:
        eosda.validate_view_id(s.view_id)
        assert shape(s.footprint).intersects(shape(SEED_POLYGON))


def test_search_multipolygon_and_fields(make_sim):
    sim = make_sim()
    far = [[[x + 3.0, y] for x, y in SEED_POLYGON["coordinates"][0]]]
    multi = {"type": "MultiPolygon", "coordinates": [SEED_POLYGON["coordinates"], far]}
    scenes = eosda.search(eohttp.make_session(), sim.url, KEY, "sentinel2", multi, "2023-07-01", "2023-07-10",
                          100, fields=["sceneID"])
    zones = {s.view_id.split("/")[1] for s in scenes}
    assert zones == {"13", "14"}
    assert all(s.footprint and s.date and s.cloud_cover is not None for s in scenes)
    assert set(sim.requests[0]["body"]["fields"]) >= {"sceneID", "view_id", "date", "cloudCoverage", "dataGeometry"}


@pytest.mark.parametrize("kwargs, text", [
    ({"date_from": "2023-08-01", "date_to": "2023-07-01"}, "reversed"),
    ({"date_from": "yesterday"}, "not a date"),
    ({"cloud_max": 101}, "from 0 to 100"),
    ({"cloud_max": -1}, "from 0 to 100"),
    ({"dataset": "sentinel 2"}, "Unknown EOSDA dataset"),
    ({"aoi": {"type": "Point", "coordinates": [0, 0]}}, "GeoJSON Polygon"),
])
def test_search_validates_before_sending(make_sim, kwargs, text):
    sim = make_sim()
    args = {"dataset": "sentinel2", "aoi": SEED_POLYGON, "date_from": "2023-07-01", "date_to": "2023-07-31",
            "cloud_max": 50}
    args.update(kwargs)
    with pytest.raises(ParameterError, match=text):
        eosda.search(eohttp.make_session(), sim.url, KEY, args["dataset"], args["aoi"], args["date_from"],
                     args["date_to"], args["cloud_max"])
    assert sim.requests == []


def test_search_with_a_bad_key(make_sim):
    sim = make_sim(api_keys=["other"])
    with pytest.raises(AuthError, match="Invalid API key"):
        eosda.search(eohttp.make_session(), sim.url, KEY, "sentinel2", SEED_POLYGON, "2023-07-01", "2023-07-31", 50)


# -- done means usable; server-chosen names never replace what is there ---------------------------------
def _tif_bytes():
    path = "/vsimem/eosda_test_%d.tif" % os.getpid()
    gdal.GetDriverByName("GTiff").Create(path, 8, 8, 1, gdal.GDT_UInt16).FlushCache()
    handle = gdal.VSIFOpenL(path, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    data = gdal.VSIFReadL(1, size, handle)
    gdal.VSIFCloseL(handle)
    gdal.Unlink(path)
    return bytes(data)


HOSTILE_RESULTS = [
    (faults.html_page(prolog="\ufeff"), "image/tiff", None,
     "Access denied: Your session has expired. Please sign in again."),
    (faults.html_page(title="Portal", prolog="<!-- captive portal -->\n"), "image/tiff", None, "Portal"),
    (b'{"error_message": "Daily quota exhausted for this key"}', "image/tiff", None,
     "instead of an image (S2_13_R_EL_2023_7_19_0_B02_B03_B04.tif): Daily quota exhausted for this key"),
    (faults.sample_bytes(4000), "image/tiff", None, "(4000 bytes) is not an image GDAL can read"),
    (faults.zip_bytes({"B02.jp2": faults.sample_bytes(3000), "B03.jp2": faults.sample_bytes(3000, 2)}),
     "application/zip", "result.zip", "B02.jp2 (3000 bytes) is not an image GDAL can read"),
]


@pytest.mark.parametrize("mode", ["file", "json"])
@pytest.mark.parametrize("body, ctype, name, words", HOSTILE_RESULTS)
def test_a_result_that_is_not_an_image_fails_the_job_in_the_servers_words(make_sim, tmp_path, mode, body, ctype,
                                                                          name, words):
    sim = make_sim(mode=mode, polls_to_done=1)
    sim.replace_results(body, ctype, name)
    h = Harness(tmp_path, sim, seed_params())
    with pytest.raises(EoError):
        h.run()
    job = h.record
    assert job.state == JobState.FAILED and job.outputs == [] and words in job.error
    assert job.server["tasks"][0]["done"] is False
    left = [n for _r, _d, names in os.walk(str(tmp_path / "out")) for n in names]
    assert not [n for n in left if n.endswith((".tif", ".jp2", ".zip"))]
    # The server heals: running the job again fetches the same task's result, which is then done.
    sim.result_override = None
    outputs = h.run()
    assert h.record.state == JobState.DONE and len(outputs) == 1 and gdal.Open(outputs[0]) is not None
    assert sim.counters["create"] == 1


def test_a_result_named_like_a_user_file_goes_beside_it(make_sim, tmp_path):
    sim = make_sim(polls_to_done=1)
    mine = tmp_path / "out" / "S2_13_R_EL_2023_7_19_0_B02_B03_B04.tif"
    mine.parent.mkdir()
    mine.write_bytes(b"the user's own file")
    outputs = Harness(tmp_path, sim, seed_params()).run()
    assert mine.read_bytes() == b"the user's own file"
    assert outputs == [str(tmp_path / "out" / "S2_13_R_EL_2023_7_19_0_B02_B03_B04_2.tif")]


def test_a_zip_result_named_like_a_user_folder_leaves_the_folder_and_its_files(make_sim, tmp_path):
    sim = make_sim(polls_to_done=1)
    sim.replace_results(faults.zip_bytes({"B02.tif": _tif_bytes(), "notes": b"server metadata"}),
                        "application/zip", "result.zip")
    mine = tmp_path / "out" / "result" / "notes" / "mine.txt"
    mine.parent.mkdir(parents=True)
    mine.write_text("keep me")
    h = Harness(tmp_path, sim, seed_params())
    outputs = h.run()
    assert mine.read_text() == "keep me"
    assert outputs == [str(tmp_path / "out" / "result_2" / "B02.tif"), str(tmp_path / "out" / "result_2" / "notes")]
    assert h.record.state == JobState.DONE


def test_a_restarted_job_replaces_its_own_files_under_the_same_names(make_sim, tmp_path):
    sim = make_sim(polls_to_done=1)
    sim.replace_results(faults.zip_bytes({"B02.tif": _tif_bytes()}), "application/zip", "result.zip")
    h = Harness(tmp_path, sim, seed_params())
    first = h.run()
    assert first == [str(tmp_path / "out" / "result" / "B02.tif")]
    # As if QGIS was killed after the files were written but before the task was recorded as delivered.
    tasks = [dict(t, done=False, outputs=[]) for t in h.record.server["tasks"]]
    assert str(tmp_path / "out" / "result") in tasks[0]["made"]
    h.store.update(h.job.id, server={"tasks": tasks})
    assert h.run() == first and sorted(os.listdir(str(tmp_path / "out"))) == ["result"]


def test_titles_and_days_of_view_ids():
    """Issue 20: an EOSDA job says what, when and where, and its layers carry the day."""
    from plugin.core.providers.eosda.runner import result_title, view_day
    aoi = {"type": "Polygon", "coordinates": [[[1.0, 43.0], [1.01, 43.0], [1.01, 43.01], [1.0, 43.01], [1.0, 43.0]]]}
    assert view_day("S2/13/R/EL/2023/7/19/0") == "2023-07-19"
    assert view_day("L8/LC08_L1TP_011031_20160128_20200907_02_T1") == "2016-01-28"
    assert view_day("L8/LC80110312016028LGN00") is None
    assert result_title({"view_id": "S2/13/R/EL/2023/7/19/0", "aoi": aoi}) == "EOSDA S2 13REL 2023-07-19 · 91 ha"
    assert result_title({"view_id": "L8/LC80110312016028LGN00", "aoi_name": "field"}) == \
        "EOSDA L8/LC80110312016028LGN00 · field"
