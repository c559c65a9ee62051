"""The eodag worker process (issue 21): eodag's searches, catalogue and connection checks run in QGIS's
own Python in a process of its own; credentials only on its stdin; a cancel kills it; a parent gone
ends it; its answers and errors are the in-process ones."""
import json
import os
import subprocess
import sys
import threading
import time

import pytest

from plugin.core.errors import AuthError, CancelledError, ProviderError
from plugin.core.providers.eodag import client as ec, worker
from plugin.core.runner import CancelToken
from tests.qgis.exit_worker import hostile_server
from tests.sims import eodag_sim as es

USER, PASSWORD = "worker-user", "worker-password-5519"


@pytest.fixture
def env(tmp_path, monkeypatch):
    """eodag confined to tmp_path (the child inherits the environment) with the simulator's provider."""
    for key in list(os.environ):
        if key.startswith("EODAG") or key.startswith("EO_DOWNLOADER_EODAG"):
            monkeypatch.delenv(key)
    for key, value in es.isolated_environment(str(tmp_path / "eodag")).items():
        monkeypatch.setenv(key, value)
    with es.EodagSimulator(credentials=(USER, PASSWORD)) as sim:
        yml = tmp_path / "provider.yml"
        yml.write_text(sim.yaml())
        monkeypatch.setenv(ec.PROVIDERS_FILE_ENV, str(yml))
        yield sim


@pytest.fixture
def started(monkeypatch):
    """The worker processes started: (argv, the Popen)."""
    seen = []
    real = subprocess.Popen

    def recording(args, *a, **kw):
        proc = real(args, *a, **kw)
        seen.append((list(args), kw.get("env"), proc))
        return proc
    monkeypatch.setattr(worker.subprocess, "Popen", recording)
    return seen


SEARCH = dict(provider="eodag_sim", collection="S2_MSI_L2A", date_from="2023-07-01", date_to="2023-07-31",
              aoi_geojson=None, cloud_max=None, limit=50)


def test_qgis_binary_as_sys_executable_still_finds_its_python(tmp_path, monkeypatch):
    """Inside QGIS sys.executable is the QGIS binary or a python found on PATH: the interpreter is
    looked for under sys.prefix / sys.base_prefix."""
    prefix = tmp_path / "usr"
    (prefix / "bin").mkdir(parents=True)
    python = prefix / "bin" / "python{}.{}".format(*sys.version_info[:2])
    python.write_text("#!/bin/sh\n")
    python.chmod(0o755)
    monkeypatch.setattr(sys, "executable", "/usr/bin/qgis.bin")
    for name in ("prefix", "base_prefix", "exec_prefix"):
        monkeypatch.setattr(sys, name, str(prefix))
    assert worker.python_executable() == str(python)
    python.unlink()
    with pytest.raises(ProviderError):
        worker.python_executable()


def test_the_search_in_the_worker_gives_the_in_process_products(env, started):
    credentials = {"username": USER, "password": PASSWORD}
    here = ec.EodagClient(credentials=dict(credentials), provider="eodag_sim").search(
        "eodag_sim", "S2_MSI_L2A", "2023-07-01", "2023-07-31", None, None, limit=50)
    there = worker.run("search", SEARCH, CancelToken(), credentials=dict(credentials))
    assert [(p.id, p.title, p.state, p.cloud, p.date) for p in there] == \
        [(p.id, p.title, p.state, p.cloud, p.date) for p in here]
    assert there[0].product["type"] == "Feature" and there[0].footprint == here[0].footprint
    (argv, child_env, proc), = started
    assert PASSWORD not in " ".join(argv) and child_env is None       # (the environment is the parent's)
    assert PASSWORD not in " ".join(os.environ.values())
    assert proc.returncode == 0


def test_the_workers_errors_are_the_in_process_ones(env):
    with pytest.raises(AuthError) as info:
        worker.run("check_access", {k: SEARCH[k] for k in ("provider", "collection", "date_from", "date_to")},
                   CancelToken(), credentials={"username": USER, "password": "wrong-password-7731"})
    assert "refused the credentials" in info.value.message and "wrong-password-7731" not in info.value.user_text()


def test_the_catalogue_is_built_in_the_worker(env, tmp_path):
    from plugin.core.providers.eodag import catalogue
    catalogue.forget()
    try:
        lists = catalogue.load(str(tmp_path / "cache"), CancelToken(),
                               build=lambda token: worker.run("catalogue", cancel=token))
    finally:
        catalogue.forget()
    assert "eodag_sim" in lists["providers"] and "S2_MSI_L2A" in lists["collections"]["eodag_sim"]


def test_a_cancel_kills_the_worker_at_once(env, started, tmp_path, monkeypatch):
    stuck = hostile_server("silent")
    try:
        yml = tmp_path / "stuck.yml"
        yml.write_text(es.provider_yaml(stuck.base_url, name="stuck_sim"))
        monkeypatch.setenv(ec.PROVIDERS_FILE_ENV, str(yml))
        token = CancelToken()
        outcome = []

        def call():
            try:
                worker.run("search", dict(SEARCH, provider="stuck_sim"), token)
            except Exception as exc:  # noqa: BLE001
                outcome.append(exc)
        thread = threading.Thread(target=call)
        thread.start()
        end = time.monotonic() + 60
        while not stuck.log and time.monotonic() < end:
            time.sleep(0.05)
        assert stuck.log, "eodag's search never reached the server"
        cancelled_at = time.monotonic()
        token.cancel()
        thread.join(5)
        assert time.monotonic() - cancelled_at < 1.0
        assert isinstance(outcome[0], CancelledError)
        (_argv, _env, proc), = started
        assert proc.poll() is not None          # killed: nothing of the search is held anywhere
    finally:
        stuck.stop()


def test_the_worker_ends_when_its_parent_goes(env, tmp_path, monkeypatch):
    """The request's stdin stays open; its end (the parent killed, QGIS gone) ends the child."""
    stuck = hostile_server("silent")
    try:
        yml = tmp_path / "stuck.yml"
        yml.write_text(es.provider_yaml(stuck.base_url, name="stuck_sim"))
        monkeypatch.setenv(ec.PROVIDERS_FILE_ENV, str(yml))
        request = {"path": list(sys.path), "entry": worker.ENTRY, "op": "search", "qm": "",
                   "args": dict(SEARCH, provider="stuck_sim"), "credentials": {}}
        proc = subprocess.Popen([worker.python_executable(), "-c", worker.BOOTSTRAP], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        proc.stdin.write((json.dumps(request) + "\n").encode())
        proc.stdin.flush()
        end = time.monotonic() + 60
        while not stuck.log and time.monotonic() < end:
            time.sleep(0.05)
        assert stuck.log and proc.poll() is None
        proc.stdin.close()
        assert proc.wait(2) == 3
    finally:
        if proc.poll() is None:
            proc.kill()
        stuck.stop()


def test_the_workers_messages_are_in_the_users_language(env):
    """The parent hands the child the plugin's .qm file: eodag's errors come back translated."""
    from plugin.resources import i18n_dir
    qm = os.path.join(i18n_dir(), "eo_downloader_fr.qm")
    if not os.path.exists(qm):
        pytest.skip("translations not compiled (scripts/update_translations.py --compile)")
    with pytest.raises(Exception) as info:
        worker.run("search", dict(SEARCH, collection=""), CancelToken(), translations=qm)
    assert info.value.message == "Choisissez une collection (type de produit)."
    with pytest.raises(Exception) as info:
        worker.run("search", dict(SEARCH, collection=""), CancelToken())
    assert info.value.message == "Choose a collection (product type)."
