"""The bad-input catalogue (issue 8, part 3): AOIs, parameters, services and disks that go wrong.

Each :class:`BadCase` runs one input through the code path the GUI and Processing share
(``Aoi.from_*``, the providers' ``build_params``, a job through ``run_job``) and gives an
:class:`Outcome`: the message the user is shown, whether it was refused, accepted (with a
note) or ran, and what it left on disk.  ``test_bad_input.py`` asserts each case's message;
``scripts/reliability_report.py`` prints the catalogue as a table.

Services: a loopback server answers *every* request of a job with one bad answer (HTML, JSON
of the wrong shape, 401, 403, 404, 500 without a body, an empty body, a huge body); each
provider meets each of them.  Disks: a read-only folder (a read-only tmpfs when this runs as
root and may mount, else permissions), a full disk (a tiny tmpfs, else ``shutil.disk_usage``
patched), a write that fails half-way (``RLIMIT_FSIZE`` in a child process) and a path with
spaces and non-ASCII letters.  Before every job its folder holds an earlier result and a
note, which must come out byte-identical.
"""
import hashlib
import http.server
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

from plugin.core.errors import EoError
from . import harness

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

#: What a crash looks like in a message (a Python exception's name or a traceback).
CRASH_RE = re.compile(r"Traceback|\b(TypeError|KeyError|AttributeError|IndexError|ValueError|NameError|"
                      r"UnboundLocalError|RuntimeError|AssertionError|ZeroDivisionError|JSONDecodeError)\b")


@dataclass
class Outcome:
    kind: str                     # "refused" (an error before anything ran), "failed" (a job), "accepted", "done"
    message: str                  # what the user is shown
    error_type: str = ""
    partial: List[str] = field(default_factory=list)      # partial files left
    untouched: Optional[bool] = None                       # earlier files unchanged (None: not checked)
    extra: Dict[str, Any] = field(default_factory=dict)


@dataclass
class BadCase:
    id: str
    area: str                     # AOI, parameters, service, disk
    case: str
    given: str                    # the input, in words
    run: Callable[[str], Outcome]
    expect: str                   # regex the message must match
    kinds: tuple = ("refused", "failed")   # the acceptable outcome kinds
    provider: str = ""


def _call(func: Callable[[], Any]) -> Outcome:
    """Run a validation; its EoError is the message shown, anything else is a crash."""
    try:
        value = func()
    except EoError as exc:
        return Outcome("refused", exc.user_text(), type(exc).__name__)
    except Exception as exc:  # a crash: reported as such, the test fails on it
        return Outcome("refused", "{}: {}".format(type(exc).__name__, exc), type(exc).__name__)
    notes = getattr(value, "notes", None)
    return Outcome("accepted", " ".join(notes) if notes else "", extra={"value": value})


# ---------------------------------------------------------------------------------------------
# AOI cases
# ---------------------------------------------------------------------------------------------
def _aoi_cases() -> List[BadCase]:
    from shapely.geometry import GeometryCollection, LineString, MultiPoint, Point, Polygon, box
    from plugin.core.aoi import Aoi

    def geoms(items, crs="EPSG:4326", **kw):
        return lambda _w: _call(lambda: Aoi.from_geometries(items, crs, **kw))

    def million(_w):
        n = 1_000_000
        ring = [(2.35 + 0.02 * math.cos(2 * math.pi * i / n), 48.85 + 0.02 * math.sin(2 * math.pi * i / n))
                for i in range(n)]
        out = _call(lambda: Aoi.from_geometries([Polygon(ring)], max_vertices=1000))
        value = out.extra.pop("value", None)
        if value is not None:
            out.extra["vertices"] = value.vertex_count
        return out

    def polar(crs, center):
        def run(_w):
            out = _call(lambda: Aoi.from_geometries([Point(*center).buffer(300000, 16)], crs))
            value = out.extra.pop("value", None)
            if value is not None:
                out.message = "accepted: {:,.0f} km², latitudes {:.2f} to {:.2f}, all longitudes".format(
                    value.area_km2, value.bounds[1], value.bounds[3])
                out.extra["bounds"] = value.bounds
            return out
        return run

    return [
        BadCase("aoi-empty-selection", "AOI", "empty selection", "no feature selected",
                geoms([]), r"^No feature is selected: select one or more polygons, or use the map extent\."),
        BadCase("aoi-empty-geometry", "AOI", "a selected feature without geometry", "an empty polygon",
                geoms([Polygon()]), r"^The selected geometry is empty\."),
        BadCase("aoi-line", "AOI", "a line", "LINESTRING(2 48, 3 49)",
                geoms([LineString([(2, 48), (3, 49)])]),
                r"^The area of interest must be a polygon, not a LineString geometry: use a polygon layer"),
        BadCase("aoi-point", "AOI", "a point", "POINT(2 48)", geoms([Point(2, 48)]),
                r"^The area of interest must be a polygon, not a Point geometry"),
        BadCase("aoi-multipoint", "AOI", "points", "MULTIPOINT((2 48), (3 49))",
                geoms([MultiPoint([(2, 48), (3, 49)])]), r"not a MultiPoint geometry"),
        BadCase("aoi-collection", "AOI", "a collection without polygon", "GEOMETRYCOLLECTION(POINT, LINESTRING)",
                geoms([GeometryCollection([Point(1, 1), LineString([(0, 0), (1, 1)])])]),
                r"^The geometry collection holds no polygon\."),
        BadCase("aoi-self-intersecting", "AOI", "self-intersecting polygon (bow tie)",
                "POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))", geoms([Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])]),
                r"^The geometry was invalid \(Self-intersection\[0\.5 0\.5\]\) and has been repaired\.",
                kinds=("accepted",)),
        BadCase("aoi-invalid-hole", "AOI", "invalid polygon (hole outside its shell)",
                "shell 0..1, hole 2..3", geoms([Polygon([(0, 0), (1, 0), (1, 1), (0, 1)],
                                                        [[(2, 2), (3, 2), (3, 3), (2, 3)]])]),
                r"^The geometry was invalid \(Hole lies outside shell.*\) and has been repaired\.",
                kinds=("accepted",)),
        BadCase("aoi-zero-area", "AOI", "polygon without area", "POLYGON((0 0, 1 1, 2 2, 0 0))",
                geoms([Polygon([(0, 0), (1, 1), (2, 2)])]),
                r"^The area of interest has no area \(its points are on one line or repaired to nothing\)\."),
        BadCase("aoi-antimeridian", "AOI", "across the antimeridian", "POLYGON((179 0, -179 0, -179 1, 179 1, 179 0))",
                geoms([Polygon([(179, 0), (-179, 0), (-179, 1), (179, 1)])]),
                r"^The area crosses the antimeridian \(180°\) and was split into 2 parts\.", kinds=("accepted",)),
        BadCase("aoi-north-pole", "AOI", "around the North Pole", "a 300 km circle around the pole in EPSG:3413",
                polar("EPSG:3413", (0, 0)), r"^accepted: 29\d,\d{3} km², latitudes 87\.\d\d to 90\.00, all longitudes",
                kinds=("accepted",)),
        BadCase("aoi-south-pole", "AOI", "around the South Pole", "a 300 km circle off the pole in EPSG:3031",
                polar("EPSG:3031", (100000, 50000)),
                r"^accepted: 29\d,\d{3} km², latitudes -90\.00 to -86\.\d\d, all longitudes", kinds=("accepted",)),
        BadCase("aoi-beyond-pole", "AOI", "latitude beyond 90°", "box(-10, 80, 10, 95) in EPSG:4326",
                geoms([box(-10, 80, 10, 95)]),
                r"^The area of interest lies outside the valid range of longitude/latitude: check the layer's CRS\."),
        BadCase("aoi-wrong-crs", "AOI", "projected coordinates declared as EPSG:4326", "UTM metres as degrees",
                geoms([box(500000, 4100000, 510000, 4110000)]),
                r"^The area of interest lies outside the valid range of longitude/latitude: check the layer's CRS\."),
        BadCase("aoi-huge", "AOI", "huge area (the whole world)", "extent -180,-90,180,90",
                lambda _w: _call(lambda: Aoi.from_extent(-180, -90, 180, 90)),
                r"^The area of interest covers 510,065,\d{3} km², more than the maximum of 1,000,000 km²: choose a "
                r"smaller area or raise the limit in the settings\."),
        BadCase("aoi-million-vertices", "AOI", "a million vertices", "a circle of 1,000,000 vertices",
                million, r"^The area of interest had 1000001 vertices, more than the 1000 accepted; it was "
                         r"simplified with a tolerance of about \d+\.\d m\.", kinds=("accepted",)),
        BadCase("aoi-unknown-crs", "AOI", "unknown CRS", "EPSG:999999", geoms([box(0, 0, 1, 1)], "EPSG:999999"),
                r"^The coordinate reference system 'EPSG:999999' is not known\."),
        BadCase("aoi-bad-wkt", "AOI", "unreadable WKT", "POLYGON((0 0, 1 1",
                lambda _w: _call(lambda: Aoi.from_wkt("POLYGON((0 0, 1 1")),
                r"^The geometry could not be read: ParseException"),
        BadCase("aoi-bad-geojson", "AOI", "unreadable GeoJSON", "{not json",
                lambda _w: _call(lambda: Aoi.from_geojson("{not json")), r"^The GeoJSON could not be read: "),
        BadCase("aoi-nan-extent", "AOI", "empty extent", "NaN corners",
                lambda _w: _call(lambda: Aoi.from_extent(float("nan"), 0, 1, 1)), r"^The extent is empty\."),
    ]


# ---------------------------------------------------------------------------------------------
# parameter cases (the providers' build_params, shared by the dock and Processing)
# ---------------------------------------------------------------------------------------------
_AOI = {"type": "Polygon", "coordinates": [[[-122.0859, 37.0436], [-122.0626, 37.0436], [-122.0626, 37.0586],
                                            [-122.0859, 37.0586], [-122.0859, 37.0436]]]}


def _ee(**kw):
    from plugin.core.providers.earthengine import download_runner as ee_download
    args = dict(image=harness.EE_IMAGE, bands="B4,B3,B2", project="my-project", aoi=_AOI)
    args.update(kw)
    return lambda _w: _call(lambda: ee_download.build_params(**args))


def _eosda(view_id=harness.EOSDA_VIEW, bands="B04,B03,B02", **kw):
    from plugin.core.providers.eosda import client as eosda
    return lambda _w: _call(lambda: eosda.build_params(view_id, bands, **kw))


def _export(**kw):
    from plugin.core.providers.earthengine import export_runner as ee_export
    args = dict(image=harness.EE_IMAGE, bands="B4", scale=30, description="d", destination="gcs", bucket="bkt",
                project="my-project", aoi=_AOI)
    args.update(kw)
    return lambda _w: _call(lambda: ee_export.build_params(**args))


def _eodag(**kw):
    from plugin.core.providers.eodag import runner as eodag_download
    args = dict(provider="eodag_sim", collection="S2_MSI_L2A", date_from="2023-07-01", date_to="2023-07-31",
                cloud_max=50, aoi=_AOI)
    args.update(kw)
    return lambda _w: _call(lambda: eodag_download.build_params(**args))


def _eosda_search_dates(_w):
    from plugin.core.providers.eosda import client as eosda
    client = eosda.EosdaClient(None, "http://127.0.0.1:9", "key-not-sent")
    return _call(lambda: client.search("sentinel2", _AOI, "2023-08-01", "2023-07-01"))


def _ee_unknown_band(workdir):
    """Needs the image's bands: a real job against the Earth Engine simulator."""
    case = harness.CASES["ee_download"]
    from plugin.core.providers.earthengine import download_runner as ee_download
    params = ee_download.build_params(harness.EE_IMAGE, bands="B4,B99", project="my-project", aoi=_AOI, scale=20)
    return _job(case, params, workdir, sim_factory=case.start_sim)


def _parameter_cases() -> List[BadCase]:
    return [
        BadCase("ee-unknown-band", "parameters", "unknown band (Earth Engine)", "BANDS=B4,B99", _ee_unknown_band,
                r'^The image COPERNICUS/S2_SR/\S+ has no band "B99"\.\nIts bands are: B1, B2, ',
                kinds=("failed",), provider="ee_download"),
        BadCase("ee-scale-zero", "parameters", "scale 0", "SCALE=0", _ee(scale=0),
                r"^The scale must be a positive number of metres per pixel; got 0\."),
        BadCase("ee-scale-negative", "parameters", "negative scale", "SCALE=-5", _ee(scale=-5),
                r"^The scale must be a positive number of metres per pixel; got -5\."),
        BadCase("ee-bad-crs", "parameters", "bad CRS", "CRS=EPSG:0", _ee(crs="EPSG:0"),
                r'^Unknown CRS "EPSG:0": '),
        BadCase("ee-crs-transform-short", "parameters", "malformed CRS transform", "CRS_TRANSFORM=10,0,500000",
                _ee(crs="EPSG:32610", crs_transform="10,0,500000"),
                r"^The pixel transform \(crs_transform\) must be 6 numbers; got 10,0,500000\."),
        BadCase("ee-crs-transform-zero", "parameters", "CRS transform with a zero pixel size",
                "CRS_TRANSFORM=0,0,500000,0,-10,4200000",
                _ee(crs="EPSG:32610", crs_transform="0,0,500000,0,-10,4200000", aoi=None, dimensions="10x10"),
                r"^The pixel transform \(crs_transform\) 0,0,500000,0,-10,4200000 has a zero pixel size\."),
        BadCase("ee-transform-without-crs", "parameters", "CRS transform without CRS",
                "CRS_TRANSFORM=10,0,500000,0,-10,4200000", _ee(crs_transform="10,0,500000,0,-10,4200000"),
                r"^A pixel transform \(crs_transform\) needs a CRS \(crs\)\."),
        BadCase("ee-dimensions-zero", "parameters", "dimensions 0", "DIMENSIONS=0x0", _ee(dimensions="0x0"),
                r"^Dimensions must be WIDTHxHEIGHT in whole pixels \(e\.g\. 512x512\), or one number for the "
                r"longest side; got 0x0\."),
        BadCase("ee-dimensions-text", "parameters", "dimensions not a number", "DIMENSIONS=big",
                _ee(dimensions="big"), r"^Dimensions must be WIDTHxHEIGHT in whole pixels"),
        BadCase("ee-band-options-json", "parameters", "bad JSON in per-band options", 'BAND_OPTIONS={"B4": {scale: 10}',
                _ee(band_options='{"B4": {scale: 10}'),
                r"^The band options are not valid JSON \(line 1, column 9\): Expecting property name enclosed in "
                r"double quotes\."),
        BadCase("ee-band-options-other-band", "parameters", "per-band options for a band not requested",
                'BANDS=B4 BAND_OPTIONS={"B8": {"scale": 10}}', _ee(bands="B4", band_options='{"B8": {"scale": 10}}'),
                r"^Band options are given for B8, which is not in the band list\."),
        BadCase("ee-band-options-unknown-key", "parameters", "unknown per-band option",
                'BAND_OPTIONS={"B4": {"resolution": 10}}', _ee(band_options='{"B4": {"resolution": 10}}'),
                r'^Unknown option "resolution" for band "B4"\.'),
        BadCase("ee-format", "parameters", "unknown format", "FORMAT=JPEG2000", _ee(format="JPEG2000"),
                r'^Unknown download format "JPEG2000"\.'),
        BadCase("ee-project", "parameters", "project id of the wrong form", "PROJECT=My Project!",
                _ee(project="My Project!"),
                r'^The project id "My Project!" is not a valid Google Cloud project id\.'),
        BadCase("ee-image-empty", "parameters", "no image id", "IMAGE=''", _ee(image=""),
                r'^Choose an image by its Earth Engine asset id; got ""\.'),
        BadCase("ee-name", "parameters", "file name with a slash", "NAME=a/b", _ee(name="a/b"),
                r'^The name "a/b" cannot be used as a file name: it holds a path separator'),
        BadCase("eosda-view-id-form", "parameters", "view id of the wrong form", "VIEW_ID=S2/99/X/ZZ/2023/13/40/0",
                _eosda(view_id="S2/99/X/ZZ/2023/13/40/0"),
                r"^The view id 'S2/99/X/ZZ/2023/13/40/0' is not a valid S2 view id: expected S2/\{utm zone\}/"),
        BadCase("eosda-view-id-sensor", "parameters", "view id of an unknown sensor", "VIEW_ID=XX/1/2",
                _eosda(view_id="XX/1/2"),
                r"^The view id 'XX/1/2' does not start with a supported sensor \(S2, L8, L9, L7, L5, L4, MODIS, NAIP\)\."),
        BadCase("eosda-view-id-empty", "parameters", "no view id", "VIEW_ID=''", _eosda(view_id=""),
                r"^The view id is empty: pick a scene from the search results"),
        BadCase("eosda-unknown-band", "parameters", "unknown band (EOSDA)", "BANDS=B04,B13", _eosda(bands="B04,B13"),
                r"^Unknown band\(s\) for S2: B13\. Available bands: B01, B02, "),
        BadCase("eosda-no-band", "parameters", "no band", "BANDS=' , '", _eosda(bands=" , "),
                r"^No band is selected: give at least one band \(for example B04,B03,B02\)\."),
        BadCase("eosda-callback", "parameters", "callback URL not http(s)", "CALLBACK_URL=ftp://x/cb",
                _eosda(callback_url="ftp://x/cb"), r"^The callback URL must be an http\(s\) URL, not 'ftp://x/cb'\."),
        BadCase("eosda-dates-reversed", "parameters", "dates reversed (search)", "from 2023-08-01 to 2023-07-01",
                _eosda_search_dates,
                r"^The dates are reversed: the start 2023-08-01 is after the end 2023-07-01\."),
        BadCase("eodag-dates-reversed", "parameters", "dates reversed (eodag)", "from 2023-08-01 to 2023-07-01",
                _eodag(date_from="2023-08-01", date_to="2023-07-01"),
                r"^The start date 2023-08-01 is after the end date 2023-07-01\."),
        BadCase("eodag-date-form", "parameters", "date not a date (eodag)", "DATE_FROM=01/07/2023",
                _eodag(date_from="01/07/2023"), r"^The start date '01/07/2023' is not a date \(YYYY-MM-DD\)\."),
        BadCase("eodag-cloud", "parameters", "cloud cover over 100 (eodag)", "CLOUD_MAX=150", _eodag(cloud_max=150),
                r"^The cloud cover limit must be between 0 and 100 %\."),
        BadCase("export-scale-and-dimensions", "parameters", "scale and dimensions together (export)",
                "SCALE=30 DIMENSIONS=100x100", _export(scale=30, dimensions="100x100"),
                r"^Give either a scale or dimensions, not both\."),
        BadCase("export-no-bucket", "parameters", "Cloud Storage export without bucket", "BUCKET=''",
                _export(bucket=""), r"[Bb]ucket"),
    ] + _bound_cases()


def _export_prefix_folder(_w):
    outcome = _export(prefix="folder/")(_w)
    if outcome.kind == "accepted":
        outcome.message = "accepted: the files are named {}.tif".format(outcome.extra["value"]["prefix"])
    return outcome


def _bound_cases() -> List[BadCase]:
    """Issue 15: grids and names with no upper bound, refused before anything is sent."""
    limit = r"more than the limit of 5,000 per job\."
    wide = "\u7a7a" * 100
    return [
        BadCase("ee-scale-tiny", "parameters", "a scale of a nanometre", "SCALE=1e-9", _ee(scale=1e-9),
                r"^This download would need at least [\d.e+]+ requests \(.* as Earth Engine counts it\), " + limit),
        BadCase("ee-dimensions-huge", "parameters", "10^20 pixels wide", "DIMENSIONS=1e20x1",
                _ee(dimensions="1e20x1"), r"^This download would need at least [\d,]+ requests .*" + limit),
        BadCase("ee-scale-fine", "parameters", "a millimetre scale over a 2 km area", "SCALE=0.001",
                _ee(scale=0.001), r"^This download would need at least [\d,]+ requests \([\d.,]+ TiB .*" + limit),
        BadCase("export-scale-tiny", "parameters", "an export at a nanometre scale", "SCALE=1e-9",
                _export(scale=1e-9), r"at least [\d.e+]+ pixels, more than its maximum of 100,000,000 \(MAX_PIXELS\)"),
        BadCase("ee-name-bytes", "parameters", "a name of 100 three-byte characters (300 bytes)", "NAME=空×100",
                _ee(name=wide), r"it takes 300 bytes, more than the 191 allowed"),
        BadCase("ee-name-control", "parameters", "a name with a control character", "NAME=a\\x07b",
                _ee(name="a\x07b"), r"cannot be used as a file name: it holds a control character"),
        BadCase("ee-name-reserved", "parameters", "a Windows device name", "NAME=NUL",
                _ee(name="NUL"), r"NUL is a reserved device name on Windows"),
        BadCase("export-prefix-folder", "parameters", "an export prefix ending in /", "PREFIX=folder/",
                _export_prefix_folder, r"^accepted: the files are named folder/d\.tif$", kinds=("accepted",)),
    ]


# ---------------------------------------------------------------------------------------------
# a job against a bad service (or a bad disk)
# ---------------------------------------------------------------------------------------------
EARLIER = b"an earlier result, not to be touched" * 100


def _prepare_folder(folder: str) -> Dict[str, str]:
    os.makedirs(folder, exist_ok=True)
    files = {"earlier_result.tif": EARLIER, "notes.txt": "éè notes\n".encode("utf-8")}
    digests = {}
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)
        digests[name] = hashlib.sha256(data).hexdigest()
    return digests


def _untouched(folder: str, digests: Dict[str, str]) -> bool:
    for name, digest in digests.items():
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            return False
        with open(path, "rb") as handle:
            if hashlib.sha256(handle.read()).hexdigest() != digest:
                return False
    return True


def _job(case: harness.ProviderCase, params: Dict[str, Any], workdir: str, base: Optional[str] = None,
         sim_factory=None, folder: Optional[str] = None, prepare: bool = True) -> Outcome:
    from plugin.core.jobs import JobState, JobStore
    folder = folder or os.path.join(workdir, "out")
    digests = _prepare_folder(folder) if prepare else {}
    sim = sim_factory() if sim_factory is not None else None
    try:
        store = JobStore(os.path.join(workdir, "jobs.json"))
        job, error = harness.run_one(case, params, folder, base or sim.url, harness.fast_retry(), store)
    finally:
        if sim is not None:
            sim.stop()
    files, partial = harness.scan_outputs(folder)
    kind = "done" if job.state == JobState.DONE else "failed"
    out = Outcome(kind, job.error if kind == "failed" else "done: {} file(s)".format(len(job.outputs)),
                  type(error).__name__ if error is not None else "", partial,
                  _untouched(folder, digests) if digests else None, {"outputs": list(job.outputs), "files": files})
    return out


class BadService:
    """Answers every request with the same (status, content type, body)."""

    def __init__(self, status: int, ctype: str, body: bytes):
        self.answer = (status, ctype, body)
        self.requests = 0
        service = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                service.requests += 1
                status, ctype, body = service.answer
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    try:
                        self.wfile.write(body)
                    except OSError:
                        pass

            do_GET = do_POST = do_HEAD = do_PUT = _any

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self.url = "http://127.0.0.1:{}".format(self.httpd.server_address[1])

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


HUGE = 30 * 1024 * 1024
SERVICE_ANSWERS = {
    "html": ("HTML page instead of JSON", 200, "text/html; charset=utf-8",
             b"<!DOCTYPE html><html><head><title>Sign in - Corporate Proxy</title></head>"
             b"<body><h1>Sign in</h1><p>Your session expired.</p></body></html>"),
    "wrong-shape": ("JSON of the wrong shape", 200, "application/json", b"[1, 2, 3]"),
    "401": ("401", 401, "application/json",
            b'{"error": {"code": 401, "message": "Request had invalid authentication credentials.", '
            b'"status": "UNAUTHENTICATED"}}'),
    "403": ("403", 403, "application/json",
            b'{"error": {"code": 403, "message": "The caller does not have permission", "status": "PERMISSION_DENIED"}}'),
    "404": ("404", 404, "application/json",
            b'{"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}}'),
    "500-empty": ("500 with no body", 500, "text/plain", b""),
    "empty": ("empty body (200)", 200, "application/json", b""),
    "huge": ("huge body (30 MB HTML error page)", 502, "text/html",
             b"<html><head><title>Bad gateway</title></head><body>" + b"x" * HUGE + b"</body></html>"),
}

#: The message each provider shows for each bad service answer (regexes).
SERVICE_EXPECT = {
    "ee_download": {
        "html": r"^Earth Engine: the server sent an HTML page: Sign in - Corporate Proxy: Sign in Your session expired\.",
        "wrong-shape": r"^Earth Engine sent an unexpected answer \(http://127\.0\.0\.1:\d+/v1/projects/earthengine-public/"
                       r"assets/COPERNICUS/S2_SR/\S+\)\.",
        "401": r"^Earth Engine refused the credentials \(HTTP 401\): Request had invalid authentication credentials\.",
        "403": r"^Earth Engine: The caller does not have permission\nCheck that the project id my-project is right",
        "404": r"^Earth Engine: Requested entity was not found\.\nCheck the image id",
        "500-empty": r"^Earth Engine: GET http://127\.0\.0\.1:\d+/\S+ failed with HTTP 500 Internal Server Error: "
                     r"\(no message\) \(gave up after 4 attempts\)",
        "empty": r"^Earth Engine sent an answer that is not JSON \(http://127\.0\.0\.1:\d+/v1/\S+\)\.",
        "huge": r"^Earth Engine: the server sent an HTML page: Bad gateway: x{10,}",
    },
    "eosda": {
        "html": r"^EOSDA rejected the download request \(HTTP 200\): the server sent an HTML page: Sign in - "
                r"Corporate Proxy: Sign in Your session expired\.",
        "wrong-shape": r"^EOSDA did not create the task: \[1, 2, 3\]",
        "401": r"^EOSDA refused the API key: Request had invalid authentication credentials\.",
        "403": r"^EOSDA refused the API key: The caller does not have permission",
        "404": r"^EOSDA rejected the download request \(HTTP 404\): Requested entity was not found\.",
        "500-empty": r"^EOSDA rejected the download request \(HTTP 500\): POST http://127\.0\.0\.1:\d+/api/gdw/api "
                     r"failed with HTTP 500 Internal Server Error: \(no message\) \(gave up after 4 attempts\)",
        "empty": r"^EOSDA answered the download request with something other than JSON \(HTTP 200\)\.",
        "huge": r"^EOSDA rejected the download request \(HTTP 502\): the server sent an HTML page: Bad gateway: x{10,}",
    },
    "ee_export": {
        "html": r"^Earth Engine: the server sent an HTML page: Sign in - Corporate Proxy",
        "wrong-shape": r"^Earth Engine sent an unexpected answer \(http://127\.0\.0\.1:\d+/v1/projects/my-project/"
                       r"image:export\)\.",
        "401": r"^Earth Engine refused the credentials \(HTTP 401\): Request had invalid authentication credentials\.",
        "403": r"^Earth Engine: The caller does not have permission\n",
        "404": r"^Earth Engine: Requested entity was not found\.",
        "500-empty": r"^Earth Engine: POST http://127\.0\.0\.1:\d+/\S+ failed with HTTP 500 Internal Server Error: "
                     r"\(no message\) \(gave up after 4 attempts\)",
        "empty": r"^Earth Engine sent an answer that is not JSON \(http://127\.0\.0\.1:\d+/v1/projects/my-project/"
                 r"image:export\)\.",
        "huge": r"^Earth Engine: the server sent an HTML page: Bad gateway: x{10,}",
    },
    "eodag": {
        "html": r"^The search on eodag_sim failed: the server sent an HTML page: Sign in - Corporate Proxy: Sign in "
                r"Your session expired\. \(gave up after 4 attempts\)",
        "wrong-shape": r"^The product 'S2B_MSIL2A_\S+' was not found on eodag_sim\.",
        "401": r"^eodag_sim refused the credentials: .*Request had invalid authentication credentials\. \(HTTP 401\)\n"
               r"Choose an authentication configuration",
        "403": r"^eodag_sim refused the credentials: .*The caller does not have permission \(HTTP 403\)\n"
               r"Choose an authentication configuration",
        "404": r"^The search on eodag_sim failed: .*Requested entity was not found\.",
        "500-empty": r"^The search on eodag_sim failed: .* \(HTTP 500\) \(gave up after 4 attempts\)",
        "empty": r"^The search on eodag_sim failed: \(no message\) \(gave up after 4 attempts\)",
        "huge": r"^The search on eodag_sim failed: .*the server sent an HTML page: Bad gateway: x{10,}.*"
                r"\(gave up after 4 attempts\)",
    },
}


def _service_case(provider: str, answer: str) -> BadCase:
    label, status, ctype, body = SERVICE_ANSWERS[answer]
    case = harness.CASES[provider]

    def run(workdir):
        service = BadService(status, ctype, body)
        env = harness._EodagSim() if provider == "eodag" else None     # eodag kept away from the user's files
        try:
            out = _job(case, case.params(0, "bad"), workdir, base=service.url)
        finally:
            if env is not None:
                env.stop()
            service.stop()
        out.extra["requests"] = service.requests
        return out

    given = "every answer: HTTP {} {}{}".format(status, ctype.split(";")[0],
                                                ", {} bytes".format(len(body)) if len(body) > 100 else
                                                (": " + body.decode()[:40] if body else ", no body"))
    return BadCase("service-{}-{}".format(provider, answer), "service", "{}: {}".format(case.label, label), given, run,
                   SERVICE_EXPECT[provider][answer], kinds=("failed",), provider=provider)


def _service_cases() -> List[BadCase]:
    return [_service_case(p, a) for p in ("ee_download", "eosda", "ee_export", "eodag") for a in SERVICE_ANSWERS]


# ---------------------------------------------------------------------------------------------
# disks
# ---------------------------------------------------------------------------------------------
def _can_mount() -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = tempfile.mkdtemp(prefix="eo-reliability-mount-")
    try:
        ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe],
                            capture_output=True).returncode == 0
        if ok:
            subprocess.run(["umount", probe], capture_output=True)
        return ok
    finally:
        os.rmdir(probe)


class _Mount:
    """A tmpfs (``options``: "ro", "size=256k") at a new folder, prepared by ``fill`` before a remount ro."""

    def __init__(self, options: str, prepare=None):
        self.path = tempfile.mkdtemp(prefix="eo-reliability-disk-")
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512m" if "ro" in options.split(",") else options,
                        "tmpfs", self.path], check=True, capture_output=True)
        if prepare is not None:
            prepare(self.path)
        if "ro" in options.split(","):
            subprocess.run(["mount", "-o", "remount,ro", self.path], check=True, capture_output=True)

    def close(self):
        subprocess.run(["umount", self.path], capture_output=True)
        shutil.rmtree(self.path, ignore_errors=True)


def _readonly_folder(provider: str):
    case = harness.CASES[provider]

    def run(workdir):
        sim = case.start_sim()
        try:
            if _can_mount():
                digests = {}
                mount = _Mount("ro", prepare=lambda p: digests.update(_prepare_folder(os.path.join(p, "out"))))
                try:
                    out = _job(case, case.params(0, "ro"), workdir, base=sim.url,
                               folder=os.path.join(mount.path, "out"), prepare=False)
                    out.untouched = _untouched(os.path.join(mount.path, "out"), digests)
                    out.extra["how"] = "read-only tmpfs"
                finally:
                    mount.close()
            else:
                folder = os.path.join(workdir, "out")
                digests = _prepare_folder(folder)
                if os.geteuid() == 0:
                    raise RuntimeError("running as root without mount: cannot make a folder read-only")
                os.chmod(folder, 0o555)
                try:
                    out = _job(case, case.params(0, "ro"), workdir, base=sim.url, folder=folder, prepare=False)
                finally:
                    os.chmod(folder, 0o755)
                out.untouched = _untouched(folder, digests)
                out.extra["how"] = "chmod 555"
        finally:
            sim.stop()
        return out
    return run


def _full_disk(provider: str):
    case = harness.CASES[provider]

    def run(workdir):
        sim = case.start_sim()
        try:
            if _can_mount():
                digests = {}
                mount = _Mount("size=256k", prepare=lambda p: digests.update(_prepare_folder(os.path.join(p, "out"))))
                try:
                    folder = os.path.join(mount.path, "out")
                    out = _job(case, case.params(0, "full"), workdir, base=sim.url, folder=folder, prepare=False)
                    out.untouched = _untouched(folder, digests)
                    out.extra["how"] = "256 KiB tmpfs"
                finally:
                    mount.close()
            else:
                import shutil as _shutil
                real = _shutil.disk_usage
                _shutil.disk_usage = lambda path: real(path)._replace(free=200 * 1024)
                try:
                    out = _job(case, case.params(0, "full"), workdir, base=sim.url)
                finally:
                    _shutil.disk_usage = real
                out.extra["how"] = "shutil.disk_usage reporting 200 KiB free"
        finally:
            sim.stop()
        return out
    return run


_FSIZE_CHILD = r"""
import json, os, resource, signal, sys
sys.path.insert(0, {root!r})
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
from tests.reliability import harness, badinput
case = harness.CASES[{provider!r}]
sim = case.start_sim()
limit = {limit}
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
folder = os.path.join({workdir!r}, "out")
badinput._prepare_folder(folder)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
try:
    out = badinput._job(case, case.params({template}, "fsize"), {workdir!r}, base=sim.url, folder=folder,
                        prepare=False)
finally:
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    sim.stop()
out.untouched = badinput._untouched(folder, {{"earlier_result.tif": badinput.hashlib.sha256(badinput.EARLIER).hexdigest()}})
print("OUTCOME " + json.dumps({{"kind": out.kind, "message": out.message, "error_type": out.error_type,
                               "partial": out.partial, "untouched": out.untouched}}))
"""


def _write_fails(provider: str, template: int, limit: int):
    def run(workdir):
        code = _FSIZE_CHILD.format(root=ROOT, provider=provider, limit=limit, template=template, workdir=workdir)
        proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
        line = [ln for ln in proc.stdout.splitlines() if ln.startswith("OUTCOME ")]
        if not line:
            return Outcome("failed", "child crashed: " + (proc.stderr or proc.stdout)[-2000:], "crash")
        data = json.loads(line[-1][len("OUTCOME "):])
        out = Outcome(**data)
        out.extra["how"] = "RLIMIT_FSIZE {} bytes (writes past it fail with EFBIG)".format(limit)
        return out
    return run


def _non_ascii(provider: str):
    case = harness.CASES[provider]

    def run(workdir):
        env = None
        sim = case.start_sim()
        try:
            folder = os.path.join(workdir, "Données été", " 空 间 ", "out put")
            out = _job(case, case.params(0, "accents"), workdir, base=sim.url, folder=folder)
        finally:
            sim.stop()
        from .restart import _gdal_opens
        outputs = out.extra.get("outputs", [])
        out.extra["gdal"] = bool(outputs) and all(_gdal_opens(o) for o in outputs)
        out.extra["inside"] = all(o.startswith(folder + os.sep) for o in outputs)
        if out.kind == "done":
            out.message = "done: {} file(s) under …/Données été/ 空 间 /out put/, all open in GDAL: {}".format(
                len(outputs), "yes" if out.extra["gdal"] and out.extra["inside"] else "NO")
        return out
    return run


def _disk_cases() -> List[BadCase]:
    cases = []
    for provider in ("ee_download", "eosda"):
        label = harness.CASES[provider].label
        cases.append(BadCase(
            "disk-readonly-{}".format(provider), "disk", "{}: output folder not writable".format(label),
            "a read-only folder", _readonly_folder(provider),
            r"^The output folder '\S+/out' is not writable\.$", kinds=("failed",), provider=provider))
        cases.append(BadCase(
            "disk-full-{}".format(provider), "disk", "{}: disk full".format(label), "256 KiB free",
            _full_disk(provider),
            r"Not enough free disk space in \S+: the download needs \d+\.\d MiB but only 0\.\d MiB are available\.",
            kinds=("failed",), provider=provider))
    cases.append(BadCase(
        "disk-write-fails-ee_download", "disk", "Earth Engine download: a write fails half-way", "file size limit 4 KiB",
        _write_fails("ee_download", 0, 4096),
        r"Could not save the download of http://127\.0\.0\.1:\d+/\S+: \[Errno 27\] File too large",
        kinds=("failed",), provider="ee_download"))
    cases.append(BadCase(
        "disk-write-fails-eosda", "disk", "EOSDA: a write fails half-way", "file size limit 4 KiB",
        _write_fails("eosda", 1, 4096),
        r"Could not save the download of http://127\.0\.0\.1:\d+/\S+: \[Errno 27\] File too large",
        kinds=("failed",), provider="eosda"))
    for provider in ("ee_download", "eosda", "ee_export", "eodag"):
        cases.append(BadCase(
            "disk-non-ascii-{}".format(provider), "disk", "{}: path with spaces and accents".format(
                harness.CASES[provider].label), "…/Données été/ 空 间 /out put/", _non_ascii(provider),
            r"^done: \d+ file\(s\) under …/Données été/ 空 间 /out put/, all open in GDAL: yes$", kinds=("done",),
            provider=provider))
    return cases


def catalogue() -> List[BadCase]:
    return _aoi_cases() + _parameter_cases() + _service_cases() + _disk_cases()


def check(case: BadCase, outcome: Outcome) -> List[str]:
    """What is wrong with an outcome (empty: the case passes)."""
    problems = []
    if outcome.kind not in case.kinds:
        problems.append("ended {} (expected {}): {}".format(outcome.kind, "/".join(case.kinds), outcome.message))
    if CRASH_RE.search(outcome.message or ""):
        problems.append("looks like a crash: {}".format(outcome.message))
    if not re.search(case.expect, outcome.message or "", re.S):
        problems.append("message {!r} does not match {!r}".format(outcome.message, case.expect))
    if outcome.partial:
        problems.append("left partial files: {}".format(outcome.partial))
    if outcome.untouched is False:
        problems.append("an earlier file in the output folder was changed or removed")
    if len(outcome.message or "") > 2000:
        problems.append("message of {} characters".format(len(outcome.message)))
    return problems


def run_catalogue(workdir: Optional[str] = None, only: Optional[List[str]] = None):
    """[(case, outcome, problems)] for every case (or the ids in ``only``)."""
    own = workdir is None
    workdir = workdir or tempfile.mkdtemp(prefix="eo-reliability-badinput-")
    rows = []
    try:
        for case in catalogue():
            if only and case.id not in only:
                continue
            sub = os.path.join(workdir, case.id)
            os.makedirs(sub, exist_ok=True)
            outcome = case.run(sub)
            rows.append((case, outcome, check(case, outcome)))
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)
    return rows
