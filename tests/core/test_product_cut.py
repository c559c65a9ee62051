"""Band discovery in downloaded products and the cut to the AOI at native grid and CRS."""
import os
import shutil
import zipfile

import numpy as np
import pytest
from osgeo import gdal, osr
from pyproj import Transformer
from shapely.geometry import Point, shape

from plugin.core.providers.eodag import cut as pc
from tests.sims import eodag_sim as es

# A pentagon inside the simulator's tile (UTM 31N, x 360000..362400, y 4827600..4830000).
AOI = {"type": "Polygon", "coordinates": [[[1.2750, 43.5950], [1.2850, 43.5960], [1.2860, 43.6010],
                                           [1.2790, 43.6030], [1.2755, 43.6010], [1.2750, 43.5950]]]}
TO_UTM = Transformer.from_crs(4326, es.EPSG, always_xy=True)


def _write_zip(tmp_path, product, name="p.zip"):
    path = tmp_path / name
    path.write_bytes(es.safe_zip(product))
    return str(path)


@pytest.fixture(scope="module")
def l2a_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("l2a")
    zp = _write_zip(base, es.CATALOGUE[0])
    with zipfile.ZipFile(zp) as zf:
        zf.extractall(str(base / "product"))
    return str(base / "product")


def _write_tif(path, bands, res=10, descriptions=True, x0=es.TILE_X0, y0=es.TILE_Y0, size=40, epsg=es.EPSG,
               dtype=gdal.GDT_UInt16):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), size, size, len(bands), dtype)
    ds.SetGeoTransform((x0, res, 0, y0, 0, -res))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    for i, band in enumerate(bands, start=1):
        ds.GetRasterBand(i).WriteArray(np.full((size, size), 100 * i, dtype="uint16"))
        if descriptions:
            ds.GetRasterBand(i).SetDescription(band)
    ds = None
    return str(path)


def test_band_names_are_normalised():
    assert pc.canonical_band("B4") == "B04"
    assert pc.canonical_band("b04") == "B04"
    assert pc.canonical_band("b8a") == "B8A"
    assert pc.canonical_band("red") == "B04"
    assert pc.canonical_band("nir08") == "B8A"
    assert pc.canonical_band("B10") == "B10"
    assert pc.canonical_band("SCL") == "SCL"
    assert pc.parse_bands("B04, B03;B02 b4") == ["B04", "B03", "B02"]
    assert pc.short_name(es.CATALOGUE[0]["id"]) == "S2B_L2A_T31TCJ_20230719"


def test_l2a_safe_bands_at_their_finest_resolution(l2a_dir):
    found = pc.find_bands(l2a_dir, ["B04", "B8A", "B01", "B10", "SCL"])
    assert set(found) == {"B04", "B8A", "B01"}          # L2A has no B10; SCL is not in this product
    assert "/R10m/" in found["B04"].path and found["B04"].path.endswith("_B04_10m.jp2")
    assert found["B04"].resolution == 10
    assert "/R20m/" in found["B8A"].path and found["B8A"].resolution == 20
    assert "/R60m/" in found["B01"].path and found["B01"].resolution == 60


def test_l1c_layout_read_inside_the_zip(tmp_path):
    zp = _write_zip(tmp_path, es.CATALOGUE[1])
    found = pc.find_bands(zp, ["B04", "B8A", "B10"])
    assert found["B04"].path.startswith("/vsizip/") and found["B04"].path.endswith("_B04.jp2")
    assert "IMG_DATA/R" not in found["B04"].path
    assert found["B10"].resolution == 60
    result = pc.cut_product(zp, AOI, ["B04", "B10"], str(tmp_path / "cut"))
    assert [os.path.basename(p) for p in result.outputs] == ["p_B04.tif", "p_B10.tif"]
    assert result.true_colour is None


def _aoi_utm():
    from shapely.ops import transform
    return transform(TO_UTM.transform, shape(AOI))


def test_cut_keeps_the_source_grid_and_pixels(l2a_dir, tmp_path):
    src = pc.find_bands(l2a_dir, ["B04"])["B04"]
    out = pc.cut_raster(src.path, str(tmp_path / "b04.tif"), AOI, band_name="B04")
    ds = gdal.Open(out)
    gt = ds.GetGeoTransform()
    assert (gt[1], gt[5]) == (10.0, -10.0)
    assert (gt[0] - es.TILE_X0) % 10 == 0 and (es.TILE_Y0 - gt[3]) % 10 == 0     # on the source grid
    assert osr.SpatialReference(wkt=ds.GetProjection()).GetAuthorityCode(None) == str(es.EPSG)
    band = ds.GetRasterBand(1)
    assert band.GetDescription() == "B04" and band.GetNoDataValue() == 0
    poly = _aoi_utm()
    minx, miny, maxx, maxy = poly.bounds
    # The window covers the AOI's bounding box and is at most one pixel larger on each side.
    x1, y1 = gt[0] + gt[1] * ds.RasterXSize, gt[3] + gt[5] * ds.RasterYSize
    assert gt[0] <= minx < gt[0] + 10 and x1 - 10 < maxx <= x1
    assert y1 <= miny < y1 + 10 and gt[3] - 10 < maxy <= gt[3]
    data = band.ReadAsArray()
    inside = outside = 0
    for row in range(0, ds.RasterYSize, 3):
        for col in range(0, ds.RasterXSize, 3):
            x, y = gt[0] + (col + 0.5) * 10, gt[3] - (row + 0.5) * 10
            if poly.contains(Point(x, y)):
                assert data[row, col] == es.pixel_value("B04", x, y, 10)
                inside += 1
            elif not poly.boundary.distance(Point(x, y)) < 10:
                assert data[row, col] == 0
                outside += 1
    assert inside > 100 and outside > 20


def test_true_colour_vrt_is_relative_and_named(l2a_dir, tmp_path):
    result = pc.cut_product(l2a_dir, AOI, ["B02", "B03", "B04", "B8A"], str(tmp_path / "cut"), prefix="S2B_x")
    names = [os.path.basename(p) for p in result.outputs]
    assert names == ["S2B_x_true_colour.vrt", "S2B_x_B02.tif", "S2B_x_B03.tif", "S2B_x_B04.tif", "S2B_x_B8A.tif"]
    moved = tmp_path / "moved"
    shutil.move(str(tmp_path / "cut"), str(moved))
    vrt = gdal.Open(str(moved / "S2B_x_true_colour.vrt"))
    assert vrt is not None and vrt.RasterCount == 3
    assert [vrt.GetRasterBand(i).GetDescription() for i in (1, 2, 3)] == ["B04", "B03", "B02"]
    red = gdal.Open(str(moved / "S2B_x_B04.tif")).ReadAsArray()
    assert np.array_equal(vrt.GetRasterBand(1).ReadAsArray(), red)
    # The 20 m band keeps its 20 m pixels.
    assert gdal.Open(str(moved / "S2B_x_B8A.tif")).GetGeoTransform()[1] == 20.0


def test_assets_by_file_name_or_hint(tmp_path):
    folder = tmp_path / "item"
    folder.mkdir()
    _write_tif(folder / "B04.tif", ["x"], descriptions=False)
    _write_tif(folder / "asset_7.tif", ["x"], descriptions=False)
    _write_tif(folder / "thumbnail_B03.tif", ["x"], descriptions=False)       # a preview: skipped
    found = pc.find_bands(str(folder), ["red", "B03"], hints={"asset_7.tif": ["green", "B03"]})
    assert os.path.basename(found["red"].path) == "B04.tif"
    assert os.path.basename(found["B03"].path) == "asset_7.tif"


def test_landsat_like_names_and_masks_skipped(tmp_path):
    folder = tmp_path / "LC08"
    (folder / "QI_DATA").mkdir(parents=True)
    _write_tif(folder / "LC08_L2SP_196030_20230719_20230725_02_T1_SR_B4.TIF", ["x"], res=30, descriptions=False)
    _write_tif(folder / "QI_DATA" / "T31TCJ_B04_mask.tif", ["x"], descriptions=False)
    _write_tif(folder / "MSK_B04.tif", ["x"], descriptions=False)
    found = pc.find_bands(str(folder), ["B4", "B04"])
    assert found["B4"].path.endswith("_SR_B4.TIF") and found["B4"].resolution == 30


def test_multiband_raster_by_band_description(tmp_path):
    path = _write_tif(tmp_path / "stack.tif", ["B02", "B03", "B04", "B08"], size=240)
    found = pc.find_bands(str(tmp_path), ["B03", "B08"])
    assert (found["B03"].index, found["B08"].index) == (2, 4)
    out = pc.cut_raster(path, str(tmp_path / "b08.tif"), AOI, band_index=4, band_name="B08")
    ds = gdal.Open(out)
    assert ds.RasterCount == 1 and ds.GetRasterBand(1).GetDescription() == "B08"
    values = set(np.unique(ds.ReadAsArray()).tolist())
    assert values == {0, 400}                         # band 4 inside the polygon, nodata outside


def test_aoi_outside_the_raster(tmp_path, l2a_dir):
    far = {"type": "Polygon", "coordinates": [[[2.0, 44.0], [2.01, 44.0], [2.01, 44.01], [2.0, 44.0]]]}
    src = pc.find_bands(l2a_dir, ["B04"])["B04"]
    assert pc.cut_raster(src.path, str(tmp_path / "x.tif"), far) is None
    assert not (tmp_path / "x.tif").exists() and not (tmp_path / "x.part.tif").exists()
    result = pc.cut_product(l2a_dir, far, ["B04", "B99"], str(tmp_path / "cut"))
    assert result.outside == ["B04"] and result.missing == ["B99"] and result.outputs == []


def test_multipolygon_parts_are_both_kept(l2a_dir, tmp_path):
    west = [[1.2710, 43.5900], [1.2740, 43.5900], [1.2740, 43.5930], [1.2710, 43.5930], [1.2710, 43.5900]]
    east = [[1.2900, 43.6000], [1.2930, 43.6000], [1.2930, 43.6030], [1.2900, 43.6030], [1.2900, 43.6000]]
    multi = {"type": "MultiPolygon", "coordinates": [[west], [east]]}
    src = pc.find_bands(l2a_dir, ["B04"])["B04"]
    ds = gdal.Open(pc.cut_raster(src.path, str(tmp_path / "m.tif"), multi))
    gt = ds.GetGeoTransform()
    data = ds.ReadAsArray()

    def value_at(lon, lat):
        x, y = TO_UTM.transform(lon, lat)
        return data[int((gt[3] - y) // 10), int((x - gt[0]) // 10)]

    assert value_at(1.2725, 43.5915) != 0 and value_at(1.2915, 43.6015) != 0
    assert value_at(1.2820, 43.5965) == 0                  # between the parts


def test_bands_are_cut_side_by_side_in_the_requested_order(l2a_dir, tmp_path, monkeypatch):
    import threading
    met = threading.Barrier(2, timeout=20)     # two cuts must be running at the same time
    threads = []
    cut_raster = pc.cut_raster

    def meeting(*args, **kwargs):
        threads.append(threading.current_thread().name)
        if len(threads) <= 2:
            met.wait()
        return cut_raster(*args, **kwargs)
    monkeypatch.setattr(pc, "cut_raster", meeting)
    monkeypatch.setattr(pc.os, "cpu_count", lambda: 2)
    seen = []
    result = pc.cut_product(l2a_dir, AOI, ["B8A", "B02", "B03", "B04"], str(tmp_path / "cut"), prefix="p",
                            progress=seen.append)
    assert len(threads) == 4 and all(t.startswith("eo-cut") for t in threads)
    assert [os.path.basename(p) for p in result.outputs] == ["p_true_colour.vrt", "p_B8A.tif", "p_B02.tif",
                                                            "p_B03.tif", "p_B04.tif"]
    assert seen == [0.2, 0.4, 0.6, 0.8, 1.0]


def test_a_failing_band_cut_fails_the_product_and_leaves_no_part(l2a_dir, tmp_path, monkeypatch):
    cut_raster = pc.cut_raster

    def failing(src, dest, *args, **kwargs):
        if dest.endswith("_B03.tif"):
            raise pc.CutError("B03 is broken")
        return cut_raster(src, dest, *args, **kwargs)
    monkeypatch.setattr(pc, "cut_raster", failing)
    with pytest.raises(pc.CutError, match="B03 is broken"):
        pc.cut_product(l2a_dir, AOI, ["B02", "B03", "B04"], str(tmp_path / "cut"), prefix="p")
    assert not [f for f in os.listdir(str(tmp_path / "cut")) if ".part" in f]


def test_only_the_finest_named_file_of_a_band_is_opened(l2a_dir, monkeypatch):
    assert pc._named_resolution("GRANULE/L2A_T31TCJ/IMG_DATA/R20m/T31TCJ_20230719T103629_B04_20m.jp2") == 20.0
    assert pc._named_resolution("IMG_DATA/R60m/B01.jp2") == 60.0
    assert pc._named_resolution("LC09_L2SP_B4.TIF") is None
    opened = []
    open_quiet = pc._open_quiet

    def counting(path):
        opened.append(os.path.basename(path))
        return open_quiet(path)
    monkeypatch.setattr(pc, "_open_quiet", counting)
    found = pc.find_bands(l2a_dir, ["B04", "B8A"])
    assert found["B04"].resolution == 10.0 and found["B8A"].resolution == 20.0
    assert len(opened) == 2 and opened[0].endswith("_B04_10m.jp2") and opened[1].endswith("_B8A_20m.jp2")
