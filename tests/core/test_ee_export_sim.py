"""The export simulator behaves like the services (protocols.md §3, §6), seen over plain HTTP.

Also the client-side Operation model (summary, failure hints) and the operations client.
"""
import base64
import hashlib
import json
import time

import pytest
import requests
from osgeo import gdal

from plugin.core.transfer import http
from plugin.core.providers.earthengine import export as E
from plugin.core.providers.earthengine.auth import StaticToken
from plugin.core.providers.earthengine.operations import ExportClient, Operation, failure, too_large
from tests.sims.ee_export_sim import ExportSimulator, crc32c

TOKEN = "test-token"
AUTH = {"Authorization": "Bearer " + TOKEN}
IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
SQUARE = {"type": "Polygon", "coordinates": [[[-122.0859, 37.0436], [-122.0626, 37.0436], [-122.0626, 37.0586],
                                              [-122.0859, 37.0586], [-122.0859, 37.0436]]]}


@pytest.fixture(scope="module")
def sim():
    s = ExportSimulator(tokens=(TOKEN,), projects=("my-project",), buckets=("bkt",), pending_seconds=0.05,
                        running_seconds=0.25, cancelling_seconds=0.05)
    s.start()
    yield s
    s.stop()


def body(**kw):
    p = {"image": IMG, "bands": "B4", "scale": 30, "aoi": SQUARE, "project": "my-project", "bucket": "bkt",
         "prefix": "sim/" + kw.pop("name", "x")}
    p.update(kw)
    return E.export_body(E.validate(p), E.new_request_id())


def post(sim, payload, path="/v1/projects/my-project/image:export"):
    return requests.post(sim.url + path + "?alt=json", data=json.dumps(payload), headers=AUTH, timeout=10)


def get(sim, name):
    return requests.get(sim.url + "/v1/" + name + "?alt=json", headers=AUTH, timeout=10)


def wait_done(sim, name, timeout=5.0):
    end = time.monotonic() + timeout
    seen = []
    while time.monotonic() < end:
        op = get(sim, name).json()
        seen.append(op)
        if op.get("done"):
            return seen
        time.sleep(0.01)
    raise AssertionError("not done")


def test_wrapped_and_bare_max_pixels_and_priority(sim):
    wrapped = body(name="w", max_pixels=10 ** 9, priority=7)
    assert wrapped["maxPixels"] == {"value": "1000000000"} and wrapped["priority"] == {"value": 7}
    bare = dict(body(name="b"), maxPixels="1000000000", priority=7)
    for payload in (wrapped, bare):
        op = post(sim, payload).json()
        assert op["metadata"]["priority"] == 7 and "done" not in op
        assert op["metadata"]["state"] == "PENDING" and op["metadata"]["type"] == "EXPORT_IMAGE"
    bad = post(sim, dict(body(name="p"), priority={"value": 10000}))
    assert bad.status_code == 400 and "Priority" in bad.json()["error"]["message"]
    unknown = post(sim, dict(body(name="u"), origin=1))
    assert unknown.status_code == 400 and 'Unknown name "origin"' in unknown.json()["error"]["message"]
    both = dict(body(name="both"), assetExportOptions={"earthEngineDestination": {"name": "projects/p/assets/a"}})
    assert post(sim, both).status_code == 400
    tiles = body(name="t", file_dimensions=512)
    tiles["fileExportOptions"]["geoTiffOptions"]["tileDimensions"] = {"width": 300, "height": 300}
    assert "multiples" in post(sim, tiles).json()["error"]["message"]


def test_request_id_dedup(sim):
    payload = body(name="dedup")
    first, second = post(sim, payload).json(), post(sim, payload).json()
    assert first["name"] == second["name"]
    other = post(sim, dict(payload, requestId=E.new_request_id())).json()
    assert other["name"] != first["name"]


def test_lifecycle_states_progress_and_stages(sim):
    op = post(sim, body(name="life", file_dimensions=256, scale=8)).json()
    seen = wait_done(sim, op["name"])
    states = [o["metadata"]["state"] for o in seen]
    assert states[-1] == "SUCCEEDED" and "RUNNING" in states
    assert all("done" not in o and "error" not in o for o in seen[:-1])
    running = [o for o in seen if o["metadata"]["state"] == "RUNNING"]
    progress = [o["metadata"]["progress"] for o in running]
    assert progress == sorted(progress) and all(0 <= p < 1 for p in progress)
    early = running[0]["metadata"]["stages"]
    assert early[-1] == {"displayName": "Write Files"}                # no work units yet
    last = seen[-1]
    assert last["response"] == {"@type": "type.googleapis.com/google.protobuf.Empty"}
    assert last["metadata"]["destinationUris"] and last["metadata"]["endTime"].endswith("Z")
    write = last["metadata"]["stages"][-1]
    assert write["completeWorkUnits"] == write["totalWorkUnits"] == 2
    op_obj = Operation(running[-1])
    assert op_obj.summary().startswith("RUNNING ")


def test_cancel_and_not_found(sim):
    sim.running_seconds = 30
    try:
        op = post(sim, body(name="cancel")).json()
    finally:
        sim.running_seconds = 0.25
    r = post(sim, {}, "/v1/" + op["name"] + ":cancel")
    assert r.status_code == 200 and r.json() == {}
    first = get(sim, op["name"]).json()
    assert first["metadata"]["state"] in ("CANCELLING", "CANCELLED")
    last = wait_done(sim, op["name"])[-1]
    assert last["metadata"]["state"] == "CANCELLED" and last["error"]["code"] == 1
    assert post(sim, {}, "/v1/" + op["name"] + ":cancel").status_code == 400       # already finished
    missing = get(sim, "projects/my-project/operations/NOSUCHOPERATION0000000000")
    assert missing.status_code == 404 and missing.json()["error"]["status"] == "NOT_FOUND"
    assert requests.get(sim.url + "/v1/" + op["name"], timeout=10).status_code == 401


def test_list_pages(sim):
    for i in range(3):
        post(sim, body(name="list%d" % i))
    client = ExportClient(sim.url, "my-project", StaticToken(TOKEN), retry=http.RetryPolicy(max_attempts=2))
    names = [o.name for o in client.list_operations(page_size=2)]
    assert len(names) == len(set(names)) == len(sim.operations())
    pages = [r for r in sim.requests if r["endpoint"] == "list"]
    assert len(pages) >= 2 and pages[0]["query"]["pageSize"] == "2" and "pageToken" in pages[1]["query"]


def test_export_too_large_fails_with_the_known_message(sim):
    payload = body(name="big", scale=10)
    payload["maxPixels"] = {"value": "1000"}     # (the plugin itself refuses this before starting it)
    op = post(sim, payload).json()
    last = wait_done(sim, op["name"])[-1]
    assert last["metadata"]["state"] == "FAILED" and last["error"]["code"] == 3
    message = last["error"]["message"]
    specified, limit = too_large(message)
    grid = sim.export_grid(op["name"])
    assert specified == grid["width"] * grid["height"] and limit == 1000
    assert message.endswith("Specify higher maxPixels value if you intend to export a large area.")
    err = failure(Operation(last))
    assert "at least {}".format(specified) in err.hint


def test_cloud_storage_listing_media_hashes_and_range(sim):
    op = post(sim, body(name="gcs")).json()
    wait_done(sim, op["name"])
    sim.put_object("bkt", "sim/gcs-extra.tif", b"x" * 10)
    sim.gcs_page_size = 1
    try:
        items, token = [], None
        while True:
            r = requests.get(sim.url + "/storage/v1/b/bkt/o", params={"prefix": "sim/gcs", "pageToken": token},
                             headers=AUTH, timeout=10).json()
            items += r.get("items", [])
            token = r.get("nextPageToken")
            if not token:
                break
    finally:
        sim.gcs_page_size = 1000
    assert [i["name"] for i in items] == ["sim/gcs-extra.tif", "sim/gcs.tif"]
    item = items[1]
    media = requests.get(sim.url + "/storage/v1/b/bkt/o/sim%2Fgcs.tif", params={"alt": "media"}, headers=AUTH,
                         timeout=10)
    data = media.content
    md5 = base64.b64encode(hashlib.md5(data).digest()).decode()
    assert media.headers["x-goog-hash"] == "crc32c={},md5={}".format(
        base64.b64encode(crc32c(data).to_bytes(4, "big")).decode(), md5)
    assert item["md5Hash"] == md5 and item["size"] == str(len(data))
    gdal.FileFromMemBuffer("/vsimem/gcs.tif", data)
    assert gdal.Open("/vsimem/gcs.tif").GetRasterBand(1).GetDescription() == "B4"
    gdal.Unlink("/vsimem/gcs.tif")
    part = requests.get(media.url, headers=dict(AUTH, Range="bytes=10-19"), timeout=10)
    assert part.status_code == 206 and part.content == data[10:20]
    assert crc32c(b"123456789") == 0xE3069283                     # the CRC-32C check value
    missing = requests.get(sim.url + "/storage/v1/b/nobucket/o", headers=AUTH, timeout=10)
    assert missing.status_code == 404 and missing.json()["error"]["errors"][0]["reason"] == "notFound"


def test_drive_query_subset(sim):
    folder = sim.add_drive_folder("qfolder")
    sim.add_drive_file("q_one.tif", b"1", folder)
    sim.add_drive_file("other q_two.tif", b"22", folder)
    sim.add_drive_file("q_three.tif", b"333")                         # in the root
    q = "name contains 'q_' and '{}' in parents and trashed = false".format(folder)
    r = requests.get(sim.url + "/drive/v3/files", params={"q": q, "fields": "nextPageToken, files(id, name, size)"},
                     headers=AUTH, timeout=10).json()
    assert sorted(f["name"] for f in r["files"]) == ["other q_two.tif", "q_one.tif"]
    assert all(set(f) == {"id", "name", "size"} for f in r["files"])
    bad = requests.get(sim.url + "/drive/v3/files", params={"q": "name ~ 'x'"}, headers=AUTH, timeout=10)
    assert bad.status_code == 400
    fid = r["files"][0]["id"]
    media = requests.get(sim.url + "/drive/v3/files/" + fid, params={"alt": "media"}, headers=AUTH, timeout=10)
    assert media.content in (b"1", b"22")


def test_operation_model():
    running = Operation({"name": "projects/p/operations/ABC", "metadata": {
        "state": "RUNNING", "progress": 0.42, "stages": [
            {"displayName": "Create List of Assets", "completeWorkUnits": 1, "totalWorkUnits": 1},
            {"displayName": "Write Files", "completeWorkUnits": 3, "totalWorkUnits": 7},
            {"displayName": "Later"}]}, "error": {"message": "ignored until done"}})
    assert running.summary() == "RUNNING 42% \u2014 Write Files 3/7"
    assert running.id == "ABC" and not running.done and running.error == {}
    pending = Operation({"name": "n", "metadata": {"state": "PENDING"}})
    assert pending.summary() == "PENDING" and pending.progress is None
    failed = Operation({"name": "n", "done": True, "metadata": {"state": "FAILED"},
                        "error": {"code": 3, "message": "Image.load: Image asset 'x' not found."}})
    err = failure(failed)
    assert "Image.load: Image asset 'x' not found." in err.message and err.hint is None
    # A done operation without a final state is decided by error / response.
    assert Operation({"name": "n", "done": True, "metadata": {}, "response": {}}).state == "SUCCEEDED"
    assert too_large("nothing") is None
