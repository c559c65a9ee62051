"""plugin.core.raster with small real rasters written by GDAL."""
import io
import json
import math
import os
import shutil
import zipfile

import numpy as np
import pyproj
import pytest
from osgeo import gdal, osr
from shapely.geometry import Polygon

from plugin.core import raster
from plugin.core.errors import CancelledError, EoError
from plugin.core.runner import CancelToken

GT = (300000.0, 10.0, 0.0, 4800000.0, 0.0, -10.0)
W, H = 600, 520
TO_LL = pyproj.Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True)


def write(path, arrays, gt=GT, epsg=32631, names=None, nodata=None):
    arrays = [np.asarray(a) for a in arrays]
    gtype = {"uint8": gdal.GDT_Byte, "uint16": gdal.GDT_UInt16, "int16": gdal.GDT_Int16,
             "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64}[arrays[0].dtype.name]
    ds = gdal.GetDriverByName("GTiff").Create(str(path), arrays[0].shape[1], arrays[0].shape[0], len(arrays), gtype)
    ds.SetGeoTransform(gt)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    for i, a in enumerate(arrays):
        b = ds.GetRasterBand(i + 1)
        b.WriteArray(a)
        if names:
            b.SetDescription(names[i])
        if nodata is not None:
            b.SetNoDataValue(nodata)
    ds = None
    return str(path)


def read(path):
    ds = gdal.Open(str(path))
    out = np.stack([ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)])
    ds = None
    return out


def big_arrays(dtype):
    rng = np.random.default_rng(42)
    if np.dtype(dtype).kind == "f":
        a = rng.uniform(-50, 3000, size=(2, H, W)).astype(dtype)
        a[:, 300:310, 150:160] = -np.inf          # EE-masked pixels inside the AOI
        return a
    return rng.integers(1, 65535, size=(2, H, W)).astype(dtype)


def split_tiles(tmp_path, arrays, names):
    """Four tiles (unequal sizes) of the big raster, on its grid."""
    paths = []
    for r0, r1 in ((0, 300), (300, H)):
        for c0, c1 in ((0, 250), (250, W)):
            gt = (GT[0] + c0 * GT[1], GT[1], 0.0, GT[3] + r0 * GT[5], 0.0, GT[5])
            paths.append(write(tmp_path / ("tile_%d_%d.tif" % (r0, c0)),
                               [a[r0:r1, c0:c1] for a in arrays], gt, names=names))
    return paths


def aoi_4326():
    """A concave polygon inside the raster, straight edges in lon/lat."""
    pts = [(301000, 4799000), (305500, 4798500), (303200, 4796500), (305000, 4795200), (300800, 4795500)]
    return {"type": "Polygon", "coordinates": [[list(TO_LL.transform(x, y)) for x, y in pts + pts[:1]]]}


def _contains(poly, x, y):
    try:
        from shapely import contains_xy          # shapely 2
        return contains_xy(poly, x, y)
    except ImportError:
        from shapely.vectorized import contains  # shapely 1.8
        return contains(poly, x, y)


def inside_mask(geojson, gt, w, h, margin=2e-5):
    """(inside, decided): pixel centres in the lon/lat polygon; undecided within ``margin``
    degrees of its edge (where vertex-wise reprojection may legitimately differ)."""
    poly = Polygon(geojson["coordinates"][0])
    cols, rows = np.meshgrid(np.arange(w) + 0.5, np.arange(h) + 0.5)
    lon, lat = TO_LL.transform(gt[0] + cols * gt[1], gt[3] + rows * gt[5])
    inside = _contains(poly, lon, lat)
    decided = np.ones((h, w), bool)
    for dx, dy in ((margin, 0), (-margin, 0), (0, margin), (0, -margin)):
        decided &= _contains(poly, lon + dx, lat + dy) == inside
    return inside, decided


@pytest.fixture(scope="module")
def aoi_masks():
    g = aoi_4326()
    return g, inside_mask(g, GT, W, H)


# --- affine helpers --------------------------------------------------------------------------
def test_affine_conversions():
    ee = [10, 0, 499980, 0, -10, 4200000]
    gt = raster.ee_affine_to_geotransform(ee)
    assert gt == (499980.0, 10.0, 0.0, 4200000.0, 0.0, -10.0)
    assert raster.geotransform_to_ee_affine(gt) == tuple(float(v) for v in ee)
    sheared = (1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
    assert raster.ee_affine_to_geotransform(raster.geotransform_to_ee_affine(sheared)) == sheared
    # proto-JSON omits zero members
    assert raster.ee_affine_to_geotransform({"scaleX": 10, "translateX": 499980, "scaleY": -10,
                                             "translateY": 4200000}) == gt
    assert raster.geotransform_to_ee_dict(gt) == {"scaleX": 10.0, "shearX": 0.0, "translateX": 499980.0,
                                                  "shearY": 0.0, "scaleY": -10.0, "translateY": 4200000.0}
    with pytest.raises(ValueError):
        raster.ee_affine_to_geotransform([1, 2, 3])


def test_raster_info(tmp_path):
    p = write(tmp_path / "a.tif", [np.ones((20, 30), np.uint16)] * 2, names=["B4", "B3"], nodata=0)
    info = raster.raster_info(p)
    assert info["epsg"] == 32631 and "UTM zone 31N" in info["crs_wkt"]
    assert info["geotransform"] == GT
    assert (info["width"], info["height"], info["band_count"]) == (30, 20, 2)
    assert info["dtypes"] == ["UInt16", "UInt16"] and info["numpy_dtypes"] == ["uint16", "uint16"]
    assert info["band_names"] == ["B4", "B3"] and info["nodata"] == [0.0, 0.0]
    assert info["bounds"] == (300000.0, 4799800.0, 300300.0, 4800000.0)
    assert info["layout"] is None
    with pytest.raises(EoError):
        raster.raster_info(str(tmp_path / "missing.tif"))


# --- mosaic ----------------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", ["uint16", "float32"])
def test_mosaic_equals_big_raster_inside_aoi(tmp_path, aoi_masks, dtype):
    geojson, (inside, decided) = aoi_masks
    arrays = big_arrays(dtype)
    tiles = split_tiles(tmp_path, arrays, ["B4", "B3"])
    dest = tmp_path / "out" / "mosaic.tif"
    dest.parent.mkdir()
    seen = []
    assert raster.mosaic(tiles, str(dest), cutline_geojson=geojson, progress=seen.append) == str(dest)
    assert seen and seen[-1] == 100.0
    assert os.listdir(dest.parent) == ["mosaic.tif"]
    info = raster.raster_info(str(dest))
    assert info["geotransform"] == GT and (info["width"], info["height"]) == (W, H)
    assert info["epsg"] == 32631
    assert info["band_names"] == ["B4", "B3"]
    assert info["numpy_dtypes"] == [dtype, dtype]
    out = read(dest)
    assert inside.sum() > 5000 and (decided & ~inside).sum() > 5000
    for b in range(2):
        keep = inside & decided
        expected = arrays[b][keep]
        got = out[b][keep]
        if dtype == "float32":
            assert math.isnan(info["nodata"][b])
            assert np.isneginf(expected).sum() == 100
            # EE's -inf (masked) became NaN nodata; every other pixel is untouched
            assert np.array_equal(np.isnan(got), np.isneginf(expected))
            fin = np.isfinite(expected)
            assert np.array_equal(got[fin], expected[fin])
            assert np.isnan(out[b][decided & ~inside]).all()
        else:
            assert info["nodata"][b] == 0
            assert np.array_equal(got, expected)
            assert (out[b][decided & ~inside] == 0).all()


def test_mosaic_is_a_cog(tmp_path, aoi_masks):
    tiles = split_tiles(tmp_path, big_arrays("uint16"), ["B4", "B3"])
    dest = str(tmp_path / "m.tif")
    raster.mosaic(tiles, dest, cutline_geojson=aoi_masks[0])
    info = gdal.Info(dest, format="json")
    assert info["metadata"]["IMAGE_STRUCTURE"]["LAYOUT"] == "COG"
    assert info["metadata"]["IMAGE_STRUCTURE"]["COMPRESSION"] == "DEFLATE"
    assert all(len(b.get("overviews", [])) >= 1 for b in info["bands"])
    assert raster.raster_info(dest)["layout"] == "COG"
    try:
        from osgeo_utils.samples.validate_cloud_optimized_geotiff import validate
    except ImportError:
        validate = None
    if validate is not None:
        warnings, errors, _details = validate(dest, full_check=True)
        assert errors == []
    # no overviews when asked not to
    raster.mosaic(tiles, str(tmp_path / "n.tif"), overviews=False)
    assert raster.raster_info(str(tmp_path / "n.tif"))["overview_counts"] == [0, 0]
    # plain tiled GeoTIFF with internal overviews
    raster.mosaic(tiles, str(tmp_path / "g.tif"), cog=False)
    info = raster.raster_info(str(tmp_path / "g.tif"))
    assert info["layout"] is None and info["overview_counts"][0] >= 1 and info["compression"] == "DEFLATE"
    assert np.array_equal(read(tmp_path / "g.tif"), read(tmp_path / "n.tif"))


def test_cog_is_written_by_every_core_at_a_fast_deflate_level(tmp_path, monkeypatch):
    """Issue 19: the COG after the last tile in seconds -- the blocks compressed by every core, DEFLATE
    at level 1 -- with the pixels of the plain GeoTIFF."""
    tiles = split_tiles(tmp_path, big_arrays("uint16"), ["B4", "B3"])
    for path in tiles:
        raster.prepare_tile(path, factors=[2])
    seen = []
    translate_options = gdal.TranslateOptions

    def recording(*args, **kwargs):
        seen.append((kwargs.get("format"), list(kwargs.get("creationOptions") or [])))
        return translate_options(*args, **kwargs)
    monkeypatch.setattr(gdal, "TranslateOptions", recording)
    dest = str(tmp_path / "c.tif")
    raster.mosaic(tiles, dest)
    ((fmt, options),) = seen
    assert fmt == "COG" and "LEVEL=1" in options and "NUM_THREADS=ALL_CPUS" in options
    from osgeo_utils.samples.validate_cloud_optimized_geotiff import validate
    _warnings, errors, _details = validate(dest, full_check=True)
    assert errors == [] and raster.raster_info(dest)["overview_counts"] == [1, 1]     # the tiles' own overviews
    raster.mosaic(tiles, str(tmp_path / "g.tif"), cog=False)
    assert np.array_equal(read(dest), read(tmp_path / "g.tif"))



def _cog_pixels(path):
    """Every level of a GeoTIFF: full resolution, then each overview, as arrays."""
    ds = gdal.Open(str(path))
    levels = [read(path)]
    for k in range(ds.GetRasterBand(1).GetOverviewCount()):
        levels.append(np.stack([ds.GetRasterBand(i + 1).GetOverview(k).ReadAsArray() for i in range(ds.RasterCount)]))
    return levels


def test_small_outputs_are_staged_in_ram_with_the_pixels_of_large_ones(tmp_path, monkeypatch):
    """Issue 18: a small source without overviews (a STAC window: band files through a VRT) is copied to RAM
    first with its overviews built there, so the COG driver reads it once, not twice; on both sides of the
    threshold the COG is valid, with as many overviews and the same pixels at full resolution and the first
    level (an odd size: the last level is 275 px rounded up in RAM, 274 halved by the COG driver, so its
    nearest neighbours are others)."""
    rng = np.random.default_rng(5)
    n = 1098
    paths = []
    for b in range(3):
        paths.append(write(tmp_path / ("b%d.tif" % b), [rng.integers(1, 4000, size=(n, n)).astype("uint16")]))
    vrt = raster.stack_vrt(paths, str(tmp_path / "stack.vrt"), ["B4", "B3", "B2"])
    sources = []       # the driver of what each GDAL translation reads
    real_translate = gdal.Translate

    def recording(dest, src, **kwargs):
        sources.append(src.GetDriver().ShortName if hasattr(src, "GetDriver") else "path")
        return real_translate(dest, src, **kwargs)
    monkeypatch.setattr(gdal, "Translate", recording)
    from osgeo_utils.samples.validate_cloud_optimized_geotiff import validate
    outputs = {}
    for name, threshold in (("small", n * n * 3 * 2), ("large", n * n * 3 * 2 - 1)):
        monkeypatch.setattr(raster, "SMALL_COG_BYTES", threshold, raising=False)
        sources.clear()
        dest = str(tmp_path / (name + ".tif"))
        raster.mosaic([vrt], dest)
        assert sources == (["MEM"] if name == "small" else ["VRT"])      # (the COG's only translation)
        _warnings, errors, _details = validate(dest, full_check=True)
        assert errors == [] and raster.raster_info(dest)["overview_counts"] == [2, 2, 2]
        outputs[name] = _cog_pixels(dest)
    assert [level.shape for level in outputs["small"]] == [(3, n, n), (3, 549, 549), (3, 275, 275)]
    assert [level.shape for level in outputs["large"]] == [(3, n, n), (3, 549, 549), (3, 274, 274)]
    assert all(np.array_equal(a, b) for a, b in zip(outputs["small"][:2], outputs["large"][:2]))


def test_tiles_of_a_tiled_output_are_rewritten_uncompressed_with_the_same_pixels(tmp_path, aoi_masks):
    """Issue 19: the COG after the last byte is read by one thread, which spent a third of its time decoding
    the tiles as they came (DEFLATE).  prepare_tile, on the tile's own thread while the others download,
    rewrites a tile of a tiled output uncompressed (a masked one is written so at once): same pixels and
    band names; a tile of a single-piece output is left as it came."""
    arrays = big_arrays("uint16")
    for where, geojson in (("whole", None), ("cut", aoi_masks[0])):
        path = str(tmp_path / ("%s.tif" % where))
        ds = gdal.GetDriverByName("GTiff").Create(path, W, H, 2, gdal.GDT_UInt16, ["TILED=YES", "COMPRESS=DEFLATE"])
        ds.SetGeoTransform(GT)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(32631)
        ds.SetProjection(srs.ExportToWkt())
        for i, a in enumerate(arrays):
            ds.GetRasterBand(i + 1).WriteArray(a)
            ds.GetRasterBand(i + 1).SetDescription(["B4", "B3"][i])
        ds = None
        reference = str(tmp_path / ("%s_reference.tif" % where))
        raster.mosaic([path], reference, cutline_geojson=geojson, cog=False)
        assert raster.prepare_tile(path, geojson, factors=[2]) == path
        info = raster.raster_info(path)
        assert info["compression"] is None and info["band_names"] == ["B4", "B3"]
        assert info["overview_counts"] == [1, 1] and info["geotransform"] == GT
        assert np.array_equal(read(path), read(reference))
        assert not [f for f in os.listdir(str(tmp_path)) if ".part" in f]
    single = write(tmp_path / "single.tif", arrays)
    before = open(single, "rb").read()
    raster.prepare_tile(single)
    assert open(single, "rb").read() == before


def test_side_by_side_tiles_are_plain_sources_and_overlapping_ones_keep_their_nodata(tmp_path):
    """Issue 19: tiles that share no pixel, with the output's nodata, are copied block by block (no
    per-pixel nodata test: the COG twice as fast) with the same pixels; overlapping tiles still let a
    tile's nodata show the other's pixels."""
    arrays = big_arrays("uint16")
    tiles = split_tiles(tmp_path, arrays, None)
    plain = raster.mosaic_vrt(tiles, str(tmp_path / "plain.vrt"))
    text = open(plain).read()
    assert "<SimpleSource" in text and "<ComplexSource" not in text
    assert np.array_equal(read(plain), arrays)
    # two overlapping tiles: the second one's nodata (0) must not hide the first one's pixels
    first, second = str(tmp_path / "a.tif"), str(tmp_path / "b.tif")
    for path, values in ((first, 7), (second, 0)):
        ds = gdal.GetDriverByName("GTiff").Create(path, 4, 4, 1, gdal.GDT_UInt16)
        ds.SetGeoTransform((0, 1, 0, 4, 0, -1))
        ds.GetRasterBand(1).Fill(values)
        ds = None
    mixed = raster.mosaic_vrt([first, second], str(tmp_path / "mixed.vrt"))
    assert "<ComplexSource" in open(mixed).read() and (read(mixed) == 7).all()


def test_mosaic_without_aoi_keeps_everything(tmp_path):
    arrays = big_arrays("uint16")
    tiles = split_tiles(tmp_path, arrays, None)
    dest = str(tmp_path / "all.tif")
    raster.mosaic(tiles, dest, nodata=65535)
    assert np.array_equal(read(dest), arrays)
    info = raster.raster_info(dest)
    assert info["nodata"] == [65535.0, 65535.0] and info["band_names"] == ["", ""]
    raster.mosaic(tiles, dest, band_names=["B8", "B2"])
    assert raster.raster_info(dest)["band_names"] == ["B8", "B2"]
    with pytest.raises(EoError):
        raster.mosaic(tiles, dest, band_names=["B8"])
    assert np.array_equal(read(dest), arrays)


def test_mosaic_keeps_exact_degree_grid_and_maps_float_masks(tmp_path):
    gt = (-122.0859, 1 / 1200.0, 0.0, 37.0586, 0.0, -1 / 1200.0)
    a = np.linspace(0, 1, 37 * 53, dtype=np.float32).reshape(37, 53)
    a[5, 7] = -np.inf
    tiles = [write(tmp_path / "l.tif", [a[:, :20]], gt=gt, epsg=4326),
             write(tmp_path / "r.tif", [a[:, 20:]], gt=(gt[0] + 20 * gt[1],) + gt[1:], epsg=4326)]
    dest = str(tmp_path / "deg.tif")
    raster.mosaic(tiles, dest)
    assert raster.raster_info(dest)["geotransform"] == gt
    out = read(dest)[0]
    assert np.isnan(out[5, 7]) and np.isnan(out).sum() == 1
    fin = np.isfinite(a)
    assert np.array_equal(out[fin], a[fin])


def test_mosaic_rejects_misaligned_or_mixed_tiles(tmp_path):
    a = np.ones((10, 10), np.uint16)
    t1 = write(tmp_path / "t1.tif", [a])
    t2 = write(tmp_path / "t2.tif", [a], gt=(300105.0, 10.0, 0.0, 4800000.0, 0.0, -10.0))
    with pytest.raises(EoError, match="pixel grid"):
        raster.mosaic([t1, t2], str(tmp_path / "x.tif"))
    t3 = write(tmp_path / "t3.tif", [a], epsg=32630)
    with pytest.raises(EoError, match="coordinate system"):
        raster.mosaic([t1, t3], str(tmp_path / "x.tif"))
    t4 = write(tmp_path / "t4.tif", [a.astype(np.float32)])
    with pytest.raises(EoError, match="same bands"):
        raster.mosaic([t1, t4], str(tmp_path / "x.tif"))
    with pytest.raises(EoError):
        raster.mosaic([], str(tmp_path / "x.tif"))
    assert sorted(os.listdir(tmp_path)) == ["t1.tif", "t2.tif", "t3.tif", "t4.tif"]


@pytest.fixture(params=[True, False], ids=["gdal-exceptions", "no-gdal-exceptions"])
def gdal_exceptions(request):
    """Run a test with GDAL's (process-wide) exception mode on and off."""
    was = gdal.GetUseExceptions()
    if request.param:
        gdal.UseExceptions()
    else:
        gdal.DontUseExceptions()
        gdal.PushErrorHandler("CPLQuietErrorHandler")
    yield request.param
    if not request.param:
        gdal.PopErrorHandler()
    if was:
        gdal.UseExceptions()
    else:
        gdal.DontUseExceptions()


def test_no_part_left_on_failure(tmp_path, aoi_masks, gdal_exceptions):
    tiles = split_tiles(tmp_path, big_arrays("uint16"), ["B4", "B3"])
    dest = tmp_path / "keep.tif"
    dest.write_bytes(b"previous result")
    # a corrupt tile
    bad = tmp_path / "bad.tif"
    bad.write_bytes(b"II*\x00 not really a tiff")
    with pytest.raises(EoError) as exc:
        raster.mosaic(tiles + [str(bad)], str(dest), cutline_geojson=aoi_masks[0])
    assert not isinstance(exc.value, CancelledError)
    assert dest.read_bytes() == b"previous result"
    assert not list(tmp_path.glob("*.part*"))
    # cancelled while GDAL writes
    token = CancelToken()

    def progress(p):
        if p > 0:
            token.cancel()

    with pytest.raises(CancelledError):
        raster.mosaic(tiles, str(dest), cutline_geojson=aoi_masks[0], cancel=token, progress=progress)
    assert dest.read_bytes() == b"previous result"
    assert not list(tmp_path.glob("*.part*"))
    # cancelled before starting
    with pytest.raises(CancelledError):
        raster.mosaic(tiles, str(tmp_path / "new.tif"), cancel=token)
    assert not (tmp_path / "new.tif").exists()


def test_gdal_exception_mode_is_left_alone(tmp_path, gdal_exceptions):
    bad = tmp_path / "bad.tif"
    bad.write_bytes(b"garbage")
    with pytest.raises(EoError):
        raster.mosaic([str(bad)], str(tmp_path / "x.tif"))
    with pytest.raises(EoError):
        raster.stack_vrt([str(bad)], str(tmp_path / "x.vrt"), ["a"])
    good = write(tmp_path / "g.tif", [np.ones((8, 8), np.uint16)])
    assert raster.mosaic([good], str(tmp_path / "x.tif")) == str(tmp_path / "x.tif")
    assert raster.mask_to_polygon(good, aoi_4326(), str(tmp_path / "y.tif")) == str(tmp_path / "y.tif")
    assert gdal.GetUseExceptions() == (1 if gdal_exceptions else 0)
    assert not list(tmp_path.glob("*.part*"))


def test_mask_to_polygon_in_place_and_copy(tmp_path, aoi_masks):
    geojson, (inside, decided) = aoi_masks
    arrays = big_arrays("uint16")
    src = write(tmp_path / "one.tif", arrays, names=["B4", "B3"])
    copy_path = str(tmp_path / "masked.tif")
    raster.mask_to_polygon(src, {"type": "Feature", "properties": {}, "geometry": geojson}, copy_path)
    assert np.array_equal(read(src), arrays)          # the source is untouched
    masked = read(copy_path)
    assert (masked[0][decided & ~inside] == 0).all()
    assert np.array_equal(masked[0][decided & inside], arrays[0][decided & inside])
    raster.mask_to_polygon(src, json.dumps(geojson))   # in place
    assert np.array_equal(read(src), masked)
    assert raster.raster_info(src)["layout"] == "COG"
    assert sorted(os.listdir(tmp_path)) == ["masked.tif", "one.tif"]
    with pytest.raises(EoError, match="polygon"):
        raster.mask_to_polygon(src, {"type": "Point", "coordinates": [1, 43]}, copy_path)


def test_mask_multipolygon(tmp_path):
    a = np.full((100, 100), 7, np.uint16)
    src = write(tmp_path / "a.tif", [a])

    def square(x0, y0, size):
        pts = [(x0, y0), (x0 + size, y0), (x0 + size, y0 - size), (x0, y0 - size), (x0, y0)]
        return [[list(TO_LL.transform(x, y)) for x, y in pts]]

    multi = {"type": "MultiPolygon", "coordinates": [square(300100, 4799900, 200), square(300600, 4799400, 200)]}
    out = read(raster.mask_to_polygon(src, multi, str(tmp_path / "m.tif")))[0]
    assert out[20, 20] == 7 and out[70, 70] == 7 and out[20, 70] == 0 and out[70, 20] == 0
    assert 600 < (out == 7).sum() < 1000


# --- stack -----------------------------------------------------------------------------------
def test_stack_vrt_mixed_resolutions(tmp_path):
    b4 = np.arange(1, 401, dtype=np.uint16).reshape(20, 20)
    b4[0, 0] = 0                                         # EE-masked integer pixel
    b11 = (np.arange(100, dtype=np.float32).reshape(10, 10) + 0.5)
    b11[9, 9] = -np.inf                                 # EE-masked float pixel
    p4 = write(tmp_path / "d.B4.tif", [b4])
    p11 = write(tmp_path / "d.B11.tif", [b11], gt=(300000.0, 20.0, 0.0, 4800000.0, 0.0, -20.0))
    vrt = raster.stack_vrt([p4, p11], str(tmp_path / "d.vrt"), ["B4", "B11"])
    info = raster.raster_info(vrt)
    assert info["geotransform"] == GT and (info["width"], info["height"]) == (20, 20)
    assert info["band_names"] == ["B4", "B11"]
    assert info["dtypes"] == ["UInt16", "Float32"]
    assert info["nodata"][0] == 0 and math.isnan(info["nodata"][1])
    ds = gdal.Open(vrt)
    s4, s11 = ds.GetRasterBand(1).ReadAsArray(), ds.GetRasterBand(2).ReadAsArray()
    ds = None
    assert np.array_equal(s4, b4)
    # nearest neighbour: each 20 m pixel covers 2x2 pixels of 10 m
    expected = np.repeat(np.repeat(b11, 2, axis=0), 2, axis=1)
    assert np.array_equal(s11[:18, :18], expected[:18, :18])
    assert np.isnan(s11[18:, 18:]).all()
    with pytest.raises(EoError):
        raster.stack_vrt([p4, p11], str(tmp_path / "e.vrt"), ["only-one"])
    with pytest.raises(EoError, match="coordinate system"):
        raster.stack_vrt([p4, write(tmp_path / "z.tif", [b4], epsg=32630)], str(tmp_path / "e.vrt"), ["a", "b"])


# --- NPY -------------------------------------------------------------------------------------
def test_npy_round_trip(tmp_path):
    rec = np.zeros((12, 16), dtype=[("B4", "<u2"), ("B3", "<u2")])
    rng = np.random.default_rng(1)
    rec["B4"] = rng.integers(1, 60000, size=(12, 16))
    rec["B3"] = rng.integers(1, 60000, size=(12, 16))
    npy = tmp_path / "d.npy"
    np.save(npy, rec)
    gt = (581270.0, 10.0, 0.0, 4101790.0, 0.0, -10.0)
    dest = raster.npy_to_geotiff(str(npy), str(tmp_path / "d.tif"), crs="EPSG:32610", transform=gt)
    info = raster.raster_info(dest)
    assert info["epsg"] == 32610 and info["geotransform"] == gt
    assert info["band_names"] == ["B4", "B3"] and info["numpy_dtypes"] == ["uint16", "uint16"]
    back = read(dest)
    assert np.array_equal(back[0], rec["B4"]) and np.array_equal(back[1], rec["B3"])
    assert sorted(os.listdir(tmp_path)) == ["d.npy", "d.tif"]


def test_npy_mixed_types_and_masks(tmp_path):
    rec = np.zeros((5, 6), dtype=[("B4", "<u2"), ("dem", "<f4")])
    rec["B4"] = 3
    rec["dem"] = np.linspace(1, 2, 30).reshape(5, 6)
    rec["dem"][0, 0] = -np.inf
    np.save(tmp_path / "m.npy", rec)
    dest = raster.npy_to_geotiff(str(tmp_path / "m.npy"), str(tmp_path / "m.tif"), crs="EPSG:4326",
                                 transform=(1.0, 0.001, 0.0, 43.0, 0.0, -0.001), band_names=["red", "height"])
    info = raster.raster_info(dest)
    assert info["numpy_dtypes"] == ["float32", "float32"] and info["band_names"] == ["red", "height"]
    assert info["epsg"] == 4326 and math.isnan(info["nodata"][1])
    back = read(dest)
    assert np.isnan(back[1, 0, 0]) and np.allclose(back[1].ravel()[1:], rec["dem"].ravel()[1:])
    assert (back[0] == 3).all()
    with pytest.raises(EoError):
        raster.npy_to_geotiff(str(tmp_path / "m.npy"), str(tmp_path / "x.tif"), crs="EPSG:4326",
                              transform=(0, 1, 0, 0, 0, -1), band_names=["a"])
    (tmp_path / "junk.npy").write_bytes(b"not numpy")
    with pytest.raises(EoError):
        raster.npy_to_geotiff(str(tmp_path / "junk.npy"), str(tmp_path / "x.tif"), crs="EPSG:4326",
                              transform=(0, 1, 0, 0, 0, -1))
    assert not (tmp_path / "x.tif").exists() and not list(tmp_path.glob("*.part*"))


# --- with the Earth Engine simulator ---------------------------------------------------------
def test_mosaic_of_simulator_tiles_matches_one_request(tmp_path):
    """Tiles fetched from the EE simulator mosaic back into exactly the single-request raster."""
    import requests
    from tests.sims.ee_sim import S2_T31TCJ_ID, EeSimulator

    def body(tr, w, h):
        c = lambda v: {"constantValue": v}  # noqa: E731
        inv = lambda n, **a: {"functionInvocationValue": {"functionName": n, "arguments": a}}  # noqa: E731
        img = inv("Image.reproject", image=inv("Image.load", id=c(S2_T31TCJ_ID)),
                  crs=inv("Projection", crs=c("EPSG:32631")), crsTransform=c(tr))
        rect = inv("GeometryConstructors.Rectangle", coordinates=c([0, 0, w, h]),
                   crs=inv("Image.projection", image={"valueReference": "1"}), geodesic=c(False))
        return {"expression": {"result": "0", "values": {
            "0": inv("Image.clipToBoundsAndScale", input={"valueReference": "1"}, geometry=rect), "1": img}},
            "fileFormat": "ZIPPED_GEO_TIFF", "filenamePrefix": None, "bandIds": ["B8", "B12"]}

    def fetch(sim, tr, w, h, name):
        r = requests.post(sim.url + "/v1/projects/my-project/thumbnails?fields=name&alt=json",
                          json=body(tr, w, h), headers={"Authorization": "Bearer test-token"}, timeout=30)
        assert r.status_code == 200, r.text
        data = requests.get(sim.url + "/v1/" + r.json()["name"] + ":getPixels", timeout=30).content
        z = zipfile.ZipFile(io.BytesIO(data))
        path = tmp_path / name
        path.write_bytes(z.read(z.namelist()[0]))
        return str(path)

    x0, y0 = 340000.0, 4760000.0
    with EeSimulator(tokens=["test-token"]) as sim:
        whole = fetch(sim, [10, 0, x0, 0, -10, y0], 300, 260, "whole.tif")
        tiles = [fetch(sim, [10, 0, x0 + 10 * c, 0, -10, y0 - 10 * r], w, h, "t%d_%d.tif" % (r, c))
                 for r, h in ((0, 130), (130, 130)) for c, w in ((0, 150), (150, 150))]
    corners = [(x0 + 300, y0 - 200), (x0 + 2800, y0 - 400), (x0 + 1500, y0 - 2400)]
    tri = {"type": "Polygon", "coordinates": [[list(TO_LL.transform(x, y)) for x, y in corners + corners[:1]]]}
    raster.mosaic(tiles, str(tmp_path / "m.tif"), cutline_geojson=tri)
    raster.mask_to_polygon(whole, tri, str(tmp_path / "w.tif"))
    assert np.array_equal(read(tmp_path / "m.tif"), read(tmp_path / "w.tif"))
    assert raster.raster_info(str(tmp_path / "m.tif"))["band_names"] == ["B8", "B12"]
    m = read(tmp_path / "m.tif")
    assert (m == 0).any() and (m != 0).any()


# --- tiles prepared as they arrive: AOI coverage, masking in place, overviews, VRT mosaic ----------------------
def small_tiles(folder, arrays, size=40):
    """The big raster cut into size x size tiles (smaller at the right and bottom edges)."""
    folder.mkdir(exist_ok=True)
    paths = []
    for r0 in range(0, H, size):
        for c0 in range(0, W, size):
            gt = (GT[0] + c0 * GT[1], GT[1], 0.0, GT[3] + r0 * GT[5], 0.0, GT[5])
            paths.append((write(folder / ("t_%03d_%03d.tif" % (r0, c0)),
                                [a[r0:r0 + size, c0:c0 + size] for a in arrays], gt, names=["B4", "B3"]),
                          r0, c0))
    return paths


def test_coverage_tells_inside_partial_and_outside_tiles(tmp_path, aoi_masks):
    geojson, (inside, decided) = aoi_masks
    kinds = {}
    for path, r0, c0 in small_tiles(tmp_path, big_arrays("uint16")):
        where = raster.coverage(path, geojson)
        kinds.setdefault(where, 0)
        kinds[where] += 1
        win = (slice(r0, r0 + 40), slice(c0, c0 + 40))
        if where == raster.INSIDE:
            assert inside[win][decided[win]].all()
        elif where == raster.OUTSIDE:
            assert not inside[win][decided[win]].any()
        else:
            assert where == raster.PARTIAL
    assert kinds[raster.INSIDE] >= 10 and kinds[raster.PARTIAL] >= 10 and kinds[raster.OUTSIDE] >= 10


@pytest.mark.parametrize("dtype", ["uint16", "float32"])
# (GDAL gives a VRT mosaic the overviews of its tiles down to 128 px tiles: 260 px tiles, factor 2)
@pytest.mark.parametrize("size,factors", [(40, []), (260, [2])], ids=["small-tiles", "with-overviews"])
def test_prepared_tiles_give_the_masked_mosaic(tmp_path, aoi_masks, dtype, size, factors):
    geojson, _masks = aoi_masks
    arrays = big_arrays(dtype)
    tiles = small_tiles(tmp_path / "tiles", arrays, size=size)
    reference = str(tmp_path / "reference.tif")
    raster.mosaic([p for p, _r, _c in tiles], reference, cutline_geojson=geojson)

    kept, kinds = [], set()
    for path, _r, _c in tiles:
        before = open(path, "rb").read()
        where = raster.coverage(path, geojson)
        kinds.add(where)
        got = raster.prepare_tile(path, geojson, factors=factors)
        if where == raster.OUTSIDE:
            assert got is None and not os.path.exists(path + ".ovr")
            assert open(path, "rb").read() == before                # left alone
            continue
        assert got == path
        assert raster.raster_info(path)["overview_counts"] == [len(factors)] * 2
        # only cut tiles rewritten, and with overviews (a tiled output's tile) every tile: uncompressed
        assert (open(path, "rb").read() == before) == (where == raster.INSIDE and not factors)
        kept.append(path)
    assert raster.PARTIAL in kinds and (size > 40 or kinds == {raster.INSIDE, raster.PARTIAL, raster.OUTSIDE})
    assert not list((tmp_path / "tiles").glob("*.part*"))

    # the preview: a VRT of the prepared tiles on the whole grid, with their overviews
    vrt = raster.mosaic_vrt(kept, str(tmp_path / "preview.vrt"), grid=(GT, W, H))
    info = raster.raster_info(vrt)
    assert info["geotransform"] == GT and (info["width"], info["height"]) == (W, H)
    assert info["overview_counts"] == [len(factors)] * 2 and info["band_names"] == ["B4", "B3"]
    np.testing.assert_array_equal(read(vrt), read(reference))       # (NaN equals NaN here)

    # the final file from the prepared tiles equals the mosaic masked in one go
    dest = str(tmp_path / "from_prepared.tif")
    raster.mosaic(kept, dest, grid=(GT, W, H))
    np.testing.assert_array_equal(read(dest), read(reference))
    assert raster.raster_info(dest)["layout"] == "COG"


# -- usable outputs ------------------------------------------------------------------------------------
def test_check_output_accepts_images_documented_files_and_uris(tmp_path):
    write(tmp_path / "a.tif", [np.ones((4, 4), dtype="uint8")])
    (tmp_path / "meta.xml").write_text("<?xml version='1.0'?><metadata/>")
    np.save(str(tmp_path / "a.npy"), np.zeros((2, 2), dtype="uint16"))
    with zipfile.ZipFile(str(tmp_path / "kept.zip"), "w") as archive:
        archive.write(str(tmp_path / "a.tif"), "SAFE/IMG/a.tif")
        archive.writestr("SAFE/manifest.safe", "<xml/>")
    (tmp_path / "product" / "IMG").mkdir(parents=True)
    write(tmp_path / "product" / "IMG" / "B04.tif", [np.ones((4, 4), dtype="uint8")])
    (tmp_path / "product" / "HTML").mkdir()
    (tmp_path / "product" / "HTML" / "index.html").write_text("<html><title>Product</title></html>")
    raster.check_outputs([str(tmp_path / n) for n in ("a.tif", "meta.xml", "a.npy", "kept.zip", "product")] +
                         ["type=xyz&url=http%3A%2F%2Fx%2F%7Bz%7D&zmax=20&zmin=0"])


@pytest.mark.parametrize("name, make, words", [
    ("kept.zip", lambda p: p.write_bytes(faults_zip({"SAFE/IMG/B04.jp2": b"\x00garbage" * 50})),
     "SAFE/IMG/B04.jp2 in kept.zip is not an image GDAL can read"),
    ("kept.zip", lambda p: p.write_bytes(b"<html><title>Not found</title></html>"),
     "The server sent a web page instead of an image (kept.zip): Not found"),
    ("a.npy", lambda p: p.write_bytes(b'{"error": "expired"}'), "instead of an image (a.npy): expired"),
    ("product", lambda p: p.mkdir(), "The folder product holds no image."),
    ("missing.tif", lambda p: None, "missing.tif does not exist"),
])
def test_check_output_refuses_what_is_not_usable(tmp_path, name, make, words):
    make(tmp_path / name)
    with pytest.raises(raster.RasterError) as info:
        raster.check_output(str(tmp_path / name))
    assert words in info.value.message


def test_a_folder_with_one_bad_image_is_refused(tmp_path):
    (tmp_path / "product").mkdir()
    write(tmp_path / "product" / "B04.tif", [np.ones((4, 4), dtype="uint8")])
    (tmp_path / "product" / "B08.jp2").write_bytes(b"<!DOCTYPE html><html><title>Expired</title></html>")
    with pytest.raises(raster.RasterError, match=r"web page instead of an image \(B08.jp2\): Expired"):
        raster.check_output(str(tmp_path / "product"))


def faults_zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return buffer.getvalue()


def test_a_tiles_overviews_are_made_in_the_same_pass_with_gdals_nearest_pixels(tmp_path, aoi_masks):
    """Issue 19: a tile of a large output is read once -- masked, written uncompressed, its overviews taken
    from the same pixels in RAM -- where GDAL read it back for overviews beside it (41 % of the tile's
    time).  The overviews are internal, uncompressed, and hold the pixels GDAL's nearest neighbour picks
    (each level from the one before), for odd sizes too; a float tile keeps its source nodata."""
    rng = np.random.default_rng(9)
    geojson = aoi_masks[0]
    for dtype, (h, w) in (("uint16", (334, 1001)), ("float32", (257, 513))):
        arrays = [rng.integers(1, 60000, size=(h, w)).astype(dtype) for _ in range(3)]
        for where, polygon in (("whole", None), ("cut", geojson)):
            path = write(tmp_path / ("%s_%s.tif" % (dtype, where)), arrays)
            reference = str(tmp_path / ("%s_%s_ref.tif" % (dtype, where)))
            if polygon is None:
                shutil.copy(path, reference)
            else:                                   # the mask as before, then GDAL's overviews of it
                raster._mask_tile(gdal.Open(path), reference, polygon)
            ref = gdal.Open(reference, gdal.GA_Update)
            ref.BuildOverviews("NEAREST", [2, 4, 8])
            ref = None
            assert raster.prepare_tile(path, polygon, factors=[2, 4, 8]) == path
            info = raster.raster_info(path)
            assert info["compression"] is None and info["overview_counts"] == [3, 3, 3]
            assert not os.path.exists(path + ".ovr")
            got, want = _cog_pixels(path), _cog_pixels(reference)
            assert [a.shape for a in got] == [a.shape for a in want]
            assert all(np.array_equal(a, b) for a, b in zip(got, want)), (dtype, where)
            if polygon is not None:
                assert (got[0] == raster._nodata_pair(gdal.Open(path), None)[0]).any()


@pytest.mark.parametrize("dtype, nodata", [("uint16", None), ("uint16", 7), ("float32", None)])
def test_tiles_staged_in_ram_give_the_file_the_vrt_gives(tmp_path, monkeypatch, dtype, nodata):
    """A small mosaic is copied into RAM straight from its tiles (one read and one write each), not
    through the VRT: the same COG, pixel for pixel and level for level, on an output grid larger than the
    tiles (a tile left out: nodata there), with their band names and nodata."""
    rng = np.random.default_rng(3)
    width, height = 700, 620

    def tile(name, col, row, w, h):
        a = rng.integers(1, 5000, size=(2, h, w)).astype(dtype)
        a[:, 0, 0] = nodata if nodata is not None else (-np.inf if dtype == "float32" else 0)
        gt = (GT[0] + col * GT[1], GT[1], 0.0, GT[3] + row * GT[5], 0.0, GT[5])
        return write(tmp_path / name, list(a), gt=gt, names=["B8", "B2"], nodata=nodata)
    tiles = [tile("a.tif", 0, 0, 700, 200), tile("b.tif", 0, 200, 300, 420), tile("c.tif", 450, 200, 250, 420)]
    made = {}
    for way, limit in (("ram", raster.SMALL_COG_BYTES), ("vrt", 0)):
        monkeypatch.setattr(raster, "SMALL_COG_BYTES", limit)
        dest = str(tmp_path / (way + ".tif"))
        raster.mosaic(tiles, dest, grid=(GT, width, height))
        made[way] = (_cog_pixels(dest), raster.raster_info(dest))
    ram, vrt = made["ram"], made["vrt"]
    assert len(ram[0]) == len(vrt[0]) == 2          # full resolution and one overview
    for a, b in zip(ram[0], vrt[0]):
        np.testing.assert_array_equal(a, b)
    for key in ("nodata", "band_names", "width", "height", "geotransform"):
        assert repr(ram[1].get(key)) == repr(vrt[1].get(key)), key
    gap = ram[0][0][:, 300, 350]                    # between b and c
    assert (np.isnan(gap).all() if dtype == "float32" else (gap == (nodata or 0)).all())


@pytest.mark.parametrize("dtype", ["uint16", "float32"])
def test_ram_mosaic_is_the_mosaic_of_the_prepared_tiles(tmp_path, dtype):
    """RamMosaic (tiles masked into RAM as they land, put from two threads in any order) writes the
    COG that mosaic() writes of the same tiles prepared to files: pixels at every level, nodata (EE's
    -inf as NaN), band names, grid; on an output grid wider than the tiles (nodata there)."""
    import concurrent.futures
    arrays = big_arrays(dtype)
    os.makedirs(tmp_path / "ram")
    os.makedirs(tmp_path / "files")
    tiles = split_tiles(tmp_path / "ram", arrays, ["B8", "B2"])
    grid = (GT, W + 64, H)
    prepared = []
    for path in tiles:
        copy = str(tmp_path / "files" / os.path.basename(path))
        shutil.copy(path, copy)
        kept = raster.prepare_tile(copy, aoi_4326())
        if kept:
            prepared.append(kept)
    from_files = raster.mosaic(prepared, str(tmp_path / "files.tif"), grid=grid)
    ram = raster.RamMosaic(grid)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        kept = list(pool.map(lambda p: ram.put(p, aoi_4326()), reversed(tiles)))
    assert kept == list(reversed(tiles)) and ram.inside == 4
    from_ram = ram.write(str(tmp_path / "ram.tif"))
    ours, theirs = _cog_pixels(from_ram), _cog_pixels(from_files)
    assert len(ours) == len(theirs) >= 2
    for a, b in zip(ours, theirs):
        np.testing.assert_array_equal(a, b)
    for key in ("nodata", "band_names", "width", "height", "geotransform", "overview_counts"):
        assert repr(raster.raster_info(from_ram)[key]) == repr(raster.raster_info(from_files)[key]), key
    full = ours[0]
    valid = ~np.isnan(full) if dtype == "float32" else full != 0
    assert not valid[:, :, W:].any() and valid.sum() > 1000
    assert not [n for n in os.listdir(tmp_path) if ".part." in n]


def test_ram_mosaic_refuses_a_tile_that_is_not_of_its_grid_and_leaves_nothing_on_cancel(tmp_path):
    arrays = big_arrays("uint16")
    tiles = split_tiles(tmp_path, arrays, None)
    ram = raster.RamMosaic((GT, W, H))
    with pytest.raises(EoError) as info:
        ram.write(str(tmp_path / "none.tif"))
    assert "no tiles" in str(info.value)
    assert ram.put(tiles[0]) == tiles[0]
    small = list(arrays[:, :10, :10])
    off = write(tmp_path / "off.tif", small, (GT[0] + 5.0,) + GT[1:])               # half a pixel
    beyond = write(tmp_path / "beyond.tif", small, (GT[0] - 100.0,) + GT[1:])       # left of the grid
    other_crs = write(tmp_path / "crs.tif", small, GT, epsg=32632)
    bands = write(tmp_path / "bands.tif", [a.astype("float32") for a in small], GT)
    for path, words in ((off, "one pixel grid"), (beyond, "one pixel grid"), (other_crs, "coordinate system"),
                        (bands, "same bands")):
        with pytest.raises(EoError) as info:
            ram.put(path)
        assert words in str(info.value), path
    token = CancelToken()
    token.cancel()
    dest = str(tmp_path / "cancelled.tif")
    with pytest.raises(CancelledError):
        ram.write(dest, cancel=token)
    assert not os.path.exists(dest) and not [n for n in os.listdir(tmp_path) if ".part." in n]


def test_pixels_are_read_with_the_interpreter_lock_released():
    """read_array lets other Python threads run while GDAL decodes (QGIS's main thread draws meanwhile),
    and reads the window asked for, of a band or of every band.  (gdal_array's ReadAsArray held the lock
    for a whole read in a plain Python process, 66 ms for 4000 x 4000 x 3 px; not in this one.)"""
    import threading
    import time
    path = "/vsimem/lock_%d.tif" % os.getpid()
    ds = gdal.GetDriverByName("GTiff").Create(path, 3000, 3000, 3, gdal.GDT_UInt16, ["COMPRESS=DEFLATE"])
    noise = np.random.default_rng(0).integers(0, 4000, size=(3000, 3000)).astype("uint16")
    for i in range(3):
        ds.GetRasterBand(i + 1).WriteArray(noise)
    ds = None

    def longest_pause(read):
        done, spans, gaps = threading.Event(), [], []

        def reader():
            for _ in range(3):
                t = time.perf_counter()
                read(gdal.Open(path))
                spans.append(time.perf_counter() - t)
            done.set()
        thread = threading.Thread(target=reader)
        last = time.perf_counter()
        thread.start()
        while not done.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now
        thread.join()
        return max(gaps), min(spans)
    try:
        ours, read_time = longest_pause(raster.read_array)
    finally:
        gdal.Unlink(path)
    small = gdal.GetDriverByName("MEM").Create("", 4, 3, 2, gdal.GDT_Int16)
    small.GetRasterBand(2).Fill(-7)
    assert raster.read_array(small).shape == (2, 3, 4) and (raster.read_array(small)[1] == -7).all()
    assert raster.read_array(small.GetRasterBand(2), 1, 1, 2, 2).tolist() == [[-7, -7], [-7, -7]]
    assert ours < read_time / 3, (ours, read_time)
