#!/usr/bin/env python3
"""Capture what the official Earth Engine Python client sends for getDownloadId.

Developer tool (not run by the tests).  It points the real ``earthengine-api``
package at a loopback capture server and records every ``thumbnails.create``
request (plus one ``assets.get`` and the ``makeDownloadUrl`` result) as JSON
files under ``tests/fixtures/ee_official/``.  The project's expression builder
is then tested against these captures (tests/core/test_ee_expression.py).

Run it with the Python of a THROWAWAY virtualenv that has earthengine-api
installed (never the project's .venv):

    /usr/bin/python3 -m venv /tmp/eeapi-venv
    /tmp/eeapi-venv/bin/pip install earthengine-api==1.7.50
    /tmp/eeapi-venv/bin/python scripts/capture_ee_official.py \
        --discovery /path/to/cloud_api_discovery_document.json \
        --algorithms /path/to/algorithms.json \
        --out tests/fixtures/ee_official

The two JSON documents are the test fixtures shipped in the earthengine-api
source repository (python/ee/tests/); they are read at run time and never
copied into this project.  ``--ee-git DIR`` reads them from a bare clone
instead (``git show HEAD:python/ee/tests/...``).

Nothing leaves the machine: the client is initialised with a fake token and
``url=http://127.0.0.1:<port>``.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

FAKE_TOKEN = "fake-token-for-capture"
PROJECT = "my-project"
IMAGE_ID = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
SECRET_HEADERS = {"authorization"}
DROP_HEADERS = {"host", "content-length", "accept-encoding", "connection", "user-agent"}


class Capture:
    def __init__(self, discovery: bytes, algorithms: bytes):
        self.discovery = discovery
        self.algorithms = algorithms
        self.requests = []
        self.lock = threading.Lock()

    def handler(self):
        cap = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _record(self, body):
                parts = urlsplit(self.path)
                headers = {}
                for key, value in self.headers.items():
                    low = key.lower()
                    if low in DROP_HEADERS:
                        continue
                    if low in SECRET_HEADERS:
                        value = value.split(" ", 1)[0] + " <redacted>"
                    if low == "x-goog-api-client":
                        value = " ".join(v.split("/")[0] + "/<version>" for v in value.split())
                    headers[low] = value
                entry = {"method": self.command, "path": parts.path,
                         "query": dict(parse_qsl(parts.query)), "headers": headers}
                if body:
                    entry["body"] = json.loads(body.decode("utf-8"))
                with cap.lock:
                    cap.requests.append(entry)
                return entry

            def _send(self, code, payload: bytes, ctype="application/json"):
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self):
                path = urlsplit(self.path).path
                if path.endswith("/$discovery/rest"):
                    return self._send(200, self.server.cap.discovery)
                self._record(b"")
                if path.endswith("/algorithms"):
                    return self._send(200, self.server.cap.algorithms)
                if "/assets/" in path:
                    asset = {"type": "IMAGE", "name": path.split("/v1/", 1)[1],
                             "id": IMAGE_ID, "bands": []}
                    return self._send(200, json.dumps(asset).encode())
                return self._send(404, b'{"error":{"code":404,"message":"not found","status":"NOT_FOUND"}}')

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                entry = self._record(body)
                if entry["path"].endswith("/thumbnails"):
                    n = len(self.server.cap.requests)
                    name = "projects/{}/thumbnails/{:032x}-{:032x}".format(PROJECT, n, n + 1)
                    return self._send(200, json.dumps({"name": name}).encode())
                return self._send(404, b'{"error":{"code":404,"message":"not found","status":"NOT_FOUND"}}')

        return Handler


def load_documents(args):
    if args.ee_git:
        def show(path):
            return subprocess.check_output(["git", "--git-dir", args.ee_git, "show", "HEAD:" + path])
        discovery = show("python/ee/tests/cloud_api_discovery_document.json")
        algorithms = show("python/ee/tests/algorithms.json")
    else:
        with open(args.discovery, "rb") as f:
            discovery = f.read()
        with open(args.algorithms, "rb") as f:
            algorithms = f.read()
    # The test discovery document describes v1alpha; the live service is v1.
    discovery = discovery.replace(b"v1alpha/", b"v1/")
    return discovery, algorithms


def cases(ee):
    """(case name, human description of the call, params) for every capture."""
    img = ee.Image(IMAGE_ID)
    bbox = ee.Geometry.BBox(-122.0859, 37.0436, -122.0626, 37.0586)
    bbox_desc = {"BBox": [-122.0859, 37.0436, -122.0626, 37.0586]}
    poly = {"type": "Polygon", "coordinates": [[[-122.08, 37.04], [-122.06, 37.04], [-122.06, 37.06],
                                                [-122.07, 37.058], [-122.08, 37.04]]]}
    multi = {"type": "MultiPolygon", "coordinates": [
        [[[-122.08, 37.04], [-122.07, 37.04], [-122.07, 37.05], [-122.08, 37.04]]],
        [[[-122.06, 37.05], [-122.05, 37.05], [-122.05, 37.06], [-122.06, 37.05]]]]}
    utm = "EPSG:32610"
    tr = [10, 0, 580000, 0, -10, 4105000]
    out = [
        # --- the seed examples (JS and Python documentation of ee.data.getDownloadId) ---
        ("seed_single_band", {"name": "single_band", "bands": ["B3", "B8", "B11"], "region": bbox_desc}),
        ("seed_multi_band", {"name": "multi_band", "bands": ["B3", "B8", "B11"], "region": bbox_desc,
                             "scale": 20, "filePerBand": False}),
        ("seed_custom_single_band", {"name": "custom_single_band",
                                     "bands": [{"id": "B3", "scale": 10}, {"id": "B8", "scale": 10},
                                               {"id": "B11", "scale": 20}], "region": bbox_desc}),
        ("seed_geo_tiff", {"bands": ["B3", "B8", "B11"], "region": bbox_desc, "scale": 20,
                           "format": "GEO_TIFF"}),
        ("seed_npy", {"bands": ["B3", "B8", "B11"], "region": bbox_desc, "scale": 20, "format": "NPY"}),
        # --- more option combinations ---
        ("crs_transform_dimensions", {"bands": ["B4", "B3", "B2"], "crs": utm, "crs_transform": tr,
                                      "dimensions": [256, 128], "format": "GEO_TIFF", "name": "tile"}),
        ("crs_transform_dimensions_per_band", {"bands": ["B4", "B3"], "crs": utm, "crs_transform": tr,
                                               "dimensions": [256, 128],
                                               "format": "ZIPPED_GEO_TIFF_PER_BAND", "name": "tile"}),
        ("crs_transform_dimensions_zipped", {"bands": ["B4", "B3"], "crs": utm, "crs_transform": tr,
                                             "dimensions": "256x128", "format": "ZIPPED_GEO_TIFF",
                                             "name": "tile"}),
        ("crs_transform_dimensions_npy", {"bands": ["B4", "B3"], "crs": utm, "crs_transform": tr,
                                          "dimensions": [64, 32], "format": "NPY"}),
        ("crs_transform_string", {"bands": ["B4"], "crs": utm,
                                  "crs_transform": "[10,0,580000,0,-10,4105000]",
                                  "dimensions": [64, 32], "format": "GEO_TIFF"}),
        ("crs_transform_region", {"bands": ["B4"], "crs": utm, "crs_transform": tr, "region": bbox_desc,
                                  "format": "GEO_TIFF"}),
        ("per_band_crs", {"name": "per_band_crs", "region": bbox_desc,
                          "bands": [{"id": "B3", "crs": utm, "scale": 10},
                                    {"id": "B11", "crs": "EPSG:4326", "scale": 20},
                                    {"id": "B8"}],
                          "scale": 30}),
        ("per_band_crs_transform_dims", {"name": "pbt", "format": "ZIPPED_GEO_TIFF_PER_BAND",
                                         "bands": [{"id": "B3", "crs": utm, "crs_transform": tr,
                                                    "dimensions": [100, 50]},
                                                   {"id": "B11", "crs": utm,
                                                    "crs_transform": [20, 0, 580000, 0, -20, 4105000],
                                                    "dimensions": [50, 25]}]}),
        ("crs_alone", {"bands": ["B4", "B3"], "crs": "EPSG:3857", "scale": 30, "region": bbox_desc,
                       "format": "GEO_TIFF"}),
        ("zipped_geo_tiff_dimensions", {"name": "zipped", "bands": ["B4", "B3"], "region": bbox_desc,
                                        "dimensions": "300x200", "format": "ZIPPED_GEO_TIFF"}),
        ("max_dimension", {"bands": ["B4"], "region": bbox_desc, "dimensions": 512, "format": "GEO_TIFF"}),
        ("region_only_zipped", {"name": "r", "bands": ["B4", "B8"], "region": bbox_desc,
                                "format": "ZIPPED_GEO_TIFF"}),
        ("geojson_polygon", {"name": "aoi", "bands": ["B4", "B3"], "region": poly, "scale": 10,
                             "format": "GEO_TIFF"}),
        ("geojson_multipolygon", {"name": "aoi", "bands": ["B4"], "region": multi, "scale": 10,
                                  "format": "ZIPPED_GEO_TIFF"}),
        ("legacy_geotiff_alias", {"bands": ["B4"], "region": bbox_desc, "scale": 20, "format": "geotiff"}),
        ("legacy_numpy_alias", {"bands": ["B4"], "region": bbox_desc, "scale": 20, "format": "numpy"}),
        ("no_bands", {"region": bbox_desc, "scale": 20, "format": "GEO_TIFF"}),
        ("scale_float", {"bands": ["B4"], "region": bbox_desc, "scale": 12.5, "format": "GEO_TIFF"}),
        # Twenty bands per band: the addBands chain gets deep enough for the serializer's depth limit.
        ("many_bands_per_band", {"name": "many", "region": bbox_desc, "scale": 60,
                                 "bands": ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9",
                                           "B11", "B12", "AOT", "WVP", "SCL", "TCI_R", "TCI_G", "TCI_B",
                                           "MSK_CLDPRB", "MSK_SNWPRB"]}),
        ("many_bands_tile", {"name": "many", "format": "ZIPPED_GEO_TIFF_PER_BAND", "crs": utm,
                             "crs_transform": [60, 0, 580000, 0, -60, 4105000], "dimensions": [100, 100],
                             "bands": ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9",
                                       "B11", "B12", "AOT", "WVP", "SCL", "TCI_R", "TCI_G", "TCI_B",
                                       "MSK_CLDPRB", "MSK_SNWPRB"]}),
    ]
    result = []
    for name, desc in out:
        params = dict(desc)
        if params.get("region") is bbox_desc:
            params["region"] = bbox
        params["image"] = img
        result.append((name, desc, params))
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--discovery")
    ap.add_argument("--algorithms")
    ap.add_argument("--ee-git", help="a bare git dir of google/earthengine-api (reads the two documents)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures",
                                                  "ee_official"))
    args = ap.parse_args(argv)
    if not args.ee_git and not (args.discovery and args.algorithms):
        ap.error("give --ee-git or both --discovery and --algorithms")

    import ee  # the official client, from the throwaway venv
    import google.oauth2.credentials

    discovery, algorithms = load_documents(args)
    cap = Capture(discovery, algorithms)
    server = ThreadingHTTPServer(("127.0.0.1", 0), cap.handler())
    server.cap = cap
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:{}".format(server.server_address[1])
    try:
        creds = google.oauth2.credentials.Credentials(FAKE_TOKEN)
        ee.Initialize(credentials=creds, project=PROJECT, url=url)
        os.makedirs(args.out, exist_ok=True)
        written = []
        for name, desc, params in cases(ee):
            before = len(cap.requests)
            download_id = ee.data.getDownloadId(params)
            new = [r for r in cap.requests[before:] if r["path"].endswith("/thumbnails")]
            assert len(new) == 1, (name, new)
            record = {"case": name, "params": desc, "image": IMAGE_ID,
                      "request": new[0],
                      "download_url": ee.data.makeDownloadUrl(download_id).replace(url, "{base}")}
            with open(os.path.join(args.out, name + ".json"), "w") as f:
                json.dump(record, f, indent=1, sort_keys=True)
                f.write("\n")
            written.append(name)
        # The asset metadata request (used by the tiling to learn band types and grids).
        before = len(cap.requests)
        ee.data.getAsset(IMAGE_ID)
        asset_req = cap.requests[before]
        with open(os.path.join(args.out, "get_asset.json"), "w") as f:
            json.dump({"case": "get_asset", "call": "ee.data.getAsset({!r})".format(IMAGE_ID),
                       "request": asset_req}, f, indent=1, sort_keys=True)
            f.write("\n")
        meta = {"earthengine_api": ee.__version__, "python": sys.version.split()[0],
                "captured": datetime.date.today().isoformat(), "project": PROJECT,
                "cases": written + ["get_asset"]}
        with open(os.path.join(args.out, "capture_meta.json"), "w") as f:
            json.dump(meta, f, indent=1, sort_keys=True)
            f.write("\n")
        print("wrote {} captures to {}".format(len(written) + 1, os.path.abspath(args.out)))
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
