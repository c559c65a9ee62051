"""Faults: 100 jobs per provider through a proxy that drops, stalls, refuses and corrupts (issue 8, part 1).

The campaigns run in two processes at once (eodag is pure Python and needs a core of
its own); see :mod:`tests.reliability.harness` for what is injected and checked.  The
seed is ``EO_RELIABILITY_SEED`` (default ``harness.DEFAULT_SEED``) and is printed with
every result: ``EO_RELIABILITY_SEED=<seed> make test PYTEST_ARGS="-k test_faults"``
replays a campaign.

The last tests pin each fix the campaigns led to, on its own.
"""
import http.server
import json
import os
import threading
import zipfile

import pytest

from plugin.core.transfer import archive, http as eohttp, download as transfer
from plugin.core.errors import TransferError
from tests.reliability import harness

pytestmark = pytest.mark.slow

GROUPS = [["eodag"], [name for name in harness.CASES if name != "eodag"]]


@pytest.fixture(scope="module")
def campaigns():
    results = harness.run_campaigns_parallel(GROUPS, jobs=100)
    for result in results.values():
        print(result.summary())
    return results


@pytest.mark.parametrize("provider", sorted(harness.CASES))
def test_every_job_ends_identical_or_with_an_expected_message(campaigns, provider):
    r = campaigns[provider]
    where = "{} (seed {})".format(provider, r.seed)
    assert r.jobs >= 100, where
    assert not r.unexpected, "{}:\n".format(where) + "\n".join(r.unexpected[:20])
    assert r.done + r.failed == r.jobs, where
    assert r.identical == r.done, where                     # sha256 equal to the fault-free run
    assert sum(r.failed_expected.values()) == r.failed, where
    assert r.retried_ok == r.failed, where                  # the user's Retry finishes every failed job
    assert r.leftovers_done == 0 and r.leftovers_after_retry == 0, where
    # the faults did happen, of every kind the provider's rates include, and some jobs ran out of retries
    assert sum(r.faults.values()) >= 100, (where, r.faults)
    for kind in ("429", "503", "500_empty", "drop", "truncate"):
        assert r.faults[kind] > 0, (where, kind, r.faults)
    assert r.failed > 0, where


@pytest.mark.parametrize("provider", sorted(harness.CASES))
def test_retries_stay_within_the_policy(campaigns, provider):
    r = campaigns[provider]
    assert 0 < r.max_streak <= harness.MAX_ATTEMPTS, (provider, r.seed, r.max_streak)
    assert r.max_transfer_streak <= harness.MAX_ATTEMPTS, (provider, r.seed, r.max_transfer_streak)
    # where a provider retries above the HTTP policy (EE pieces, eodag orders), within its own bound
    for why, (seen, limit) in r.other_limits.items():
        assert seen <= limit, (provider, why, seen, limit)
    # a job that gave up on an error says how many attempts it made: exactly the policy's
    assert not [u for u in r.unexpected if "gave up after" in u]


@pytest.mark.parametrize("provider", [name for name, case in sorted(harness.CASES.items()) if case.server_jobs])
def test_no_duplicate_server_side_job_under_faults(campaigns, provider):
    r = campaigns[provider]
    assert r.server_jobs_ok and r.duplicates == 0, (provider, r.seed, r.unexpected[:5])


def test_stalls_and_corruption_were_part_of_the_campaigns(campaigns):
    # every provider whose timeouts are the plugin's own got stalls; zips and checksummed bodies got corrupted
    for name in ("ee_download", "eosda", "ee_export"):
        assert campaigns[name].faults["stall"] + campaigns[name].faults["stall_body"] > 0, name
    assert sum(campaigns[name].faults[kind] for name in ("ee_download", "eosda", "eodag")
               for kind in ("corrupt_zip", "short_zip")) > 0
    assert campaigns["ee_export"].faults["corrupt_checksummed"] > 0
    assert campaigns["ee_export"].faults["lost"] > 0     # image:export answers lost: still one export per job


# ---------------------------------------------------------------------------------------------
# the fixes, one by one
# ---------------------------------------------------------------------------------------------
class _Server:
    """A loopback server answering GETs from a list of (status, headers, body, cut) -- one per request."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.requests = 0
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests += 1
                status, headers, body, cut = server.answers.pop(0) if len(server.answers) > 1 else server.answers[0]
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body[:cut] if cut is not None else body)
                self.close_connection = True

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = "http://127.0.0.1:{}/x".format(self.httpd.server_address[1])

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


FAST = eohttp.RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.02)


def test_a_json_answer_cut_short_is_asked_again():
    body = json.dumps({"name": "projects/p/thumbnails/abc", "pad": "x" * 200}).encode()
    server = _Server([(200, {"Content-Type": "application/json"}, body, 40),
                      (200, {"Content-Type": "application/json"}, body, None)])
    try:
        assert eohttp.get_json(None, "GET", server.url, retry=FAST)["name"] == "projects/p/thumbnails/abc"
        assert server.requests == 2
    finally:
        server.close()


def test_a_json_answer_always_cut_short_fails_after_the_policy_with_a_clear_message():
    body = json.dumps({"status": "created", "pad": "x" * 200}).encode()
    server = _Server([(200, {"Content-Type": "application/json"}, body, 40)])
    try:
        with pytest.raises(eohttp.HttpError) as info:
            eohttp.get_json(None, "GET", server.url, retry=FAST)
        assert "the connection closed after 40 of {} bytes (gave up after 4 attempts)".format(len(body)) \
            in info.value.message
        assert server.requests == 4
    finally:
        server.close()


def test_a_corrupt_body_with_a_checksum_is_downloaded_again_once(tmp_path):
    import base64
    import hashlib
    data = os.urandom(5000)
    md5 = base64.b64encode(hashlib.md5(data).digest()).decode()
    bad = bytearray(data)
    bad[100] ^= 1
    headers = {"Content-Type": "image/tiff", "Content-MD5": md5}
    server = _Server([(200, headers, bytes(bad), None), (200, headers, data, None)])
    try:
        result = transfer.download(server.url, str(tmp_path / "a.tif"), retry=FAST)
        assert open(result.path, "rb").read() == data and server.requests == 2
        server.answers = [(200, headers, bytes(bad), None)]
        with pytest.raises(TransferError, match="is corrupt: its md5 checksum is"):
            transfer.download(server.url, str(tmp_path / "b.tif"), retry=FAST)
        assert server.requests == 4                       # once more, not forever
        assert sorted(os.listdir(tmp_path)) == ["a.tif"]   # no .part left
    finally:
        server.close()


def test_a_half_extraction_left_by_a_killed_session_is_removed(tmp_path):
    stale = tmp_path / ".result.extract-abc123"
    stale.mkdir()
    (stale / "half.tif").write_bytes(b"half")
    src = tmp_path / "result.zip"
    with zipfile.ZipFile(str(src), "w") as zf:
        zf.writestr("band.tif", b"data")
    out = archive.safe_extract(str(src), str(tmp_path / "result"))
    assert [os.path.basename(p) for p in out] == ["band.tif"]
    assert not stale.exists()
    assert sorted(os.listdir(tmp_path)) == ["result", "result.zip"]
