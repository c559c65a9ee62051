"""Real QGIS under Xvfb: the dock, the Jobs panel and a loaded result are visible and drawn."""
import json
import os
import subprocess
import sys

import pytest

from tests.qgis.conftest import ROOT
from tests.qgis.helpers import write_rgb_geotiff

pytestmark = pytest.mark.slow


def test_real_qgis_window_shows_dock_jobs_and_a_drawn_result(tmp_path):
    raster = write_rgb_geotiff(tmp_path / "result.tif", size=128)
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "screenshot.py"), str(tmp_path / "shots"),
                           "--raster", raster, "--display", ":93"], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    state = json.loads(proc.stdout.strip().splitlines()[-1])
    assert state["dock"] and state["jobs"] and state["jobs_rows"] >= 1
    assert all(state["visible"].values()), state["visible"]
    assert state["layers"] == ["EE demo result"]      # named after the job (issue 20)
    assert state["canvas_painted"] > 0.3          # the layer is drawn, not a blank canvas
    png = state["png"]
    assert os.path.getsize(png) > 20000
    from qgis.PyQt.QtGui import QImage
    image = QImage(png)
    assert image.width() == 1600 and image.height() == 1000


def test_stac_flow_in_real_qgis_one_layer_per_date_and_the_temporal_controller(tmp_path):
    """``--flow stac``: rustac serve and nginx on loopback, a drawn polygon searched over May 2024, the
    download through the Jobs panel, one layer per date with its day, stepped to the second date."""
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "screenshot.py"), str(tmp_path / "shots"),
                           "--flow", "stac", "--display", ":92"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    state = json.loads(proc.stdout.strip().splitlines()[-1])
    assert not state.get("timed_out"), state
    assert state["collections"] == ["sentinel-2-l2a"] and state["footprints"] == 3
    assert state["items"] == ["S2_2024-05-23", "S2_2024-05-13", "S2_2024-05-03"]      # newest first
    assert state["job_state"] == "done" and state["jobs_rows"] == 1
    days = ("2024-05-23", "2024-05-13", "2024-05-03")
    assert [layer["name"] for layer in state["layers"]] == ["STAC sentinel-2-l2a (3 items) · " + d for d in days]
    for layer, day in zip(state["layers"], days):
        assert layer["temporal"] and layer["range"] == [day + " 00:00:00", day + " 23:59:59"], layer
    assert state["temporal_dock"] == ["Temporal Controller"]
    step = state["step"]
    assert step["range"] == ["2024-05-13 00:00:00", "2024-05-14 00:00:00"] == step["canvas_range"]
    assert step["shown"] == ["STAC sentinel-2-l2a (3 items) · 2024-05-13"]      # that date alone
    assert state["canvas_painted"] > 0.3 and state["canvas_colours"] > 200     # the date's pixels drawn
    assert [os.path.basename(p) for p in state["shots"]] == ["stac_search.png", "stac_time_stack.png"]
    assert all(os.path.getsize(p) > 20000 for p in state["shots"])
