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
