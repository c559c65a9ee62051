#!/usr/bin/env python3
"""Capture what the official Earth Engine Python client sends for batch exports.

Developer tool (not run by the tests), the sibling of ``capture_ee_official.py``
(same method, same capture server, same documents).  It records, as JSON files
``tests/fixtures/ee_official/export_*.json``:

- ``Export.image.toCloudStorage`` / ``toDrive`` / ``toAsset`` with several option
  sets (``task.start()``: ``POST /v1/projects/{p}/image:export``);
- ``ee.data.getOperation``, ``ee.data.cancelOperation`` and ``ee.data.listOperations``
  (``export_operation_calls.json``);
- ``ee.Image(asset).getMapId(vis)`` and ``ee.data.getTileUrl`` (``export_map_*.json``),
  used to show a finished asset export as an XYZ tile layer.

Run it with the Python of the THROWAWAY virtualenv that has earthengine-api:

    /tmp/eeapi-venv/bin/python scripts/capture_ee_export_official.py \
        --ee-git /work/.mirror/google+earthengine-api/repo/.git --out tests/fixtures/ee_official

(``--discovery FILE --algorithms FILE`` instead of ``--ee-git`` as in the sibling.)
Nothing leaves the machine: the client talks to ``http://127.0.0.1:<port>``.
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

PROJECT = base.PROJECT
IMAGE_ID = base.IMAGE_ID
OPERATION_ID = "6KH3F5Q3OT45IQWQY74SZG5E"
MAP_NAME = "projects/{}/maps/0123456789abcdef0123456789abcdef-fedcba9876543210fedcba9876543210".format(PROJECT)


def operation(op_id=OPERATION_ID, state="PENDING", done=False):
    op = {"name": "projects/{}/operations/{}".format(PROJECT, op_id),
          "metadata": {"@type": "type.googleapis.com/google.earthengine.v1.OperationMetadata",
                       "state": state, "description": "myExport", "priority": 100, "type": "EXPORT_IMAGE",
                       "createTime": "2024-01-01T00:00:00.000Z", "updateTime": "2024-01-01T00:00:00.000Z"}}
    if done:
        op["done"] = True
    return op


def make_handler(cap):
    parent = cap.handler()

    class Handler(parent):
        def do_GET(self):
            path = urlsplit(self.path).path
            if "/operations" in path:
                self._record(b"")
                if path.endswith("/operations"):
                    return self._send(200, json.dumps({"operations": [operation()]}).encode())
                return self._send(200, json.dumps(operation()).encode())
            return parent.do_GET(self)

        def do_POST(self):
            path = urlsplit(self.path).path
            if not (path.endswith("/image:export") or path.endswith("/maps") or path.endswith(":cancel")):
                return parent.do_POST(self)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            self._record(body)
            if path.endswith("/image:export"):
                return self._send(200, json.dumps(operation()).encode())
            if path.endswith("/maps"):
                return self._send(200, json.dumps({"name": MAP_NAME}).encode())
            return self._send(200, b"{}")

    return Handler


def export_cases(ee):
    """(case name, description of the call, function starting the task)."""
    img = ee.Image(IMAGE_ID)
    poly = {"type": "Polygon", "coordinates": [[[-122.08, 37.04], [-122.06, 37.04], [-122.06, 37.06],
                                                [-122.07, 37.058], [-122.08, 37.04]]]}
    multi = {"type": "MultiPolygon", "coordinates": [
        [[[-122.08, 37.04], [-122.07, 37.04], [-122.07, 37.05], [-122.08, 37.04]]],
        [[[-122.06, 37.05], [-122.05, 37.05], [-122.05, 37.06], [-122.06, 37.05]]]]}
    region = ee.Geometry(poly, None, False)        # planar, like the plugin's AOI
    utm = "EPSG:32610"
    tr = [10, 0, 580000, 0, -10, 4105000]
    E = ee.batch.Export.image
    sel = img.select(["B4", "B3", "B2"])
    return [
        ("export_gcs_basic",
         {"call": "toCloudStorage", "image": IMAGE_ID, "bands": ["B4", "B3", "B2"], "region": poly,
          "description": "myExport", "bucket": "bkt", "fileNamePrefix": "pfx/aoi", "scale": 10},
         lambda: E.toCloudStorage(sel, description="myExport", bucket="bkt", fileNamePrefix="pfx/aoi",
                                  region=region, scale=10)),
        ("export_gcs_all_options",
         {"call": "toCloudStorage", "image": IMAGE_ID, "bands": ["B4", "B3"], "description": "myExport",
          "bucket": "bkt", "fileNamePrefix": "pfx/aoi", "crs": utm, "crsTransform": tr,
          "dimensions": "256x256", "maxPixels": 1e9, "fileDimensions": 1024, "skipEmptyTiles": True,
          "formatOptions": {"cloudOptimized": True, "noData": -9999}, "priority": 500},
         lambda: E.toCloudStorage(img.select(["B4", "B3"]), description="myExport", bucket="bkt",
                                  fileNamePrefix="pfx/aoi", crs=utm, crsTransform=tr, dimensions="256x256",
                                  maxPixels=1e9, fileDimensions=1024, skipEmptyTiles=True,
                                  formatOptions={"cloudOptimized": True, "noData": -9999}, priority=500)),
        ("export_gcs_default_prefix",
         {"call": "toCloudStorage", "image": IMAGE_ID, "bands": ["B8"], "region": multi,
          "description": "just_description", "bucket": "bkt", "scale": 20, "crs": "EPSG:4326",
          "fileDimensions": [512, 256], "maxPixels": 123456789012, "priority": 0},
         lambda: E.toCloudStorage(img.select(["B8"]), description="just_description", bucket="bkt",
                                  region=ee.Geometry(multi, None, False), scale=20, crs="EPSG:4326",
                                  fileDimensions=[512, 256], maxPixels=123456789012, priority=0)),
        ("export_gcs_no_bands_dimensions",
         {"call": "toCloudStorage", "image": IMAGE_ID, "region": poly, "description": "d", "bucket": "bkt",
          "fileNamePrefix": "x", "dimensions": 512, "formatOptions": {"noData": 0}},
         lambda: E.toCloudStorage(img, description="d", bucket="bkt", fileNamePrefix="x", region=region,
                                  dimensions=512, formatOptions={"noData": 0})),
        ("export_drive_basic",
         {"call": "toDrive", "image": IMAGE_ID, "bands": ["B4", "B3", "B2"], "region": poly,
          "description": "myExport", "folder": "ee", "fileNamePrefix": "aoi", "scale": 10},
         lambda: E.toDrive(sel, description="myExport", folder="ee", fileNamePrefix="aoi", region=region,
                           scale=10)),
        ("export_drive_defaults",
         {"call": "toDrive", "image": IMAGE_ID, "bands": ["B4"], "region": poly, "description": "myExport",
          "scale": 30, "maxPixels": 1e10, "formatOptions": {"cloudOptimized": True}},
         lambda: E.toDrive(img.select(["B4"]), description="myExport", region=region, scale=30,
                           maxPixels=1e10, formatOptions={"cloudOptimized": True})),
        ("export_asset_basic",
         {"call": "toAsset", "image": IMAGE_ID, "bands": ["B4", "B3", "B2"], "region": poly,
          "description": "toAsset", "assetId": "projects/my-project/assets/aoi_export", "scale": 10},
         lambda: E.toAsset(sel, description="toAsset", assetId="projects/my-project/assets/aoi_export",
                           region=region, scale=10)),
        ("export_asset_pyramiding",
         {"call": "toAsset", "image": IMAGE_ID, "bands": ["B4", "SCL"], "region": poly,
          "description": "toAsset", "assetId": "users/someone/aoi_export",
          "pyramidingPolicy": {".default": "mean", "SCL": "mode"}, "scale": 20, "maxPixels": 1e9,
          "priority": 9999},
         lambda: E.toAsset(img.select(["B4", "SCL"]), description="toAsset", assetId="users/someone/aoi_export",
                           pyramidingPolicy={".default": "mean", "SCL": "mode"}, region=region, scale=20,
                           maxPixels=1e9, priority=9999)),
        ("export_asset_overrides_only",
         {"call": "toAsset", "image": IMAGE_ID, "bands": ["SCL"], "region": poly, "description": "d2",
          "assetId": "projects/my-project/assets/scl", "pyramidingPolicy": {"SCL": "sample"},
          "crs": utm, "scale": 20, "overwrite": True},
         lambda: E.toAsset(img.select(["SCL"]), description="d2", assetId="projects/my-project/assets/scl",
                           pyramidingPolicy={"SCL": "sample"}, region=region, crs=utm, scale=20,
                           overwrite=True)),
    ]


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
    cap = base.Capture(discovery, algorithms)
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

    try:
        creds = google.oauth2.credentials.Credentials(base.FAKE_TOKEN)
        ee.Initialize(credentials=creds, project=PROJECT, url=url)
        os.makedirs(args.out, exist_ok=True)
        for name, desc, make_task in export_cases(ee):
            before = len(cap.requests)
            task = make_task()
            task.start()
            new = [r for r in cap.requests[before:] if r["path"].endswith("/image:export")]
            assert len(new) == 1, (name, new)
            save(name, {"case": name, "params": desc, "request": new[0], "task_id": task.id,
                        "operation_name": task.name})
        # A workload tag set with ee.data.setWorkloadTag goes into the body.
        ee.data.setWorkloadTag("my-tag")
        poly = export_cases(ee)[0][1]["region"]
        try:
            before = len(cap.requests)
            ee.batch.Export.image.toCloudStorage(ee.Image(IMAGE_ID).select(["B4"]), description="tagged",
                                                 bucket="bkt", scale=10,
                                                 region=ee.Geometry(poly, None, False)).start()
            new = [r for r in cap.requests[before:] if r["path"].endswith("/image:export")]
            save("export_gcs_workload_tag", {"case": "export_gcs_workload_tag",
                                             "params": {"call": "toCloudStorage", "image": IMAGE_ID,
                                                        "bands": ["B4"], "description": "tagged",
                                                        "bucket": "bkt", "scale": 10, "region": poly,
                                                        "workloadTag": "my-tag"},
                                             "request": new[0]})
        finally:
            ee.data.resetWorkloadTag(True)
        # Operation calls.
        op_name = "projects/{}/operations/{}".format(PROJECT, OPERATION_ID)
        before = len(cap.requests)
        ee.data.getOperation(op_name)
        ee.data.cancelOperation(op_name)
        ee.data.listOperations()
        save("export_operation_calls", {"case": "export_operation_calls",
                                        "calls": ["ee.data.getOperation(name)", "ee.data.cancelOperation(name)",
                                                  "ee.data.listOperations()"],
                                        "operation_name": op_name, "requests": cap.requests[before:]})
        # Map ids of an exported asset (with and without visualization).
        asset = "projects/my-project/assets/aoi_export"
        for name, vis in (("export_map_plain", None),
                          ("export_map_vis", {"bands": ["B4", "B3", "B2"], "min": 0, "max": 3000}),
                          ("export_map_vis_single", {"bands": ["B4"], "min": [0], "max": [3000],
                                                     "palette": ["000000", "ffffff"]})):
            before = len(cap.requests)
            mapid = ee.Image(asset).getMapId(vis)
            new = [r for r in cap.requests[before:] if r["path"].endswith("/maps")]
            assert len(new) == 1, (name, new)
            save(name, {"case": name, "image": asset, "vis_params": vis, "request": new[0],
                        "mapid": mapid["mapid"],
                        "tile_url_1_2_3": ee.data.getTileUrl(mapid, 1, 2, 3).replace(url, "{base}"),
                        "url_format": mapid["tile_fetcher"].url_format.replace(url, "{base}")})
        meta = {"earthengine_api": ee.__version__, "python": sys.version.split()[0],
                "captured": datetime.date.today().isoformat(), "project": PROJECT, "cases": written}
        with open(os.path.join(args.out, "capture_meta_export.json"), "w") as f:
            json.dump(meta, f, indent=1, sort_keys=True)
            f.write("\n")
        print("wrote {} captures to {}".format(len(written), os.path.abspath(args.out)))
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
