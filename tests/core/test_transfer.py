"""transfer.download against the loopback fault-injection server (tests/sims/faults.py)."""
import email.utils
import hashlib
import json
import logging
import os
import threading
import time
from collections import namedtuple

import pytest

from plugin.core.transfer import checksums, http, records as transfer_records, units, download as transfer
from plugin.core.errors import ArchiveError, AuthError, CancelledError, HttpError, TransferError
from plugin.core.runner import CancelToken
from tests.sims import faults
from tests.sims.faults import Fault, FaultServer, Resource

SIZE = 3 * 1024 * 1024 + 12345
DATA = faults.sample_bytes(SIZE, seed=7)
SHA = hashlib.sha256(DATA).hexdigest()


@pytest.fixture(autouse=True)
def hash_every_download(monkeypatch):
    """These tests check the streamed sha256 of every download, so ask for it always."""
    monkeypatch.setattr(transfer, "DEFAULT_SHA256", True)


@pytest.fixture
def server():
    with FaultServer() as srv:
        yield srv


class Sleeps:
    def __init__(self):
        self.delays = []

    def __call__(self, seconds):
        self.delays.append(seconds)


@pytest.fixture
def policy():
    return http.RetryPolicy(max_attempts=6, base_delay=0.01, max_delay=0.05, sleep=Sleeps())


def leftovers(folder):
    """Partial files or extraction folders left anywhere under ``folder``."""
    found = []
    for root, dirs, files in os.walk(folder):
        found += [os.path.join(root, f) for f in files if f.endswith((".part", ".part.json", ".tmp"))]
        found += [os.path.join(root, d) for d in dirs if ".extract-" in d]
    return found


def sha_of(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


# --------------------------------------------------------------------------- plain

def test_download_names_from_content_disposition_and_reports_progress(server, tmp_path, policy):
    url = server.add("/api/file", Resource(DATA, disposition='attachment; filename="scene B4.tif"',
                                           content_type="image/tiff"))
    seen = []
    result = transfer.download(url, dest_dir=str(tmp_path), retry=policy, progress=seen.append)
    assert result.path == str(tmp_path / "scene B4.tif")
    assert result.sha256 == SHA == sha_of(result.path)
    assert result.size == SIZE and result.content_type == "image/tiff" and not result.reused
    assert seen[-1].done == SIZE and seen[-1].total == SIZE and seen[-1].fraction == 1.0
    assert all(isinstance(p, units.Progress) for p in seen)
    assert leftovers(tmp_path) == []


def test_progress_is_throttled_to_about_ten_per_second(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA))
    seen = []
    start = time.monotonic()
    transfer.download(url, dest_dir=str(tmp_path), retry=policy, progress=seen.append, chunk_size=64 * 1024)
    elapsed = time.monotonic() - start
    assert len(seen) <= elapsed * 10 + 2
    assert seen[-1].done == SIZE


def test_name_falls_back_to_url_then_default_name_with_extension(server, tmp_path, policy):
    url = server.add("/dir/product.zip", Resource(faults.zip_bytes({"a.txt": b"a"}), content_type="application/zip"))
    assert os.path.basename(transfer.download(url, dest_dir=str(tmp_path), retry=policy).path) == "product.zip"
    url2 = server.add("/v1/projects/p/thumbnails/abc:getPixels", Resource(b"II*\x00" + DATA[:1000],
                                                                         content_type="image/tiff"))
    result = transfer.download(url2, dest_dir=str(tmp_path), default_name="aoi_B4", retry=policy)
    assert os.path.basename(result.path) == "aoi_B4.tif"


def test_a_server_chosen_name_never_replaces_a_file_that_is_there(server, tmp_path, policy):
    (tmp_path / "report.tif").write_bytes(b"the user's own file")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "mine.tif").write_bytes(b"mine")
    url = server.add("/a", Resource(DATA, disposition='attachment; filename="report.tif"'))
    url2 = server.add("/b", Resource(DATA[:1000], disposition='attachment; filename="maps"'))
    first = transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    again = transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    folder = transfer.download(url2, dest_dir=str(tmp_path), retry=policy)
    assert (tmp_path / "report.tif").read_bytes() == b"the user's own file"
    assert (first.path, again.path) == (str(tmp_path / "report_2.tif"), str(tmp_path / "report_3.tif"))
    assert sha_of(first.path) == sha_of(again.path) == SHA
    assert (tmp_path / "maps" / "mine.tif").read_bytes() == b"mine"
    assert folder.path == str(tmp_path / "maps_2")
    # A path the caller chose is the caller's to replace.
    assert transfer.download(url, str(tmp_path / "report.tif"), retry=policy).path == str(tmp_path / "report.tif")
    assert sha_of(str(tmp_path / "report.tif")) == SHA
    assert not leftovers(str(tmp_path))


def test_content_disposition_cannot_escape_the_folder(server, tmp_path, policy):
    url = server.add("/x", Resource(b"data", disposition='attachment; filename="../../etc/evil.sh"'))
    result = transfer.download(url, dest_dir=str(tmp_path / "out"), retry=policy)
    assert os.path.dirname(result.path) == str(tmp_path / "out")
    assert os.path.basename(result.path) == "evil.sh"


def test_explicit_dest_replaces_an_existing_file(server, tmp_path, policy):
    dest = tmp_path / "out.bin"
    dest.write_bytes(b"old")
    url = server.add("/f.bin", Resource(DATA))
    result = transfer.download(url, str(dest), retry=policy)
    assert result.path == str(dest) and sha_of(dest) == SHA


def test_user_agent_and_caller_headers_are_sent(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(b"abc"))
    transfer.download(url, str(tmp_path / "f"), retry=policy, headers={"X-Goog-User-Project": "p1"},
                      session=http.make_session())
    headers = server.requests_for("/f.bin")[0]["headers"]
    assert headers["User-Agent"].startswith("EO-Downloader/") and headers["X-Goog-User-Project"] == "p1"


def test_response_handed_over_by_the_caller_is_used(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA))
    session = http.make_session()
    response = http.request(session, "GET", url, stream=True)
    result = transfer.download(url, dest_dir=str(tmp_path), session=session, response=response, retry=policy)
    assert result.sha256 == SHA and server.counts["/f.bin"] == 1


# --------------------------------------------------------------------------- resume

def test_resumes_after_seeded_random_connection_resets(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, faults=[Fault.drop(), Fault.drop(), Fault.drop()], seed=3))
    result = transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert result.sha256 == SHA
    log = server.requests_for("/f.bin")
    assert len(log) == 4
    etag = server.resources["/f.bin"].etag
    ranges = [entry["headers"].get("Range") for entry in log[1:]]
    assert any(r is not None and r != "bytes=0-" for r in ranges)
    assert all(entry["headers"].get("If-Range") == etag for entry in log[1:] if "Range" in entry["headers"])
    assert leftovers(tmp_path) == []


def test_resume_refetches_nothing_after_clean_truncations(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, faults=[Fault.truncate(0.3), Fault.truncate(0.5)]))
    result = transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert result.sha256 == SHA
    assert server.bytes_sent["/f.bin"] == SIZE
    first_cut = int(SIZE * 0.3)
    assert server.requests_for("/f.bin")[1]["headers"]["Range"] == "bytes={}-".format(first_cut)


def test_resume_uses_last_modified_without_etag(server, tmp_path, policy):
    resource = Resource(DATA, etag=False, faults=[Fault.truncate(0.5)])
    url = server.add("/f.bin", resource)
    assert transfer.download(url, dest_dir=str(tmp_path), retry=policy).sha256 == SHA
    second = server.requests_for("/f.bin")[1]["headers"]
    assert second["If-Range"] == resource.last_modified and second["Range"].startswith("bytes=")


def test_weak_etag_only_means_restart_not_range(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, etag='W/"weak"', last_modified=False, faults=[Fault.truncate(0.5)]))
    assert transfer.download(url, dest_dir=str(tmp_path), retry=policy).sha256 == SHA
    assert "Range" not in server.requests_for("/f.bin")[1]["headers"]


def test_server_ignoring_range_causes_a_clean_restart(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, ranges=False, faults=[Fault.truncate(0.5)]))
    result = transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert result.sha256 == SHA
    assert server.bytes_sent["/f.bin"] == SIZE + int(SIZE * 0.5)


def test_changed_etag_causes_a_restart(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, change_etag=True, last_modified=False, faults=[Fault.truncate(0.5)]))
    result = transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert result.sha256 == SHA
    log = server.requests_for("/f.bin")
    assert log[1]["headers"]["If-Range"] != server.resources["/f.bin"].current_etag()
    assert server.bytes_sent["/f.bin"] == SIZE + int(SIZE * 0.5)


def test_gives_up_keeps_resumable_part_and_next_run_resumes_it(server, tmp_path):
    resource = Resource(DATA, always=Fault.truncate(100000))
    url = server.add("/f.bin", resource)
    policy = http.RetryPolicy(max_attempts=3, base_delay=0.001, sleep=Sleeps())
    dest = tmp_path / "f.bin"
    with pytest.raises(TransferError) as info:
        transfer.download(url, str(dest), retry=policy)
    assert "3 attempts" in info.value.message
    assert not dest.exists()
    part = tmp_path / "f.bin.part"
    assert part.stat().st_size == 300000
    sidecar = json.loads((tmp_path / "f.bin.part.json").read_text())
    assert sidecar["etag"] == resource.etag and sidecar["total"] == SIZE
    # a later run (the server is fine again) resumes the .part
    resource.always = None
    result = transfer.download(url, str(dest), retry=policy)
    assert result.sha256 == SHA
    assert server.requests_for("/f.bin")[-1]["headers"]["Range"] == "bytes=300000-"
    assert leftovers(tmp_path) == []


def test_previous_part_is_resumed_when_the_name_comes_from_the_server(server, tmp_path, policy):
    resource = Resource(DATA, disposition="attachment; filename=scene.tif")
    url = server.add("/f", resource)
    (tmp_path / "scene.tif.part").write_bytes(DATA[:1000000])
    meta = {"url_id": hashlib.sha256(url.encode()).hexdigest(), "etag": resource.etag, "last_modified": None,
            "total": SIZE, "checksums": {}}
    (tmp_path / "scene.tif.part.json").write_text(json.dumps(meta))
    result = transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert result.sha256 == SHA
    assert server.requests_for("/f")[-1]["headers"]["Range"] == "bytes=1000000-"
    assert leftovers(tmp_path) == []


def test_stale_part_of_another_version_is_discarded(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA))
    (tmp_path / "f.bin.part").write_bytes(b"x" * 1000)
    meta = {"url_id": hashlib.sha256(url.encode()).hexdigest(), "etag": '"old-version"', "total": SIZE}
    (tmp_path / "f.bin.part.json").write_text(json.dumps(meta))
    result = transfer.download(url, str(tmp_path / "f.bin"), retry=policy)
    assert result.sha256 == SHA                         # If-Range did not match: full 200
    assert server.requests_for("/f.bin")[0]["headers"]["If-Range"] == '"old-version"'


def test_part_without_sidecar_is_not_trusted(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA))
    (tmp_path / "f.bin.part").write_bytes(b"garbage")
    assert transfer.download(url, str(tmp_path / "f.bin"), retry=policy).sha256 == SHA
    assert "Range" not in server.requests_for("/f.bin")[0]["headers"]


# --------------------------------------------------------------------------- retries

def test_429_retry_after_seconds_and_http_date_are_honoured(server, tmp_path):
    date = email.utils.formatdate(time.time() + 5, usegmt=True)
    url = server.add("/f.bin", Resource(DATA, faults=[Fault.status(429, retry_after="2"),
                                                      Fault.status(429, retry_after=date)]))
    sleeps = Sleeps()
    result = transfer.download(url, dest_dir=str(tmp_path), retry=http.RetryPolicy(max_delay=0.1, sleep=sleeps))
    assert result.sha256 == SHA
    assert sleeps.delays[0] == 2.0 and 2.5 <= sleeps.delays[1] <= 5.5


def test_503_burst_is_survived(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, faults=[Fault.status(503)] * 4))
    assert transfer.download(url, dest_dir=str(tmp_path), retry=policy).sha256 == SHA
    assert server.counts["/f.bin"] == 5


def test_endless_503_fails_with_service_message_and_no_files(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, always=Fault.status(503)))
    with pytest.raises(HttpError) as info:
        transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert info.value.status == 503 and "Injected error 503" in info.value.message
    assert server.counts["/f.bin"] == policy.max_attempts
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("status, cls", [(404, HttpError), (400, HttpError), (401, AuthError), (403, AuthError)])
def test_client_errors_are_not_retried(server, tmp_path, policy, status, cls):
    url = server.add("/f.bin", Resource(DATA, always=Fault.status(status)))
    with pytest.raises(cls):
        transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert server.counts["/f.bin"] == 1 and os.listdir(tmp_path) == []


def test_read_timeout_on_a_stalled_body_is_retried_and_resumed(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, faults=[Fault.stall(at=500000)]))
    result = transfer.download(url, dest_dir=str(tmp_path), retry=policy, timeouts=http.Timeouts(read=0.4))
    assert result.sha256 == SHA
    assert server.requests_for("/f.bin")[1]["headers"]["Range"] == "bytes=500000-"


# --------------------------------------------------------------------------- verification

def test_truncated_body_every_time_fails_cleanly_without_validator(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, etag=False, last_modified=False, always=Fault.truncate(0.5)))
    with pytest.raises(TransferError) as info:
        transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert "closed after" in info.value.message
    assert os.listdir(tmp_path) == []


def test_content_length_smaller_than_body_is_caught_by_content_md5(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, content_md5="good", always=Fault.wrong_length(-1000)))
    with pytest.raises(TransferError) as info:
        transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert "md5" in info.value.message
    assert os.listdir(tmp_path) == []


def test_content_length_differing_from_expected_size_fails(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, always=Fault.wrong_length(-1000)))
    with pytest.raises(TransferError) as info:
        transfer.download(url, dest_dir=str(tmp_path), retry=policy, expected_size=SIZE)
    assert str(SIZE) in info.value.message
    assert os.listdir(tmp_path) == []


def test_content_length_larger_than_body_fails_after_retries(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA, etag=False, last_modified=False, always=Fault.wrong_length(5000)))
    with pytest.raises(TransferError) as info:
        transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert "{} of {}".format(SIZE, SIZE + 5000) in info.value.message
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("kind, ok", [("good", True), ("bad", False)])
def test_content_md5(server, tmp_path, policy, kind, ok):
    url = server.add("/f.bin", Resource(DATA, content_md5=kind))
    if ok:
        assert transfer.download(url, dest_dir=str(tmp_path), retry=policy).sha256 == SHA
    else:
        with pytest.raises(TransferError) as info:
            transfer.download(url, dest_dir=str(tmp_path), retry=policy)
        assert "md5" in info.value.message
        assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("kind, ok", [("good", True), ("bad-md5", False), ("bad-crc32c", None),
                                      ("crc32c-only", True)])
def test_x_goog_hash(server, tmp_path, policy, kind, ok):
    url = server.add("/f.bin", Resource(DATA, goog_hash=kind, faults=[Fault.truncate(0.4)]))
    if ok is None:   # a wrong crc32c is caught only when a crc32c implementation is importable
        ok = checksums._CRC32C is None
    if ok:
        assert transfer.download(url, dest_dir=str(tmp_path), retry=policy).sha256 == SHA
    else:
        with pytest.raises(TransferError) as info:
            transfer.download(url, dest_dir=str(tmp_path), retry=policy)
        assert ("crc32c" if "crc" in kind else "md5") in info.value.message
        assert os.listdir(tmp_path) == []


def test_expected_checksums_from_the_caller(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA))
    md5 = hashlib.md5(DATA).hexdigest()
    assert transfer.download(url, dest_dir=str(tmp_path), retry=policy, expected_md5=md5,
                             expected_sha256=SHA).sha256 == SHA
    with pytest.raises(TransferError):
        transfer.download(url, str(tmp_path / "g.bin"), retry=policy, expected_sha256="0" * 64)
    assert not (tmp_path / "g.bin").exists() and leftovers(tmp_path) == []


def test_html_page_with_status_200_is_an_error(server, tmp_path, policy):
    url = server.add("/f.zip", Resource(DATA, always=Fault.html("Sign in - Service")))
    with pytest.raises(TransferError) as info:
        transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert "HTML page instead of the file" in info.value.message
    assert "Sign in - Service" in info.value.message
    assert os.listdir(tmp_path) == []


def test_html_sniffed_without_html_content_type(server, tmp_path, policy):
    page = b"<!DOCTYPE html><html><head><title>Quota exceeded</title></head><body>x</body></html>"
    url = server.add("/f.bin", Resource(page, content_type="application/octet-stream"))
    with pytest.raises(TransferError) as info:
        transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert "Quota exceeded" in info.value.message and os.listdir(tmp_path) == []


def test_accept_allows_html_and_restricts_types(server, tmp_path, policy):
    page = b"<html><head><title>t</title></head></html>"
    url = server.add("/page.html", Resource(page, content_type="text/html"))
    assert transfer.download(url, dest_dir=str(tmp_path), retry=policy, accept="text/html").size == len(page)
    url2 = server.add("/f.json", Resource(b"{}", content_type="application/json"))
    with pytest.raises(TransferError):
        transfer.download(url2, dest_dir=str(tmp_path), retry=policy, accept=["image/*", "application/zip"])


def test_zip_is_tested_before_it_is_declared_done(server, tmp_path, policy):
    good = faults.zip_bytes({"a.tif": DATA[:200000], "b.tif": DATA[200000:400000]})
    url = server.add("/good.zip", Resource(good, content_type="application/zip"))
    assert transfer.download(url, dest_dir=str(tmp_path), retry=policy).size == len(good)
    bad = faults.truncated(good, 0.7)
    url = server.add("/bad", Resource(bad, content_type="application/octet-stream"))  # magic bytes only
    with pytest.raises(ArchiveError):
        transfer.download(url, dest_dir=str(tmp_path), default_name="bad.zip", retry=policy)
    assert sorted(os.listdir(tmp_path)) == ["good.zip"]


# --------------------------------------------------------------------------- cancel

@pytest.mark.parametrize("before_headers", [False, True])
def test_cancel_on_a_stalled_server_takes_effect_within_one_second(server, tmp_path, before_headers):
    url = server.add("/f.bin", Resource(DATA, always=Fault.stall(at=700000, before_headers=before_headers)))
    cancel = CancelToken()
    fired = {}

    def fire():
        fired["t"] = time.monotonic()
        cancel.cancel()

    threading.Timer(0.5, fire).start()
    with pytest.raises(CancelledError):
        transfer.download(url, dest_dir=str(tmp_path), cancel=cancel, timeouts=http.Timeouts(read=60))
    assert time.monotonic() - fired["t"] < 1.0
    assert os.listdir(tmp_path) == []
    # the connection was closed, so the server learns that the client is gone
    deadline = time.monotonic() + 2.0
    while server.stalls_ended < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.stalls_ended == 1


def test_cancel_from_progress_callback_removes_part(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA))
    cancel = CancelToken()

    def progress(p):
        if p.done > 0:
            cancel.cancel()

    with pytest.raises(CancelledError):
        transfer.download(url, dest_dir=str(tmp_path), cancel=cancel, progress=progress, retry=policy,
                          chunk_size=64 * 1024)
    assert os.listdir(tmp_path) == []


def test_cancel_during_retry_after_backoff(server, tmp_path):
    url = server.add("/f.bin", Resource(DATA, always=Fault.status(503, retry_after="30")))
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    start = time.monotonic()
    with pytest.raises(CancelledError):
        transfer.download(url, dest_dir=str(tmp_path), cancel=cancel)
    assert time.monotonic() - start < 1.3


# --------------------------------------------------------------------------- records

def test_record_prevents_a_second_http_request(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA))
    records = transfer_records.DownloadRecords(str(tmp_path))
    first = transfer.download(url, dest_dir=str(tmp_path), record_key="S2-ABC", records=records, retry=policy)
    record_file = tmp_path / ".downloaded" / hashlib.md5(b"S2-ABC").hexdigest()
    data = json.loads(record_file.read_text())
    assert data["sha256"] == SHA and data["size"] == SIZE
    second = transfer.download(url, dest_dir=str(tmp_path), record_key="S2-ABC", records=records, retry=policy)
    assert second.reused and second.path == first.path and second.sha256 == SHA
    assert server.counts["/f.bin"] == 1


def test_record_of_a_missing_or_changed_file_is_dropped_and_downloaded_again(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(DATA))
    first = transfer.download(url, dest_dir=str(tmp_path), record_key="k", retry=policy)
    os.remove(first.path)
    again = transfer.download(url, dest_dir=str(tmp_path), record_key="k", retry=policy)
    assert not again.reused and server.counts["/f.bin"] == 2 and sha_of(again.path) == SHA
    with open(again.path, "r+b") as handle:     # same size, different bytes
        handle.write(b"X")
    third = transfer.download(url, dest_dir=str(tmp_path), record_key="k", retry=policy)
    assert not third.reused and server.counts["/f.bin"] == 3 and sha_of(third.path) == SHA


def test_record_url_is_redacted(server, tmp_path, policy):
    url = server.add("/f.bin", Resource(b"abc"))
    transfer.download(url + "?api_key=RECSECRET", dest_dir=str(tmp_path), record_key="k", retry=policy)
    text = (tmp_path / ".downloaded" / hashlib.md5(b"k").hexdigest()).read_text()
    assert "RECSECRET" not in text


# --------------------------------------------------------------------------- disk, limits, secrets

def test_disk_preflight_with_expected_size_makes_no_request(server, tmp_path, policy, monkeypatch):
    url = server.add("/f.bin", Resource(DATA))
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(transfer.shutil, "disk_usage", lambda p: Usage(10 ** 12, 0, 5 * 1024 * 1024))
    with pytest.raises(TransferError) as info:
        transfer.download(url, dest_dir=str(tmp_path), expected_size=3 * 1024 ** 3, retry=policy)
    # 3 GiB and the margin kept free: 5 % of the disk, 32 MiB to 1 GiB (config.disk_margin)
    assert "4.00 GiB" in info.value.message and "5.0 MiB" in info.value.message
    assert server.counts.get("/f.bin", 0) == 0


def test_disk_preflight_with_content_length(server, tmp_path, policy, monkeypatch):
    url = server.add("/f.bin", Resource(DATA))
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(transfer.shutil, "disk_usage", lambda p: Usage(10 ** 12, 0, 1024 * 1024))
    with pytest.raises(TransferError) as info:
        transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert "disk space" in info.value.message and "1.0 MiB" in info.value.message
    assert os.listdir(tmp_path) == []


def _parallel(server, tmp_path, policy, count, **kwargs):
    for i in range(count):
        server.add("/f{}.bin".format(i), Resource(DATA[:100000], delay=0.15))
    errors = []

    def run(i):
        try:
            transfer.download(server.url("/f{}.bin".format(i)), dest_dir=str(tmp_path), retry=policy, **kwargs)
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_host_limiter_bounds_parallel_downloads(server, tmp_path, policy):
    _parallel(server, tmp_path, policy, 6, limiter=http.HostLimiter(max_per_host=2))
    assert server.max_active == 2


def test_download_uses_the_module_default_limiter(server, tmp_path, policy, monkeypatch):
    assert http.DEFAULT_LIMITER.max_per_host == 4
    monkeypatch.setattr(http, "DEFAULT_LIMITER", http.HostLimiter(max_per_host=1))
    _parallel(server, tmp_path, policy, 3)
    assert server.max_active == 1


def test_no_secret_in_errors_or_logs(server, tmp_path, policy, caplog):
    caplog.set_level(logging.DEBUG, logger=http.LOGGER_NAME)
    server.add("/missing", Resource(DATA, always=Fault.status(404)))
    server.add("/flaky", Resource(DATA, faults=[Fault.drop(), Fault.status(503), Fault.truncate(0.5)]))
    server.add("/page", Resource(DATA, always=Fault.html("Login")))
    server.add("/denied", Resource(DATA, always=Fault.status(403)))
    headers = {"Authorization": "Bearer SECRET2"}
    errors = []
    for path in ("/missing", "/page", "/denied"):
        with pytest.raises((HttpError, TransferError)) as info:
            transfer.download(server.url(path) + "?api_key=SECRET", dest_dir=str(tmp_path), headers=headers,
                              retry=policy)
        errors.append(info.value)
    transfer.download(server.url("/flaky") + "?api_key=SECRET", dest_dir=str(tmp_path), headers=headers,
                      retry=policy)
    # a service that echoes the key in its message: masked once the key is registered
    echo = json.dumps({"error": {"code": 400, "message": "bad key SECRET in /f?api_key=SECRET"}})
    server.add("/echo", Resource(DATA, always=Fault.status(400, body=echo)))
    http.register_secret("SECRET")
    try:
        with pytest.raises(HttpError) as info:
            transfer.download(server.url("/echo") + "?api_key=SECRET", dest_dir=str(tmp_path), headers=headers,
                              retry=policy)
        errors.append(info.value)
    finally:
        http.unregister_secret("SECRET")
    assert server.requests_for("/flaky")[0]["headers"]["Authorization"] == "Bearer SECRET2"
    assert "api_key" in caplog.text and "/flaky" in caplog.text   # the lines exist, values masked
    assert "bad key" in errors[-1].message
    for error in errors:
        for text in (str(error), error.message, error.hint or "", getattr(error, "body", "") or ""):
            assert "SECRET" not in text
    assert "SECRET" not in caplog.text


def test_same_destination_twice_at_once_is_refused(server, tmp_path, policy):
    url = server.add("/slow.bin", Resource(DATA, delay=0.5))
    dest = str(tmp_path / "same.bin")
    results = []
    thread = threading.Thread(target=lambda: results.append(transfer.download(url, dest, retry=policy)))
    thread.start()
    time.sleep(0.2)
    with pytest.raises(TransferError):
        transfer.download(url, dest, retry=policy)
    thread.join()
    assert results and results[0].sha256 == SHA


# --------------------------------------------------------------------------- other body framings

def test_chunked_body_and_resume_after_a_drop(server, tmp_path, policy):
    url = server.add("/c.bin", Resource(DATA, chunked=True, faults=[Fault.truncate(0.4)]))
    result = transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert result.sha256 == SHA
    log = server.requests_for("/c.bin")
    assert len(log) == 2 and log[1]["headers"]["Range"].startswith("bytes=")
    assert server.bytes_sent["/c.bin"] == SIZE           # nothing fetched twice
    assert leftovers(tmp_path) == []


def test_gzip_content_encoding_is_decoded(server, tmp_path, policy):
    url = server.add("/g.bin", Resource(DATA, gzip_encoding=True, faults=[Fault.truncate(0.5)]))
    seen = []
    result = transfer.download(url, dest_dir=str(tmp_path), retry=policy, progress=seen.append)
    assert result.sha256 == SHA and result.size == SIZE
    assert "Range" not in server.requests_for("/g.bin")[1]["headers"]   # encoded bytes: restart, no resume
    assert seen[-1].done == SIZE


def test_second_download_to_a_busy_destination_leaves_the_first_alone(server, tmp_path):
    url = server.add("/f.bin", Resource(DATA, disposition="attachment; filename=busy.bin",
                                        faults=[Fault.stall(at=200000)]))
    cancel = CancelToken()
    outcome = []

    def first():
        try:
            transfer.download(url, dest_dir=str(tmp_path), cancel=cancel)
        except CancelledError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=first)
    thread.start()
    part = tmp_path / "busy.bin.part"
    sidecar = tmp_path / "busy.bin.part.json"
    deadline = time.monotonic() + 5
    while not (part.exists() and sidecar.exists()) and time.monotonic() < deadline:
        time.sleep(0.02)
    with pytest.raises(TransferError) as info:
        transfer.download(url, dest_dir=str(tmp_path), retry=http.RetryPolicy(1))
    assert "already being downloaded" in info.value.message
    assert part.exists() and sidecar.exists()   # the running download's files were not touched
    cancel.cancel()
    thread.join(5)
    assert outcome and os.listdir(tmp_path) == []


def test_empty_body_is_an_error_unless_allowed(server, tmp_path, policy):
    url = server.add("/empty", Resource(b""))
    with pytest.raises(TransferError) as info:
        transfer.download(url, dest_dir=str(tmp_path), default_name="e.bin", retry=policy)
    assert "empty" in info.value.message and os.listdir(tmp_path) == []
    result = transfer.download(url, dest_dir=str(tmp_path), default_name="e.bin", retry=policy, allow_empty=True)
    assert result.size == 0 and os.path.exists(result.path)


def test_202_not_ready_is_an_http_error_with_its_status(server, tmp_path, policy):
    url = server.add("/order", Resource(DATA, always=Fault.status(202, body='{"status": "staging"}')))
    with pytest.raises(HttpError) as info:
        transfer.download(url, dest_dir=str(tmp_path), retry=policy)
    assert info.value.status == 202 and os.listdir(tmp_path) == []


def test_kept_sidecar_holds_no_secret_and_still_resumes(server, tmp_path):
    resource = Resource(DATA, always=Fault.truncate(100000))
    url = server.add("/f.bin", resource) + "?api_key=PARTSECRET"
    policy = http.RetryPolicy(max_attempts=2, base_delay=0.001, sleep=Sleeps())
    with pytest.raises(TransferError):
        transfer.download(url, str(tmp_path / "f.bin"), retry=policy)
    assert "PARTSECRET" not in (tmp_path / "f.bin.part.json").read_text()
    resource.always = None
    assert transfer.download(url, str(tmp_path / "f.bin"), retry=policy).sha256 == SHA
    assert server.requests_for("/f.bin")[-1]["headers"]["Range"] == "bytes=200000-"


def test_sha256_only_when_needed(server, tmp_path, monkeypatch):
    monkeypatch.setattr(transfer, "DEFAULT_SHA256", None)
    url = server.add("/f.bin", Resource(DATA))
    plain = transfer.download(url, dest_dir=str(tmp_path / "a"))
    assert plain.sha256 == "" and sha_of(plain.path) == SHA           # not hashed, bytes still right
    kept = transfer.download(url, dest_dir=str(tmp_path / "b"), record_key="k1")
    assert kept.sha256 == SHA                                         # a record needs it
    asked = transfer.download(url, dest_dir=str(tmp_path / "c"), sha256=True)
    assert asked.sha256 == SHA


def test_a_body_that_stalls_every_300_kb_is_resumed_each_time(server, tmp_path, policy, caplog):
    # The body is read from a socket without a timeout of its own; the watcher keeps the read timeout.
    url = server.add("/f.bin", Resource(DATA, always=Fault.stall(at=300000)))
    with caplog.at_level(logging.WARNING, logger=http.LOGGER_NAME):
        result = transfer.download(url, dest_dir=str(tmp_path), retry=policy, timeouts=http.Timeouts(read=0.3))
    assert result.sha256 == SHA
    ranges = [r["headers"].get("Range") for r in server.requests_for("/f.bin")]
    assert ranges[:3] == [None, "bytes=300000-", "bytes=600000-"] and len(ranges) == len(DATA) // 300000 + 1
    stalls = [r for r in caplog.records if "read timed out" in r.getMessage()]
    assert len(stalls) == len(ranges) - 1
