"""JobStore writes: readers never wait for a disk flush; an older state never replaces a newer one."""
import json
import os
import threading

from plugin.core import jobs as jobs_module
from plugin.core.jobs import Job, JobStore


def _blocking_fsync(monkeypatch, calls=1):
    """os.fsync in jobs.py blocks (the first ``calls`` times) until released; returns (entered, release)."""
    entered = threading.Event()
    release = threading.Event()
    real = os.fsync
    state = {"left": calls}

    class _Os:
        def __getattr__(self, name):
            return getattr(os, name)

        @staticmethod
        def fsync(fd):
            if state["left"] > 0:
                state["left"] -= 1
                entered.set()
                assert release.wait(10), "never released"
            real(fd)
    monkeypatch.setattr(jobs_module, "os", _Os())
    return entered, release


def test_reads_do_not_wait_for_a_slow_flush(tmp_path, monkeypatch):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(Job(provider="x", params={}, title="t"))
    entered, release = _blocking_fsync(monkeypatch)
    writer = threading.Thread(target=store.update, args=(job.id,), kwargs={"message": "written"})
    writer.start()
    try:
        assert entered.wait(5)
        # the flush is stuck: the in-memory state is already readable, and other updates go on
        done = threading.Event()

        def read():
            assert store.get(job.id).message == "written"
            store.update(job.id, persist=False, progress=50.0)
            assert [j.id for j in store.list()] == [job.id]
            done.set()
        reader = threading.Thread(target=read)
        reader.start()
        assert done.wait(5), "a reader waited for the flush"
        reader.join()
    finally:
        release.set()
        writer.join(10)
    with open(store.path, encoding="utf-8") as handle:
        saved = json.load(handle)["jobs"][0]
    assert saved["message"] == "written"


def test_an_older_snapshot_never_replaces_a_newer_one(tmp_path, monkeypatch):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(Job(provider="x", params={}, title="t"))
    entered, release = _blocking_fsync(monkeypatch)
    first = threading.Thread(target=store.update, args=(job.id,), kwargs={"message": "first"})
    first.start()
    assert entered.wait(5)
    second = threading.Thread(target=store.update, args=(job.id,), kwargs={"message": "second"})
    second.start()             # waits for the write lock with the newer state
    release.set()
    first.join(10)
    second.join(10)
    assert JobStore(store.path).get(job.id).message == "second"
    assert not [n for n in os.listdir(str(tmp_path)) if n.endswith(".tmp")]


def _counting_fsync(monkeypatch):
    calls = []
    real = os.fsync

    class _Os:
        def __getattr__(self, name):
            return getattr(os, name)

        @staticmethod
        def fsync(fd):
            calls.append(threading.current_thread().name)
            real(fd)
    monkeypatch.setattr(jobs_module, "os", _Os())
    return calls


def test_the_main_thread_can_skip_the_flush_job_threads_cannot(tmp_path, monkeypatch):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(Job(provider="x", params={}, title="t"))
    calls = _counting_fsync(monkeypatch)
    store.update(job.id, message="durable")              # default: flushed on any thread
    assert calls == [threading.main_thread().name]
    store.fsync_main_thread = False                       # what the QGIS job manager sets
    store.update(job.id, message="from the GUI")
    assert len(calls) == 1
    assert JobStore(store.path).get(job.id).message == "from the GUI"     # written all the same
    worker = threading.Thread(target=store.update, args=(job.id,), kwargs={"message": "from a job"},
                              name="job-thread")
    worker.start()
    worker.join(10)
    assert calls[1:] == ["job-thread"]
    assert JobStore(store.path).get(job.id).message == "from a job"
