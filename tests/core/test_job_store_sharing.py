"""Several writers of one jobs.json: stores in one process, and processes, never drop each other's jobs."""
import json
import os
import subprocess
import sys
import textwrap
import time

from plugin.core.jobs import Job, JobState, JobStore

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _on_disk(path):
    with open(path, encoding="utf-8") as handle:
        return {d["id"]: d for d in json.load(handle)["jobs"]}


def test_two_stores_on_one_file_keep_each_others_jobs(tmp_path):
    path = str(tmp_path / "jobs.json")
    gui = JobStore(path)                  # e.g. the job manager
    alg = JobStore(path)                  # e.g. a Processing algorithm of an older build, or a test
    mine = gui.add(Job(provider="x", params={}, title="gui"))
    theirs = alg.add(Job(provider="eosda", params={}, title="alg"))
    alg.update(theirs.id, state=JobState.RUNNING, server={"task_id": "eosda-123"})
    gui.update(mine.id, message="later")     # gui has never read the alg's job
    saved = _on_disk(path)
    assert set(saved) == {mine.id, theirs.id}
    assert saved[theirs.id]["server"] == {"task_id": "eosda-123"}     # the running task's id is kept
    assert saved[mine.id]["message"] == "later"
    assert gui.get(theirs.id).server == {"task_id": "eosda-123"}     # and taken in by the other store
    alg.update(theirs.id, progress=40.0)
    gui.update(mine.id, message="even later")
    assert _on_disk(path)[theirs.id]["progress"] == 40.0


def test_changes_and_removals_of_each_store_win_for_their_jobs(tmp_path):
    path = str(tmp_path / "jobs.json")
    a = JobStore(path)
    jobs = [a.add(Job(provider="x", params={}, title=str(i))) for i in range(3)]
    b = JobStore(path)
    a.remove(jobs[0].id)                 # a forgets job 0
    b.update(jobs[1].id, message="b was here")    # b still has job 0 in memory, unchanged
    assert set(_on_disk(path)) == {jobs[1].id, jobs[2].id}        # a's removal is honoured
    assert b.get(jobs[0].id) is None
    a.update(jobs[2].id, message="a was here")    # a has not read b's change of job 1
    saved = _on_disk(path)
    assert saved[jobs[1].id]["message"] == "b was here" and saved[jobs[2].id]["message"] == "a was here"
    assert a.get(jobs[1].id).message == "b was here"


def test_for_path_gives_one_store_per_file(tmp_path):
    path = str(tmp_path / "jobs.json")
    store = JobStore.for_path(path)
    assert JobStore.for_path(str(tmp_path / "." / "jobs.json")) is store
    assert JobStore.for_path(str(tmp_path / "other.json")) is not store
    job = store.add(Job(provider="x", params={}))
    other = JobStore(path)                       # another writer (as another process would)
    added = other.add(Job(provider="x", params={}, title="from elsewhere"))
    again = JobStore.for_path(path)
    assert again is store and {job.id, added.id} <= {j.id for j in again.list()}


_WRITER = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {root!r})
    from plugin.core.jobs import Job, JobState, JobStore
    path, name, go = sys.argv[1], sys.argv[2], sys.argv[3]
    store = JobStore(path)
    while not os.path.exists(go):
        time.sleep(0.001)
    for i in range(20):
        job = store.add(Job(provider="x", params={{"i": i}}, title="{{}} {{}}".format(name, i)))
        store.update(job.id, state=JobState.RUNNING, server={{"task_id": "{{}}-{{}}".format(name, i)}})
""")


def test_two_processes_writing_20_jobs_each_keep_all_40(tmp_path):
    path = str(tmp_path / "jobs.json")
    go = str(tmp_path / "go")
    script = _WRITER.format(root=ROOT)
    procs = [subprocess.Popen([sys.executable, "-c", script, path, name, go]) for name in ("p1", "p2")]
    time.sleep(0.5)                   # both have started (imports done) and wait for the signal
    open(go, "w").close()
    for proc in procs:
        assert proc.wait(60) == 0
    saved = _on_disk(path)
    assert len(saved) == 40
    assert sorted(d["server"]["task_id"] for d in saved.values()) == sorted(
        "{}-{}".format(name, i) for name in ("p1", "p2") for i in range(20))
    assert all(d["state"] == JobState.RUNNING for d in saved.values())


def test_threads_of_two_stores_on_one_file_lose_nothing(tmp_path):
    import threading
    path = str(tmp_path / "jobs.json")
    stores = [JobStore(path), JobStore(path)]

    def worker(store, name):
        for i in range(10):
            job = store.add(Job(provider="x", params={}, title="{} {}".format(name, i)))
            store.update(job.id, server={"task_id": "{}-{}".format(name, i)})
    threads = [threading.Thread(target=worker, args=(stores[n % 2], "t{}".format(n))) for n in range(8)]
    [t.start() for t in threads]
    [t.join(60) for t in threads]
    saved = _on_disk(path)
    assert len(saved) == 80 and all(d["server"].get("task_id") for d in saved.values())
