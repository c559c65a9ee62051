"""The eodag job runner end to end against the simulator: download, extraction, orders across a
restart, retries, failures, and the cut to the AOI."""
import os
import zipfile

import numpy as np
import pytest
from osgeo import gdal, osr
from pyproj import Transformer
from shapely.geometry import Point, shape
from shapely.ops import transform

from plugin.core.providers.eodag import client as ec
from plugin.core.errors import AuthError, CancelledError, ParameterError, ProviderError
from plugin.core.jobs import Job, JobState, JobStore
from plugin.core.providers.eodag import runner as ed
from plugin.core.runner import CancelToken, RunContext, get_runner, run_job
from tests.core.test_eodag_client import AOI, eodag_env, no_internet  # noqa: F401 (fixtures)
from tests.sims import eodag_sim as es
from tests.sims import faults

ONLINE_L2A, L1C, ORDERABLE_L2A, TIF_L2A, COG = (p["id"] for p in es.CATALOGUE)
CREDS = {"username": "sim-user", "password": "sim-password"}
FAST = dict(wait=0.005, timeout=1.0)        # 0.3 s between tries


class Harness:
    """A job store on disk and a way to run (or re-run, as after a restart) one job."""

    def __init__(self, sim, tmp_path):
        self.sim = sim
        self.tmp = tmp_path
        self.store_path = str(tmp_path / "jobs.json")
        self.out = str(tmp_path / "out")
        self.messages = []
        self.states = []             # (state, message) of every change the job store saw

    def job(self, **overrides):
        args = dict(provider="eodag_sim", collection="S2_MSI_L2A", date_from="2023-07-01", date_to="2023-07-31",
                    cloud_max=50, aoi=AOI, bands="B04,B03,B02")
        args.update(overrides)
        return Job(provider="eodag", params=ed.build_params(**args), title="eodag test", output_dir=self.out)

    def run(self, job, credentials=None, cancel=None, store=None):
        store = store or JobStore(self.store_path)
        store.add_listener(lambda j: self.states.append((j.state, j.message)) if j.id == job.id else None)
        if store.get(job.id) is None:
            store.add(job)
        job = store.get(job.id)
        ctx = RunContext(job, store=store, cancel=cancel or CancelToken(),
                         progress=lambda pct, msg="": self.messages.append((pct, msg)),
                         credentials=dict(credentials or CREDS), settings={"eodag_providers_yaml": self.sim.yaml()})
        outputs = run_job(job, ctx)
        return outputs, store.get(job.id)


@pytest.fixture
def sim():
    with es.EodagSimulator() as s:
        yield s


@pytest.fixture
def h(sim, tmp_path, eodag_env):  # noqa: F811
    return Harness(sim, tmp_path)


def test_runner_is_registered():
    assert get_runner("eodag") is ed.run


def test_build_params_checks_before_sending():
    p = ed.build_params("cop_dataspace", "S2_MSI_L2A", "2023-07-01", "2023-07-31", "20", AOI,
                        product_ids="A, B", bands="B4,B03", order=True, wait="1", timeout="30")
    assert p["bands"] == ["B4", "B03"] and p["product_ids"] == ["A", "B"]
    assert (p["cloud_max"], p["wait"], p["timeout"], p["order"], p["extract"]) == (20.0, 1.0, 30.0, True, True)
    assert p["aoi"]["type"] == "Polygon"
    assert ed.build_params("x", "C", aoi=AOI, wait="", timeout="")["wait"] is None
    for bad in (dict(collection=""), dict(date_from="2023-08-01", date_to="2023-07-01"),
                dict(date_from="01/07/2023"), dict(cloud_max=150), dict(wait=0), dict(timeout=-1),
                dict(aoi=None), dict(limit=0)):
        args = dict(provider="p", collection="C", aoi=AOI)
        args.update(bad)
        with pytest.raises(ParameterError):
            ed.build_params(**args)


def _utm_aoi():
    return transform(Transformer.from_crs(4326, es.EPSG, always_xy=True).transform, shape(AOI))


def test_online_product_downloaded_extracted_and_cut(h, sim, no_internet):  # noqa: F811
    outputs, job = h.run(h.job(product_ids=[ONLINE_L2A]))
    assert job.state == JobState.DONE
    names = [os.path.basename(p) for p in outputs]
    assert names == ["S2B_L2A_T31TCJ_20230719_true_colour.vrt", "S2B_L2A_T31TCJ_20230719_B04.tif",
                     "S2B_L2A_T31TCJ_20230719_B03.tif", "S2B_L2A_T31TCJ_20230719_B02.tif"]
    # The full product stays on disk, extracted as eodag does it; the archive is gone.
    product_dir = os.path.join(h.out, ONLINE_L2A)
    assert os.path.isdir(os.path.join(product_dir, ONLINE_L2A + ".SAFE", "GRANULE"))
    assert not os.path.exists(product_dir + ".zip")
    assert len(os.listdir(os.path.join(h.out, ".downloaded"))) == 1
    # Native CRS and grid, the source's pixels inside the polygon.
    ds = gdal.Open(outputs[1])
    assert osr.SpatialReference(wkt=ds.GetProjection()).GetAuthorityCode(None) == "32631"
    gt = ds.GetGeoTransform()
    assert gt[1] == 10 and (gt[0] - es.TILE_X0) % 10 == 0
    data = ds.ReadAsArray()
    poly = _utm_aoi()
    row, col = ds.RasterYSize // 2, ds.RasterXSize // 2
    x, y = gt[0] + (col + 0.5) * 10, gt[3] - (row + 0.5) * 10
    assert poly.contains(Point(x, y)) and data[row, col] == es.pixel_value("B04", x, y, 10)
    assert data[0, 0] == 0                  # a corner of the window is outside the pentagon
    tc = gdal.Open(outputs[0])
    assert tc.RasterCount == 3 and tc.GetRasterBand(1).GetDescription() == "B04"
    # Progress came from eodag's callback: bytes, then extraction, then the cut.
    texts = [m for _p, m in h.messages]
    assert any("downloading" in t and "MB" in t for t in texts)
    assert any("extracting" in t for t in texts)
    assert any("cutting" in t for t in texts)
    pcts = [p for p, _m in h.messages]
    assert pcts == sorted(pcts) and pcts[-1] == 100.0
    assert sim.requests_to("GET", "/download/")[0]["authorization"].startswith("Basic ")
    assert job.server["products"][ONLINE_L2A]["state"] == "done"
    assert no_internet == []


def test_already_downloaded_product_is_not_downloaded_again(h, sim):
    h.run(h.job(product_ids=[ONLINE_L2A]))
    assert sim.downloads[ONLINE_L2A] == 1
    h.messages.clear()
    outputs, job = h.run(h.job(product_ids=[ONLINE_L2A], bands="B8A"))       # a new job, same folder
    assert sim.downloads[ONLINE_L2A] == 1
    assert [os.path.basename(p) for p in outputs] == ["S2B_L2A_T31TCJ_20230719_B8A.tif"]
    assert any("already downloaded" in m and "not downloaded again" in m for _p, m in h.messages)
    assert "Already downloaded, not downloaded again: {}".format(ONLINE_L2A) in job.server["summary"]
    assert job.server["products"][ONLINE_L2A]["reused"] is True


def test_order_is_placed_once_across_a_restart(h, sim):
    sim.polls_to_done = 4
    job = h.job(product_ids=[ORDERABLE_L2A], order=True, **FAST)
    store = JobStore(h.store_path)
    store.add(job)
    token = CancelToken()

    def watch(j):
        if j.id == job.id and "not available yet" in (j.message or ""):
            token.cancel(CancelToken.SHUTDOWN)          # QGIS closes while the order is being prepared

    store.add_listener(watch)
    with pytest.raises(CancelledError):
        h.run(job, cancel=token, store=store)
    saved = JobStore(h.store_path).get(job.id)          # what a restarted QGIS reads
    record = saved.server["products"][ORDERABLE_L2A]
    assert record["order_id"] and record["status_link"].startswith(sim.url)
    assert record["state"] == "ordered" and record["order_status"] == "running"
    assert not saved.finished and sim.orders[ORDERABLE_L2A] == 1
    assert sim.downloads[ORDERABLE_L2A] == 0
    polls_before = sim.status_polls[ORDERABLE_L2A]

    outputs, done = h.run(saved, store=JobStore(h.store_path))   # the restart resumes the job
    assert done.state == JobState.DONE
    assert sim.orders[ORDERABLE_L2A] == 1                         # not ordered again
    assert sim.status_polls[ORDERABLE_L2A] > polls_before         # the same order was polled
    assert sim.downloads[ORDERABLE_L2A] == 1
    order_id = record["order_id"]
    assert any(r["path"] == "/dataaccess/download/" + order_id for r in sim.requests_to("GET", "/dataaccess/"))
    assert [os.path.basename(p) for p in outputs][0] == "S2A_L2A_T31TCJ_20230709_true_colour.vrt"
    assert done.server["products"][ORDERABLE_L2A]["state"] == "done"


def test_order_progress_is_shown_while_staging(h, sim):
    sim.polls_to_done = 3
    outputs, job = h.run(h.job(product_ids=[ORDERABLE_L2A], order=True, **FAST))
    assert job.state == JobState.DONE and sim.orders[ORDERABLE_L2A] == 1
    # 202 answers while staging, each followed by a wait (eodag's NotAvailableError).
    staged = [r for r in sim.requests_to("GET", "/dataaccess/download/")]
    assert len(staged) >= 2
    waits = [m for state, m in h.states if "not available yet" in m]
    assert waits and all("order status: running" in m for m in waits)
    assert any(state == JobState.SUBMITTED and "ordered (order " in m for state, m in h.states)
    assert any(state == JobState.DOWNLOADING for state, _m in h.states)


def test_staging_with_empty_body_is_retried(h, sim):
    sim.polls_to_done, sim.staging_style = 2, "empty"
    outputs, job = h.run(h.job(product_ids=[ORDERABLE_L2A], order=True, **FAST))
    assert job.state == JobState.DONE and sim.orders[ORDERABLE_L2A] == 1
    assert os.path.isdir(os.path.join(h.out, ORDERABLE_L2A))


def test_order_timeout_reached(h, sim):
    sim.polls_to_done = 10_000
    job = h.job(product_ids=[ORDERABLE_L2A], order=True, wait=0.005, timeout=0.02)
    with pytest.raises(ProviderError) as info:
        h.run(job)
    assert "order was not successfull, timeout reached" in info.value.message
    saved = JobStore(h.store_path).get(job.id)
    assert saved.state == JobState.FAILED
    assert saved.server["products"][ORDERABLE_L2A]["order_id"]         # kept for a later retry
    assert sim.orders[ORDERABLE_L2A] == 1


def test_order_error_from_the_provider(h, sim):
    sim.fail_order_ids.add(ORDERABLE_L2A)
    with pytest.raises(ProviderError) as info:
        h.run(h.job(product_ids=[ORDERABLE_L2A], order=True, **FAST))
    assert "Product retrieval failed" in info.value.message


def test_offline_products_are_skipped_without_order(h, sim):
    outputs, job = h.run(h.job())                        # both July L2A products; ORDER off
    assert [os.path.basename(p) for p in outputs][0].startswith("S2B_L2A")
    assert sim.orders == {}
    assert job.server["products"][ORDERABLE_L2A]["state"] == "skipped"
    assert "Offline, to be ordered (ORDER is off): {}".format(ORDERABLE_L2A) in job.server["summary"]
    with pytest.raises(ProviderError) as info:
        h.run(h.job(product_ids=[ORDERABLE_L2A]))
    assert "must be ordered" in info.value.message and "ORDER" in info.value.hint


def test_empty_payload_fails_that_product(h, sim):
    sim.empty_ids.add(ONLINE_L2A)
    with pytest.raises(ProviderError) as info:
        h.run(h.job(product_ids=[ONLINE_L2A]))
    assert "is empty" in info.value.message
    assert not os.path.exists(os.path.join(h.out, ".downloaded")) or \
        os.listdir(os.path.join(h.out, ".downloaded")) == []


def test_one_failure_does_not_stop_the_others(h, sim):
    sim.empty_ids.add(ONLINE_L2A)
    outputs, job = h.run(h.job(product_ids=[ONLINE_L2A, TIF_L2A], date_from="2023-06-01"))
    assert job.state == JobState.DONE
    assert outputs and all("S2B_L2A_T31TCJ_20230629" in os.path.basename(p) for p in outputs)
    assert job.server["products"][ONLINE_L2A]["state"] == "failed"
    assert "Failed: {}".format(ONLINE_L2A) in job.server["summary"]


def test_non_zip_payload_and_stacked_geotiff(h, sim):
    outputs, job = h.run(h.job(product_ids=[TIF_L2A], date_from="2023-06-01", bands="B04,B03,B02,B08"))
    folder = os.path.join(h.out, TIF_L2A)
    assert os.listdir(folder) == [TIF_L2A + ".tif"]        # eodag moves a non-archive into its own folder
    names = [os.path.basename(p) for p in outputs]
    assert names[0] == "S2B_L2A_T31TCJ_20230629_true_colour.vrt" and len(names) == 5
    b08 = gdal.Open(outputs[-1])
    assert b08.GetRasterBand(1).GetDescription() == "B08"
    assert set(np.unique(b08.ReadAsArray()).tolist()) - {0}            # real values from band 4


def test_stac_assets_are_downloaded_and_cut(h, sim):
    outputs, job = h.run(h.job(collection="S2_MSI_L2A_COG", product_ids=[COG], bands="red,green,blue"))
    folder = os.path.join(h.out, COG)
    files = {name for _root, _dirs, names in os.walk(folder) for name in names}
    assert {"B02.tif", "B03.tif", "B04.tif", "B08.tif"} <= files
    assert sim.downloads[COG] == 4
    names = [os.path.basename(p) for p in outputs]
    assert names == ["S2B_31TCJ_20230719_0_L2A_true_colour.vrt", "S2B_31TCJ_20230719_0_L2A_red.tif",
                     "S2B_31TCJ_20230719_0_L2A_green.tif", "S2B_31TCJ_20230719_0_L2A_blue.tif"]


def test_l1c_layout(h, sim):
    outputs, job = h.run(h.job(collection="S2_MSI_L1C", bands="B04,B10"))
    assert [os.path.basename(p) for p in outputs] == ["S2A_L1C_T31TCJ_20230714_B04.tif",
                                                      "S2A_L1C_T31TCJ_20230714_B10.tif"]
    assert gdal.Open(outputs[1]).GetGeoTransform()[1] == 60


def test_without_extraction_the_zip_is_kept_and_read(h, sim):
    outputs, job = h.run(h.job(product_ids=[ONLINE_L2A], extract=False, bands="B04"))
    zip_path = os.path.join(h.out, ONLINE_L2A + ".zip")
    assert zipfile.is_zipfile(zip_path) and not os.path.isdir(os.path.join(h.out, ONLINE_L2A))
    assert job.server["products"][ONLINE_L2A]["path"] == zip_path
    assert gdal.Open(outputs[0]).RasterCount == 1


def test_without_bands_the_products_are_the_outputs(h, sim):
    outputs, job = h.run(h.job(product_ids=[ONLINE_L2A], bands=""))
    assert outputs == [os.path.join(h.out, ONLINE_L2A)]


def test_wrong_credentials_fail_the_job(h, sim):
    with pytest.raises(AuthError):
        h.run(h.job(), credentials={"username": "sim-user", "password": "nope"})
    assert len(sim.requests_to("GET", "/download/")) == 1        # stopped at the first 401
    saved = JobStore(h.store_path).list()[-1]
    assert saved.state == JobState.FAILED and "credentials" in saved.error.lower()
    assert "nope" not in open(h.store_path, encoding="utf-8").read()


def test_cancel_stops_a_waiting_order(h, sim):
    sim.polls_to_done = 10_000
    job = h.job(product_ids=[ORDERABLE_L2A], order=True, wait=1.0, timeout=10.0)   # 60 s between tries
    store = JobStore(h.store_path)
    store.add(job)
    token = CancelToken()
    store.add_listener(lambda j: token.cancel() if "not available yet" in (j.message or "") else None)
    import time
    start = time.monotonic()
    with pytest.raises(CancelledError):
        h.run(job, cancel=token, store=store)
    assert time.monotonic() - start < 10
    assert JobStore(h.store_path).get(job.id).state == JobState.CANCELLED


def test_missing_eodag_fails_the_job_with_the_install_hint(h, monkeypatch):
    import sys
    monkeypatch.setattr(ec, "_eodag_module", None)
    monkeypatch.setitem(sys.modules, "eodag", None)
    with pytest.raises(ec.EodagMissingError):
        h.run(h.job())
    saved = JobStore(h.store_path).list()[-1]
    assert saved.state == JobState.FAILED and "pip install" in saved.error


def test_cancel_during_the_transfer_then_run_again(h, sim):
    job = h.job(product_ids=[ONLINE_L2A], bands="B04")
    store = JobStore(h.store_path)
    store.add(job)
    token = CancelToken()
    store.add_listener(lambda j: token.cancel() if j.state == JobState.DOWNLOADING else None)
    with pytest.raises(CancelledError):
        h.run(job, cancel=token, store=store)
    assert JobStore(h.store_path).get(job.id).state == JobState.CANCELLED
    # The transfer stopped mid-way: no download record, so the product is not taken as done.
    assert not os.listdir(os.path.join(h.out, ".downloaded"))
    outputs, done = h.run(h.job(product_ids=[ONLINE_L2A], bands="B04"))
    assert done.state == JobState.DONE and sim.downloads[ONLINE_L2A] == 2
    assert done.server["products"][ONLINE_L2A]["reused"] is False
    assert gdal.Open(outputs[0]) is not None


# -- done means usable; what the job did not create is left alone ---------------------------------------
_JP2 = ONLINE_L2A + ".SAFE/GRANULE/L2A_T31TCJ_A000000_20230719T103629/IMG_DATA/R10m/T31TCJ_20230719T103629_B04_10m.jp2"
HOSTILE_PRODUCTS = [
    (TIF_L2A, TIF_L2A + ".tif", "image/tiff", faults.html_page(prolog="\ufeff"),
     "The server sent a web page instead of an image ({}.tif): Access denied: Your session has expired.".format(TIF_L2A)),
    (TIF_L2A, TIF_L2A + ".tif", "image/tiff", b'{"detail": "Quota of downloads exceeded"}',
     "instead of an image ({}.tif): Quota of downloads exceeded".format(TIF_L2A)),
    (TIF_L2A, TIF_L2A + ".tif", "image/tiff", faults.sample_bytes(4000), "(4000 bytes) is not an image GDAL can read"),
    (ONLINE_L2A, ONLINE_L2A + ".zip", "application/zip", faults.zip_bytes({_JP2: faults.sample_bytes(3000)}),
     "T31TCJ_20230719T103629_B04_10m.jp2 (3000 bytes) is not an image GDAL can read"),
]


@pytest.mark.parametrize("bands", ["", "B04"])
@pytest.mark.parametrize("pid, name, ctype, body, words", HOSTILE_PRODUCTS)
def test_a_product_that_is_not_an_image_fails_in_the_servers_words(h, sim, bands, pid, name, ctype, body, words):
    sim.replaced[pid] = (name, ctype, body)
    job = h.job(product_ids=[pid], bands=bands, date_from="2023-06-01")
    with pytest.raises(ProviderError) as info:
        h.run(job)
    assert words in info.value.message
    job = JobStore(h.store_path).get(job.id)
    assert job.state == JobState.FAILED and job.outputs == []
    assert job.server["products"][pid]["state"] == "failed"
    assert not os.path.exists(os.path.join(h.out, pid))          # discarded: a new run downloads it again
    del sim.replaced[pid]
    outputs, job = h.run(job)
    assert job.state == JobState.DONE and outputs and sim.downloads[pid] == 2


def test_a_failed_download_leaves_a_user_folder_named_like_the_product(h, sim):
    mine = os.path.join(h.out, ONLINE_L2A + "-notes")
    os.makedirs(mine)
    with open(os.path.join(mine, "mine.txt"), "w") as handle:
        handle.write("keep me")
    sim.replaced[ONLINE_L2A] = (ONLINE_L2A + ".zip", "application/zip", faults.html_page())
    with pytest.raises(ProviderError):
        h.run(h.job(product_ids=[ONLINE_L2A]))
    with open(os.path.join(mine, "mine.txt")) as handle:
        assert handle.read() == "keep me"


def test_titles_say_what_when_and_where():
    """Issue 20: an eodag job says what (provider, collection or the product), when and where."""
    from types import SimpleNamespace

    from plugin.core.providers.eodag.runner import result_title
    params = {"provider": "cop_dataspace", "collection": "S2_MSI_L2A", "date_from": "2023-07-01",
              "date_to": "2023-07-31", "aoi_name": "field"}
    assert result_title(params) == "eodag cop_dataspace S2_MSI_L2A 2023-07-01..2023-07-31 · field"
    two = [SimpleNamespace(title="A", date="2023-07-19T10:56:00Z"), SimpleNamespace(title="B", date="2023-07-04")]
    assert result_title(params, two) == "eodag cop_dataspace S2_MSI_L2A (2 products) 2023-07-04..2023-07-19 · field"
    assert result_title(params, two[:1]) == "eodag A · field"
