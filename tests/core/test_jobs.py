"""Job model, job store and the runner contract (QGIS-free)."""
import json
import os
import threading

import pytest

from plugin.core.errors import CancelledError, EoError, ProviderError
from plugin.core.jobs import Job, JobState, JobStore
from plugin.core.runner import CancelToken, Detached, RunContext, is_detached, register_runner, run_job


def test_secrets_never_stored(tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = Job(provider="x", params={"image": "A", "api_key": "SECRET1", "nested": {"access_token": "SECRET2"}})
    store.add(job)
    store.update(job.id, server={"task_id": "t1", "token": "SECRET3"})
    text = (tmp_path / "jobs.json").read_text()
    assert "SECRET" not in text
    assert json.loads(text)["jobs"][0]["server"] == {"task_id": "t1"}


def test_store_survives_restart_and_lists_unfinished(tmp_path):
    path = str(tmp_path / "jobs.json")
    store = JobStore(path)
    a = store.add(Job(provider="x", params={"n": 1}))
    b = store.add(Job(provider="x", params={"n": 2}))
    store.update(a.id, state=JobState.RUNNING, server={"task_id": "abc"})
    store.update(b.id, state=JobState.DONE, outputs=["/tmp/x.tif"])
    reopened = JobStore(path)     # a new QGIS session
    unfinished = reopened.unfinished()
    assert [j.id for j in unfinished] == [a.id]
    assert unfinished[0].server == {"task_id": "abc"}
    assert reopened.get(b.id).finished_at is not None


def test_atomic_write_leaves_no_temp_files(tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    for i in range(20):
        store.add(Job(provider="x", params={"i": i}))
    assert sorted(os.listdir(tmp_path)) == ["jobs.json", "jobs.json.lock"]    # (the writers' lock file)


def test_corrupt_store_is_kept_aside(tmp_path):
    path = tmp_path / "jobs.json"
    path.write_text("{truncated")
    store = JobStore(str(path))
    assert store.list() == []
    assert any(n.startswith("jobs.json.damaged-") for n in os.listdir(tmp_path))


def test_concurrent_updates(tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(Job(provider="x", params={}))

    def worker(n):
        for i in range(20):
            store.update(job.id, server={"k{}".format(n): i})
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert JobStore(store.path).get(job.id).server == {"k0": 19, "k1": 19, "k2": 19, "k3": 19}


def _image(job, name, body=None):
    """A file the runner reports: a small GeoTIFF, or ``body`` when given (what a server sent)."""
    from osgeo import gdal
    path = os.path.join(job.output_dir, name)
    if body is None and os.path.exists(path):
        return path
    if body is None:
        gdal.GetDriverByName("GTiff").Create(path, 4, 4, 1, gdal.GDT_Byte).FlushCache()
    else:
        with open(path, "wb") as handle:
            handle.write(body)
    return path


def _runner_ok(job, ctx):
    ctx.save_server(remote="r-1")
    ctx.set_state(JobState.RUNNING)
    ctx.progress(50, "half")
    if job.params.get("summary"):
        ctx.summary = job.params["summary"]
    more = [_image(job, name, body if body is None else body.encode()) for name, body in job.params.get("more", [])]
    return [_image(job, "out.tif")] + more


def _runner_fail(job, ctx):
    raise ProviderError("server says no")


def _runner_wait(job, ctx):
    ctx.save_server(remote="r-2")
    while True:
        ctx.cancel.sleep(0.05)


register_runner("test_ok", _runner_ok)
register_runner("test_fail", _runner_fail)
register_runner("test_wait", _runner_wait)


def test_run_job_records_done(tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(Job(provider="test_ok", params={}, output_dir=str(tmp_path)))
    seen = []
    outputs = run_job(job, RunContext(job, store=store, progress=lambda p, m: seen.append((p, m))))
    final = JobStore(store.path).get(job.id)
    assert outputs == [str(tmp_path / "out.tif")] and final.state == JobState.DONE and final.outputs == outputs
    assert final.server == {"remote": "r-1"} and (50.0, "half") in seen
    assert final.message == "Done"


def test_runner_summary_is_the_final_message(tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(Job(provider="test_ok", params={"summary": "2 products, 1 already downloaded"},
                        output_dir=str(tmp_path)))
    run_job(job, RunContext(job, store=store))
    assert store.get(job.id).message == "2 products, 1 already downloaded"


@pytest.mark.parametrize("name, body, words", [
    ("b.tif", "<!DOCTYPE html><html><head><title>Session expired</title></head><body>Sign in again</body></html>",
     "The server sent a web page instead of an image (b.tif): Session expired: Sign in again"),
    ("b.jp2", '{"error": {"code": 429, "message": "Quota exceeded"}}',
     "The server sent a message instead of an image (b.jp2): Quota exceeded"),
    ("b.tif", "\x00\x01garbage\x02\x03" * 40, "b.tif (440 bytes) is not an image GDAL can read"),
    ("meta.xml", "<html><title>Login</title></html>", "The server sent a web page instead of an image (meta.xml)"),
])
def test_a_job_is_done_only_when_every_output_is_usable(tmp_path, name, body, words):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(Job(provider="test_ok", params={"more": [(name, body)]}, output_dir=str(tmp_path)))
    with pytest.raises(EoError):
        run_job(job, RunContext(job, store=store))
    final = JobStore(store.path).get(job.id)
    assert final.state == JobState.FAILED and final.outputs == [] and words in final.error


def test_documented_non_raster_outputs_are_done(tmp_path):
    import numpy as np
    store = JobStore(str(tmp_path / "jobs.json"))
    np.save(str(tmp_path / "a.npy"), np.zeros((2, 2), dtype="uint8"))
    job = store.add(Job(provider="test_ok", params={"more": [("metadata.xml", "<?xml version='1.0'?><md/>"),
                                                             ("product_md.json", '{"id": 1}'), ("a.npy", None)]},
                        output_dir=str(tmp_path)))
    outputs = run_job(job, RunContext(job, store=store))
    assert store.get(job.id).state == JobState.DONE and len(outputs) == 4


def test_run_job_records_failure_message(tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(Job(provider="test_fail", params={}))
    with pytest.raises(ProviderError):
        run_job(job, RunContext(job, store=store))
    final = store.get(job.id)
    assert final.state == JobState.FAILED and final.error == "server says no"


def test_cancel_within_a_second_and_shutdown_keeps_job_resumable(tmp_path):
    import time
    store = JobStore(str(tmp_path / "jobs.json"))
    # (a shutdown leaves the job as it was, Running since it started: unfinished, so resumed at the next start)
    for reason, expected in ((CancelToken.USER, JobState.CANCELLED), (CancelToken.SHUTDOWN, JobState.RUNNING)):
        job = store.add(Job(provider="test_wait", params={}))
        token = CancelToken()
        threading.Timer(0.2, token.cancel, kwargs={"reason": reason}).start()
        start = time.monotonic()
        with pytest.raises(CancelledError):
            run_job(job, RunContext(job, store=store, cancel=token))
        assert time.monotonic() - start < 1.2
        assert store.get(job.id).state == expected
        assert store.get(job.id).server == {"remote": "r-2"}


def _runner_detach(job, ctx):
    """Starts server-side work once; detaches the first time, finishes when run again."""
    if "remote" not in ctx.job.server:
        ctx.save_server(remote="r-3")
        raise Detached("r-3 runs on the server")
    return [_image(job, "detached.tif")]


register_runner("test_detach", _runner_detach)


def test_detached_job_stays_running_and_a_rerun_finishes_it(tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(Job(provider="test_detach", params={}, output_dir=str(tmp_path)))
    assert run_job(job, RunContext(job, store=store)) == []
    left = JobStore(store.path).get(job.id)         # also after a restart
    assert left.state == JobState.RUNNING and not left.finished and left.error == ""
    assert left.message == "r-3 runs on the server" and is_detached(left)
    assert [j.id for j in JobStore(store.path).unfinished()] == [job.id]
    outputs = run_job(left, RunContext(left, store=store))
    done = store.get(job.id)
    assert outputs == [str(tmp_path / "detached.tif")] and done.state == JobState.DONE and not is_detached(done)
    assert done.server == {"remote": "r-3", "detached": False}


def test_a_job_says_it_retries_while_a_request_waits_for_another_attempt(tmp_path):
    """Issue 20 item 3: "Retrying (attempt n of m)" while a request of the job waits (also on the
    threads a runner hands its requests to), back to its state once it goes on."""
    from concurrent.futures import ThreadPoolExecutor

    from plugin.core import logs
    from plugin.core.transfer import http
    from tests.sims.faults import Fault, FaultServer, Resource
    store = JobStore(str(tmp_path / "jobs.json"))
    seen = []

    def runner(job, ctx):
        def wait(seconds):
            now = store.get(job.id)
            seen.append((now.retry, JobState.text(now)))
        policy = http.RetryPolicy(max_attempts=4, base_delay=0.01, sleep=wait)
        with ThreadPoolExecutor(1) as pool:     # as the Earth Engine download fetches its pieces
            response = pool.submit(logs.carry(http.request), None, "GET", url, retry=policy).result()
        assert response.content == b"ok"
        ctx.progress(50.0)
        seen.append((store.get(job.id).retry, JobState.text(store.get(job.id))))
        return []
    register_runner("test_retrying", runner)
    with FaultServer() as server:
        url = server.add("/r", Resource(b"ok", faults=[Fault.status(503), Fault.status(502)]))
        job = store.add(Job(provider="test_retrying", params={}))
        run_job(job, RunContext(job, store=store))
    assert seen == [([2, 4], "Retrying (attempt 2 of 4)"), ([3, 4], "Retrying (attempt 3 of 4)"),
                    (None, "Running")]
    assert store.get(job.id).retry is None and store.get(job.id).state == JobState.DONE
