"""Integrity cases of issue 15, measured for docs/reliability.md (asserted by test_integrity.py).

* several writers of one job store (two OS processes, two stores in one process);
* damaged job stores (each shape of tests/core/test_job_store_damage.py);
* a job's files are its own (two jobs of one title in one second, a user folder of that name,
  a zip member named like a user folder);
* done means usable (a web page, a JSON message and garbage saved under an image's name).
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from typing import List

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from plugin.core import output  # noqa: E402
from plugin.core.errors import EoError  # noqa: E402
from plugin.core.jobs import Job, JobState, JobStore  # noqa: E402

_WRITER = """
import os, sys, time
sys.path.insert(0, {root!r})
from plugin.core.jobs import Job, JobState, JobStore
path, name, go = sys.argv[1], sys.argv[2], sys.argv[3]
store = JobStore(path)
while not os.path.exists(go):
    time.sleep(0.001)
for i in range({n}):
    job = store.add(Job(provider="x", params={{"i": i}}, title="{{}} {{}}".format(name, i)))
    store.update(job.id, state=JobState.RUNNING, server={{"task_id": "{{}}-{{}}".format(name, i)}})
"""


@dataclass
class Row:
    case: str
    measured: str
    ok: bool


@dataclass
class Integrity:
    rows: List[Row] = field(default_factory=list)

    def add(self, case: str, measured: str, ok: bool) -> None:
        self.rows.append(Row(case, measured, ok))


def _on_disk(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return {d["id"]: d for d in json.load(handle)["jobs"]}


def writers(out: Integrity, folder: str, n: int = 20) -> None:
    path, go = os.path.join(folder, "jobs.json"), os.path.join(folder, "go")
    script = _WRITER.format(root=ROOT, n=n)
    procs = [subprocess.Popen([sys.executable, "-c", script, path, name, go]) for name in ("p1", "p2")]
    time.sleep(0.5)
    open(go, "w").close()
    codes = [proc.wait(120) for proc in procs]
    saved = _on_disk(path)
    ids = sorted(d["server"].get("task_id", "") for d in saved.values())
    out.add("two QGIS processes, {} jobs each, one profile".format(n),
            "{} of {} jobs on disk, {} task ids kept".format(len(saved), 2 * n, len(ids)),
            codes == [0, 0] and len(saved) == 2 * n and len(set(ids)) == 2 * n)
    shared = os.path.join(folder, "shared.json")
    gui, processing = JobStore.for_path(shared), JobStore.for_path(shared)
    running = gui.add(Job(provider="eosda", params={}, title="GUI job"))
    gui.update(running.id, state=JobState.RUNNING, server={"task_id": "kept"})
    processing.add(Job(provider="eosda", params={}, title="Processing job"))
    gui.flush()
    saved = _on_disk(shared)
    out.add("the Jobs panel and a Processing algorithm in one QGIS",
            "one store ({}); {} jobs on disk, the running task id {}".format(
                "same object" if gui is processing else "two objects", len(saved),
                "kept" if saved.get(running.id, {}).get("server", {}).get("task_id") == "kept" else "lost"),
            gui is processing and len(saved) == 2)


def damaged(out: Integrity, folder: str) -> None:
    from tests.core.test_job_store_damage import SHAPES, _sound
    for shape in sorted(SHAPES):
        sub = tempfile.mkdtemp(dir=folder)
        ok = _sound()
        path = os.path.join(sub, "jobs.json")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(SHAPES[shape](ok))
        try:
            store = JobStore(path)
            loaded = [j.id for j in store.list()]
            aside = [f for f in os.listdir(sub) if ".damaged-" in f]
            said = store.take_problems()
            out.add("damaged jobs.json: " + shape,
                    "started; {} sound job loaded, the file kept aside ({}), {} message(s) for the log".format(
                        len(loaded), len(aside), len(said)),
                    loaded == [ok["id"]] and len(aside) == 1 and len(said) == 1)
        except Exception as exc:  # the defect this row measures: the store must not raise
            out.add("damaged jobs.json: " + shape, "raised {}: {}".format(type(exc).__name__, exc), False)


def own_files(out: Integrity, folder: str) -> None:
    from plugin.core.transfer import archive
    now = time.time()
    base = os.path.join(folder, "out")
    first = output.make_job_folder(base, "EE COPERNICUS/S2_SR/20210109T185751", now)
    second = output.make_job_folder(base, "EE COPERNICUS/S2_SR/20210109T185751", now)
    out.add("two jobs of the same image in the same second", "two folders: {} and {}".format(
        os.path.basename(first), os.path.basename(second)), first != second)
    user = os.path.join(base, output.folder_name("My notes", now))
    os.makedirs(user)
    with open(os.path.join(user, "keep.txt"), "w") as handle:
        handle.write("mine")
    made = output.make_job_folder(base, "My notes", now)
    out.add("a user folder named like a new job's", "the job got {}; the user's folder holds {}".format(
        os.path.basename(made), os.listdir(user)), made != user and os.listdir(user) == ["keep.txt"])
    dest = os.path.join(folder, "extract")
    os.makedirs(os.path.join(dest, "results"))
    with open(os.path.join(dest, "results", "mine.txt"), "w") as handle:
        handle.write("mine")
    zpath = os.path.join(folder, "server.zip")
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("results", b"a file named like the user's folder")
    paths = archive.safe_extract(zpath, dest)
    kept = os.path.isfile(os.path.join(dest, "results", "mine.txt"))
    out.add("a zip member named like a user folder", "the user's folder {}; the member went to {}".format(
        "kept with its file" if kept else "LOST", ", ".join(os.path.basename(p) for p in paths)), kept)


def usable(out: Integrity, folder: str) -> None:
    from plugin.core import raster
    bodies = {
        "a 230-byte sign-in page served as image/tiff": b"<!DOCTYPE html><html><head><title>Sign in</title></head>"
                                                          b"<body><p>Your session expired; sign in again.</p></body>"
                                                          b"</html>" + b" " * 100,
        "a JSON message served as image/tiff": b'{"error": {"message": "Quota exceeded for this project"}}',
        "garbage bytes served as image/tiff": bytes(range(256)) * 4,
    }
    for case, body in bodies.items():
        path = os.path.join(folder, "result.tif")
        with open(path, "wb") as handle:
            handle.write(body)
        try:
            raster.check_output(path)
            out.add(case, "counted as a usable output", False)
        except EoError as exc:
            out.add(case, "refused: " + exc.message, True)


def run_integrity() -> Integrity:
    out = Integrity()
    with tempfile.TemporaryDirectory() as folder:
        for step in (writers, damaged, own_files, usable):
            sub = os.path.join(folder, step.__name__)
            os.makedirs(sub)
            step(out, sub)
    return out
