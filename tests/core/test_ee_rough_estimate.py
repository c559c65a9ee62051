"""The size told before an image's bands are known (one formula, in core, for the dock)."""
import math

from plugin.core.providers.earthengine import tiling


def test_one_degree_at_ten_metres():
    est = tiling.rough_estimate((10.0, 45.0, 11.0, 46.0), 10.0, 3)
    assert 7800 < est.width < 7900 and 11000 < est.height < 11100
    assert est.bytes == est.width * est.height * 3 * 3          # 16-bit bands + the mask byte
    assert est.tiles >= math.ceil(est.bytes / tiling.MAX_REQUEST_BYTES) and not est.fits


def test_small_area_is_one_request():
    est = tiling.rough_estimate((10.0, 45.0, 10.01, 45.01), 10.0, 1)
    assert est.tiles == 1 and est.fits


def test_extreme_numbers_give_a_bounded_answer_at_once():
    for scale in (1e-320, 0.0, -5.0, float("nan"), float("inf")):
        est = tiling.rough_estimate((-180.0, -85.0, 180.0, 85.0), scale, 1000)
        assert est.width >= 1 and est.height >= 1 and est.tiles >= 1
