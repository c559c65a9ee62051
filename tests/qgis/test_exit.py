"""QGIS exits within two seconds whatever the plugin's background requests are waiting for (issue 21).

For each kind of one-off request (see :mod:`tests.qgis.exit_worker`), against a loopback
server that never answers and one that sends one byte every two seconds (never tripping a
read timeout), a QGIS process of its own starts the request, unloads the plugin and calls
``QgsApplication.exitQgis()`` (in a subprocess: exiting QGIS here would end the session's
QGIS for the other tests).  The unload and the exit must take less than 2 s in all, the
request must still have been waiting when the unload began (else nothing was shown), and
the main thread's heartbeat must not stall 50 ms or more meanwhile (judged on runs where the
idle main thread, just before, did not stall 25 ms: the machine is shared; up to four runs,
a skip saying so if the machine was never that quiet).  Requests made by the
plugin itself (not by eodag) must also have stopped for good: no request thread of the
plugin is left a second after the exit.
"""
import pytest

from tests.qgis.exit_worker import SERVERS, hostile_server, run_worker

PLUGIN_KINDS = ("describe", "eosda_search", "ee_test", "eosda_test", "remote_cancel")
EODAG_KINDS = ("eodag_search", "eodag_test")
EXIT_LIMIT = 2.0
STALL_LIMIT_MS = 50.0


@pytest.fixture(params=SERVERS)
def server(request):
    srv = hostile_server(request.param)
    yield srv
    srv.stop()


def check_exit(result):
    assert result["pending"], "the request was not waiting any more when the plugin was unloaded: {}".format(result)
    assert result["unload_s"] + result["exit_s"] < EXIT_LIMIT, result
    assert result["unload_s"] < 1.1, result          # unload waits 1 s at most for the tasks it stops


@pytest.mark.parametrize("kind", PLUGIN_KINDS)
def test_exit_while_a_plugin_request_waits(kind, server, tmp_path):
    result = run_worker(kind, server.base_url, tmp_path)
    check_exit(result)
    assert result["threads_left"] == [], result      # the cancel token reached the request itself
    tries = [result]
    while not quiet(result) or result["max_stall_ms"] >= STALL_LIMIT_MS:
        if len(tries) == 4:
            break
        result = run_worker(kind, server.base_url, tmp_path / "again{}".format(len(tries)))
        check_exit(result)
        tries.append(result)
    measured = [r for r in tries if quiet(r)]
    if not measured:
        pytest.skip("the machine itself stalled QGIS's idle main thread >= {} ms in every try (idle: {} ms): "
                    "too loaded to measure".format(STALL_LIMIT_MS / 2, [r["idle_max_stall_ms"] for r in tries]))
    assert min(r["max_stall_ms"] for r in measured) < STALL_LIMIT_MS, measured


def quiet(result):
    """Whether the machine was quiet enough in this run to tell the plugin's stalls from its own: QGIS's
    idle main thread, just before the request, never stalled half the limit."""
    return result["idle_max_stall_ms"] < STALL_LIMIT_MS / 2


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
