"""QGIS exits within two seconds whatever the plugin's background requests are waiting for (issue 21).

For each kind of one-off request (see :mod:`tests.qgis.exit_worker`), against a loopback
server that never answers and one that sends one byte every two seconds (never tripping a
read timeout), a QGIS process of its own starts the request, unloads the plugin and calls
``QgsApplication.exitQgis()`` (in a subprocess: exiting QGIS here would end the session's
QGIS for the other tests).  The unload and the exit must take less than 2 s in all, the
request must still have been waiting when the unload began (else nothing was shown), and
the main thread's heartbeat must not stall 50 ms or more meanwhile.  The machine is shared:
each run also measures the idle main thread just before the request (the baseline); a run
whose idle thread stalled 25 ms or more is run again (up to four runs), and when none was
that quiet the request's stall must stay under 50 ms above the run's own baseline.  Every
run's figures, baseline included, are printed.  Requests must also have stopped for good: no
request thread of the plugin and no child process (the eodag worker) is left a second after
the exit.
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
    assert result["threads_left"] == [], result      # the cancel token reached the request itself
    assert result["children_left"] == [], result     # the eodag worker process was killed


def quiet(result):
    """Whether the machine was quiet enough in this run to tell the plugin's stalls from its own: QGIS's
    idle main thread, just before the request, never stalled half the limit."""
    return result["idle_max_stall_ms"] < STALL_LIMIT_MS / 2


def check_exit_and_stalls(kind, url, folder, wait=2.5):
    """Runs (up to four) of ``kind``: every one exits in time; the main thread's stall stays under the
    limit in a quiet run, or under the limit above the baseline when no run was quiet."""
    tries = []
    while len(tries) < 4:
        result = run_worker(kind, url, folder / "run{}".format(len(tries)), wait=wait)
        check_exit(result)
        tries.append(result)
        print("{}: max stall {} ms, idle baseline {} ms".format(
            kind, result["max_stall_ms"], result["idle_max_stall_ms"]))
        if quiet(result) and result["max_stall_ms"] < STALL_LIMIT_MS:
            return
    measured = [r for r in tries if quiet(r)]
    if measured:
        assert min(r["max_stall_ms"] for r in measured) < STALL_LIMIT_MS, measured
    else:
        excess = [r["max_stall_ms"] - r["idle_max_stall_ms"] for r in tries]
        assert min(excess) < STALL_LIMIT_MS, ("no quiet run (idle baselines {} ms); stalls above the baseline "
                                              "{} ms".format([r["idle_max_stall_ms"] for r in tries], excess))


@pytest.mark.parametrize("kind", PLUGIN_KINDS + EODAG_KINDS)
def test_exit_while_a_request_waits(kind, server, tmp_path):
    """eodag's requests run in the eodag worker process: stopping them kills it, and eodag's Python
    work (gateway, libyaml, garbage collections) never holds QGIS's interpreter."""
    check_exit_and_stalls(kind, server.base_url, tmp_path)


def test_exit_while_the_eodag_catalogue_is_read(tmp_path):
    """The eodag tab's first showing (eodag's gateway built in the worker process, about a second)."""
    check_exit_and_stalls("eodag_catalogue", "http://127.0.0.1:9", tmp_path, wait=0.3)
