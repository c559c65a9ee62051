"""A damaged or tampered jobs.json: the sound jobs load, the file is kept aside, nothing outside a job's folder goes."""
import json
import os

import pytest

from plugin.core import job_files
from plugin.core.jobs import Job, JobStore, job_from_record


def _sound(title="sound", **kw):
    return Job(provider="x", params={"n": 1}, title=title, **kw).to_dict()


def _damaged_copies(folder):
    return sorted(n for n in os.listdir(str(folder)) if n.startswith("jobs.json.damaged-"))


def _wrong_types():
    bad = []
    for name, value in (("outputs", "a.tif"), ("server", []), ("progress", "50"), ("params", None),
                        ("title", 3), ("state", "exploded"), ("load_layers", "yes"), ("created", float("nan"))):
        d = _sound("bad")
        d[name] = value
        bad.append(d)
    return bad


def _unsafe_ids():
    bad = []
    for job_id in ("../../x", "a/b", "a\\b", "..", "a\0b", "", "x" * 200, 7):
        d = _sound("bad")
        d["id"] = job_id
        bad.append(d)
    return bad


def _missing(name):
    d = _sound("bad")
    del d[name]
    return d


SHAPES = {
    "a bare list": lambda ok: json.dumps([ok, 5]),
    "a job that is not an object": lambda ok: json.dumps({"version": 1, "jobs": [ok, "not a job", 7, None]}),
    "jobs as an object": lambda ok: json.dumps({"version": 1, "jobs": {"a": ok, "b": [1]}}),
    "jobs missing fields": lambda ok: json.dumps({"version": 1, "jobs": [_missing("provider"), ok,
                                                                         _missing("id"), _missing("state")]}),
    "wrong types": lambda ok: json.dumps({"version": 1, "jobs": _wrong_types() + [ok]}),
    "unsafe ids": lambda ok: json.dumps({"version": 1, "jobs": [ok] + _unsafe_ids()}),
    "a duplicate id": lambda ok: json.dumps({"version": 1, "jobs": [ok, dict(ok, title="twin")]}),
    "a line cut short": lambda ok: '{"version": 1, "jobs": [\n' + json.dumps(ok, sort_keys=True) + ',\n'
                                   + json.dumps(_sound("cut"), sort_keys=True)[:60],
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_damaged_store_loads_its_sound_jobs_and_keeps_the_file_aside(tmp_path, shape):
    ok = _sound()
    path = tmp_path / "jobs.json"
    text = SHAPES[shape](ok)
    path.write_text(text, encoding="utf-8")
    store = JobStore(str(path))
    assert [(j.id, j.title) for j in store.list()] == [(ok["id"], "sound")]
    copies = _damaged_copies(tmp_path)
    assert len(copies) == 1
    assert (tmp_path / copies[0]).read_text(encoding="utf-8") == text      # the file as it was
    problems = store.take_problems()
    assert len(problems) == 1 and copies[0] in problems[0] and "damaged" in problems[0]
    store.update(ok["id"], message="written again")                        # the next write keeps the sound job
    assert [j.message for j in JobStore(str(path)).list()] == ["written again"]
    assert _damaged_copies(tmp_path) == copies                             # (and no new copy: the file is sound)


@pytest.mark.parametrize("data", [b"{truncated", b"", b"\xff\xfe\x00garbage", b"[1, 2", b'"a string"', b"42"])
def test_a_store_that_is_not_a_job_list_at_all_starts_empty(tmp_path, data):
    path = tmp_path / "jobs.json"
    path.write_bytes(data)
    store = JobStore(str(path))
    assert store.list() == []
    copies = _damaged_copies(tmp_path)
    assert len(copies) == 1 and (tmp_path / copies[0]).read_bytes() == data
    assert len(store.take_problems()) == 1


def test_an_earlier_copy_is_never_overwritten(tmp_path):
    path = tmp_path / "jobs.json"
    path.write_text("first damage", encoding="utf-8")
    JobStore(str(path))
    path.write_text("second damage", encoding="utf-8")          # (within the same second)
    JobStore(str(path))
    copies = _damaged_copies(tmp_path)
    assert sorted((tmp_path / c).read_text(encoding="utf-8") for c in copies) == ["first damage", "second damage"]


def test_problems_go_to_the_callback_once_one_is_set(tmp_path):
    path = tmp_path / "jobs.json"
    store = JobStore(str(path))
    job = store.add(Job(provider="x", params={}))
    seen = []
    store.on_problem = seen.append
    other = JobStore(str(path))
    other.add(Job(provider="x", params={}))
    with open(str(path), "a", encoding="utf-8") as handle:     # another writer leaves a damaged file
        handle.write("garbage")
    store.update(job.id, message="mine")                      # the merge finds it
    assert len(seen) == 1 and "damaged" in seen[0] and store.take_problems() == []
    assert len(JobStore(str(path)).list()) == 2               # both sound jobs are kept


def test_an_unsafe_job_id_is_refused_before_any_path_is_made(tmp_path):
    for job_id in ("../../x", "a/b", "..", "x\0y"):
        assert job_from_record(dict(_sound(), id=job_id)) is None
        with pytest.raises(ValueError):
            JobStore(str(tmp_path / "jobs.json")).add(Job(provider="x", params={}, id=job_id))
        with pytest.raises(ValueError):
            job_files.scratch_dir(str(tmp_path), job_id)
    assert not os.path.exists(str(tmp_path / "x"))


@pytest.fixture
def folders(tmp_path):
    """An output folder and, beside it, a user's folder that must survive everything."""
    out = tmp_path / "out"
    out.mkdir()
    user = tmp_path / "some-user-folder"
    user.mkdir()
    (user / "precious.txt").write_text("keep me")
    return out, user


def test_remove_inside_only_removes_what_resolves_inside_the_folder(folders):
    out, user = folders
    (out / "inner").mkdir()
    assert not job_files.remove_inside(str(user), str(out))                        # an absolute path outside
    assert not job_files.remove_inside(str(out / ".." / user.name), str(out))     # ../ out of the folder
    assert not job_files.remove_inside(str(out / "inner" / ".." / ".."), str(out))
    assert not job_files.remove_inside(str(out), str(out))                         # the folder itself
    os.symlink(str(user), str(out / "link"))
    assert not job_files.remove_inside(str(out / "link"), str(out))                # a link inside to outside
    assert not job_files.remove_inside(str(out / "link" / "precious.txt"), str(out))
    assert not job_files.remove_inside(str(out / "inner"), "")                     # no folder: nothing
    assert (user / "precious.txt").read_text() == "keep me" and os.path.islink(str(out / "link"))
    os.symlink(str(user), str(out / "inner" / "link-in-scratch"))
    assert job_files.remove_inside(str(out / "inner"), str(out))                  # inside: gone, links not followed
    assert not (out / "inner").exists() and (user / "precious.txt").read_text() == "keep me"


def test_scratch_folders_of_a_tampered_job_are_read_safely(folders):
    out, user = folders
    job = Job(provider="ee_download", params={}, output_dir=str(out),
              server={"scratch": [str(user), 5, None, "../../x"]})
    assert job_files.scratch_folders(job) == [str(user), "../../x", str(out / (".ee-" + job.id))]
    job.server["scratch"] = str(user)             # not a list: nothing from it
    assert job_files.scratch_folders(job) == [str(out / (".ee-" + job.id))]
    removed = [f for f in job_files.scratch_folders(Job(provider="x", params={}, output_dir=str(out),
                                                        server={"scratch": [str(user)]}))
               if job_files.remove_inside(f, str(out))]
    assert str(user) not in removed and (user / "precious.txt").exists()


def test_an_unreadable_store_does_not_stop_the_start_and_is_not_replaced(tmp_path):
    path = tmp_path / "jobs.json"
    path.mkdir()                                   # e.g. a folder where the file should be
    store = JobStore(str(path))
    assert store.list() == [] and "could not be read" in store.take_problems()[0]
    with pytest.raises(OSError):
        store.add(Job(provider="x", params={}))   # the write fails instead of replacing what it cannot read
    assert path.is_dir()
