"""The Earth Engine sync-download simulator, exercised with raw HTTP (requests)."""
import copy
import io
import json
import os
import subprocess
import sys
import threading
import time
import zipfile

import numpy as np
import pytest
import requests
from osgeo import gdal

from tests.sims import ee_sim
from tests.sims.ee_sim import (MERIT_DEM_ID, S2_SR_ID, S2_T31TCJ_ID, SRTM_ID, WORLDCOVER_ID,
                               EeSimulator)

gdal.UseExceptions()

TOKEN = "test-token"
AUTH = {"Authorization": "Bearer " + TOKEN}

# protocols.md §2.1, captured from earthengine-api 1.7.50 (image id filled in: it is elided there).
CAPTURED = {"expression": {"result": "0", "values": {
    "1": {"constantValue": [1.0, 43.0]},
    "0": {"functionInvocationValue": {"functionName": "Image.clipToBoundsAndScale", "arguments": {
        "geometry": {"functionInvocationValue": {"functionName": "GeometryConstructors.Polygon", "arguments": {
            "coordinates": {"arrayValue": {"values": [{"arrayValue": {"values": [
                {"valueReference": "1"}, {"constantValue": [1.1, 43.0]}, {"constantValue": [1.1, 43.1]},
                {"constantValue": [1.0, 43.1]}, {"valueReference": "1"}]}}]}},
            "geodesic": {"constantValue": False}}}},
        "input": {"functionInvocationValue": {"functionName": "Image.load", "arguments": {
            "id": {"constantValue": S2_T31TCJ_ID}}}},
        "scale": {"constantValue": 10}}}}}},
    "fileFormat": "GEO_TIFF", "filenamePrefix": "aoi", "bandIds": ["B4", "B3"]}


# The same request over a smaller area (0.02 degrees), for the tests that fetch pixels often.
SMALL = copy.deepcopy(CAPTURED)
_ring = SMALL["expression"]["values"]["0"]["functionInvocationValue"]["arguments"]["geometry"][
    "functionInvocationValue"]["arguments"]["coordinates"]["arrayValue"]["values"][0]["arrayValue"]["values"]
_ring[1:4] = [{"constantValue": [1.02, 43.0]}, {"constantValue": [1.02, 43.02]}, {"constantValue": [1.0, 43.02]}]


@pytest.fixture
def sim():
    with EeSimulator(tokens=[TOKEN], projects=["my-project"], unregistered_projects=["not-ee"]) as s:
        yield s


def create(sim, body, project="my-project", headers=None, params=None):
    q = {"fields": "name", "alt": "json"}
    q.update(params or {})
    h = dict(AUTH)
    h.update(headers or {})
    return requests.post("%s/v1/projects/%s/thumbnails" % (sim.url, project), params=q,
                         data=json.dumps(body), headers=dict(h, **{"Content-Type": "application/json"}),
                         timeout=30)


def get_pixels(sim, name, **kw):
    return requests.get("%s/v1/%s:getPixels" % (sim.url, name), timeout=30, **kw)


def create_ok(sim, body, **kw):
    r = create(sim, body, **kw)
    assert r.status_code == 200, r.text
    return r.json()["name"]


def open_tif(data, path="/vsimem/test_ee_sim.tif"):
    gdal.FileFromMemBuffer(path, data)
    ds = gdal.Open(path)
    info = {"size": (ds.RasterXSize, ds.RasterYSize), "gt": ds.GetGeoTransform(),
            "epsg": ds.GetSpatialRef().GetAuthorityCode(None),
            "arrays": [ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)],
            "names": [ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount)],
            "nodata": [ds.GetRasterBand(i + 1).GetNoDataValue() for i in range(ds.RasterCount)]}
    ds = None
    gdal.Unlink(path)
    return info


def with_format(body, fmt, prefix="aoi", band_ids=("B4", "B3")):
    b = copy.deepcopy(SMALL if body is CAPTURED else body)
    b["fileFormat"] = fmt
    b["filenamePrefix"] = prefix
    b["bandIds"] = list(band_ids)
    return b


# Hand-built nodes (the same serialization the client produces) -------------------------------
def const(v):
    return {"constantValue": v}


def call(name, **args):
    return {"functionInvocationValue": {"functionName": name, "arguments": args}}


def load(image_id):
    return call("Image.load", id=const(image_id))


def polygon(ring, geodesic=False):
    return call("GeometryConstructors.Polygon", coordinates=const([ring]), geodesic=const(geodesic))


def thumb(expr, fmt="GEO_TIFF", band_ids=None, prefix=None, extra_values=None):
    values = {"0": expr}
    values.update(extra_values or {})
    body = {"expression": {"result": "0", "values": values}, "fileFormat": fmt, "filenamePrefix": prefix}
    if band_ids is not None:
        body["bandIds"] = band_ids
    return body


def exact_grid(image_id, crs, transform, w, h, fmt="GEO_TIFF", band_ids=None, prefix=None):
    """What the client sends for crs + crs_transform + dimensions (protocols.md §2.1 point 1)."""
    reproj = call("Image.reproject", image=load(image_id),
                  crs=call("Projection", crs=const(crs)), crsTransform=const(list(transform)))
    rect = call("GeometryConstructors.Rectangle", coordinates=const([0, 0, w, h]),
                crs=call("Image.projection", image={"valueReference": "1"}),
                geodesic=const(False), evenOdd=const(True))
    expr = call("Image.clipToBoundsAndScale", input={"valueReference": "1"}, geometry=rect)
    return thumb(expr, fmt, band_ids, prefix, {"1": reproj})


# ---------------------------------------------------------------------------------------------
def test_captured_request_geotiff(sim):
    r = create(sim, CAPTURED)
    assert r.status_code == 200
    body = r.json()
    assert list(body) == ["name"]
    assert ee_sim.re.fullmatch(r"projects/my-project/thumbnails/[0-9a-f]{32}-[0-9a-f]{32}", body["name"])
    rec = sim.last_request("create")
    assert rec["query"] == {"fields": "name", "alt": "json"}
    g = get_pixels(sim, body["name"])
    assert g.status_code == 200
    assert g.headers["Content-Type"] == "image/tiff"
    assert int(g.headers["Content-Length"]) == len(g.content) > 0
    tif = open_tif(g.content)
    assert tif["epsg"] == "32631"
    x0, dx, _, y0, _, dy = tif["gt"]
    assert (dx, dy) == (10.0, -10.0)
    # anchored on the native grid of the tile (origin 300000, 4800000)
    assert (x0 - 300000) % 10 == 0 and (4800000 - y0) % 10 == 0
    assert tif["names"] == ["B4", "B3"]
    assert all(a.dtype == np.uint16 for a in tif["arrays"])
    # the grid covers the polygon's bounds transformed to UTM 31N, snapped outward
    import pyproj
    t = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:32631", always_xy=True)
    xs, ys = t.transform([1.0, 1.1, 1.1, 1.0], [43.0, 43.0, 43.1, 43.1])
    w, h = tif["size"]
    assert x0 <= min(xs) < x0 + 10 and x0 + w * dx >= max(xs) > x0 + (w - 1) * dx
    assert y0 >= max(ys) > y0 - 10 and y0 + h * dy <= min(ys) < y0 + (h - 1) * dy + 0.0001
    # clipToBoundsAndScale clips to the bounding box only: no masked pixel in the box
    assert all((a != 0).all() for a in tif["arrays"])
    assert not np.array_equal(tif["arrays"][0], tif["arrays"][1])


@pytest.mark.parametrize("fmt", ["ZIPPED_GEO_TIFF", "ZIPPED_GEO_TIFF_PER_BAND", "GEO_TIFF", "NPY"])
def test_each_format(sim, fmt):
    name = create_ok(sim, with_format(CAPTURED, fmt))
    g = get_pixels(sim, name)
    assert g.status_code == 200
    assert int(g.headers["Content-Length"]) == len(g.content)
    info = sim.thumbnail(name)
    grid = info["bands"][0]
    if fmt == "ZIPPED_GEO_TIFF":
        assert g.headers["Content-Type"] == "application/zip"
        z = zipfile.ZipFile(io.BytesIO(g.content))
        assert z.namelist() == ["aoi.tif"]
        tif = open_tif(z.read("aoi.tif"))
        assert tif["names"] == ["B4", "B3"]
        assert tif["gt"] == tuple(grid["geotransform"])
    elif fmt == "ZIPPED_GEO_TIFF_PER_BAND":
        assert g.headers["Content-Type"] == "application/zip"
        z = zipfile.ZipFile(io.BytesIO(g.content))
        assert z.namelist() == ["aoi.B4.tif", "aoi.B3.tif"]
        for member in z.namelist():
            tif = open_tif(z.read(member))
            assert len(tif["arrays"]) == 1 and tif["epsg"] == "32631"
    elif fmt == "GEO_TIFF":
        assert g.headers["Content-Type"] == "image/tiff"
        assert open_tif(g.content)["size"] == (grid["width"], grid["height"])
    else:
        assert g.headers["Content-Type"] == "application/octet-stream"
        arr = np.load(io.BytesIO(g.content))
        assert arr.dtype.names == ("B4", "B3")
        assert arr.dtype["B4"] == np.uint16
        assert arr.shape == (grid["height"], grid["width"])
        # same pixels as the GeoTIFF of the same request
        tif_name = create_ok(sim, with_format(CAPTURED, "GEO_TIFF"))
        tif = open_tif(get_pixels(sim, tif_name).content)
        assert np.array_equal(arr["B4"], tif["arrays"][0])
        assert np.array_equal(arr["B3"], tif["arrays"][1])


def test_default_names(sim):
    # no filenamePrefix: the image id's last component for zips, "download" for computed images
    name = create_ok(sim, with_format(CAPTURED, "ZIPPED_GEO_TIFF_PER_BAND", prefix=None, band_ids=["B8"]))
    z = zipfile.ZipFile(io.BytesIO(get_pixels(sim, name).content))
    assert z.namelist() == ["20230615T105031_20230615T105716_T31TCJ.B8.tif"]
    srtm = thumb(call("Image.clipToBoundsAndScale", input=load(SRTM_ID),
                      geometry=polygon([[1.0, 43.0], [1.01, 43.0], [1.01, 43.01], [1.0, 43.0]])),
                 "ZIPPED_GEO_TIFF_PER_BAND")
    z = zipfile.ZipFile(io.BytesIO(get_pixels(sim, create_ok(sim, srtm)).content))
    assert z.namelist() == ["SRTMGL1_003.elevation.tif"]
    # bandIds absent: every band
    assert open_tif(z.read(z.namelist()[0]))["arrays"][0].dtype == np.int16
    tif = get_pixels(sim, create_ok(sim, with_format(CAPTURED, "GEO_TIFF", prefix=None)))
    assert tif.headers["Content-Disposition"].endswith('.tif"')


def test_per_band_grids_differ(sim):
    geom = polygon([[1.0, 43.0], [1.02, 43.0], [1.02, 43.02], [1.0, 43.02], [1.0, 43.0]])
    b4 = call("Image.clipToBoundsAndScale", input=call("Image.select", input=load(S2_T31TCJ_ID),
                                                           bandSelectors=const(["B4"])),
              geometry=geom, scale=const(10))
    b11 = call("Image.clipToBoundsAndScale", input=call("Image.select", input=load(S2_T31TCJ_ID),
                                                            bandSelectors=const(["B11"])),
               geometry=geom, scale=const(20))
    body = thumb(call("Image.addBands", dstImg=b4, srcImg=b11), "ZIPPED_GEO_TIFF_PER_BAND",
                 ["B4", "B11"], "custom")
    name = create_ok(sim, body)
    z = zipfile.ZipFile(io.BytesIO(get_pixels(sim, name).content))
    assert z.namelist() == ["custom.B4.tif", "custom.B11.tif"]
    t4, t11 = open_tif(z.read("custom.B4.tif")), open_tif(z.read("custom.B11.tif"))
    assert t4["gt"][1] == 10 and t11["gt"][1] == 20
    # same area, half the pixels (modulo outward snapping)
    assert abs(t4["size"][0] - 2 * t11["size"][0]) <= 2
    # a 20 m band seen at 20 m equals its 10 m rendering (nearest neighbour) on common pixels
    x11, y11 = t11["gt"][0], t11["gt"][3]
    col = int(round((x11 - t4["gt"][0]) / 10))
    row = int(round((t4["gt"][3] - y11) / 10))
    ref = sim.expected_pixels(S2_T31TCJ_ID, "B11", "EPSG:32631", t11["gt"], *t11["size"])
    assert np.array_equal(ref, t11["arrays"][0])
    assert row >= 0 and col >= 0


def test_exact_grid_and_tiles_match_one_big_request(sim):
    tr = [10.0, 0.0, 350000.0, 0.0, -10.0, 4770000.0]
    big = open_tif(get_pixels(sim, create_ok(sim, exact_grid(S2_T31TCJ_ID, "EPSG:32631", tr, 64, 48,
                                                             band_ids=["B4", "B11"]))).content)
    assert big["size"] == (64, 48)
    assert big["gt"] == (350000.0, 10.0, 0.0, 4770000.0, 0.0, -10.0)
    mosaic = np.zeros((2, 48, 64), dtype=np.uint16)
    for r0 in (0, 24):
        for c0 in (0, 32):
            t = [10.0, 0.0, 350000.0 + 10 * c0, 0.0, -10.0, 4770000.0 - 10 * r0]
            tile = open_tif(get_pixels(sim, create_ok(sim, exact_grid(S2_T31TCJ_ID, "EPSG:32631", t, 32, 24,
                                                                      band_ids=["B4", "B11"]))).content)
            assert tile["gt"] == (t[2], 10.0, 0.0, t[5], 0.0, -10.0)
            mosaic[:, r0:r0 + 24, c0:c0 + 32] = np.stack(tile["arrays"])
    assert np.array_equal(mosaic, np.stack(big["arrays"]))
    # a one-pixel shift is detectable
    assert not np.array_equal(mosaic[0, :, 1:], mosaic[0, :, :-1])
    assert np.array_equal(big["arrays"][0],
                          sim.expected_pixels(S2_T31TCJ_ID, "B4", "EPSG:32631", big["gt"], 64, 48))


def test_grid_field_accepted(sim):
    body = thumb(load(S2_T31TCJ_ID), "GEO_TIFF", ["B2"])
    body["grid"] = {"dimensions": {"width": 20, "height": 10},
                    "affineTransform": {"scaleX": 10, "shearX": 0, "translateX": 300000,
                                        "shearY": 0, "scaleY": -10, "translateY": 4800000},
                    "crsCode": "EPSG:32631"}
    tif = open_tif(get_pixels(sim, create_ok(sim, body)).content)
    assert tif["size"] == (20, 10) and tif["gt"] == (300000.0, 10.0, 0.0, 4800000.0, 0.0, -10.0)
    body["grid"]["origin"] = {"x": 0}
    r = create(sim, body)
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["status"] == "INVALID_ARGUMENT"
    assert err["details"][0]["fieldViolations"][0] == {
        "field": "grid",
        "description": "Invalid JSON payload received. Unknown name \"origin\" at 'grid': Cannot find field."}


def test_clip_masks_outside_polygon(sim):
    tri = [[1.0, 43.0], [1.01, 43.0], [1.0, 43.01], [1.0, 43.0]]
    expr = call("Image.clip", input=call("Image.clipToBoundsAndScale", input=load(S2_T31TCJ_ID),
                                         geometry=polygon(tri), scale=const(10)), geometry=polygon(tri))
    tif = open_tif(get_pixels(sim, create_ok(sim, thumb(expr, "GEO_TIFF", ["B4"]))).content)
    a = tif["arrays"][0]
    assert (a == 0).any() and (a != 0).any()
    assert a[0, -1] == 0            # top-right corner is outside the triangle
    # independent check: pixel centres in lon/lat against the triangle (away from its edges)
    import pyproj
    from shapely.geometry import Point, Polygon
    h, w = a.shape
    x0, dx, _, y0, _, dy = tif["gt"]
    cols, rows = np.meshgrid(np.arange(w) + 0.5, np.arange(h) + 0.5)
    lon, lat = pyproj.Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(
        x0 + cols * dx, y0 + rows * dy)
    shape = Polygon(tri)
    checked = 0
    for lo, la, v in zip(lon.ravel(), lat.ravel(), a.ravel()):
        p = Point(lo, la)
        if shape.exterior.distance(p) > 2e-4:
            assert (v != 0) == shape.contains(p)
            checked += 1
    assert checked > a.size // 2
    assert tif["nodata"] == [None]
    # float image: masked = -inf, no nodata tag
    expr = call("Image.clip", input=call("Image.clipToBoundsAndScale", input=load(MERIT_DEM_ID),
                                         geometry=polygon(tri), scale=const(90)), geometry=polygon(tri))
    tif = open_tif(get_pixels(sim, create_ok(sim, thumb(expr, "GEO_TIFF"))).content)
    f = tif["arrays"][0]
    assert f.dtype == np.float32 and tif["epsg"] == "4326"
    assert np.isneginf(f).any() and np.isfinite(f).any()
    assert tif["nodata"] == [None]
    assert tif["gt"][1] == pytest.approx(90 / ee_sim.METRES_PER_DEGREE)


def test_footprint_masks_outside_the_tile(sim):
    # crosses the west edge of T31TCJ (x = 300000)
    tr = [20.0, 0.0, 299800.0, 0.0, -20.0, 4790000.0]
    tif = open_tif(get_pixels(sim, create_ok(sim, exact_grid(S2_T31TCJ_ID, "EPSG:32631", tr, 20, 5,
                                                             band_ids=["SCL"]))).content)
    a = tif["arrays"][0]
    assert a.dtype == np.uint8
    assert (a[:, :10] == 0).all() and (a[:, 10:] != 0).all()


def test_set_default_projection_and_scale(sim):
    geom = polygon([[1.0, 43.0], [1.01, 43.0], [1.01, 43.01], [1.0, 43.01], [1.0, 43.0]])
    sdp = call("Image.setDefaultProjection", image=load(S2_T31TCJ_ID),
               crs=call("Projection", crs=const("EPSG:4326")), crsTransform=const([1, 0, 0, 0, -1, 0]))
    expr = call("Image.clipToBoundsAndScale", input=sdp, geometry=geom, scale=const(100))
    tif = open_tif(get_pixels(sim, create_ok(sim, thumb(expr, "GEO_TIFF", ["B4"]))).content)
    assert tif["epsg"] == "4326"
    assert tif["gt"][1] == pytest.approx(100 / ee_sim.METRES_PER_DEGREE)
    assert tif["gt"][5] == pytest.approx(-100 / ee_sim.METRES_PER_DEGREE)


def test_dimensions_width_height(sim):
    expr = call("Image.clipToBoundsAndScale", input=load(WORLDCOVER_ID),
                geometry=polygon([[1.0, 43.0], [1.2, 43.0], [1.2, 43.1], [1.0, 43.1], [1.0, 43.0]]),
                width=const(40), height=const(30))
    tif = open_tif(get_pixels(sim, create_ok(sim, thumb(expr, "GEO_TIFF"))).content)
    assert tif["size"] == (40, 30)
    assert tif["gt"][0] == pytest.approx(1.0) and tif["gt"][3] == pytest.approx(43.1)
    assert tif["gt"][1] == pytest.approx(0.2 / 40) and tif["arrays"][0].dtype == np.uint8


def test_max_dimension(sim):
    expr = call("Image.clipToBoundsAndScale", input=load(WORLDCOVER_ID),
                geometry=polygon([[1.0, 43.0], [1.2, 43.0], [1.2, 43.1], [1.0, 43.1], [1.0, 43.0]]),
                maxDimension=const(50))
    tif = open_tif(get_pixels(sim, create_ok(sim, thumb(expr, "GEO_TIFF"))).content)
    assert tif["size"] == (50, 25)


def test_region_without_scale_is_a_native_clip(sim):
    """region alone -> Image.clip: native grid, footprint ∩ region, masked outside the polygon;
    a single GeoTIFF takes the grid of its first band."""
    tri = [[1.0, 43.0], [1.01, 43.0], [1.0, 43.01], [1.0, 43.0]]
    expr = call("Image.clip", input=load(S2_T31TCJ_ID), geometry=polygon(tri))
    name = create_ok(sim, thumb(expr, "ZIPPED_GEO_TIFF", ["B11", "B4"]))
    z = zipfile.ZipFile(io.BytesIO(get_pixels(sim, name).content))
    assert z.namelist() == ["20230615T105031_20230615T105716_T31TCJ.tif"]
    tif = open_tif(z.read(z.namelist()[0]))
    x0, dx, _, y0, _, dy = tif["gt"]
    assert (dx, dy) == (20.0, -20.0) and (x0 - 300000) % 20 == 0 and (4800000 - y0) % 20 == 0
    b11, b4 = tif["arrays"]
    assert (b11 == 0).any() and (b11 != 0).any()
    assert np.array_equal(b11 == 0, b4 == 0)
    name = create_ok(sim, thumb(expr, "ZIPPED_GEO_TIFF_PER_BAND", ["B11", "B4"]))
    z = zipfile.ZipFile(io.BytesIO(get_pixels(sim, name).content))
    sizes = [open_tif(z.read(n))["size"] for n in z.namelist()]
    assert abs(sizes[1][0] - 2 * sizes[0][0]) <= 2      # B4 keeps its native 10 m


def test_size_limits(sim):
    tr = [10.0, 0.0, 300000.0, 0.0, -10.0, 4800000.0]
    r = create(sim, exact_grid(S2_T31TCJ_ID, "EPSG:32631", tr, 4100, 4100, band_ids=["B4"]))
    assert r.status_code == 400
    assert r.json() == {"error": {"code": 400, "message": "Total request size (50430000 bytes) must be "
                                  "less than or equal to 50331648 bytes.", "status": "INVALID_ARGUMENT"}}
    # the mask byte counts: a Byte band of 5100x5100 costs 2 bytes per pixel
    r = create(sim, exact_grid(S2_T31TCJ_ID, "EPSG:32631", tr, 5100, 5100, band_ids=["SCL"]))
    assert r.json()["error"]["message"] == ("Total request size (52020000 bytes) must be less than or "
                                            "equal to 50331648 bytes.")
    assert create(sim, exact_grid(S2_T31TCJ_ID, "EPSG:32631", tr, 5000, 5000, band_ids=["SCL"])).status_code == 200
    r = create(sim, exact_grid(S2_T31TCJ_ID, "EPSG:32631", tr, 10001, 10, band_ids=["SCL"]))
    assert r.status_code == 400
    assert r.json()["error"]["message"] == "Pixel grid dimensions (10001x10) must be less than or equal to 10000."
    # the whole native tile without a region: 10980 px per side
    r = create(sim, thumb(load(S2_T31TCJ_ID), "GEO_TIFF", ["B4"]))
    assert r.json()["error"]["message"] == ("Pixel grid dimensions (10980x10980) must be less than or "
                                            "equal to 10000.")
    assert sim.count("create", 400) == 4


def test_limits_configurable():
    with EeSimulator(tokens=[TOKEN], max_grid_dimension=100, max_request_bytes=1000, max_bands=1) as s:
        tr = [10.0, 0.0, 300000.0, 0.0, -10.0, 4800000.0]
        r = create(s, exact_grid(S2_T31TCJ_ID, "EPSG:32631", tr, 101, 1, band_ids=["SCL"]))
        assert r.json()["error"]["message"] == "Pixel grid dimensions (101x1) must be less than or equal to 100."
        r = create(s, exact_grid(S2_T31TCJ_ID, "EPSG:32631", tr, 20, 20, band_ids=["B4"]))
        assert r.json()["error"]["message"] == ("Total request size (1200 bytes) must be less than or "
                                                "equal to 1000 bytes.")
        r = create(s, exact_grid(S2_T31TCJ_ID, "EPSG:32631", tr, 2, 2, band_ids=["B4", "B3"]))
        assert r.json()["error"]["message"] == "Number of bands (2) must be less than or equal to 1."


def test_auth_and_projects(sim):
    r = requests.post(sim.url + "/v1/projects/my-project/thumbnails?fields=name&alt=json", json=CAPTURED)
    assert r.status_code == 401
    err = r.json()["error"]
    assert (err["code"], err["status"]) == (401, "UNAUTHENTICATED")
    assert err["message"].startswith("Request had invalid authentication credentials. Expected OAuth 2 "
                                     "access token, login cookie or other valid authentication credential.")
    assert create(sim, CAPTURED, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = create(sim, CAPTURED, project="other")
    assert r.status_code == 403
    assert r.json()["error"] == {"code": 403, "message": "Permission denied on resource project other.",
                                 "status": "PERMISSION_DENIED"}
    r = create(sim, CAPTURED, project="not-ee")
    assert r.status_code == 403
    assert r.json()["error"]["message"].startswith("Project not-ee is not registered to use Earth Engine.")
    r = create(sim, CAPTURED, headers={"X-Goog-User-Project": "stranger"})
    assert r.status_code == 403 and "use project stranger" in r.json()["error"]["message"]
    # recorded headers and query
    r = create(sim, CAPTURED, headers={"X-Goog-User-Project": "my-project",
                                       "X-Goog-Api-Client": "ee-py/1.7.50 python/3.11"},
               params={"workloadTag": "eo-downloader"})
    assert r.status_code == 200
    rec = sim.last_request("create")
    assert rec["headers"]["x-goog-user-project"] == "my-project"
    assert rec["headers"]["x-goog-api-client"].startswith("ee-py/")
    assert rec["query"]["workloadTag"] == "eo-downloader"
    assert rec["json"] == CAPTURED
    # getPixels needs no auth
    assert get_pixels(sim, r.json()["name"]).status_code == 200


def test_api_key():
    with EeSimulator(tokens=[TOKEN], api_keys=["good-key"]) as s:
        assert create(s, CAPTURED, params={"key": "good-key"}).status_code == 200
        r = create(s, CAPTURED, params={"key": "bad"})
        assert r.status_code == 400
        assert r.json()["error"]["message"] == "API key not valid. Please pass a valid API key."


def test_body_validation(sim):
    body = dict(CAPTURED, colour="red")
    r = create(sim, body)
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["message"] == 'Invalid JSON payload received. Unknown name "colour": Cannot find field.'
    assert err["details"][0]["@type"] == "type.googleapis.com/google.rpc.BadRequest"
    r = create(sim, dict(CAPTURED, fileFormat="NUMPY_NDARRAY"))
    assert r.status_code == 400
    assert r.json()["error"]["message"] == ("Invalid value at 'file_format' (type.googleapis.com/"
                                            "google.earthengine.v1.ImageFileFormat), \"NUMPY_NDARRAY\"")
    # proto-JSON also accepts the snake_case field names
    snake = {"expression": CAPTURED["expression"], "file_format": "GEO_TIFF", "band_ids": ["B4"],
             "filename_prefix": None}
    assert create(sim, snake).status_code == 200
    r = requests.post(sim.url + "/v1/projects/my-project/thumbnails", data=b"{not json", headers=AUTH)
    assert r.status_code == 400 and r.json()["error"]["status"] == "INVALID_ARGUMENT"


def test_expression_errors(sim):
    r = create(sim, with_format(CAPTURED, "GEO_TIFF", band_ids=["B99"]))
    assert r.json()["error"]["message"] == "Image.select: Pattern 'B99' did not match any bands."
    sel = thumb(call("Image.select", input=load(S2_T31TCJ_ID), bandSelectors=const(["B4", "B99"])))
    assert create(sim, sel).json()["error"]["message"] == "Image.select: Pattern 'B99' did not match any bands."
    r = create(sim, thumb(load("COPERNICUS/S2_SR/nope")))
    assert r.status_code == 400
    assert r.json()["error"]["message"] == ("Image.load: Image asset 'COPERNICUS/S2_SR/nope' not found "
                                            "(does not exist or caller does not have access).")
    r = create(sim, thumb(call("Image.frobnicate", input=load(S2_T31TCJ_ID))))
    assert r.status_code == 400 and r.json()["error"]["message"] == "Unknown algorithm 'Image.frobnicate'."
    r = create(sim, thumb(call("Image.select", input=load(S2_T31TCJ_ID))))
    assert r.json()["error"]["message"] == ("Image.select, argument 'bandSelectors': Parameter "
                                            "'bandSelectors' is required.")
    r = create(sim, thumb(call("Image.clip", input=const("x"), geometry=const(1))))
    assert r.json()["error"]["message"].startswith("Image.clip, argument 'input': Invalid type.")
    r = create(sim, thumb(call("Image.select", input=load(S2_T31TCJ_ID), bandSelectors=const(["B4"]),
                               bogus=const(1))))
    assert r.status_code == 400 and "bogus" in r.json()["error"]["message"]
    r = create(sim, {"expression": {"result": "9", "values": {"0": load(S2_T31TCJ_ID)}}, "fileFormat": "NPY"})
    assert r.status_code == 400


def test_select_regex_rename_and_addbands(sim):
    img = load(S2_T31TCJ_ID)
    sel = call("Image.select", input=img, bandSelectors=const(["B[23]", 3]), newNames=const(["a", "b", "c"]))
    both = call("Image.addBands", dstImg=sel, srcImg=call("Image.select", input=img, bandSelectors=const(["B4"]),
                                                          newNames=const(["a"])))
    tr = [10.0, 0.0, 350000.0, 0.0, -10.0, 4770000.0]
    reproj = call("Image.reproject", image=both, crs=call("Projection", crs=const("EPSG:32631")),
                  crsTransform=const(tr))
    expr = call("Image.clipToBoundsAndScale", input=reproj,
                geometry=call("GeometryConstructors.Rectangle", coordinates=const([0, 0, 4, 4]),
                              crs=call("Projection", crs=const("EPSG:32631"), transform=const(tr)),
                              geodesic=const(False)))
    name = create_ok(sim, thumb(expr, "NPY"))
    arr = np.load(io.BytesIO(get_pixels(sim, name).content))
    assert arr.dtype.names == ("a", "b", "c", "a_1")
    # index 3 is B4, so c and a_1 are the same band
    assert np.array_equal(arr["c"], arr["a_1"]) and not np.array_equal(arr["a"], arr["b"])


def test_getpixels_unknown_and_expired():
    tiny = exact_grid(S2_T31TCJ_ID, "EPSG:32631", [10.0, 0.0, 350000.0, 0.0, -10.0, 4770000.0], 4, 4,
                      band_ids=["B4"])
    with EeSimulator(tokens=[TOKEN], ttl_seconds=0.5) as s:
        r = get_pixels(s, "projects/my-project/thumbnails/" + "0" * 32 + "-" + "1" * 32)
        assert r.status_code == 404
        assert r.json() == {"error": {"code": 404, "message": "Requested entity was not found.",
                                      "status": "NOT_FOUND"}}
        name = create_ok(s, tiny)
        assert get_pixels(s, name).status_code == 200
        assert get_pixels(s, name).status_code == 200      # an id can be fetched again until it expires
        time.sleep(0.6)
        r = get_pixels(s, name)
        assert r.status_code == 404 and r.json()["error"]["status"] == "NOT_FOUND"
        name = create_ok(s, tiny)
        s.expire(name.rsplit("/", 1)[-1])
        assert get_pixels(s, name).status_code == 404


def test_injected_faults(sim):
    sim.inject("create", 429)
    sim.inject("create", 503)
    r = create(sim, CAPTURED)
    assert r.status_code == 429
    err = r.json()["error"]
    assert err["status"] == "RESOURCE_EXHAUSTED"
    assert err["message"].startswith("Quota exceeded for quota metric 'Number of read requests' and limit "
                                     "'Number of read requests per minute per user' of service "
                                     "'earthengine.googleapis.com' for consumer 'project_number:")
    r = create(sim, CAPTURED)
    assert r.status_code == 503 and r.json()["error"]["status"] == "UNAVAILABLE"
    name = create_ok(sim, CAPTURED)
    sim.inject("getPixels", 500)
    r = get_pixels(sim, name)
    assert r.status_code == 500 and r.json()["error"]["status"] == "INTERNAL"
    sim.inject("getPixels", 400, message="User memory limit exceeded.")
    assert get_pixels(sim, name).json()["error"]["message"] == "User memory limit exceeded."
    sim.inject("create", 403, reason="rateLimitExceeded")
    assert create(sim, CAPTURED).json()["error"]["errors"][0]["reason"] == "rateLimitExceeded"
    assert get_pixels(sim, name).status_code == 200
    assert sim.count("create") == 4 and sim.count("create", 429) == 1 and sim.count("create", 200) == 1
    assert sim.count("getPixels") == 3 and sim.count("getPixels", 200) == 1


def test_connection_drop(sim):
    name = create_ok(sim, with_format(CAPTURED, "ZIPPED_GEO_TIFF"))
    full = get_pixels(sim, name).content
    sim.inject_drop(after_bytes=1000)
    got = b""
    try:
        with requests.get("%s/v1/%s:getPixels" % (sim.url, name), stream=True, timeout=10) as r:
            assert int(r.headers["Content-Length"]) == len(full)
            for chunk in r.iter_content(256):
                got += chunk
    except requests.exceptions.RequestException:
        pass    # urllib3 >= 2 raises on a short body; 1.26 (Debian) just ends the stream
    assert 0 < len(got) <= 1000 < len(full) and full.startswith(got)
    assert sim.count("getPixels", -1) == 1
    assert get_pixels(sim, name).content == full


def test_fault_rates_are_seeded():
    def run(seed):
        with EeSimulator(tokens=[TOKEN], seed=seed, fault_rates={"create": {429: 0.3, 503: 0.2}}) as s:
            return [create(s, SMALL).status_code for _ in range(12)]
    a, b = run(7), run(7)
    assert a == b
    assert {429, 200} <= set(a)


def test_asset_resource(sim):
    r = requests.get("%s/v1/projects/earthengine-public/assets/%s" % (sim.url, ee_sim.S2_SR_ID),
                     headers=AUTH, params={"alt": "json"})
    assert r.status_code == 200
    res = r.json()
    assert res["type"] == "IMAGE" and res["id"] == S2_SR_ID
    assert res["name"] == "projects/earthengine-public/assets/" + S2_SR_ID
    bands = {b["id"]: b for b in res["bands"]}
    assert {"B1", "B8A", "B12", "SCL"} <= set(bands)
    assert bands["B4"]["dataType"] == {"precision": "INT", "range": {"max": 65535}}
    assert bands["B4"]["grid"] == {"crsCode": "EPSG:32610",
                                   "affineTransform": {"scaleX": 10.0, "translateX": 499980.0,
                                                       "scaleY": -10.0, "translateY": 4200000.0},
                                   "dimensions": {"width": 10980, "height": 10980}}
    assert bands["B11"]["grid"]["dimensions"] == {"width": 5490, "height": 5490}
    assert bands["B1"]["grid"]["affineTransform"]["scaleX"] == 60
    assert res["startTime"].endswith("Z")
    r = requests.get("%s/v1/projects/earthengine-public/assets/%s" % (sim.url, MERIT_DEM_ID), headers=AUTH)
    assert r.json()["bands"][0]["dataType"] == {"precision": "FLOAT"}
    r = requests.get("%s/v1/projects/earthengine-public/assets/NOPE/x" % sim.url, headers=AUTH)
    assert r.status_code == 404
    assert r.json()["error"] == {"code": 404, "status": "NOT_FOUND", "message":
                                 "Asset 'projects/earthengine-public/assets/NOPE/x' does not exist or "
                                 "doesn't allow this operation."}
    assert requests.get("%s/v1/projects/earthengine-public/assets/%s" % (sim.url, S2_SR_ID)).status_code == 401
    assert sim.count("asset") == 4


def test_concurrent_creates(sim):
    names, errors = [], []

    def worker():
        try:
            names.append(create_ok(sim, CAPTURED))
        except AssertionError as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(names)) == 8 and sim.count("create", 200) == 8


def test_unknown_path_is_404(sim):
    r = requests.get(sim.url + "/v1/projects/my-project/whatever", headers=AUTH)
    assert r.status_code == 404 and sim.count("unknown") == 1


def test_standalone_cli():
    proc = subprocess.Popen([sys.executable, "-m", "tests.sims.ee_sim", "--port", "0", "--token", "tok",
                             "--latency", "0.01"], stdout=subprocess.PIPE, text=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        r = requests.post(url + "/v1/projects/any-project/thumbnails?fields=name&alt=json", json=CAPTURED,
                          headers={"Authorization": "Bearer tok"}, timeout=30)
        assert r.status_code == 200
        assert requests.get(url + "/v1/" + r.json()["name"] + ":getPixels", timeout=30).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# --- quotas and compute time (off unless asked) --------------------------------------------
def _parallel(n, fn):
    """Run ``fn`` in ``n`` threads started together; their results in thread order."""
    results = [None] * n
    barrier = threading.Barrier(n)

    def worker(i):
        barrier.wait()
        results[i] = fn()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_concurrency_limit_answers_429_resource_exhausted():
    with EeSimulator(tokens=[TOKEN], max_concurrent=2, compute_base=0.6) as sim:
        name = create_ok(sim, SMALL)
        codes = sorted(r.status_code for r in _parallel(3, lambda: get_pixels(sim, name)))
        assert codes == [200, 200, 429]
        rejected = [r for r in sim.requests if r["status"] == 429]
        assert len(rejected) == 1 and sim.peak_in_flight == 2
        with EeSimulator(tokens=[TOKEN], max_concurrent=0) as closed:   # every request over the limit
            r = create(closed, SMALL)
        assert r.status_code == 429
        assert r.json()["error"] == {"code": 429, "message": ee_sim.LIMIT_MESSAGE, "status": "RESOURCE_EXHAUSTED"}
        # The slots come back: one after the other, nothing is refused.
        assert [get_pixels(sim, name).status_code for _ in range(3)] == [200, 200, 200]


def test_concurrency_is_counted_per_project():
    with EeSimulator(tokens=[TOKEN], projects=None, max_concurrent=1, compute_base=0.5) as sim:
        a, b = create_ok(sim, SMALL, project="proj-a"), create_ok(sim, SMALL, project="proj-b")
        names = iter([a, b])
        lock = threading.Lock()

        def fetch():
            with lock:
                name = next(names)
            return get_pixels(sim, name).status_code
        assert _parallel(2, fetch) == [200, 200]              # one each: both served
        assert sorted(_parallel(2, lambda: get_pixels(sim, a).status_code)) == [200, 429]   # two of one


def test_rate_limit_per_second():
    with EeSimulator(tokens=[TOKEN], max_rps=3) as sim:
        codes = [create(sim, SMALL).status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
        time.sleep(1.05)
        assert create(sim, SMALL).status_code == 200


def test_compute_time_grows_with_the_request_size():
    with EeSimulator(tokens=[TOKEN], compute_per_mib=2.0) as sim:
        small = create_ok(sim, exact_grid(S2_SR_ID, "EPSG:32610", [10, 0, 580000, 0, -10, 4105000], 64, 64,
                                          band_ids=["B4"]))
        big = create_ok(sim, exact_grid(S2_SR_ID, "EPSG:32610", [10, 0, 580000, 0, -10, 4105000], 512, 512,
                                        band_ids=["B4"]))
        assert sim.compute_seconds(sim.thumbnail(big)["total_bytes"]) == pytest.approx(1.5)
        timings = []
        for name in (small, big):
            t0 = time.monotonic()
            assert get_pixels(sim, name).status_code == 200
            timings.append(time.monotonic() - t0)
        assert timings[0] < 0.5 and timings[1] >= 1.5
    with EeSimulator(tokens=[TOKEN]) as plain:          # off by default
        assert plain.compute_seconds(10 ** 9) == 0.0 and plain.max_concurrent is None and plain.max_rps is None


# --- what the official earthengine-api client asks besides the download calls ----------------
def test_discovery_algorithms_and_value_compute(sim):
    disc = requests.get(sim.url + "/$discovery/rest", params={"version": "v1", "prettyPrint": "false"}, timeout=30)
    assert disc.status_code == 200
    methods = disc.json()["resources"]["projects"]["resources"]
    assert methods["thumbnails"]["methods"]["create"]["path"] == "v1/{+parent}/thumbnails"
    assert disc.json()["rootUrl"] == sim.url + "/"
    algs = requests.get(sim.url + "/v1/projects/my-project/algorithms", headers=AUTH, timeout=30).json()
    names = {a["name"] for a in algs["algorithms"]}
    assert {"algorithms/Image.load", "algorithms/Image.slice", "algorithms/Image.toUint16"} <= names
    assert requests.get(sim.url + "/v1/projects/my-project/algorithms", timeout=30).status_code == 401
    expr = call("Image.slice", image=call("Image.toUint16", value=call(
        "Image.select", input=load(S2_SR_ID), bandSelectors=const(["B4", "B3", "B2"]))), start=const(1))
    r = requests.post(sim.url + "/v1/projects/my-project/value:compute", headers=AUTH, timeout=30,
                      json={"expression": {"result": "0", "values": {"0": expr}}})
    assert r.status_code == 200, r.text
    info = r.json()["result"]
    assert info["type"] == "Image" and [b["id"] for b in info["bands"]] == ["B3", "B2"]
    band = info["bands"][0]
    assert band["data_type"] == {"type": "PixelType", "precision": "int", "min": 0, "max": 65535}
    assert band["crs"] == "EPSG:32610" and band["crs_transform"][0] == 10 and len(band["dimensions"]) == 2
    assert info["id"] == S2_SR_ID and sim.count("value", 200) == 1


def test_a_cast_to_another_type_is_refused(sim):
    expr = call("Image.toUint8", value=call("Image.select", input=load(S2_SR_ID), bandSelectors=const(["B4"])))
    r = requests.post(sim.url + "/v1/projects/my-project/value:compute", headers=AUTH, timeout=30,
                      json={"expression": {"result": "0", "values": {"0": expr}}})
    assert r.status_code == 400 and "not supported by the Earth Engine simulator" in r.json()["error"]["message"]


def test_stats_on_exit(tmp_path):
    stats = tmp_path / "stats.json"
    proc = subprocess.Popen([sys.executable, "-m", "tests.sims.ee_sim", "--port", "0", "--token", "tok",
                             "--max-concurrent", "0", "--stats", str(stats)], stdout=subprocess.PIPE, text=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    try:
        url = proc.stdout.readline().strip()
        r = requests.post(url + "/v1/projects/p/thumbnails", json=CAPTURED, headers={"Authorization": "Bearer tok"},
                          timeout=30)
        assert r.status_code == 429
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    data = json.loads(stats.read_text())
    assert data["requests"] == 1 and data["429"] == 1 and data["by_endpoint"] == {"create": 1}


def test_rendering_is_part_of_the_compute_time_not_added_to_it(monkeypatch):
    """The service renders the pixels on its own servers within its latency: the simulator's own
    rendering (on the clients' CPUs) delays an answer only when it takes longer than the compute time."""
    import tests.sims.ee_sim as sim_module
    real = sim_module.Thumbnail.render

    def slow_render(self):
        time.sleep(0.4)
        return real(self)
    monkeypatch.setattr(sim_module.Thumbnail, "render", slow_render)
    grid = exact_grid(S2_SR_ID, "EPSG:32610", [10, 0, 580000, 0, -10, 4105000], 64, 64, band_ids=["B4"])
    with EeSimulator(tokens=[TOKEN], compute_base=0.6) as sim:
        name = create_ok(sim, grid)
        t0 = time.monotonic()
        assert get_pixels(sim, name).status_code == 200
        assert 0.6 <= time.monotonic() - t0 < 0.9          # the longer of 0.6 and 0.4, not their sum
    with EeSimulator(tokens=[TOKEN], compute_base=0.1) as sim:
        name = create_ok(sim, grid)
        t0 = time.monotonic()
        assert get_pixels(sim, name).status_code == 200
        assert time.monotonic() - t0 >= 0.4                # rendering longer than computing: late by it


def test_render_processes_answer_the_same_bytes_rendered_outside_the_serving_process(monkeypatch):
    """``render_processes``: getPixels answers rendered by worker processes (the service renders on other
    machines than those answering its creates) are the bytes the request's own thread renders."""
    import tests.sims.ee_sim as sim_module
    grid = exact_grid(S2_SR_ID, "EPSG:32610", [10, 0, 580000, 0, -10, 4105000], 300, 200, band_ids=["B4", "B3"])
    with EeSimulator(tokens=[TOKEN]) as sim:
        here = get_pixels(sim, create_ok(sim, grid)).content
    rendered_here = []
    real = sim_module.Thumbnail.render
    monkeypatch.setattr(sim_module.Thumbnail, "render", lambda self: rendered_here.append(1) or real(self))
    with EeSimulator(tokens=[TOKEN], render_processes=1) as sim:
        answer = get_pixels(sim, create_ok(sim, grid))
        assert answer.status_code == 200 and sim.count("getPixels", 200) == 1
    assert answer.content == here and rendered_here == []


@pytest.mark.parametrize("backlog, all_connect", [(None, True), (5, False)])
def test_the_simulators_take_a_burst_of_connections_as_a_service_does(backlog, all_connect):
    """40 connections opened at once (Earth Engine's concurrent requests per project) before the server
    accepts any all complete their handshake, as a service's front end does; with socketserver's default
    backlog of 5 (the second case) the kernel drops the handshakes past it and a client waits a second
    for its next try (:class:`tests.sims.loopback.LoopbackHTTPServer`)."""
    import socket
    from tests.sims.loopback import LoopbackHTTPServer, QuietHandler

    class Server(LoopbackHTTPServer):
        request_queue_size = backlog or LoopbackHTTPServer.request_queue_size
    server = Server(("127.0.0.1", 0), QuietHandler)      # listening, not accepting yet
    opened, waited = [], 0
    try:
        for _ in range(40):
            try:
                opened.append(socket.create_connection(server.server_address, timeout=0.3))
            except socket.timeout:
                waited += 1
                if waited >= 2:
                    break
    finally:
        for sock in opened:
            sock.close()
        server.server_close()
    assert (waited == 0 and len(opened) == 40) == all_connect, (len(opened), waited)
