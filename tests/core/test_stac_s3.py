"""STAC assets in S3 (``s3://`` hrefs) read through GDAL's /vsis3/, against moto's S3 server on loopback.

The COGs are made by GDAL here (tests/core/stac_assets.py) and uploaded to buckets of the server
(tests/servers/s3.py), which logs each request's method, path, Range, Authorization and
x-amz-request-payer: the tests see what GDAL sent.
"""
import logging
import os

import numpy as np
import pytest
from osgeo import gdal

from plugin.core.errors import AuthError, CancelledError
from plugin.core.providers.stac import s3, window
from plugin.core.runner import CancelToken
from tests.core import stac_assets as sa

pytest.importorskip("moto", reason="moto[s3] and flask are needed (requirements-dev.txt)")
from tests.servers.s3 import S3Server  # noqa: E402

COG_TYPE = "image/tiff; application=geotiff; profile=cloud-optimized"
KEY_ID, SECRET = "AKIAUSERTEST00000042", "s3cr3t-Kx9+q/ZmW2vLr8TtYb4Nn"     # pragma: allowlist secret
AOI = sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 1000)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("s3_assets"))
    cogs = sa.make_item_assets(folder, "a", 2048, keys=("red", "green"))
    striped = sa.make_item_assets(folder, "striped", 1024, keys=("red",), cog=False)
    return cogs, striped


@pytest.fixture(scope="module")
def server(files):
    cogs, striped = files
    with S3Server() as srv:
        srv.bucket("open-data", public=True)
        srv.bucket("private")
        srv.bucket("payers", requester_pays=True)
        for key, path in cogs.items():
            srv.put("open-data", "tiles/a_{}.tif".format(key), path, public=True)
            srv.put("private", "tiles/a_{}.tif".format(key), path)
            srv.put("payers", "tiles/a_{}.tif".format(key), path)
        srv.put("open-data", "tiles/striped_red.tif", striped["red"], public=True)
        srv.put("private", "tiles/striped_red.tif", striped["red"])
        yield srv


@pytest.fixture()
def log(server):
    server.clear()
    return server


def _reader(server, folder, keys=False, cancel=None, endpoint=None):
    access = s3.S3Access(endpoint or server.endpoint, *((KEY_ID, SECRET) if keys else ("", "")))
    return window.ItemReader(AOI, str(folder), None, "https://catalogue.invalid/stac", cancel=cancel, s3=access)


def _asset(href, key="red", media=COG_TYPE, storage=None):
    return window.AssetRead(key, href, media, storage=storage or s3.Storage())


def _gets(server, path):
    return [r for r in server.requests() if r["method"] == "GET" and r["path"] == path]


def _range_bytes(requests):
    total = 0
    for r in requests:
        first, last = r["range"].split("=")[1].split("-")
        total += int(last) - int(first) + 1
    return total


def test_a_windowed_read_gives_the_aois_pixels_by_range_requests_only(log, files, tmp_path):
    cogs, _ = files
    cx, cy = sa.X0 + 8003.0, sa.Y0 - 9007.0          # a diamond: edges off the pixel centres
    aoi = sa.utm_polygon([(cx, cy + 700), (cx + 650, cy), (cx, cy - 720), (cx - 610, cy)])
    reader = window.ItemReader(aoi, str(tmp_path), None, "https://catalogue.invalid/stac",
                               s3=s3.S3Access(log.endpoint))
    catalogue_headers = {"Authorization": "Bearer catalogue-token-77"}      # the catalogue's, never S3's
    out = reader.read([window.AssetRead("red", "s3://open-data/tiles/a_red.tif", COG_TYPE, catalogue_headers)],
                      "item")
    src = gdal.Open(cogs["red"])
    gt = src.GetGeoTransform()
    col, row, width, height, inside = sa.centre_window(aoi, gt, src.RasterXSize, src.RasterYSize)
    ds = gdal.Open(out[0].path)
    assert (ds.RasterXSize, ds.RasterYSize) == (width, height) and not out[0].full_download
    assert ds.GetGeoTransform() == pytest.approx((gt[0] + col * gt[1], gt[1], 0.0, gt[3] + row * gt[5], 0.0, gt[5]))
    got, expected = ds.ReadAsArray(), src.GetRasterBand(1).ReadAsArray(col, row, width, height)
    assert np.array_equal(got[inside], expected[inside]) and (got[~inside] == 0).all()
    gets = _gets(log, "/open-data/tiles/a_red.tif")
    assert gets and all(r["range"] for r in gets)                      # never the whole object
    assert _range_bytes(gets) < 0.2 * os.path.getsize(cogs["red"])
    assert not any(r["authorization"] for r in log.requests())        # anonymous: nothing signed
    assert not any(r["payer"] for r in log.requests())


def test_a_private_bucket_without_credentials_is_said_in_words(log, tmp_path):
    with pytest.raises(window.WindowError) as err:
        _reader(log, tmp_path).read([_asset("s3://private/tiles/a_red.tif")], "item")
    text = err.value.user_text()
    assert "red" in text and "s3://private/tiles/a_red.tif" in text and "private S3 bucket" in text
    assert "HTTP response code" not in text and "403" not in text
    assert [r["status"] for r in _gets(log, "/private/tiles/a_red.tif")][:1] == [403]


def test_a_private_bucket_is_read_with_the_keys_and_the_secret_goes_nowhere(log, files, tmp_path, caplog, capfd):
    caplog.set_level(logging.DEBUG)
    gdal.SetConfigOption("CPL_CURL_VERBOSE", "YES")      # curl prints every header it sends to stderr
    try:
        out = _reader(log, tmp_path, keys=True).read([_asset("s3://private/tiles/a_red.tif"),
                                                      _asset("s3://private/tiles/a_green.tif", "green")], "item")
        with pytest.raises(window.WindowError) as err:
            _reader(log, tmp_path / "b", keys=True).read([_asset("s3://private/tiles/none.tif")], "item")
    finally:
        gdal.SetConfigOption("CPL_CURL_VERBOSE", None)
    assert [f.name for f in out] == ["red", "green"] and gdal.Open(out[0].path).RasterXSize == 100
    signed = [r["authorization"] for r in _gets(log, "/private/tiles/a_red.tif")]
    assert signed and all(a.startswith("AWS4-HMAC-SHA256 Credential={}/".format(KEY_ID)) for a in signed)
    stderr = capfd.readouterr().err
    assert KEY_ID in stderr                                   # the verbose trace was captured ...
    assert SECRET not in stderr                               # ... and the secret is not in it
    assert SECRET not in caplog.text and SECRET not in err.value.user_text()
    assert "none.tif" in err.value.user_text()
    assert all(SECRET not in str(v) for r in log.requests() for v in r.values())
    assert SECRET not in repr(s3.S3Access(log.endpoint, KEY_ID, SECRET))


def test_the_requester_pays_header_is_sent_only_when_the_item_says_so(log, tmp_path):
    item = {"properties": {"storage:requester_pays": True, "storage:region": "us-east-1"}}
    pays = s3.storage_of(item, {"href": "s3://payers/tiles/a_red.tif"})
    assert pays == s3.Storage(True, "us-east-1")
    _reader(log, tmp_path / "a", keys=True).read([_asset("s3://payers/tiles/a_red.tif", storage=pays)], "i")
    _reader(log, tmp_path / "b", keys=True).read([_asset("s3://payers/tiles/a_green.tif", "green")], "i")
    assert {r["payer"] for r in _gets(log, "/payers/tiles/a_red.tif")} == {"requester"}
    assert {r["payer"] for r in _gets(log, "/payers/tiles/a_green.tif")} == {None}
    assert s3.storage_of({"properties": {}}, {"href": "s3://b/k"}) == s3.Storage()
    opts = window.s3_options("s3://payers/k.tif", storage=pays)
    assert opts["AWS_REQUEST_PAYER"] == "requester" and opts["AWS_REGION"] == "us-east-1"
    assert "AWS_REQUEST_PAYER" not in window.s3_options("s3://payers/k.tif")


def test_a_requester_pays_bucket_without_keys_is_said_in_words(log, tmp_path):
    with pytest.raises(window.WindowError) as err:
        _reader(log, tmp_path).read([_asset("s3://private/tiles/a_red.tif", storage=s3.Storage(True))], "i")
    assert "requester-pays" in err.value.user_text() and "red" in err.value.user_text()


def test_the_region_of_the_item_signs_the_requests(log, tmp_path):
    region = s3.Storage(False, "eu-west-3")
    _reader(log, tmp_path, keys=True).read([_asset("s3://private/tiles/a_red.tif", storage=region)], "i")
    signed = [r["authorization"] for r in _gets(log, "/private/tiles/a_red.tif")]
    assert signed and all("/eu-west-3/s3/aws4_request" in a for a in signed)


def test_storage_fields_of_the_asset_the_schemes_and_the_item():
    item = {"properties": {"storage:requester_pays": False, "storage:region": "us-west-2",
                           "storage:schemes": {"aws": {"type": "aws-s3", "region": "eu-central-1",
                                                       "requester_pays": True}}}}
    assert s3.storage_of(item, {}) == s3.Storage(False, "us-west-2")                       # v1, item
    assert s3.storage_of(item, {"storage:refs": ["aws"]}) == s3.Storage(True, "eu-central-1")   # v2 scheme
    assert s3.storage_of(item, {"storage:refs": ["aws"], "storage:requester_pays": "false",
                                "storage:region": "ap-south-1"}) == s3.Storage(False, "ap-south-1")  # v1, asset
    assert s3.storage_of({}, {"storage:refs": ["missing"]}) == s3.Storage()


def test_s3_options_endpoint_timeouts_and_keys():
    from plugin.core.transfer.http import RetryPolicy, Timeouts, make_session
    session = make_session(proxies={"https": "http://proxy.example:3128"})
    opts = window.s3_options("s3://b/k.tif", session, Timeouts(connect=7, read=33), RetryPolicy(max_attempts=4),
                             s3.S3Access("https://store.example:9000/s3/"))
    assert (opts["AWS_S3_ENDPOINT"], opts["AWS_HTTPS"], opts["AWS_VIRTUAL_HOSTING"]) == \
        ("store.example:9000/s3", "YES", "FALSE")
    assert (opts["GDAL_HTTP_TIMEOUT"], opts["GDAL_HTTP_CONNECTTIMEOUT"], opts["GDAL_HTTP_MAX_RETRY"]) == \
        ("33", "7", "3")
    assert opts["GDAL_HTTP_PROXY"] == "http://proxy.example:3128" and opts["AWS_NO_SIGN_REQUEST"] == "YES"
    assert "AWS_SECRET_ACCESS_KEY" not in opts and "AWS_S3_ENDPOINT" not in window.s3_options("s3://b/k.tif")
    signed = window.s3_options("s3://b/k.tif", access=s3.S3Access("http://127.0.0.1:9", KEY_ID, SECRET))
    assert (signed["AWS_NO_SIGN_REQUEST"], signed["AWS_ACCESS_KEY_ID"], signed["AWS_HTTPS"]) == ("NO", KEY_ID, "NO")
    assert signed["AWS_SECRET_ACCESS_KEY"] == SECRET and signed["AWS_SESSION_TOKEN"] == ""


def test_an_https_endpoint_is_trusted_through_the_cas_of_the_session(log, tmp_path):
    """The CA bundle of the job's session reaches /vsis3/ as it reaches /vsicurl/: an S3 store behind TLS
    signed by a CA only that bundle holds is read; without it GDAL refuses."""
    from plugin.core.transfer import http, tls
    from tests.servers.relay import Relay
    from tests.sims.tls import throwaway_ca
    pki = throwaway_ca(str(tmp_path / "pki"))
    with open(pki["ca"], "rb") as handle:
        bundle = tls.ca_bundle([handle.read()], str(tmp_path / "profile"))
    with Relay(log.port, tls=(pki["cert"], pki["key"])) as front:
        endpoint = front.url("").rstrip("/")
        plain = window.ItemReader(AOI, str(tmp_path / "a"), http.make_session(), "https://c.invalid/",
                                  s3=s3.S3Access(endpoint))
        with pytest.raises(window.WindowError) as err:
            plain.read([_asset("s3://open-data/tiles/a_red.tif")], "i")
        trusting = window.ItemReader(AOI, str(tmp_path / "b"), http.make_session(verify=bundle), "https://c.invalid/",
                                     s3=s3.S3Access(endpoint))
        out = trusting.read([_asset("s3://open-data/tiles/a_red.tif")], "i")
    assert endpoint.startswith("https://") and gdal.Open(out[0].path).RasterXSize == 100
    assert "certificate" in err.value.user_text().lower()


def test_the_s3_options_are_not_left_set(log, tmp_path):
    before = {k: gdal.GetConfigOption(k) for k in window.S3_OPTION_KEYS}
    _reader(log, tmp_path, keys=True).read([_asset("s3://private/tiles/a_red.tif")], "i")
    assert {k: gdal.GetConfigOption(k) for k in window.S3_OPTION_KEYS} == before
    for key in window.S3_OPTION_KEYS:
        assert gdal.GetThreadLocalConfigOption(key, None) is None, key


def test_a_non_tiled_s3_asset_is_copied_whole_then_cut_and_not_copied_again(log, files, tmp_path):
    _, striped = files
    files_out = _reader(log, tmp_path).read([_asset("s3://open-data/tiles/striped_red.tif", media="image/tiff")], "i")
    assert files_out[0].full_download
    gets = _gets(log, "/open-data/tiles/striped_red.tif")
    assert _range_bytes(gets) >= os.path.getsize(striped["red"])                  # all of it, by ranges
    src = gdal.Open(striped["red"])
    col, row, width, height, inside = sa.centre_window(AOI, src.GetGeoTransform(), src.RasterXSize, src.RasterYSize)
    got = gdal.Open(files_out[0].path).ReadAsArray()
    assert got.shape == (height, width)
    assert np.array_equal(got[inside], src.GetRasterBand(1).ReadAsArray(col, row, width, height)[inside])
    copies = os.listdir(str(tmp_path / "assets"))
    assert [n for n in copies if n.endswith("striped_red.tif")] and not [n for n in copies if n.endswith(".part")]
    log.clear()
    _reader(log, tmp_path).read([_asset("s3://open-data/tiles/striped_red.tif", media="image/tiff")], "j")
    assert _range_bytes(_gets(log, "/open-data/tiles/striped_red.tif")) <= 16384     # its header only: no copy


def test_a_netcdf_like_asset_of_a_private_bucket_is_copied_with_the_keys(log, tmp_path):
    files_out = _reader(log, tmp_path, keys=True).read(
        [_asset("s3://private/tiles/a_red.tif", media="application/x-netcdf")], "i")
    assert files_out[0].full_download and gdal.Open(files_out[0].path).RasterXSize == 100
    with pytest.raises(window.WindowError) as err:
        _reader(log, tmp_path / "anon").read([_asset("s3://private/tiles/a_green.tif", "green",
                                                     media="application/x-netcdf")], "i")
    assert "private S3 bucket" in err.value.user_text() and "green" in err.value.user_text()


def test_a_cancelled_copy_leaves_no_part(log, files, tmp_path):
    calls = []
    cancel = CancelToken(lambda: len(calls) > 2)
    dest = str(tmp_path / "copy.tif")
    path = window.vsi_path("s3://open-data/tiles/a_red.tif")
    with window.gdal_options(window.s3_options("s3://open-data/tiles/a_red.tif", access=s3.S3Access(log.endpoint))):
        handle = gdal.VSIFOpenExL(path, "rb", True)
        size = gdal.VSIStatL(path).size
        with pytest.raises(CancelledError):
            s3.copy_object(handle, dest, size, cancel, tick=calls.append, chunk=65536)
        gdal.VSIFCloseL(handle)
        gdal.VSICurlPartialClearCache(path)
    assert 0 < len(calls) < size / 65536 and os.listdir(str(tmp_path)) == []


def test_a_server_checking_signatures_takes_the_right_secret_and_refuses_a_wrong_one(files, tmp_path):
    """GDAL signs with the secret (the server recomputes the signature from it), and a wrong secret stops
    the job with words, not GDAL's answer."""
    cogs, _ = files
    with S3Server(reset=False) as strict:          # the module's server and its buckets are in use
        strict.bucket("strict")
        strict.put("strict", "a_red.tif", cogs["red"])
        key_id, secret = strict.require_signatures()
        good = window.ItemReader(AOI, str(tmp_path / "good"), None, "https://catalogue.invalid/",
                                 s3=s3.S3Access(strict.endpoint, key_id, secret))
        assert gdal.Open(good.read([_asset("s3://strict/a_red.tif")], "i")[0].path).RasterXSize == 100
        wrong = window.ItemReader(AOI, str(tmp_path / "wrong"), None, "https://catalogue.invalid/",
                                  s3=s3.S3Access(strict.endpoint, key_id, SECRET))
        with pytest.raises(AuthError) as err:
            wrong.read([_asset("s3://strict/a_red.tif")], "i")
        statuses = [r["status"] for r in strict.requests() if r["path"] == "/strict/a_red.tif"]
    assert "credentials were refused" in err.value.user_text() and "red" in err.value.user_text()
    assert SECRET not in err.value.user_text() and secret not in err.value.user_text()
    assert 206 in statuses and 403 in statuses


def test_s3_keys_of_an_auth_configuration_are_redacted():
    from plugin.core.providers.stac import auth
    from plugin.core.transfer.http import redact
    assert auth.s3_keys(KEY_ID, SECRET) == {"access_key_id": KEY_ID, "secret_access_key": SECRET}
    assert SECRET not in redact("key {}".format(SECRET))
    with pytest.raises(AuthError):
        auth.s3_keys(KEY_ID, "")


# ---------------------------------------------------------------------------------------
# The job (provider "stac"): an item with s3:// assets -> the day's COG
# ---------------------------------------------------------------------------------------
def _item(bucket, when, properties=None):
    return {"type": "Feature", "stac_version": "1.0.0", "id": "a-" + when[:10], "geometry": None,
            "properties": dict({"datetime": when}, **(properties or {})),
            "assets": {k: {"href": "s3://{}/tiles/a_{}.tif".format(bucket, k), "type": COG_TYPE}
                       for k in ("red", "green")}}


def _run(tmp_path, items, settings=None, credentials=None):
    from plugin.core.output import new_job
    from plugin.core.providers.stac.runner import build_params
    from plugin.core.runner import RunContext, run_job
    params = build_params("https://catalogue.invalid/stac", "landsat-c2-l2", items, ["red", "green"], AOI)
    job = new_job("stac", params, "stac s3 test", str(tmp_path))
    ctx = RunContext(job, settings=settings, credentials=credentials)
    return run_job(job, ctx), ctx


def test_the_stac_job_reads_s3_assets_of_a_requester_pays_bucket_into_a_cog(log, files, tmp_path):
    cogs, _ = files
    item = _item("payers", "2024-05-01T10:30:00Z", {"storage:requester_pays": True})
    outputs, _ctx = _run(tmp_path, [item], settings={"stac_s3_endpoint": log.endpoint},
                         credentials={"s3": {"access_key_id": KEY_ID, "secret_access_key": SECRET}})
    assert [os.path.basename(o) for o in outputs] == ["landsat-c2-l2_2024-05-01.tif"]
    out = gdal.Open(outputs[0])
    assert (out.GetMetadata("IMAGE_STRUCTURE") or {}).get("LAYOUT") == "COG" and out.RasterCount == 2
    assert [out.GetRasterBand(i + 1).GetDescription() for i in range(2)] == ["red", "green"]
    assert np.array_equal(out.GetRasterBand(2).ReadAsArray(),
                          gdal.Open(cogs["green"]).GetRasterBand(1).ReadAsArray(500, 500, 100, 100))
    reads = [r for r in log.requests() if r["path"].startswith("/payers/") and r["method"] == "GET"]
    assert reads and all(r["range"] and r["payer"] == "requester" and KEY_ID in r["authorization"] for r in reads)


def test_the_stac_job_takes_the_endpoint_from_the_environment_and_says_a_private_bucket(log, tmp_path,
                                                                                        monkeypatch):
    from plugin.core.errors import ProviderError
    monkeypatch.setenv("EO_DOWNLOADER_STAC_S3_ENDPOINT", log.endpoint)
    outputs, _ctx = _run(tmp_path / "a", [_item("open-data", "2024-05-01T10:30:00Z")],
                         settings={"stac_s3_endpoint": "http://127.0.0.1:9"})       # the environment wins
    assert len(outputs) == 1 and _gets(log, "/open-data/tiles/a_red.tif")
    with pytest.raises(ProviderError) as err:
        _run(tmp_path / "b", [_item("private", "2024-05-01T10:30:00Z")])
    text = err.value.user_text()              # the asset that failed first (they are read in parallel)
    assert "private S3 bucket" in text and ("s3://private/tiles/a_red.tif" in text or
                                            "s3://private/tiles/a_green.tif" in text)
