"""Shared fixtures of the QGIS tests: the packaged plugin, built once per session."""
import importlib.util
import os
import subprocess
import sys
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SLUG = "eo_downloader"


def load_script(name):
    """Import ``scripts/<name>.py`` (the scripts folder is not a package)."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, "scripts", name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """``scripts/package.py`` run into a temporary folder (dist/ and build/ are left alone)."""
    pkg = load_script("package")
    base = tmp_path_factory.mktemp("package")
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "package.py"),
                           "--dist-dir", str(base / "dist"), "--build-dir", str(base / "build")],
                          cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True,
                          timeout=240)
    assert proc.returncode == 0, proc.stdout
    version = pkg.read_version(ROOT)
    path = base / "dist" / "{}.{}.zip".format(SLUG, version)
    assert path.is_file(), proc.stdout
    with zipfile.ZipFile(str(path)) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        contents = {n: zf.read(n) for n in names}
    return {"path": path, "version": version, "names": names, "contents": contents, "base": base}


#: The Earth Engine token the simulator of :func:`ee_sim` accepts.
EE_TOKEN = "ee-qgis-test-token"


@pytest.fixture(scope="module")
def ee_sim():
    """A loopback Earth Engine simulator for one test module (project ``my-project``; the export side's
    simulator, which also serves maps and their tiles)."""
    from tests.sims.ee_export_sim import ExportSimulator
    sim = ExportSimulator(tokens=(EE_TOKEN,), projects=("my-project",))
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def ee_env(ee_sim, tmp_path, monkeypatch):
    """The plugin pointed at :func:`ee_sim` (environment, as headless runs do) with its job store in tmp_path;
    returns the store's path."""
    from plugin.adapters import settings as plugin_settings
    monkeypatch.setenv("EO_DOWNLOADER_EE_API_URL", ee_sim.url)
    monkeypatch.setenv("EO_DOWNLOADER_EE_TOKEN", EE_TOKEN)
    store_path = str(tmp_path / "jobs.json")
    monkeypatch.setattr(plugin_settings, "job_store_path", lambda: store_path)
    return store_path

