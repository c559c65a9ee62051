""""Install eodag": pip run by the plugin's background task into the user's site-packages of the Python that
runs the tests, against a LOCAL wheel index (a dummy package built here; PIP_NO_INDEX + PIP_FIND_LINKS) and
a temporary PYTHONUSERBASE -- success (importable at once), pip's failure in its own words, Stop (pip
killed), an older version already imported (restart needed), and the tab's button.  No real eodag install."""
import base64
import hashlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
import zipfile

import pytest
from qgis.core import QgsApplication

from plugin.adapters.tasks import FunctionTask
from plugin.core.providers.eodag import client as ec
from plugin.core.providers.eodag import install
from plugin.gui import eodag_tab as tab_module
from tests.qgis.helpers import wait_until
from tests.qgis.test_eodag_tab import clear_tab_settings, make_dock
from tests.qgis.test_eodag_tab import eodag_env, sim  # noqa: F401 (fixtures)

PACKAGE = "eo_dummy_pkg"


def build_wheel(folder, version, name=PACKAGE):
    """A minimal pure-Python wheel of ``name`` ``version`` (its module says ``__version__``)."""
    dist = "{}-{}.dist-info".format(name, version)
    files = {"{}/__init__.py".format(name): '__version__ = "{}"\n'.format(version).encode(),
             dist + "/METADATA": "Metadata-Version: 2.1\nName: {}\nVersion: {}\n".format(
                 name.replace("_", "-"), version).encode(),
             dist + "/WHEEL": b"Wheel-Version: 1.0\nGenerator: eo-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append("{},sha256={},{}".format(path, digest, len(data)))
    record.append(dist + "/RECORD,,")
    files[dist + "/RECORD"] = ("\n".join(record) + "\n").encode()
    path = os.path.join(str(folder), "{}-{}-py3-none-any.whl".format(name, version))
    with zipfile.ZipFile(path, "w") as archive:
        for name_in, data in files.items():
            archive.writestr(name_in, data)
    return path


@pytest.fixture
def user_site(tmp_path, monkeypatch):
    """A temporary PYTHONUSERBASE for pip's child and the same user site here; sys.path and modules restored."""
    base = tmp_path / "userbase"
    monkeypatch.setenv("PYTHONUSERBASE", str(base))
    for key in [k for k in os.environ if k.startswith("PIP_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    where = subprocess.run([install.python_interpreter(), "-c", "import site; print(site.getusersitepackages())"],
                           capture_output=True, text=True, check=True).stdout.strip()
    monkeypatch.setattr("site.USER_BASE", str(base))
    monkeypatch.setattr("site.USER_SITE", where)
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield where
    sys.modules.pop(PACKAGE, None)
    importlib.invalidate_caches()


@pytest.fixture
def wheelhouse(tmp_path, monkeypatch, user_site):
    folder = tmp_path / "wheels"
    folder.mkdir()
    build_wheel(folder, "1.0")
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(folder))
    return folder


def run_task(packages, cancel_when=None):
    """The tab's install function in the plugin's FunctionTask; (task, progress texts)."""
    seen = []
    task = FunctionTask("install test", lambda cancel, progress: install.install(cancel, progress, packages),
                        progress=True)
    task.progressed.connect(lambda percent, text: seen.append((percent, text)))
    ended = []
    task.done.connect(ended.append)
    QgsApplication.taskManager().addTask(task)
    if cancel_when is not None:
        wait_until(lambda: cancel_when(seen), timeout=60)
        task.cancel()
    wait_until(lambda: ended, timeout=120)
    return task, seen


def test_installs_into_the_user_site_and_is_importable_at_once(wheelhouse, user_site):
    assert importlib.util.find_spec(PACKAGE) is None
    task, seen = run_task(["eo-dummy-pkg==1.0"])
    assert task.error is None, task.error
    assert task.result.installed == {"eo-dummy-pkg": "1.0"} and task.result.restart_needed == []
    assert "Installed: eo-dummy-pkg 1.0." == task.result.message()
    module = importlib.import_module(PACKAGE)
    assert module.__version__ == "1.0" and module.__file__.startswith(user_site)
    # before the system's site-packages, as at start-up (an older copy there must not win)
    import site
    system = [sys.path.index(p) for p in site.getsitepackages() if p in sys.path]
    assert system and sys.path.index(user_site) < min(system)
    texts = [t for _, t in seen]
    assert any(t.startswith("Processing ") for t in texts) and any("Successfully installed" in t for t in texts)
    assert seen[-1][0] == 100.0 and [p for p, _ in seen] == sorted(p for p, _ in seen)


def test_a_missing_package_fails_with_pips_own_words(wheelhouse):
    task, _ = run_task(["eo-missing-pkg==1.0"])
    assert task.result is None
    assert "pip could not install eo-missing-pkg==1.0" in task.error
    assert "No matching distribution found for eo-missing-pkg==1.0" in task.error, task.error


def _pips_running(marker):
    found = []
    for pid in os.listdir("/proc"):
        try:
            with open("/proc/{}/cmdline".format(pid), "rb") as handle:
                if marker.encode() in handle.read():
                    found.append(pid)
        except OSError:
            continue
    return found


def test_stop_kills_pip_at_once(user_site, monkeypatch):
    # an index that accepts connections and never answers: pip waits on it until stopped
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    url = "http://127.0.0.1:{}/simple/".format(server.getsockname()[1])
    monkeypatch.setenv("PIP_INDEX_URL", url)
    monkeypatch.setenv("PIP_TIMEOUT", "120")
    marker = "eo-never-answered-pkg==1.0"
    try:
        started = {}

        def pip_waits(seen):
            if seen and _pips_running(marker):
                started.setdefault("at", time.monotonic())
                return time.monotonic() - started["at"] > 1.0       # pip is up and waiting for the index
            return False

        task, _ = run_task([marker], cancel_when=pip_waits)
        stopped_in = time.monotonic() - started["at"] - 1.0
        assert task.stopped and task.result is None and "stopped" in task.error
        assert stopped_in < 5.0
        wait_until(lambda: not _pips_running(marker), timeout=10)
    finally:
        server.close()


def test_an_older_version_already_imported_needs_a_restart(wheelhouse, user_site, tmp_path, monkeypatch):
    # as Debian's shapely 1.8 in dist-packages, imported by QGIS before shapely 2 is installed for eodag
    system = tmp_path / "system"
    zipfile.ZipFile(build_wheel(tmp_path, "0.9")).extractall(str(system))
    monkeypatch.syspath_prepend(str(system))
    assert importlib.import_module(PACKAGE).__version__ == "0.9"
    task, _ = run_task(["eo-dummy-pkg==1.0"])
    assert task.result.installed == {"eo-dummy-pkg": "1.0"}, task.result.output
    assert task.result.restart_needed == ["eo-dummy-pkg"]
    assert task.result.message() == "Installed: eo-dummy-pkg 1.0. Restart QGIS to use it: eo-dummy-pkg was " \
                                    "already loaded at another version."


def test_the_tabs_install_button_installs_then_the_tab_works(qgis_iface, qgis_new_project, eodag_env,  # noqa: F811
                                                              wheelhouse, monkeypatch, tmp_path):
    # The tab believes eodag is the dummy package: missing until installed, there after.
    monkeypatch.setattr(tab_module, "eodag_installed", lambda: importlib.util.find_spec(PACKAGE) is not None)
    monkeypatch.setattr(install, "requirements", lambda: ["eo-dummy-pkg==1.0"])
    dock = make_dock(qgis_iface, tmp_path)
    try:
        tab = dock.eodag_tab
        assert tab.installButton.isVisibleTo(tab) and tab.installButton.text() == "Install eodag"
        assert not tab.searchButton.isEnabled()
        tab.installButton.click()
        assert tab.installButton.text() == "Stop" and not tab.copyInstallButton.isEnabled()
        assert tab.install_eodag() is None                          # one install at a time
        wait_until(lambda: tab.install_task is None, timeout=120)
        assert tab.available and not tab.installButton.isVisibleTo(tab)
        assert "Installed: eo-dummy-pkg 1.0." in tab.installLabel.text()
        wait_until(lambda: tab.catalogue is not None, timeout=60)   # eodag's providers, no restart
        assert tab.searchButton.isEnabled()
    finally:
        dock.cleanup()
        clear_tab_settings()


def test_the_python_of_qgis_is_found_where_qpip_looks(tmp_path):
    # Debian's QGIS: sys.executable is /usr/bin/qgis, the interpreter /usr/bin/python3.X
    found = install.python_interpreter("/usr/bin/qgis", "/usr", "linux", sys.version_info)
    assert found == "/usr/bin/python{}.{}".format(*sys.version_info[:2])
    # OSGeo4W: sys.prefix is apps\Python3x, which holds python.exe
    prefix = tmp_path / "apps" / "Python312"
    prefix.mkdir(parents=True)
    (prefix / "python.exe").write_bytes(b"")
    os.chmod(str(prefix / "python.exe"), 0o755)
    assert install.python_interpreter(str(tmp_path / "bin" / "qgis-bin.exe"), str(prefix), "win32") == \
        str(prefix / "python.exe")
    # a Python running the plugin (qgis_process under a venv, the tests) is taken as it is
    assert install.python_interpreter(sys.executable) == sys.executable
    assert install.python_interpreter("/nowhere/qgis", str(tmp_path / "none"), "linux") is None


def test_what_is_installed_is_the_tested_set():
    with open(os.path.join(os.path.dirname(__file__), "..", "..", "requirements-dev.txt")) as handle:
        pinned = [ln.strip() for ln in handle if ln.strip() and not ln.startswith("#")]
    assert "eodag=={}".format(ec.EODAG_PIN) in pinned and "shapely=={}".format(ec.SHAPELY_PIN) in pinned
    assert install.requirements() == ["eodag=={}".format(ec.EODAG_PIN), "shapely=={}".format(ec.SHAPELY_PIN),
                                      "numpy<2"]
