#!/usr/bin/env python3
"""The README's main job, end to end on this machine (``make demo``).

1. starts the Earth Engine simulator on loopback (the real service is not reachable here);
2. installs the packaged plugin (dist/*.zip) into a fresh QGIS profile;
3. runs ``eo_downloader:ee_download`` through ``/usr/bin/qgis_process.bin`` for the seed's
   region (BBox -122.0859, 37.0436, -122.0626, 37.0586; bands B3, B8, B11);
4. prints where the files are and renders a PNG of the result as QGIS draws it.

Against the real service: drop EO_DOWNLOADER_EE_API_URL, set EO_DOWNLOADER_EE_TOKEN to
an OAuth access token (``gcloud auth print-access-token``) or AUTHCFG to a QGIS
authentication configuration, and PROJECT to your Earth Engine Cloud project.
"""
import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qgis_headless as qh  # noqa: E402

SEED = {
    "EXTENT": "-122.0859,-122.0626,37.0436,37.0586 [EPSG:4326]",
    "IMAGE": "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG",
    "BANDS": "B3,B8,B11",
    "NAME": "single_band",
    "PROJECT": "demo-project",
}
TOKEN = "demo-token"


def run_demo(work: str, output_dir: str, png: str, extra_params=None) -> dict:
    sim = qh.start_simulator("ee_sim", ["--token", TOKEN])
    try:
        env = qh.headless_env(work, {"EO_DOWNLOADER_EE_API_URL": "http://127.0.0.1:{}".format(sim.port),
                                     "EO_DOWNLOADER_EE_TOKEN": TOKEN})
        qh.install_zip(qh.latest_zip(), env)
        params = dict(SEED, OUTPUT_DIR=output_dir, **(extra_params or {}))
        rc, data, err = qh.run_algorithm("eo_downloader:ee_download", params, env)
        if rc != 0 or not data:
            raise SystemExit("qgis_process failed ({}):\n{}".format(rc, err))
        files = data["results"]["OUTPUT_FILES"]
        rasters = [f for f in files if f.endswith(".vrt")] or [f for f in files if f.endswith(".tif")]
        render = subprocess.run(["/usr/bin/python3", os.path.join(qh.ROOT, "scripts", "render_png.py"), png]
                                + rasters[:1], capture_output=True, text=True, env=dict(env, PYTHONPATH=""))
        if render.returncode != 0:
            raise SystemExit("rendering failed:\n" + render.stderr)
        return {"files": files, "png": png, "render": render.stdout.strip()}
    finally:
        sim.terminate()
        sim.wait(10)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="EO Downloader demo against the local Earth Engine simulator")
    ap.add_argument("--output-dir", default=os.path.join(qh.ROOT, "demo_output"))
    ap.add_argument("--png", default=os.path.join(qh.ROOT, "docs", "images", "demo_result.png"))
    args = ap.parse_args(argv)
    work = os.path.join(qh.ROOT, "build", "demo")
    shutil.rmtree(work, ignore_errors=True)
    if os.path.isdir(args.output_dir):
        shutil.rmtree(args.output_dir)
    print("Earth Engine simulator on loopback (this demo does not reach Google).")
    result = run_demo(work, args.output_dir, args.png)
    print("Files written:")
    for f in result["files"]:
        print("  " + f)
    print("Picture of the result as QGIS draws it: " + result["png"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
