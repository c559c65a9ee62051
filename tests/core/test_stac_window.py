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
    with Relay(server.port, latency=0.25) as slow:           # every request waits a quarter of a second
        reader = window.ItemReader(sa.utm_square(sa.X0, sa.Y0, 20480), str(tmp_path), None, slow.url(""),
                                   cancel=cancel)
        timer = threading.Timer(1.0, cancel.cancel)
        timer.start()
        start = time.monotonic()
        with pytest.raises(CancelledError):
            reader.read(_assets(server, "a", base=slow.url("")), "item")
        landed = time.monotonic() - start - 1.0
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
    assert opts["GDAL_HTTP_PROXY"] == "http://proxy.example:3128" and opts["CURL_CA_BUNDLE"] == "/tmp/ca-bundle.pem"
    assert (opts["GDAL_HTTP_TIMEOUT"], opts["GDAL_HTTP_CONNECTTIMEOUT"]) == ("33", "7")
    assert (opts["GDAL_HTTP_MAX_RETRY"], opts["GDAL_HTTP_RETRY_DELAY"]) == ("3", "0.5")
    assert opts["GDAL_HTTP_HEADERS"] == "X-Key: v" and opts["CPL_VSIL_CURL_ALLOWED_EXTENSIONS"] == ".tif"
    assert "EO-Downloader" in opts["GDAL_HTTP_USERAGENT"]
    assert "GDAL_HTTP_PROXY" not in window.http_options("https://local.example/x.tif", session)


def test_media_types_read_in_full():
    assert not window.read_in_full(COG_TYPE) and not window.read_in_full("image/tiff") and not window.read_in_full("")
    assert window.read_in_full("application/zip") and window.read_in_full("application/x-netcdf")
    assert window.read_in_full("image/jp2")
