"""A job's files are its own: one folder per job, decided once when the job is made (issue 15 item 2)."""
import hashlib
import os
import time

import pytest

from plugin.core import output
from plugin.core.errors import ParameterError
from plugin.core.providers.earthengine import download_runner as R
from plugin.core.jobs import JobStore
from tests.core.test_ee_client import IMG, SQUARE, TRIANGLE, run, sim, sim_server  # noqa: F401 (fixtures)


def _digest(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def test_folder_name_is_the_title_and_date_made_safe():
    created = time.mktime((2023, 7, 19, 10, 30, 5, 0, 0, -1))
    assert output.folder_name("EE COPERNICUS/S2_SR/2021", created) == "EE COPERNICUS_S2_SR_2021 2023-07-19 10-30-05"
    assert output.folder_name('a\x00b\x1fc<>:"|?*\\d', created).startswith("a_b_c_d ")
    assert output.folder_name("..", created).startswith("job ")
    long = output.folder_name("é" * 300, created)          # 2 bytes a character: clipped in bytes, not chars
    assert len(long.encode("utf-8")) <= output.TITLE_BYTES + len(" 2023-07-19 10-30-05")
    long.encode("utf-8").decode("utf-8")                    # never half a character


def test_two_jobs_of_the_same_title_at_the_same_second_get_two_folders(tmp_path):
    now = time.time()
    first = output.make_job_folder(str(tmp_path), "EE image", now)
    second = output.make_job_folder(str(tmp_path), "EE image", now)
    assert first != second and os.path.isdir(first) and os.path.isdir(second)
    assert os.path.dirname(first) == os.path.dirname(second) == str(tmp_path)


def test_a_user_folder_of_that_name_is_never_taken(tmp_path):
    now = time.time()
    mine = tmp_path / output.folder_name("EE image", now)
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    folder = output.make_job_folder(str(tmp_path), "EE image", now)
    assert folder != str(mine) and os.listdir(str(mine)) == ["notes.txt"]


def test_no_base_folder_is_refused(tmp_path):
    with pytest.raises(ParameterError):
        output.make_job_folder("", "x", time.time())
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ParameterError):
        output.make_job_folder(str(blocker), "x", time.time())


def test_second_download_of_the_same_image_never_replaces_the_first(sim, tmp_path):
    """The defect: the same image for another area replaced job 1's GeoTIFF while job 1 stayed done."""
    store = JobStore(str(tmp_path / "jobs.json"))
    jobs, digests = [], []
    for aoi in (SQUARE, TRIANGLE):
        job = output.new_job("ee_download", R.build_params(IMG, bands="B4", scale=30, format="GEO_TIFF",
                                                           project="my-project", aoi=aoi),
                             "EE {}".format(IMG), str(tmp_path / "out"))
        store.add(job)
        outputs, _ctx, _events = run(sim, job, store=store)
        jobs.append((job, outputs))
        digests.append([_digest(p) for p in outputs])
    (job1, out1), (job2, out2) = jobs
    assert job1.output_dir != job2.output_dir
    assert not set(out1) & set(out2)
    assert all(p.startswith(job1.output_dir + os.sep) for p in out1)
    assert [_digest(p) for p in out1] == digests[0]          # job 1's file is untouched
    assert store.get(job1.id).outputs == out1


def test_a_job_without_a_folder_is_refused_before_any_request(sim, tmp_path):
    from plugin.core.jobs import Job
    job = Job("ee_download", R.build_params(IMG, bands="B4", scale=30, project="my-project", aoi=SQUARE))
    with pytest.raises(ParameterError):
        run(sim, job)
    assert not [r for r in sim.requests if r.get("endpoint") not in (None, "token")]


def test_one_job_per_feature_goes_into_a_folder_per_feature(tmp_path):
    """Issue 20 item 4: a feature's job lives under ``<base>/<feature>/``, named with the feature."""
    base = str(tmp_path / "out")
    jobs = [output.new_job("ee_download", {}, "EE image", base, feature=name) for name in ("Field A", "Field B")]
    assert [os.path.relpath(os.path.dirname(j.output_dir), base) for j in jobs] == ["Field A", "Field B"]
    assert [j.title for j in jobs] == ["Field A – EE image", "Field B – EE image"]
    again = output.new_job("ee_download", {}, "EE image", base, feature="Field A")
    assert os.path.dirname(again.output_dir) == os.path.dirname(jobs[0].output_dir) != again.output_dir


@pytest.mark.parametrize("hostile", ["../../etc", "..", "a/b\\c", "CON", "x\x00y\x1f", "é" * 200, "  ", "<>:|?*"])
def test_a_hostile_feature_name_never_leaves_the_base_folder(tmp_path, hostile):
    base = str(tmp_path / "out")
    job = output.new_job("ee_download", {}, "EE image", base, feature=hostile)
    feature_dir = os.path.dirname(job.output_dir)
    assert os.path.dirname(feature_dir) == os.path.abspath(base)
    name = os.path.basename(feature_dir)
    assert name and name not in (".", "..") and len(name.encode("utf-8")) <= output.TITLE_BYTES
    assert not set(name) & set('<>:"|?*/\\\x00\x1f') and name.split(".")[0].upper() != "CON"
