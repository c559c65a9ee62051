"""The image:export and maps.create bodies we build equal those the official client sent.

Every ``tests/fixtures/ee_official/export_*.json`` was captured from
earthengine-api 1.7.50 (scripts/capture_ee_export_official.py): the
``Export.image.toCloudStorage / toDrive / toAsset`` calls with several option
sets, the operation calls, and ``getMapId`` of an exported asset.
"""
import glob
import json
import os

import pytest

from plugin.core.providers.earthengine import expression as ex
from plugin.core.providers.earthengine import export as E
from plugin.core.errors import ParameterError

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ee_official")
EXPORT_CASES = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(FIXTURES, "export_*.json"))
                      if "request" in json.load(open(p)) and json.load(open(p))["request"]["path"]
                      .endswith("/image:export"))
MAP_CASES = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(FIXTURES, "export_map_*.json")))
DESTINATIONS = {"toCloudStorage": "gcs", "toDrive": "drive", "toAsset": "asset"}


def load(case):
    with open(os.path.join(FIXTURES, case + ".json")) as f:
        return json.load(f)


def our_params(record):
    """The plugin's parameters for the official call the record describes."""
    c = dict(record["params"])
    fmt = c.pop("formatOptions", {})
    policy = dict(c.pop("pyramidingPolicy", {}) or {})
    return E.validate({
        "image": c["image"], "bands": c.get("bands"), "aoi": c.get("region"), "project": "my-project",
        "destination": DESTINATIONS[c["call"]], "description": c.get("description"), "bucket": c.get("bucket"),
        "folder": c.get("folder"), "prefix": c.get("fileNamePrefix"), "asset_id": c.get("assetId"),
        "overwrite": c.get("overwrite", False), "scale": c.get("scale"), "crs": c.get("crs"),
        "crs_transform": c.get("crsTransform"), "dimensions": c.get("dimensions"),
        "max_pixels": c.get("maxPixels"), "priority": c.get("priority"),
        "file_dimensions": c.get("fileDimensions"), "skip_empty": c.get("skipEmptyTiles", False),
        "cloud_optimized": fmt.get("cloudOptimized", False), "no_data": fmt.get("noData"),
        "pyramiding_policy": policy.pop(".default", None), "pyramiding_overrides": policy,
        "workload_tag": c.get("workloadTag")})


def test_the_captures_cover_every_destination_and_option():
    calls = {load(c)["params"]["call"] for c in EXPORT_CASES}
    assert calls == {"toCloudStorage", "toDrive", "toAsset"}
    keys = set()
    for case in EXPORT_CASES:
        body = load(case)["request"]["body"]
        keys |= set(body)
        for opts in ("fileExportOptions", "assetExportOptions"):
            keys |= {opts + "." + k for k in body.get(opts, {})}
            keys |= {"geoTiffOptions." + k for k in body.get(opts, {}).get("geoTiffOptions", {})}
    for key in ("expression", "description", "maxPixels", "requestId", "workloadTag", "priority",
                "fileExportOptions.cloudStorageDestination", "fileExportOptions.driveDestination",
                "geoTiffOptions.cloudOptimized", "geoTiffOptions.noData", "geoTiffOptions.tileDimensions",
                "geoTiffOptions.skipEmptyFiles", "assetExportOptions.earthEngineDestination",
                "assetExportOptions.pyramidingPolicy", "assetExportOptions.pyramidingPolicyOverrides"):
        assert key in keys, key
    assert "grid" not in keys          # the official client folds the grid into the expression


@pytest.mark.parametrize("case", EXPORT_CASES)
def test_export_body_equals_official_capture(case):
    record = load(case)
    request = record["request"]
    official = request["body"]
    ours = E.export_body(our_params(record), official["requestId"])
    assert ex.resolve(ours["expression"]) == ex.resolve(official["expression"])
    assert {k: v for k, v in ours.items() if k != "expression"} == \
        {k: v for k, v in official.items() if k != "expression"}
    assert json.dumps(ours, sort_keys=True) == json.dumps(official, sort_keys=True)
    assert request["method"] == "POST" and request["path"] == "/v1/projects/my-project/image:export"
    assert request["query"] == {"alt": "json"}


@pytest.mark.parametrize("case", MAP_CASES)
def test_map_body_equals_official_capture(case):
    record = load(case)
    ours = E.map_body(record["image"], E.parse_vis(record["vis_params"]))
    assert json.dumps(ours, sort_keys=True) == json.dumps(record["request"]["body"], sort_keys=True)
    assert record["request"]["path"] == "/v1/projects/my-project/maps"
    assert record["request"]["query"] == {"alt": "json", "fields": "name"}
    assert record["url_format"] == "{base}/v1/" + record["mapid"] + "/tiles/{z}/{x}/{y}"


def test_request_id_is_a_uuid4_like_the_official_one():
    rid = E.new_request_id()
    official = load("export_gcs_basic")["request"]["body"]["requestId"]
    assert len(rid) == len(official) == 36 and rid[14] == official[14] == "4"
    assert rid != E.new_request_id()


def _base(**kw):
    p = {"image": "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG", "project": "my-project",
         "aoi": load("export_gcs_basic")["params"]["region"], "destination": "gcs", "bucket": "bkt", "scale": 10}
    p.update(kw)
    return p


@pytest.mark.parametrize("changes, words", [
    ({"bucket": "Bad_Bucket!"}, "bucket"),
    ({"destination": "ftp"}, "destination"),
    ({"max_pixels": -3}, "MAX_PIXELS"),
    ({"max_pixels": "1.5"}, "MAX_PIXELS"),
    ({"priority": 10000}, "priority"),
    ({"file_dimensions": 1000}, "multiples of 256"),
    ({"dimensions": "100x100"}, "either a scale or dimensions"),
    ({"workload_tag": "Upper"}, "workload tag"),
    ({"aoi": None}, "area of interest"),
    ({"pyramiding_policy": "mean"}, "asset exports only"),
    ({"destination": "asset", "asset_id": "x", "cloud_optimized": True}, "File options"),
    ({"destination": "asset", "asset_id": "x", "bands": "B4", "pyramiding_overrides": '{"B8": "mode"}'},
     "not exported"),
    ({"destination": "asset", "asset_id": "x", "pyramiding_overrides": '{"B8": "median"}'}, "pyramiding policy"),
    ({"destination": "drive", "prefix": "a/b"}, "Drive"),
    ({"bands": [{"id": "B4", "scale": 20}]}, "one grid"),
])
def test_invalid_options_are_refused_before_sending(changes, words):
    with pytest.raises(ParameterError) as info:
        E.validate(_base(**changes))
    assert words.lower() in info.value.user_text().lower()


def test_normalisation():
    p = E.validate(_base(bucket="gs://bkt/some/path", max_pixels="1e10", priority="7", file_dimensions="512",
                         no_data="-9999.0", description=""))
    assert p["bucket"] == "bkt" and p["max_pixels"] == 10 ** 10 and p["priority"] == 7
    assert p["file_dimensions"] == [512, 512] and p["no_data"] == -9999
    assert p["description"] == E.DEFAULT_DESCRIPTION == p["prefix"]
    asset = E.validate(_base(destination="Asset", asset_id="my_export", bucket=None))
    assert asset["asset_id"] == "projects/my-project/assets/my_export" and asset["bucket"] is None
    exact = E.validate(_base(aoi=None, scale=None, crs="EPSG:32610", crs_transform="10,0,580000,0,-10,4105000",
                             dimensions="256x256"))
    assert exact["aoi"] is None


def test_xyz_uri_and_zoom():
    uri = E.xyz_layer_uri("http://h/v1/projects/p/maps/a-b/tiles/{z}/{x}/{y}?k=1&x=2", zmax=14, authcfg="ab12cd3")
    assert uri.startswith("type=xyz&url=http%3A%2F%2Fh%2Fv1%2Fprojects%2Fp%2Fmaps%2Fa-b%2Ftiles%2F%7Bz%7D")
    assert "%3Fk%3D1%26x%3D2&zmax=14&zmin=0&authcfg=ab12cd3" in uri
    assert E.zoom_for_scale(10) == 14 and E.zoom_for_scale(None) == 20 and E.zoom_for_scale(0.001) == 24
