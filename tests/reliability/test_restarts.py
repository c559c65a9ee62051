"""Restarts: SIGKILL of a real QGIS process at every phase of every kind of job (issue 8, part 2).

See :mod:`tests.reliability.restart` for the kill points.  One chain of six
processes: each of the first five is killed once every job is held at its kill
point, the sixth finishes everything.
"""
import pytest

from tests.reliability import restart

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chain():
    result = restart.run_restarts()
    return result


def test_every_kind_was_killed_at_each_of_its_phases(chain):
    assert not chain.problems, "\n".join(chain.problems)
    assert chain.processes == len(restart.PHASES) + 1
    for kind in restart.KINDS:
        kills = chain.kills[kind.provider]
        assert [k.phase for k in kills] == list(restart.PHASES)
        held = {k.held_at for k in kills}
        wanted = set(kind.gates) | ({"extracting"} if kind.pauses_in_extraction else set())
        assert wanted <= held, (kind.provider, held)
        for k in kills:
            # every job is found in the store after every kill, unfinished unless it had nothing left to do
            assert k.state != "MISSING", (kind.provider, k)
            assert k.state in ("queued", "submitted", "running", "downloading") or k.held_at == "done", \
                (kind.provider, k)
            if k.held_at not in ("creating", "done"):
                assert k.server_ids, (kind.provider, k)     # the server-side ids were saved before waiting


def test_kills_hit_half_downloads_and_half_extractions(chain):
    for name in ("ee_download", "eosda", "ee_export"):      # the transfer engine's .part files
        assert any(k.held_at == "downloading" and k.part_files for k in chain.kills[name]), name
    for name in ("ee_download", "eosda"):                   # the plugin's own extraction
        assert any(k.held_at == "extracting" and k.extract_dirs for k in chain.kills[name]), name


def test_the_next_session_finishes_every_job_identical_and_complete(chain):
    assert not chain.problems, "\n".join(chain.problems)
    for kind in restart.KINDS:
        name = kind.provider
        assert chain.final_state[name] == "done", (name, chain.final_error[name])
        assert chain.outputs[name] > 0, name
        assert chain.gdal_ok[name], name            # GDAL opens (and reads) every raster output
        assert chain.identical[name], name          # sha256 equal to a run without kills
        assert chain.leftovers[name] == [], (name, chain.leftovers[name])


def test_no_server_side_job_was_created_twice(chain):
    for kind in restart.KINDS:
        assert chain.server_ok[kind.provider], (kind.provider, chain.server_jobs[kind.provider])
