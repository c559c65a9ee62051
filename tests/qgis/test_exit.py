"""QGIS exits within two seconds whatever the plugin's background requests are waiting for (issue 21).

For each kind of one-off request (see :mod:`tests.qgis.exit_worker`), against a loopback
server that never answers and one that sends one byte every two seconds (never tripping a
read timeout), a QGIS process of its own starts the request, unloads the plugin and calls
``QgsApplication.exitQgis()`` (in a subprocess: exiting QGIS here would end the session's
QGIS for the other tests).  The unload and the exit must take less than 2 s in all, the
request must still have been waiting when the unload began (else nothing was shown), and
the main thread's heartbeat must not stall 50 ms or more meanwhile.  Requests made by the
plugin itself (not by eodag) must also have stopped for good: no request thread of the
plugin is left a second after the exit.
"""
import json
import os
import subprocess
import sys

import pytest

from tests.sims import eodag_sim
from tests.sims.faults import Fault, FaultServer, Resource

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLUGIN_KINDS = ("describe", "eosda_search", "ee_test", "eosda_test", "remote_cancel")
EODAG_KINDS = ("eodag_search", "eodag_test")
SERVERS = {"silent": lambda: Fault.stall(before_headers=True), "trickle": lambda: Fault.trickle(2.0)}
EXIT_LIMIT = 2.0
STALL_LIMIT_MS = 50.0


@pytest.fixture(params=sorted(SERVERS))
def server(request):
    with FaultServer() as srv:
        # a JSON answer that never ends (trickle) or never starts (silent), on every path and method
        srv.fallback = Resource(data=b'{"results": [' + b" " * 4096 + b"]}", content_type="application/json",
                                always=SERVERS[request.param]())
        yield srv


def run_worker(kind, url, folder, wait=2.5):
    env = {k: v for k, v in os.environ.items() if not k.startswith("EODAG") and not k.startswith("EO_DOWNLOADER")}
    env.update(QT_QPA_PLATFORM="offscreen", EO_DOWNLOADER_EE_TOKEN="tok-exit-4711",
               EO_DOWNLOADER_EOSDA_API_KEY="key-exit-4711")
    env.update(eodag_sim.isolated_environment(str(folder / "eodag")))
    provider = folder / "provider.yml"
    provider.write_text(eodag_sim.provider_yaml(url))
    env["EO_DOWNLOADER_EODAG_PROVIDERS_FILE"] = str(provider)
    proc = subprocess.run([sys.executable, "-m", "tests.qgis.exit_worker", kind, url, str(folder / "profile"),
                           str(wait)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert proc.returncode == 0 and lines, proc.stdout[-2000:] + proc.stderr[-3000:]
    return json.loads(lines[-1])


def check_exit(result):
    assert result["pending"], "the request was not waiting any more when the plugin was unloaded: {}".format(result)
    assert result["unload_s"] + result["exit_s"] < EXIT_LIMIT, result
    assert result["unload_s"] < 1.1, result          # unload waits 1 s at most for the tasks it stops


@pytest.mark.parametrize("kind", PLUGIN_KINDS)
def test_exit_while_a_plugin_request_waits(kind, server, tmp_path):
    result = run_worker(kind, server.base_url, tmp_path)
    check_exit(result)
    assert result["threads_left"] == [], result      # the cancel token reached the request itself
    for again in range(2):                           # a shared machine: two more tries before failing
        if result["max_stall_ms"] < STALL_LIMIT_MS:
            break
        result = run_worker(kind, server.base_url, tmp_path / "again{}".format(again))
        check_exit(result)
    assert result["max_stall_ms"] < STALL_LIMIT_MS, result


@pytest.mark.parametrize("kind", EODAG_KINDS)
def test_exit_while_an_eodag_request_waits(kind, server, tmp_path):
    """eodag's own request cannot be interrupted: the task returns at once and its thread is left
    behind (a daemon, result ignored).  The main thread's stalls are not asserted here: building
    eodag's gateway in the task makes Python run full garbage collections of 100-200 ms (see
    docs/performance.md); they are reported."""
    result = run_worker(kind, server.base_url, tmp_path)
    check_exit(result)
    print(kind, "max stall", result["max_stall_ms"], "ms; left behind:", result["threads_left"])


def test_exit_while_the_eodag_catalogue_is_read(tmp_path):
    """The eodag tab's first showing (eodag's gateway built in the background, about a second)."""
    result = run_worker("eodag_catalogue", "http://127.0.0.1:9", tmp_path, wait=0.3)
    check_exit(result)
