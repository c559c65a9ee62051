import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _collect_before_qgis_exits(qgis_app):
    """Free what reference cycles still hold (a test's ``pytest.raises`` keeps a traceback whose frames
    hold GDAL datasets) while GDAL is alive: pytest-qgis calls ``exitQgis()``, which unloads GDAL's
    drivers, before pytest's last garbage collection, and a dataset closed after that crashed the
    process at exit ("double free or corruption", "corrupted size vs. prev_size", SIGSEGV)."""
    yield
    gc.collect()
