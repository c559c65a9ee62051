#!/usr/bin/env python3
"""Capture what the official Earth Engine Python client sends for collection searches and composites.

Developer tool (not run by the tests), a sibling of ``capture_ee_official.py`` (same capture
server, same documents, loaded from it).  It records, under ``tests/fixtures/ee_official/``:

- ``collection_*.json``: ``ee.data.getDownloadId`` of a composite built with
  ``ee.ImageCollection(c).filterDate(a, b).filterBounds(aoi)[.filter(ee.Filter.lt(prop, max))]
  [.linkCollection(csPlus, [band]).map(mask) | .map(mask)]`` then ``.median()`` / ``.mean()`` /
  ``.min()`` / ``.max()`` / ``.sort('system:time_start').mosaic()`` (most recent on top) /
  ``.sort(prop, False).mosaic()`` (least cloudy on top), the ``thumbnails`` request;
- ``collection_thumb_*.json``: ``getThumbURL`` of a composite with visualization parameters;
- ``collection_export_*.json``: ``Export.image.toCloudStorage`` / ``toDrive`` of ``composite.select(bands)``
  (``task.start()``: the ``image:export`` request);
- ``collection_list_images.json``: ``ee.data.listImages({...})`` (which the client sends as a
  ``:listAssets`` call with startTime / endTime / region folded into the AIP-160 ``filter``).

Each record's ``"composite"`` describes the program in the plugin's own terms
(``plugin.core.providers.earthengine.composite.CompositeSpec`` fields), so the tests replay it through the plugin.

The test discovery document of earthengine-api (python/ee/tests/) declares only ``pageSize``,
``pageToken`` and ``parent`` for ``assets.listAssets``; the live API also takes ``filter`` and
``view`` (REST reference of projects.assets.listAssets), so the capture server adds these two
query parameters to the document it serves -- nothing else is changed.

    /tmp/eeapi-venv/bin/python scripts/capture_ee_collections_official.py \
        --ee-git /work/.mirror/google+earthengine-api/repo/.git --out tests/fixtures/ee_official
"""
import argparse
import datetime
import importlib.util
import json
import os
import sys
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("capture_ee_official", os.path.join(HERE, "capture_ee_official.py"))
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)
_spec = importlib.util.spec_from_file_location("capture_ee_export_official",
                                               os.path.join(HERE, "capture_ee_export_official.py"))
exports = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(exports)

PROJECT = base.PROJECT
AOI = {"type": "Polygon", "coordinates": [[[1.0, 43.0], [1.1, 43.0], [1.1, 43.1], [1.0, 43.1], [1.0, 43.0]]]}
CS_PLUS = "GOOGLE/CLOUD_SCORE_PLUS/V1/S2_HARMONIZED"
#: QA_PIXEL bits 1 dilated cloud, 2 cirrus, 3 cloud, 4 cloud shadow.
LANDSAT_QA_BITS = 0b11110

# (case, composite description, getDownloadId params without image and region)
CASES = [
    ("collection_s2sr_csplus_median",
     {"collection": "COPERNICUS/S2_SR_HARMONIZED", "start": "2023-06-01", "end": "2023-09-01",
      "cloud_property": "CLOUDY_PIXEL_PERCENTAGE", "cloud_max": 20, "mask": "cloud_score_plus",
      "mask_band": "cs_cdf", "threshold": 0.6, "method": "median"},
     {"bands": ["B4", "B3", "B2"], "crs": "EPSG:32631", "scale": 10, "format": "GEO_TIFF", "name": "s2_median"}),
    ("collection_s2l1c_none_mean",
     {"collection": "COPERNICUS/S2_HARMONIZED", "start": "2023-06-01", "end": "2023-09-01",
      "cloud_property": "CLOUDY_PIXEL_PERCENTAGE", "cloud_max": 30, "mask": "none", "method": "mean"},
     {"bands": ["B8", "B4"], "scale": 10}),
    ("collection_s2sr_csplus_least_cloudy",
     {"collection": "COPERNICUS/S2_SR_HARMONIZED", "start": "2023-06-01", "end": "2023-09-01",
      "cloud_property": "CLOUDY_PIXEL_PERCENTAGE", "cloud_max": 50, "mask": "cloud_score_plus",
      "mask_band": "cs", "threshold": 0.65, "method": "least_cloudy"},
     {"bands": ["B4", "B3", "B2"], "crs": "EPSG:32631", "scale": 20, "format": "ZIPPED_GEO_TIFF"}),
    ("collection_l8_qa_median",
     {"collection": "LANDSAT/LC08/C02/T1_L2", "start": "2023-05-01", "end": "2023-10-01",
      "cloud_property": "CLOUD_COVER", "cloud_max": 60, "mask": "landsat_qa", "qa_bits": LANDSAT_QA_BITS,
      "method": "median"},
     {"bands": ["SR_B4", "SR_B3", "SR_B2"], "crs": "EPSG:32631", "scale": 30, "format": "GEO_TIFF"}),
    ("collection_l9_qa_recent",
     {"collection": "LANDSAT/LC09/C02/T1_L2", "start": "2023-05-01", "end": "2023-10-01",
      "cloud_property": "CLOUD_COVER", "cloud_max": 40, "mask": "landsat_qa", "qa_bits": LANDSAT_QA_BITS,
      "method": "recent"},
     {"bands": ["SR_B5", "SR_B4"], "scale": 30, "format": "ZIPPED_GEO_TIFF_PER_BAND", "name": "l9"}),
    ("collection_s1_none_mean",
     {"collection": "COPERNICUS/S1_GRD", "start": "2023-06-01", "end": "2023-07-01",
      "cloud_property": None, "cloud_max": None, "mask": "none", "method": "mean"},
     {"bands": ["VV", "VH"], "crs": "EPSG:32631", "scale": 10, "format": "GEO_TIFF"}),
    ("collection_s1_none_min",
     {"collection": "COPERNICUS/S1_GRD", "start": "2023-06-01", "end": "2023-07-01",
      "cloud_property": None, "cloud_max": None, "mask": "none", "method": "min"},
     {"bands": ["VV"], "scale": 20, "format": "GEO_TIFF"}),
    ("collection_s2sr_none_max",
     {"collection": "COPERNICUS/S2_SR_HARMONIZED", "start": "2023-06-01", "end": "2023-09-01",
      "cloud_property": "CLOUDY_PIXEL_PERCENTAGE", "cloud_max": None, "mask": "none", "method": "max"},
     {"bands": ["B8"], "crs": "EPSG:32631", "scale": 10, "format": "GEO_TIFF"}),
    ("collection_s2sr_csplus_median_tile",
     {"collection": "COPERNICUS/S2_SR_HARMONIZED", "start": "2023-06-01", "end": "2023-09-01",
      "cloud_property": "CLOUDY_PIXEL_PERCENTAGE", "cloud_max": 20, "mask": "cloud_score_plus",
      "mask_band": "cs_cdf", "threshold": 0.6, "method": "median"},
     {"bands": ["B4", "B3"], "crs": "EPSG:32631", "crs_transform": [10, 0, 337000, 0, -10, 4775000],
      "dimensions": [256, 128], "format": "ZIPPED_GEO_TIFF_PER_BAND", "filePerBand": True, "name": "tile",
      "_no_region": True}),
    ("collection_l8_qa_least_cloudy",
     {"collection": "LANDSAT/LC08/C02/T1_L2", "start": "2023-05-01", "end": "2023-10-01",
      "cloud_property": "CLOUD_COVER", "cloud_max": None, "mask": "landsat_qa", "qa_bits": LANDSAT_QA_BITS,
      "method": "least_cloudy"},
     {"bands": ["SR_B4"], "crs": "EPSG:32631", "scale": 30, "format": "GEO_TIFF"}),
]
THUMB_CASES = [
    ("collection_thumb_s2sr_median",
     CASES[0][1],
     {"bands": ["B4", "B3", "B2"], "min": 0, "max": 3000, "gamma": 1.2, "dimensions": 512, "format": "png"}),
    ("collection_thumb_s1_mean",
     CASES[5][1],
     {"bands": ["VV"], "min": -25, "max": 0, "dimensions": 256, "format": "png"}),
]
# (case, composite description, Export.image.to* call without image and region)
EXPORT_CASES = [
    ("collection_export_s2sr_csplus_median_gcs", CASES[0][1],
     {"call": "toCloudStorage", "bands": ["B4", "B3", "B2"], "description": "s2_median", "bucket": "bkt",
      "fileNamePrefix": "composites/s2_median", "crs": "EPSG:32631", "scale": 10, "maxPixels": 1e9}),
    ("collection_export_l9_qa_recent_drive", CASES[4][1],
     {"call": "toDrive", "bands": ["SR_B5", "SR_B4"], "description": "l9_recent", "folder": "ee",
      "crs": "EPSG:32631", "scale": 30}),
]
LIST_PARAMS = {"parent": "COPERNICUS/S2_SR_HARMONIZED", "startTime": "2023-06-01T00:00:00Z",
               "endTime": "2023-09-01T00:00:00Z", "region": AOI,
               "filter": "properties.CLOUDY_PIXEL_PERCENTAGE < 20", "pageSize": 100}


def composite(ee, spec):
    """The official client's program for one composite description."""
    aoi = ee.Geometry(AOI, None, False)        # planar, like the plugin's AOI
    col = ee.ImageCollection(spec["collection"]).filterDate(spec["start"], spec["end"]).filterBounds(aoi)
    if spec.get("cloud_max") is not None:
        col = col.filter(ee.Filter.lt(spec["cloud_property"], spec["cloud_max"]))
    if spec["mask"] == "cloud_score_plus":
        band, threshold = spec["mask_band"], spec["threshold"]
        col = col.linkCollection(ee.ImageCollection(CS_PLUS), [band]).map(
            lambda img: img.updateMask(img.select(band).gte(threshold)))
    elif spec["mask"] == "landsat_qa":
        bits = spec["qa_bits"]
        col = col.map(lambda img: img.updateMask(img.select("QA_PIXEL").bitwiseAnd(bits).eq(0)))
    method = spec["method"]
    if method == "recent":
        return col.sort("system:time_start").mosaic(), aoi
    if method == "least_cloudy":
        return col.sort(spec["cloud_property"], False).mosaic(), aoi
    return getattr(col, method)(), aoi


def patch_discovery(discovery: bytes) -> bytes:
    doc = json.loads(discovery.decode("utf-8"))
    params = doc["resources"]["projects"]["resources"]["assets"]["methods"]["listAssets"]["parameters"]
    params.setdefault("filter", {"description": "", "location": "query", "type": "string"})
    params.setdefault("view", {"description": "", "enum": ["IMAGE_VIEW_UNSPECIFIED", "FULL", "BASIC"],
                               "location": "query", "type": "string"})
    return json.dumps(doc).encode("utf-8")


def make_handler(cap):
    parent = exports.make_handler(cap)      # answers image:export too

    class Handler(parent):
        def do_GET(self):
            path = urlsplit(self.path).path
            if path.endswith(":listAssets") or path.endswith(":listImages"):
                self._record(b"")
                return self._send(200, b"{}")
            return parent.do_GET(self)

    return Handler


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--discovery")
    ap.add_argument("--algorithms")
    ap.add_argument("--ee-git", help="a bare git dir of google/earthengine-api (reads the two documents)")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "tests", "fixtures", "ee_official"))
    args = ap.parse_args(argv)
    if not args.ee_git and not (args.discovery and args.algorithms):
        ap.error("give --ee-git or both --discovery and --algorithms")

    import ee  # the official client, from the throwaway venv
    import google.oauth2.credentials

    discovery, algorithms = base.load_documents(args)
    cap = base.Capture(patch_discovery(discovery), algorithms)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(cap))
    server.cap = cap
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:{}".format(server.server_address[1])
    written = []

    def save(name, record):
        with open(os.path.join(args.out, name + ".json"), "w") as f:
            json.dump(record, f, indent=1, sort_keys=True)
            f.write("\n")
        written.append(name)

    def thumbnail_requests(before):
        return [r for r in cap.requests[before:] if r["path"].endswith("/thumbnails")]

    try:
        creds = google.oauth2.credentials.Credentials(base.FAKE_TOKEN)
        ee.Initialize(credentials=creds, project=PROJECT, url=url)
        os.makedirs(args.out, exist_ok=True)
        for name, spec, params in CASES:
            image, aoi = composite(ee, spec)
            call = {k: v for k, v in params.items() if not k.startswith("_")}
            if not params.get("_no_region"):
                call["region"] = aoi
            before = len(cap.requests)
            ee.data.getDownloadId(dict(call, image=image))
            new = thumbnail_requests(before)
            assert len(new) == 1, (name, new)
            desc = dict(params, region=None if params.get("_no_region") else AOI)
            desc.pop("_no_region", None)
            save(name, {"case": name, "composite": dict(spec, aoi=AOI), "params": desc, "request": new[0]})
        for name, spec, vis in THUMB_CASES:
            image, aoi = composite(ee, spec)
            before = len(cap.requests)
            image.getThumbURL(dict(vis, region=aoi))
            new = thumbnail_requests(before)
            assert len(new) == 1, (name, new)
            save(name, {"case": name, "composite": dict(spec, aoi=AOI), "params": dict(vis, region=AOI),
                        "request": new[0]})
        for name, spec, call in EXPORT_CASES:
            image, aoi = composite(ee, spec)
            kwargs = {k: v for k, v in call.items() if k not in ("call", "bands")}
            before = len(cap.requests)
            getattr(ee.batch.Export.image, call["call"])(image.select(call["bands"]), region=aoi, **kwargs).start()
            new = [r for r in cap.requests[before:] if r["path"].endswith("/image:export")]
            assert len(new) == 1, (name, new)
            save(name, {"case": name, "composite": dict(spec, aoi=AOI), "params": dict(call, region=AOI),
                        "request": new[0]})
        before = len(cap.requests)
        ee.data.listImages(dict(LIST_PARAMS))
        save("collection_list_images", {"case": "collection_list_images", "params": LIST_PARAMS,
                                        "request": cap.requests[before]})
        meta = {"earthengine_api": ee.__version__, "python": sys.version.split()[0],
                "captured": datetime.date.today().isoformat(), "project": PROJECT, "cases": written}
        with open(os.path.join(args.out, "capture_meta_collections.json"), "w") as f:
            json.dump(meta, f, indent=1, sort_keys=True)
            f.write("\n")
        print("wrote {} captures to {}".format(len(written), os.path.abspath(args.out)))
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
