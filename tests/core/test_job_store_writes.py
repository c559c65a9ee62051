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


def _counting_writes(monkeypatch):
    """(thread name, 'fsync' | 'replace') of every flush and rename the store makes."""
    calls = []

    class _Os:
        def __getattr__(self, name):
            return getattr(os, name)

        @staticmethod
        def fsync(fd):
            calls.append((threading.current_thread().name, "fsync"))
            os.fsync(fd)

        @staticmethod
        def replace(src, dst):
            calls.append((threading.current_thread().name, "replace"))
            os.replace(src, dst)
    monkeypatch.setattr(jobs_module, "os", _Os())
    return calls


def test_the_main_thread_hands_its_writes_to_the_writer_job_threads_write_themselves(tmp_path, monkeypatch):
    store = JobStore(str(tmp_path / "jobs.json"))
    job = store.add(Job(provider="x", params={}, title="t"))
    calls = _counting_writes(monkeypatch)
    store.update(job.id, message="durable")              # default: written here, on any thread
    assert calls == [("MainThread", "fsync"), ("MainThread", "replace")]
    del calls[:]
    store.write_behind_main_thread = True                  # what the QGIS job manager sets
    store.update(job.id, message="from the GUI")
    assert store.flush(10)
    assert calls and all(name == "eo-downloader-job-store" for name, _ in calls)
    assert ("eo-downloader-job-store", "fsync") in calls     # still durable, off the GUI thread
    assert JobStore(store.path).get(job.id).message == "from the GUI"
    del calls[:]
    worker = threading.Thread(target=store.update, args=(job.id,), kwargs={"message": "from a job"},
                              name="job-thread")
    worker.start()
    worker.join(10)
    assert calls == [("job-thread", "fsync"), ("job-thread", "replace")]     # on disk when update returns
    assert JobStore(store.path).get(job.id).message == "from a job"


def test_a_slow_disk_does_not_hold_the_main_thread_and_the_newest_state_wins(tmp_path, monkeypatch):
    store = JobStore(str(tmp_path / "jobs.json"))
    store.write_behind_main_thread = True
    job = store.add(Job(provider="x", params={}, title="t"))
    assert store.flush(10)
    entered, release = _blocking_fsync(monkeypatch)
    store.update(job.id, message="one")
    assert entered.wait(5)                                 # the writer is stuck in fsync
    for i in range(50):                                    # the main thread goes on
        store.update(job.id, progress=float(i), message="two")
    assert not store.flush(0.2)                            # not on disk yet
    release.set()
    assert store.flush(10)
    saved = JobStore(store.path).get(job.id)
    assert (saved.message, saved.progress) == ("two", 49.0)
    assert not [n for n in os.listdir(str(tmp_path)) if n.endswith(".tmp")]


def test_a_failed_write_behind_is_reported(tmp_path):
    folder = tmp_path / "store"
    store = JobStore(str(folder / "jobs.json"))
    store.write_behind_main_thread = True
    errors = []
    store.on_write_error = errors.append
    folder.write_text("a file where the folder should be")
    store.add(Job(provider="x", params={}, title="t"))
    assert store.flush(10)
    assert len(errors) == 1 and isinstance(errors[0], OSError)


def _count_encodings(monkeypatch):
    encoded = []
    real = Job.to_dict

    def counting(self):
        encoded.append(self.id)
        return real(self)
    monkeypatch.setattr(Job, "to_dict", counting)
    return encoded


def test_each_job_is_encoded_again_only_when_it_changes(tmp_path, monkeypatch):
    store = JobStore(str(tmp_path / "jobs.json"))
    jobs = [store.add(Job(provider="x", params={"n": i}, title="job {}".format(i))) for i in range(20)]
    encoded = _count_encodings(monkeypatch)
    store.update(jobs[3].id, progress=10.0, persist=False)
    store.update(jobs[7].id, message="changed")
    assert sorted(encoded) == sorted([jobs[3].id, jobs[7].id])
    with open(store.path, encoding="utf-8") as handle:
        text = handle.read()
    data = json.loads(text)
    assert data["version"] == JobStore.VERSION
    assert [d["title"] for d in data["jobs"]] == ["job {}".format(i) for i in range(20)]
    assert data["jobs"][3]["progress"] == 10.0 and data["jobs"][7]["message"] == "changed"
    assert len(text.splitlines()) == 20 + 2                # one line per job
    store.remove(jobs[0].id)
    assert [j.title for j in JobStore(store.path).list()] == ["job {}".format(i) for i in range(1, 20)]


def test_changes_lists_only_what_changed_since_a_revision(tmp_path):
    store = JobStore(str(tmp_path / "jobs.json"))
    a = store.add(Job(provider="x", params={}, title="a", created=1.0))
    b = store.add(Job(provider="x", params={}, title="b", created=2.0))
    revision, order, changed = store.changes(-1)
    assert order == [a.id, b.id] and [j.id for j in changed] == [a.id, b.id]
    assert store.changes(revision) == (revision, [a.id, b.id], [])
    store.update(a.id, persist=False, progress=5.0)
    later, order, changed = store.changes(revision)
    assert later > revision and [(j.id, j.progress) for j in changed] == [(a.id, 5.0)]
    changed[0].progress = 99.0                               # a copy: the store is not touched
    assert store.get(a.id).progress == 5.0
    store.remove(b.id)
    after_remove, order, changed = store.changes(later)
    assert after_remove > later and order == [a.id] and changed == []
    assert JobStore(store.path).changes(-1)[1] == [a.id]     # a loaded store lists every job as changed


def test_a_reloaded_store_keeps_the_lines_it_read(tmp_path, monkeypatch):
    path = str(tmp_path / "jobs.json")
    store = JobStore(path)
    jobs = [store.add(Job(provider="x", params={"aoi": {"coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
                          title="job {}".format(i))) for i in range(30)]
    with open(path, encoding="utf-8") as handle:
        before = handle.read()
    reloaded = JobStore(path)
    encoded = _count_encodings(monkeypatch)
    reloaded.update(jobs[4].id, message="only me")
    assert encoded == [jobs[4].id]                         # the 29 others are written as they were read
    with open(path, encoding="utf-8") as handle:
        after = handle.read().splitlines()
    assert [l for l, b in zip(after, before.splitlines()) if l != b] == [after[5]]
    assert JobStore(path).get(jobs[4].id).message == "only me"


def test_a_secret_written_into_the_file_by_hand_is_not_written_back(tmp_path):
    path = str(tmp_path / "jobs.json")
    store = JobStore(path)
    a = store.add(Job(provider="x", params={"scale": 10}, title="a"))
    store.add(Job(provider="x", params={}, title="b"))
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace('"scale": 10', '"scale": 10, "Api-Key": "hunter2"'))
    reloaded = JobStore(path)
    assert "Api-Key" not in reloaded.get(a.id).params
    reloaded.update(a.id, persist=True)                    # any write
    with open(path, encoding="utf-8") as handle:
        assert "hunter2" not in handle.read()


def test_a_store_of_the_older_layout_is_read_and_written_in_the_new_one(tmp_path):
    path = tmp_path / "jobs.json"
    old = [Job(provider="x", params={"n": i}, title="old {}".format(i)).to_dict() for i in range(3)]
    path.write_text(json.dumps({"version": 1, "jobs": old}, indent=1, sort_keys=True), encoding="utf-8")
    store = JobStore(str(path))
    assert [j.title for j in store.list()] == ["old 0", "old 1", "old 2"]
    store.update(old[1]["id"], message="moved on")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 + 2
    assert [j.message for j in JobStore(str(path)).list()] == ["", "moved on", ""]


def test_removing_many_jobs_is_one_write(tmp_path, monkeypatch):
    store = JobStore(str(tmp_path / "jobs.json"))
    jobs = [store.add(Job(provider="x", params={}, title=str(i))) for i in range(5)]
    calls = _counting_writes(monkeypatch)
    assert store.remove(jobs[0].id, jobs[2].id, "not-a-job") == 2
    assert [what for _, what in calls] == ["fsync", "replace"]
    assert store.remove("not-a-job") == 0 and len(calls) == 2            # nothing to write
    assert [j.title for j in JobStore(store.path).list()] == ["1", "3", "4"]
