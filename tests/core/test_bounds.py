"""Nothing unbounded (issue 15 item 5): every plan has an upper bound checked before any work.

Earth Engine grids (tile count and export pixels, computed arithmetically and refused with the size and the
limit), polling deadlines (EOSDA without a usable task_timeout, Earth Engine export operations), paged
listings (a page token that repeats or never ends) and zip extraction (whole-archive ratio, disk margin).
"""
import os
import resource
import subprocess
import sys
import textwrap
import time
import zipfile
from collections import namedtuple

import pytest

from plugin.core.transfer import archive
from plugin.core import config
from plugin.core.transfer import http as eohttp
from plugin.core.providers.earthengine import storage, tiling
from plugin.core.providers.earthengine.operations import ExportClient, Operation, PollPolicy, follow
from plugin.core.errors import ArchiveError, ParameterError, ProviderError
from plugin.core.jobs import Job, JobState
from plugin.core.providers.earthengine import download_runner as ee_download, export_runner as ee_export

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
# About 2 x 1.7 km inside the simulated S2 tile T10SEG.
SQUARE = {"type": "Polygon", "coordinates": [[[-122.0859, 37.0436], [-122.0626, 37.0436], [-122.0626, 37.0586],
                                              [-122.0859, 37.0586], [-122.0859, 37.0436]]]}


def s2_info():
    return tiling.ImageInfo(IMG, [tiling.BandInfo("B4", "uint16", 2, "EPSG:32610",
                                                  (10, 0, 499980, 0, -10, 4200000), 10980, 10980)])


# ---------------------------------------------------------------------------------------------
# Earth Engine grids
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("given", [{"scale": 1e-9}, {"scale": 5e-324}, {"dimensions": "1e20x1"},
                                   {"scale": 0.001}])
def test_extreme_grids_are_refused_with_the_size_and_the_limit(given):
    start = time.perf_counter()
    with pytest.raises(ParameterError) as info:
        ee_download.build_params(IMG, bands="B4", project="my-project", aoi=SQUARE, **given)
    assert time.perf_counter() - start < 1.0
    text = info.value.message
    assert "requests" in text and "more than the limit of {:,} per job".format(config.EE_MAX_TILES) in text
    assert "as Earth Engine counts it" in text           # the size


def test_a_normal_grid_is_accepted():
    assert ee_download.build_params(IMG, bands="B4", project="my-project", aoi=SQUARE, scale=10)["scale"] == 10


def _capped(code: str, mem: int = 1536 * 1024 ** 2, timeout: float = 60.0):
    """Run ``code`` in a Python child with at most ``mem`` bytes of address space."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    try:
        return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, preexec_fn=limit,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail("still planning after {} s".format(timeout))


@pytest.mark.parametrize("spatial", ['{"scale": 1e-6}', '{"dimensions": [10 ** 20, 1]}'])
def test_the_exact_plan_is_counted_not_listed_under_a_memory_cap(spatial):
    """``tiling.estimate`` (the runner's and the dock's) counts the tiles before making any."""
    result = _capped("""
        import time
        from plugin.core.providers.earthengine import tiling
        from plugin.core.errors import ParameterError
        from tests.core.test_bounds import SQUARE, s2_info
        params = dict({spatial}, format="GEO_TIFF", bands=["B4"])
        start = time.perf_counter()
        try:
            tiling.estimate(params, SQUARE, s2_info())
        except ParameterError as exc:
            print("REFUSED", round(time.perf_counter() - start, 3), exc.message)
    """.replace("{spatial}", spatial))
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("REFUSED"), result.stdout
    assert "more than the limit of 5,000 per job" in result.stdout
    assert float(result.stdout.split()[1]) < 0.5


def test_the_runner_refuses_a_plan_over_the_tile_limit_before_any_download_id(tmp_path, monkeypatch):
    from tests.core.test_ee_client import run
    from tests.sims.ee_sim import EeSimulator
    sim = EeSimulator(tokens=("test-token",), projects=("my-project",))
    sim.start()
    try:
        monkeypatch.setattr(config, "EE_MAX_TILES", 3, raising=False)
        params = ee_download.build_params(IMG, bands="B4", scale=10, format="GEO_TIFF", project="my-project",
                                          aoi=SQUARE)
        job = Job("ee_download", params, output_dir=str(tmp_path / "out"))
        with pytest.raises(ParameterError, match=r"requests, more than the limit of 3 per job"):
            run(sim, job, ee_max_request_bytes=30000)
        assert job.state == JobState.FAILED
        assert sim.count("create") == 0                   # refused before any download id
    finally:
        sim.stop()


@pytest.mark.parametrize("given", [{"scale": 1e-9}, {"scale": 0.1},
                                   {"dimensions": "1e20x1", "aoi": None, "crs": "EPSG:32610",
                                    "crs_transform": "10,0,500000,0,-10,4200000"}])
def test_an_export_over_its_max_pixels_is_refused_before_it_starts(given):
    args = dict(image=IMG, bands="B4", project="my-project", aoi=SQUARE, bucket="bkt")
    args.update(given)
    with pytest.raises(ParameterError, match=r"at least [\d,.e+]+ pixels, more than its maximum of 100,000,000"):
        ee_export.build_params(**args)
    if "scale" in given and given["scale"] > 0.01:
        args["max_pixels"] = 10 ** 9                           # a higher MAX_PIXELS lets it start
        assert ee_export.build_params(**args)["max_pixels"] == 10 ** 9


# ---------------------------------------------------------------------------------------------
# Polling deadlines
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("task_timeout", [None, "inf", "nan", -5, 0])
def test_eosda_polling_without_a_usable_task_timeout_stops_at_the_plugins_limit(task_timeout, tmp_path,
                                                                                 monkeypatch):
    monkeypatch.setattr(config, "EOSDA_MAX_WAIT", 600.0, raising=False)       # (the default limit, shortened)
    from plugin.core.providers.eosda import client as eosda
    from tests.core.test_eosda import KEY, SEED_POLYGON, SEED_VIEW, FakeTime
    from tests.sims.eosda_sim import EosdaSimulator
    sim = EosdaSimulator(api_keys=[KEY], polls_to_done=None, task_timeout=task_timeout).start()
    try:
        fake = FakeTime()
        client = eosda.EosdaClient(eohttp.make_session(), sim.url, KEY, cancel=fake, clock=fake.clock,
                                   poll=eosda.PollPolicy(2.0, 1.5, 30.0))
        task = client.create_task(eosda.build_task_body(eosda.build_params(SEED_VIEW, "B02"), SEED_POLYGON))

        def on_poll(status, elapsed):
            assert sim.counters["status"] < 5000, "polled forever"
        with pytest.raises(ProviderError, match=r"did not finish within 600 s"):
            client.wait(task, str(tmp_path), on_poll=on_poll)
        assert sum(fake.slept) == pytest.approx(600.0)
        assert task.task_timeout is None                          # nothing unusable kept in the job
    finally:
        sim.stop()


class _Running:
    """An operation that never finishes (what a stuck export looks like to the client)."""

    def __init__(self):
        self.polls = 0

    def get_operation(self, name, cancel="ctx"):
        self.polls += 1
        assert self.polls < 5000, "polled forever"
        return Operation({"name": name, "metadata": {"state": "RUNNING", "progress": 0.5}})


def test_ee_export_follow_stops_at_its_deadline():
    from plugin.core.runner import CancelToken
    client = _Running()
    policy = PollPolicy(initial=0.01, maximum=0.02, max_wait=0.3)
    start = time.monotonic()
    with pytest.raises(ProviderError, match=r"is still RUNNING 50% after 0.3 s; the plugin stopped following it"):
        follow(client, "projects/p/operations/OP1", CancelToken(), lambda op: None, policy)
    assert 0.25 < time.monotonic() - start < 2.0


def test_an_export_past_its_deadline_fails_with_the_operation_kept_and_a_retry_resumes_it(tmp_path):
    from tests.core.test_ee_export import TOKEN, exports_with, make_job, run
    from tests.sims.ee_export_sim import ExportSimulator
    sim = ExportSimulator(tokens=(TOKEN,), projects=("my-project",), buckets=("bkt",), pending_seconds=0.05,
                          running_seconds=3.0)
    sim.start()
    try:
        job = make_job(tmp_path, bands="B4", scale=30, bucket="bkt", prefix="late/aoi")
        with pytest.raises(ProviderError, match="the plugin stopped following it"):
            run(sim, job, ee_export_max_wait=0.3)
        assert job.state == JobState.FAILED and job.server["operation"]       # kept for the retry
        sim.set_timing(job.server["operation"], running=0.1)
        outputs, _, _ = run(sim, job)
        assert job.state == JobState.DONE and outputs
        assert len({r["json"]["requestId"] for r in exports_with(sim, job.server["request_id"])}) == 1
        assert len([o for o in sim.operations()]) == 1                        # one export on Earth Engine
    finally:
        sim.stop()


# ---------------------------------------------------------------------------------------------
# Listings
# ---------------------------------------------------------------------------------------------
def _gcs(pages_by_token):
    gcs = storage.GcsClient("http://127.0.0.1:9", ee=None, retry=eohttp.RetryPolicy())
    calls = []

    def get_json(url):
        calls.append(url)
        assert len(calls) < 5000, "listed forever"
        token = url.split("pageToken=")[1].split("&")[0] if "pageToken=" in url else None
        return pages_by_token(token)
    gcs.get_json = get_json
    return gcs, calls


def test_a_listing_whose_page_token_repeats_is_stopped():
    gcs, calls = _gcs(lambda token: {"items": [{"name": "p.tif"}], "nextPageToken": "same"})
    with pytest.raises(ProviderError, match=r"the listing repeats itself"):
        gcs.list_objects("bkt", "p")
    assert len(calls) == 2


def test_a_listing_that_never_ends_is_capped(monkeypatch):
    monkeypatch.setattr(config, "MAX_LIST_PAGES", 50, raising=False)
    gcs, calls = _gcs(lambda token: {"items": [], "nextPageToken": "t{}".format(int((token or "t0")[1:]) + 1)})
    with pytest.raises(ProviderError, match=r"more than 50 pages"):
        gcs.list_objects("bkt", "p")
    assert len(calls) == 50


def test_drive_and_operation_listings_share_the_cap(monkeypatch):
    monkeypatch.setattr(config, "MAX_LIST_PAGES", 7, raising=False)
    drive = storage.DriveClient("http://127.0.0.1:9", ee=None, retry=eohttp.RetryPolicy())
    calls = []

    def endless(url):
        calls.append(url)
        assert len(calls) < 5000, "listed forever"
        return {"files": [], "nextPageToken": "t{}".format(len(calls))}
    drive.get_json = endless
    with pytest.raises(ProviderError, match=r"Google Drive: the listing has more than 7 pages"):
        drive.list_files("p", "root")
    ops = ExportClient.__new__(ExportClient)
    ops.base_url, ops.project = "http://127.0.0.1:9", "p"
    ops._call = lambda method, url, what: {"operations": [], "nextPageToken": "again"}
    with pytest.raises(ProviderError, match=r"Earth Engine: the listing repeats itself"):
        list(ops.list_operations())


# ---------------------------------------------------------------------------------------------
# Zip extraction
# ---------------------------------------------------------------------------------------------
def _many_small_bombs(path, members=24, size=1024 ** 2):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(members):
            zf.writestr("part{:03d}.bin".format(i), b"\0" * size)     # ~1000:1 each, each below the per-member check
    return str(path)


def test_a_zip_of_many_small_highly_compressed_members_is_refused_as_a_whole(tmp_path):
    zpath = _many_small_bombs(tmp_path / "bomb.zip")
    with pytest.raises(ArchiveError, match=r"24.0 MiB of data packed in .*compression ratio of \d+:1, more than "
                                           r"200:1"):
        archive.safe_extract(zpath, str(tmp_path / "out"))
    assert not os.path.exists(tmp_path / "out")


def test_extraction_keeps_a_disk_margin(tmp_path, monkeypatch):
    zpath = str(tmp_path / "a.zip")
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.bin", os.urandom(100000))
    Usage = namedtuple("Usage", "total used free")
    # 1 TB disk: the margin is 1 GiB; 100 000 bytes + 10 MiB free are not enough.
    monkeypatch.setattr(archive.shutil, "disk_usage", lambda p: Usage(10 ** 12, 0, 100000 + 10 * 1024 ** 2))
    with pytest.raises(ArchiveError, match=r"Not enough disk space to extract a.zip: 1.00 GiB needed \(with 1.00 "
                                           r"GiB kept free\)"):
        archive.safe_extract(zpath, str(tmp_path / "out"))
    assert config.disk_margin(10 ** 12) == 1024 ** 3 and config.disk_margin(10 ** 9) == 5 * 10 ** 7
    assert config.disk_margin(256 * 1024) == 32 * 1024 ** 2


def test_an_eosda_job_past_its_deadline_fails_with_the_task_kept_and_a_retry_resumes_it(tmp_path):
    from tests.core.test_eosda import KEY, Harness, seed_params
    from tests.sims.eosda_sim import EosdaSimulator
    sim = EosdaSimulator(api_keys=[KEY], polls_to_done=None, task_timeout=None).start()
    try:
        h = Harness(tmp_path, sim, seed_params(), settings={"eosda_max_wait": 0.3, "eosda_poll_initial": 0.02,
                                                            "eosda_poll_max": 0.05})
        with pytest.raises(ProviderError, match=r"did not finish within 0 s"):
            h.run()
        task_id = h.record.server["tasks"][0]["task_id"]
        assert h.record.state == JobState.FAILED and task_id                   # kept for the retry
        sim.polls_to_done = 0
        outputs = h.run()
        assert h.record.state == JobState.DONE and outputs
        assert sim.counters["create"] == 1 and h.record.server["tasks"][0]["task_id"] == task_id
    finally:
        sim.stop()
