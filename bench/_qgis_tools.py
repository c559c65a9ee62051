"""Shared pieces of the benchmarks that run inside a QGIS application (not a benchmark itself).

* :func:`start_qgis` -- a headless ``QgsApplication`` (offscreen platform) with the
  processing-free init the tests use;
* :class:`Heartbeat` -- a precise ``QTimer`` on the main thread that records when it
  fires; the gaps between beats beyond the interval are the stalls of the main thread;
* :class:`CanvasProbe` -- a ``QgsMapCanvas`` bound to the project's layer tree (as in
  the QGIS window); asks for a redraw at a fixed period and records how long each
  redraw takes to complete (``mapCanvasRefreshed``);
* :func:`wait_for` -- spin the event loop until a condition holds.
"""
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_APP = None


def start_qgis():
    """The process's QgsApplication (created once, GUI enabled, offscreen)."""
    global _APP
    if _APP is None:
        from qgis.core import QgsApplication
        _APP = QgsApplication([], True)
        _APP.initQgis()
    return _APP


def percentile(values, q):
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100.0
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


class Heartbeat:
    """A ``Qt.PreciseTimer`` firing every ``interval_ms`` on the main thread."""

    def __init__(self, interval_ms=5):
        from qgis.PyQt.QtCore import Qt, QTimer
        self.interval = interval_ms / 1000.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self.beats = []

    def _beat(self):
        self.beats.append(time.perf_counter())

    def start(self):
        self.beats = [time.perf_counter()]
        self.timer.start()

    def stop(self):
        self.timer.stop()
        self.beats.append(time.perf_counter())

    def stats(self):
        """Stalls in ms: the time between two beats beyond the interval."""
        gaps = [b - a for a, b in zip(self.beats, self.beats[1:])]
        stalls = [max(0.0, g - self.interval) * 1000.0 for g in gaps]
        return {
            "interval_ms": self.interval * 1000.0,
            "beats": len(self.beats),
            "seconds": self.beats[-1] - self.beats[0] if self.beats else 0.0,
            "max_stall_ms": max(stalls) if stalls else 0.0,
            "p99_stall_ms": percentile(stalls, 99),
            "p50_stall_ms": percentile(stalls, 50),
            "max_gap_ms": max(gaps) * 1000.0 if gaps else 0.0,
            "stalls_over_50ms": sum(1 for s in stalls if s > 50.0),
            "stalls_over_20ms": sum(1 for s in stalls if s > 20.0),
            # (seconds since the start, stall ms) of every stall over 20 ms, for diagnosis
            "long_stalls": [(round(a - self.beats[0], 3), round(s, 1))
                            for a, s in zip(self.beats, stalls) if s > 20.0],
        }


class CanvasProbe:
    """A map canvas showing the project (layer tree bridge), redrawn every ``period_ms``.

    Each requested redraw is timed until the canvas reports it complete.  A redraw the
    canvas could not start (its render threads busy elsewhere) shows as a long latency.
    """

    def __init__(self, project, crs=None, extent=None, size=(800, 600), period_ms=250):
        from qgis.gui import QgsLayerTreeMapCanvasBridge, QgsMapCanvas
        from qgis.PyQt.QtCore import QTimer
        self.canvas = QgsMapCanvas()
        self.canvas.resize(*size)
        self.canvas.setParallelRenderingEnabled(True)
        self.canvas.setCachingEnabled(False)
        if crs is not None:
            self.canvas.setDestinationCrs(crs)
        if extent is not None:
            self.canvas.setExtent(extent)
        self.bridge = QgsLayerTreeMapCanvasBridge(project.layerTreeRoot(), self.canvas)
        self.bridge.setAutoSetupOnFirstLayer(False)
        self.canvas.show()
        self.canvas.mapCanvasRefreshed.connect(self._done)
        self.timer = QTimer()
        self.timer.setInterval(period_ms)
        self.timer.timeout.connect(self._ask)
        self.asked = None
        self.latencies = []
        self.refreshed = 0
        self.last_refreshed_at = None

    def _ask(self):
        if self.asked is None:
            self.asked = time.perf_counter()
            self.canvas.refresh()

    def _done(self):
        now = time.perf_counter()
        self.refreshed += 1
        self.last_refreshed_at = now
        if self.asked is not None:
            self.latencies.append(now - self.asked)
            self.asked = None

    def start(self):
        self.latencies = []
        self.asked = None
        self.timer.start()

    def stop(self):
        self.timer.stop()
        if self.asked is not None:          # a redraw that never completed counts until now
            self.latencies.append(time.perf_counter() - self.asked)
            self.asked = None

    def stats(self):
        ms = [x * 1000.0 for x in self.latencies]
        return {"redraws": len(ms), "max_redraw_ms": max(ms) if ms else 0.0,
                "median_redraw_ms": statistics.median(ms) if ms else 0.0,
                "p90_redraw_ms": percentile(ms, 90)}

    def close(self):
        """Delete the bridge first (at once), then the canvas: a bridge that outlives its canvas
        hands the next project's layers to a deleted canvas (a crash)."""
        from qgis.PyQt import sip
        from qgis.PyQt.QtCore import QCoreApplication, QEvent
        self.timer.stop()
        self.canvas.mapCanvasRefreshed.disconnect(self._done)
        sip.delete(self.bridge)
        self.bridge = None
        self.canvas.stopRendering()
        self.canvas.close()
        self.canvas.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.canvas = None


def wait_for(condition, timeout=600.0):
    """Run the Qt event loop until ``condition()`` is true (checked every 10 ms)."""
    from qgis.PyQt.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(10)
    start = time.monotonic()
    state = {"timeout": False}

    def check():
        if condition():
            loop.quit()
        elif time.monotonic() - start > timeout:
            state["timeout"] = True
            loop.quit()
    timer.timeout.connect(check)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    if state["timeout"]:
        raise TimeoutError("condition not met within {:.0f} s".format(timeout))
    return time.monotonic() - start
