"""Windowed reads of STAC assets (core/providers/stac/window.py) against real COGs served by nginx.

The COGs are made by GDAL here (2048 px, tiled 256, UTM 31N, one asset per band); nginx logs
every request's Range and the bytes it sent, so the tests see what travelled.
"""
import http.server
import os
import threading
import time

import numpy as np
import pytest
from osgeo import gdal

from plugin.core.errors import CancelledError
from plugin.core.providers.stac import window
from plugin.core.runner import CancelToken
from tests.core import stac_assets as sa
from tests.servers.nginx import Nginx
from tests.servers.relay import Relay

pytestmark = pytest.mark.skipif(not (os.path.exists("/usr/sbin/nginx") or os.path.exists("/usr/bin/nginx")),
                                reason="nginx is needed (make deps)")

KEYS = ("red", "green", "blue")
COG_TYPE = "image/tiff; application=geotiff; profile=cloud-optimized"


@pytest.fixture(scope="module")
def assets(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("stac_assets"))
    small = sa.make_item_assets(folder, "a", 2048)
    big = sa.make_item_assets(folder, "big", 4096, keys=("red",))
    striped = sa.make_item_assets(folder, "striped", 2048, keys=("red",), cog=False)
    return folder, small, big, striped


@pytest.fixture()
def server(assets, tmp_path):
    with Nginx(assets[0], str(tmp_path), log_requests=True) as srv:
        yield srv


def _assets(srv, name, keys=KEYS, media=COG_TYPE, headers=None, base=None):
    base = base or srv.url("")
    return [window.AssetRead(k, "{}{}_{}.tif".format(base, name, k), media, dict(headers or {})) for k in keys]


def _read(srv, aoi, folder, name="a", keys=KEYS, media=COG_TYPE):
    reader = window.ItemReader(aoi, str(folder), None, srv.url(""))
    return reader.read(_assets(srv, name, keys, media), "item")


def _bytes(srv, name):
    return sum(r["bytes"] for r in srv.requests() if r["path"].startswith("/" + name + "_"))


def test_bytes_grow_with_the_aoi_not_with_the_asset(server, assets, tmp_path):
    folder, small, big, _ = assets
    total = sum(os.path.getsize(p) for p in small.values())
    _read(server, sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 1000), tmp_path / "s")
    small_aoi = _bytes(server, "a")
    assert small_aoi < 0.10 * total, (small_aoi, total)            # 1 % of the area: a few tiles and the header
    _read(server, sa.utm_square(sa.X0 + 2003, sa.Y0 - 2003, 10000), tmp_path / "l")
    large_aoi = _bytes(server, "a") - small_aoi
    assert large_aoi > 5 * small_aoi                                  # 25 % of the area: more tiles
    before = _bytes(server, "big")
    _read(server, sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 1000), tmp_path / "b", name="big", keys=("red",))
    big_asset = _bytes(server, "big") - before
    assert os.path.getsize(big["red"]) > 3.5 * os.path.getsize(small["red"])
    assert big_asset < 1.5 * small_aoi / 3                            # a 4x larger asset: about the same bytes
    assert all(r["range"] for r in server.requests() if r["method"] == "GET")


def test_the_window_is_exactly_the_aoi_on_the_source_grid(server, assets, tmp_path):
    _folder, small, _big, _ = assets
    # a diamond: its window has corners outside the polygon, and edges off the pixel centres
    cx, cy = sa.X0 + 8003.0, sa.Y0 - 9007.0
    aoi = sa.utm_polygon([(cx, cy + 700), (cx + 650, cy), (cx, cy - 720), (cx - 610, cy)])
    files = _read(server, aoi, tmp_path)
    assert [f.name for f in files] == list(KEYS)
    src = gdal.Open(small["red"])
    gt = src.GetGeoTransform()
    col, row, width, height, inside = sa.centre_window(aoi, gt, src.RasterXSize, src.RasterYSize)
    for f, key in zip(files, KEYS):
        out = gdal.Open(f.path)
        assert (out.RasterXSize, out.RasterYSize) == (width, height)   # no extra row or column
        ogt = out.GetGeoTransform()
        assert ogt == pytest.approx((gt[0] + col * gt[1], gt[1], 0.0, gt[3] + row * gt[5], 0.0, gt[5]), abs=1e-6)
        assert out.GetSpatialRef().IsSame(src.GetSpatialRef())
        band = out.GetRasterBand(1)
        assert band.GetDescription() == key and band.GetNoDataValue() == 0
        got = band.ReadAsArray()
        source = gdal.Open(small[key])
        expected = source.GetRasterBand(1).ReadAsArray(col, row, width, height)
        assert np.array_equal(got[inside], expected[inside])             # source pixels, not resampled
        assert (got[~inside] == 0).all() and (~inside).sum() > 0.3 * inside.size


def test_the_band_set_stacks_the_assets_in_the_order_asked(server, tmp_path):
    files = _read(server, sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 500), tmp_path, keys=("blue", "red"))
    (vrt, names), = window.band_sets(files, str(tmp_path / "set"))
    ds = gdal.Open(vrt)
    assert names == ["blue", "red"] and ds.RasterCount == 2
    assert [ds.GetRasterBand(i + 1).GetDescription() for i in range(2)] == ["blue", "red"]


def test_a_non_cog_tiff_is_downloaded_in_full_then_cut(server, assets, tmp_path):
    _folder, _small, _big, striped = assets
    aoi = sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 1000)
    files = _read(server, aoi, tmp_path, name="striped", keys=("red",), media="image/tiff")
    assert files[0].full_download
    full = [r for r in server.requests() if r["path"] == "/striped_red.tif" and r["method"] == "GET"
            and r["range"] is None]
    assert full and full[-1]["bytes"] == os.path.getsize(striped["red"])
    src = gdal.Open(striped["red"])
    col, row, width, height, inside = sa.centre_window(aoi, src.GetGeoTransform(), src.RasterXSize,
                                                       src.RasterYSize)
    got = gdal.Open(files[0].path).ReadAsArray()
    assert got.shape == (height, width)
    assert np.array_equal(got[inside], src.GetRasterBand(1).ReadAsArray(col, row, width, height)[inside])


def test_a_zip_asset_goes_through_the_transfer_engine(server, assets, tmp_path):
    import zipfile
    folder = assets[0]
    path = os.path.join(folder, "zipped_red.zip")
    if not os.path.exists(path):
        with zipfile.ZipFile(path, "w") as zf:
            zf.write(assets[1]["red"], "T31_B04.tif")
    reader = window.ItemReader(sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 300), str(tmp_path), None, server.url(""))
    files = reader.read([window.AssetRead("red", server.url("zipped_red.zip"), "application/zip")], "item")
    assert files[0].full_download and gdal.Open(files[0].path).RasterXSize == 30


def test_cancel_during_a_read_lands_within_a_second(server, tmp_path):
    cancel = CancelToken()
    # Every request waits 0.4 s: the read (stat, header, then the blocks in parallel) takes at least
    # 1.2 s, and the cancel comes while GDAL waits on one of them.
    with Relay(server.port, latency=0.4) as slow:
        reader = window.ItemReader(sa.utm_square(sa.X0, sa.Y0, 20480), str(tmp_path), None, slow.url(""),
                                   cancel=cancel)
        timer = threading.Timer(0.6, cancel.cancel)
        timer.start()
        start = time.monotonic()
        with pytest.raises(CancelledError):
            reader.read(_assets(server, "a", base=slow.url("")), "item")
        landed = time.monotonic() - start - 0.6
        timer.cancel()
    assert landed < 1.0, landed
    assert not [n for n in os.listdir(str(tmp_path)) if n.endswith(".tif")]    # no half-written window


class _Redirector(http.server.ThreadingHTTPServer):
    """The catalogue's origin: answers every request with a redirect to ``target`` + path, noting headers."""

    def __init__(self, target: str):
        self.target = target
        self.seen = []
        super().__init__(("127.0.0.1", 0), _RedirectHandler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def url(self, name=""):
        return "http://127.0.0.1:{}/{}".format(self.server_address[1], name)


class _RedirectHandler(http.server.BaseHTTPRequestHandler):
    def _redirect(self):
        self.server.seen.append(dict(self.headers))
        self.send_response(302)
        self.send_header("Location", self.server.target + self.path.lstrip("/"))
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD = _redirect

    def log_message(self, *args):
        pass


SECRET_HEADERS = {"X-Api-Key": "key-4f1d9b2c77", "Authorization": "Bearer tok-83be11a0c5"}


def test_headers_go_to_the_catalogue_origin(server, tmp_path):
    with Relay(server.port) as catalogue:
        reader = window.ItemReader(sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 300), str(tmp_path), None,
                                   catalogue.url("stac/"))
        files = reader.read(_assets(server, "a", ("red",), headers=SECRET_HEADERS, base=catalogue.url("")), "i")
        sent = catalogue.sent()
    assert files and b"key-4f1d9b2c77" in sent and b"tok-83be11a0c5" in sent


def test_headers_do_not_follow_a_redirect_to_another_port(server, tmp_path):
    with Relay(server.port) as elsewhere:
        origin = _Redirector(elsewhere.url(""))
        try:
            reader = window.ItemReader(sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 300), str(tmp_path), None,
                                       origin.url("api/"))
            files = reader.read(_assets(server, "a", ("red",), headers=SECRET_HEADERS, base=origin.url("")), "i")
        finally:
            origin.shutdown()
            origin.server_close()
        sent = elsewhere.sent()
    assert files and gdal.Open(files[0].path).RasterXSize == 30
    assert origin.seen and origin.seen[0].get("X-Api-Key") == "key-4f1d9b2c77"
    assert b"GET /a_red.tif" in sent
    assert b"key-4f1d9b2c77" not in sent and b"tok-83be11a0c5" not in sent


def test_no_headers_for_an_asset_on_another_origin(server, tmp_path):
    with Relay(server.port) as other:
        reader = window.ItemReader(sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 300), str(tmp_path), None,
                                   "http://catalogue.invalid/stac")
        reader.read(_assets(server, "a", ("red",), headers=SECRET_HEADERS, base=other.url("")), "i")
        sent = other.sent()
    assert b"GET /a_red.tif" in sent and b"key-4f1d9b2c77" not in sent


def _global_options():
    """What GDAL answers for the options outside our reads (the environment may set some, e.g. CURL_CA_BUNDLE)."""
    return {k: gdal.GetConfigOption(k) for k in window.HTTP_OPTION_KEYS}


def test_gdal_options_are_not_left_set_nor_seen_by_other_threads(server, tmp_path):
    before = _global_options()
    assert before["GDAL_HTTP_HEADERS"] is None and before["GDAL_DISABLE_READDIR_ON_OPEN"] is None
    seen = []
    stop = threading.Event()

    def watch():                      # another thread (the user's layers) during the read
        while not stop.is_set():
            seen.append(gdal.GetConfigOption("GDAL_HTTP_HEADERS"))
            seen.append(gdal.GetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN"))
            time.sleep(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    with Relay(server.port, latency=0.05) as catalogue:
        reader = window.ItemReader(sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 1000), str(tmp_path), None,
                                   catalogue.url(""))
        reader.read(_assets(server, "a", headers=SECRET_HEADERS, base=catalogue.url("")), "i")
        sent = catalogue.sent()
    stop.set()
    watcher.join()
    assert b"key-4f1d9b2c77" in sent                 # the headers were in effect for the read
    assert seen and not any(seen)
    assert _global_options() == before
    for key in window.HTTP_OPTION_KEYS:
        assert gdal.GetThreadLocalConfigOption(key, None) is None, key


def test_options_are_restored_after_a_failed_read(tmp_path):
    before = _global_options()
    reader = window.ItemReader(sa.utm_square(sa.X0, sa.Y0, 300), str(tmp_path), None, "http://127.0.0.1:9/")
    from plugin.core.errors import EoError
    with pytest.raises(EoError):
        reader.read([window.AssetRead("red", "http://127.0.0.1:9/x.tif", COG_TYPE)], "i")
    assert _global_options() == before


def test_http_options_carry_the_session_settings():
    from plugin.core.transfer.http import RetryPolicy, Timeouts, make_session
    session = make_session(proxies={"https": "http://proxy.example:3128", "no_proxy": "local.example"})
    session.verify = "/tmp/ca-bundle.pem"
    opts = window.http_options("https://data.example/x.tif?sig=1", session, {"X-Key": "v"},
                               Timeouts(connect=7, read=33), RetryPolicy(max_attempts=4, base_delay=0.5))
    assert opts["GDAL_HTTP_PROXY"] == "http://proxy.example:3128" and opts["SSL_CERT_FILE"] == "/tmp/ca-bundle.pem"
    assert (opts["GDAL_HTTP_TIMEOUT"], opts["GDAL_HTTP_CONNECTTIMEOUT"]) == ("33", "7")
    assert (opts["GDAL_HTTP_MAX_RETRY"], opts["GDAL_HTTP_RETRY_DELAY"]) == ("3", "0.5")
    assert opts["GDAL_HTTP_HEADERS"] == "X-Key: v" and opts["CPL_VSIL_CURL_ALLOWED_EXTENSIONS"] == ".tif"
    assert "EO-Downloader" in opts["GDAL_HTTP_USERAGENT"]
    assert "GDAL_HTTP_PROXY" not in window.http_options("https://local.example/x.tif", session)


def test_media_types_read_in_full():
    assert not window.read_in_full(COG_TYPE) and not window.read_in_full("image/tiff") and not window.read_in_full("")
    assert window.read_in_full("application/zip") and window.read_in_full("application/x-netcdf")
    assert window.read_in_full("image/jp2")


# ---------------------------------------------------------------------------------------
# Several items: a mosaic per date, a time stack, the job (provider "stac")
# ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def neighbour(assets):
    """Item b: the tile east of item a (same grid, whole pixels apart), its field continuing a's."""
    return sa.make_item_assets(assets[0], "b", 2048, x0=sa.X0 + 20480, col0=2048)


def _item(srv, name, when, keys=KEYS, item_id=None):
    return {"type": "Feature", "stac_version": "1.0.0", "id": item_id or "{}-{}".format(name, when[:10]),
            "geometry": None, "properties": {"datetime": when},
            "assets": {k: {"href": srv.url("{}_{}.tif".format(name, k)), "type": COG_TYPE} for k in keys}}


def _job(tmp_path, srv, items, aoi, stack_vrt=False, keys=KEYS):
    from plugin.core.output import new_job
    from plugin.core.providers.stac.runner import build_params
    params = build_params(srv.url(""), "sentinel-2-l2a", items, list(keys), aoi, "", stack_vrt)
    return new_job("stac", params, "stac test", str(tmp_path))


def _run(job):
    from plugin.core.runner import RunContext, run_job
    return run_job(job, RunContext(job))


def test_two_adjacent_items_of_one_date_make_one_mosaic(server, assets, neighbour, tmp_path):
    aoi = sa.utm_square(sa.X0 + 19003, sa.Y0 - 5003, 3000)       # across the border of a and b
    items = [_item(server, "a", "2024-05-01T10:30:00Z"), _item(server, "b", "2024-05-01T10:30:05Z")]
    job = _job(tmp_path, server, items, aoi)
    outputs = _run(job)
    assert [os.path.basename(o) for o in outputs] == ["sentinel-2-l2a_2024-05-01.tif"]
    out = gdal.Open(outputs[0])
    assert (out.RasterXSize, out.RasterYSize) == (300, 300) and out.RasterCount == 3
    assert (out.GetMetadata("IMAGE_STRUCTURE") or {}).get("LAYOUT") == "COG"
    assert [out.GetRasterBand(i + 1).GetDescription() for i in range(3)] == list(KEYS)
    left, right = gdal.Open(assets[1]["red"]), gdal.Open(neighbour["red"])
    got = out.GetRasterBand(1).ReadAsArray()
    assert np.array_equal(got[:, :148], left.GetRasterBand(1).ReadAsArray(1900, 500, 148, 300))
    assert np.array_equal(got[:, 148:], right.GetRasterBand(1).ReadAsArray(0, 500, 152, 300))
    assert not os.path.exists(os.path.join(job.output_dir, ".ee-" + job.id))      # scratch removed


def test_a_date_range_gives_one_file_per_date_and_a_time_stack(server, tmp_path):
    aoi = sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 1000)
    days = ["2024-05-11T10:30:00Z", "2024-05-01T10:30:00Z", "2024-05-06T10:30:00Z"]     # newest first: not sorted
    job = _job(tmp_path, server, [_item(server, "a", d) for d in days], aoi, stack_vrt=True)
    outputs = _run(job)
    assert [os.path.basename(o) for o in outputs] == ["sentinel-2-l2a_2024-05-01.tif", "sentinel-2-l2a_2024-05-06.tif",
                                                      "sentinel-2-l2a_2024-05-11.tif", "sentinel-2-l2a_stack.vrt"]
    from plugin.core.providers.stac.runner import output_days
    assert output_days(job) == {outputs[0]: "2024-05-01", outputs[1]: "2024-05-06", outputs[2]: "2024-05-11"}
    vrt = gdal.Open(outputs[3])
    assert vrt.RasterCount == 9 and (vrt.RasterXSize, vrt.RasterYSize) == (100, 100)
    assert vrt.GetRasterBand(1).GetDescription() == "2024-05-01 red"
    assert vrt.GetRasterBand(9).GetDescription() == "2024-05-11 blue"
    first = gdal.Open(outputs[0])
    assert np.array_equal(vrt.GetRasterBand(4).ReadAsArray(), first.GetRasterBand(1).ReadAsArray())


def test_a_finished_date_is_not_fetched_again(server, tmp_path):
    aoi = sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 1000)
    job = _job(tmp_path, server, [_item(server, "a", d) for d in ("2024-05-01T10:00:00Z", "2024-05-06T10:00:00Z")],
               aoi)
    outputs = _run(job)
    requests_before = len(server.requests())
    assert _run(job) == outputs and len(server.requests()) == requests_before     # nothing read again
    os.remove(outputs[1])
    assert _run(job) == outputs
    again = server.requests()[requests_before:]
    assert again and all(r["path"].startswith("/a_") for r in again)
    assert len([r for r in again if r["method"] == "HEAD"]) == 3                   # one date, its 3 assets


def test_an_item_outside_the_aoi_and_a_missing_asset_are_said(server, tmp_path):
    from plugin.core.errors import ProviderError
    far = sa.utm_square(sa.X0 + 90000, sa.Y0 - 5003, 1000)
    job = _job(tmp_path, server, [_item(server, "a", "2024-05-01T10:00:00Z", keys=("red",))], far, keys=("red", "nir"))
    with pytest.raises(ProviderError) as err:
        _run(job)
    assert "nir" in err.value.user_text()


def test_gdal_trusts_the_cas_of_the_session_bundle(server, tmp_path):
    """The CA bundle of the job's session (requests' bundle + the CAs QGIS trusts, core/transfer/tls) reaches
    GDAL: an https asset signed by a CA only that bundle holds is read; without it GDAL refuses."""
    from plugin.core.transfer import http, tls
    from tests.sims.tls import throwaway_ca
    pki = throwaway_ca(str(tmp_path / "pki"))
    with open(pki["ca"], "rb") as handle:
        bundle = tls.ca_bundle([handle.read()], str(tmp_path / "profile"))
    aoi = sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 300)
    with Relay(server.port, tls=(pki["cert"], pki["key"])) as front:
        plain = window.ItemReader(aoi, str(tmp_path / "a"), http.make_session(), front.url(""))
        with pytest.raises(window.WindowError):
            plain.read(_assets(server, "a", ("red",), base=front.url("")), "i")
        trusting = window.ItemReader(aoi, str(tmp_path / "b"), http.make_session(verify=bundle), front.url(""))
        files = trusting.read(_assets(server, "a", ("red",), base=front.url("")), "i")
    assert front.url("").startswith("https://") and gdal.Open(files[0].path).RasterXSize == 30


def test_gdal_goes_through_the_session_proxy(server, tmp_path):
    """The proxy of the job's session (QGIS's) reaches GDAL: an asset on a host no resolver knows is read
    through the proxy (here a relay to nginx, which serves absolute-form requests)."""
    from plugin.core.transfer import http
    with Relay(server.port) as proxy:
        session = http.make_session(proxies={"http": "http://127.0.0.1:{}".format(proxy.port)})
        reader = window.ItemReader(sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 300), str(tmp_path), session,
                                   "http://stac.invalid/")
        files = reader.read(_assets(server, "a", ("red",), base="http://assets.invalid/"), "i")
        sent = proxy.sent()
    assert gdal.Open(files[0].path).RasterXSize == 30 and b"GET http://assets.invalid/a_red.tif" in sent


def test_an_item_that_cannot_be_read_does_not_stop_the_others_and_is_read_again(server, tmp_path):
    aoi = sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 1000)
    good = _item(server, "a", "2024-05-01T10:00:00Z")
    gone = _item(server, "gone", "2024-05-06T10:00:00Z")          # its files are not on the server: 404
    job = _job(tmp_path, server, [good, gone], aoi)
    from plugin.core.runner import RunContext, run_job
    ctx = RunContext(job)
    outputs = run_job(job, ctx)
    assert [os.path.basename(o) for o in outputs] == ["sentinel-2-l2a_2024-05-01.tif"]
    assert "gone-2024-05-06" in ctx.summary and "again" in ctx.summary
    assert job.server["dates"]["2024-05-06"]["done"] is False
    before = len(server.requests())
    assert _run(job) == outputs
    again = server.requests()[before:]
    assert again and all(r["path"].startswith("/gone_") for r in again)       # only the failed day again


def test_the_reads_log_in_the_jobs_scope(server, tmp_path):
    """Records of the asset threads (a striped TIFF read in full) belong to the run that started them."""
    import logging
    from plugin.core import logs
    seen = []

    class Catch(logging.Handler):
        def emit(self, record):
            seen.append((logs.current_scope(), record.getMessage()))

    handler = Catch(level=logging.INFO)
    top = logging.getLogger(logs.TOP)
    top.addHandler(handler)
    old = top.level
    top.setLevel(logging.INFO)
    try:
        with logs.scoped("job-42"):
            _read(server, sa.utm_square(sa.X0 + 5003, sa.Y0 - 5003, 300), tmp_path, name="striped", keys=("red",),
                  media="image/tiff")
    finally:
        top.removeHandler(handler)
        top.setLevel(old)
    assert [scope for scope, text in seen if "downloaded in full" in text] == ["job-42"]


def test_a_window_is_read_in_few_calls_of_whole_block_rows_within_the_chunk_bytes():
    """A small window is one read (GDAL then fetches its blocks together, one round trip); a wide one
    is read in chunks of whole block rows of at most READ_CHUNK_BYTES (one block row at the least)."""
    mem = gdal.GetDriverByName("MEM")
    small = mem.Create("", 10980, 10980, 1, gdal.GDT_UInt16)
    block = small.GetRasterBand(1).GetBlockSize()[1]
    rows = window._rows_per_read(small.GetRasterBand(1), 1098)
    assert rows >= 1098 and rows % block == 0
    wide = gdal.GetDriverByName("GTiff").Create("/vsimem/wide.tif", 200000, 1024, 1, gdal.GDT_Float64,
                                                ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "SPARSE_OK=YES"])
    try:
        rows = window._rows_per_read(wide.GetRasterBand(1), 200000)
        assert rows % 256 == 0 and rows * 200000 * 8 <= max(window.READ_CHUNK_BYTES, 256 * 200000 * 8)
        assert rows == 256                                  # one block row is already over the chunk
        rows = window._rows_per_read(wide.GetRasterBand(1), 2000)
        assert rows == 256 * (window.READ_CHUNK_BYTES // (2000 * 8 * 256))
    finally:
        wide = None
        gdal.Unlink("/vsimem/wide.tif")
