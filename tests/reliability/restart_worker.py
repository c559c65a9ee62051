"""A QGIS session in a process of its own, for the restart test (killed with SIGKILL on purpose).

``python -m tests.reliability.restart_worker PROFILE_DIR JOBS_JSON (submit|resume) MARKERS_DIR``

It starts ``QgsApplication`` (no GUI) with its profile in ``PROFILE_DIR``, makes the
plugin's :class:`~plugin.adapters.job_manager.JobManager` on the profile's job store
(``<profile>/eo_downloader/jobs.json``, as in QGIS) and then:

* ``submit``: reads job descriptions from ``JOBS_JSON`` (provider, params, title,
  output_dir, id) and submits each, as the dock does;
* ``resume``: calls ``resume_unfinished()``, as the plugin does when QGIS starts.

It then runs the Qt event loop until every job of the store is finished (exit 0) --
unless it is killed first, which is the point.  Secrets and base URLs come from the
environment (``EO_DOWNLOADER_*``), like a headless QGIS.

Kill points inside an extraction: with ``EO_RELIABILITY_PAUSE_EXTRACT=1`` the first
zip member written by the plugin's safe extraction (``plugin.core.transfer.archive``), and the
first archive member eodag reports while extracting, write a marker file
``extract-<n>`` into ``MARKERS_DIR`` and stop there (the process is then killed).
This only makes a pause at a known place; nothing else of the plugin is changed.
"""
import json
import os
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


def _pause_here(markers: str, what: str) -> None:
    with _LOCK:
        _COUNT[0] += 1
        n = _COUNT[0]
    path = os.path.join(markers, "extract-{}-{}".format(what, n))
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(getattr(_LOCAL, "dest", "") or "")
    os.replace(path + ".tmp", path)
    while True:           # until SIGKILL
        time.sleep(1.0)


_LOCK = threading.Lock()
_COUNT = [0]
_LOCAL = threading.local()


def install_extract_pauses(markers: str) -> None:
    from plugin.core.transfer import archive
    from plugin.core.providers.eodag import client as eodag_client
    real_mtime = archive._zip_mtime
    real_extract = archive.safe_extract

    def safe_extract(zip_path, dest_dir, **kwargs):
        _LOCAL.dest = os.path.abspath(dest_dir)
        return real_extract(zip_path, dest_dir, **kwargs)

    def mtime(info):   # called right after each member is written into the temporary folder
        _pause_here(markers, "zip")
        return real_mtime(info)

    archive.safe_extract = safe_extract
    archive._zip_mtime = mtime
    real_callback = eodag_client.progress_callback

    def progress_callback(sink, cancel=None):
        def watched(unit, done, total):
            if unit != "B" and done >= 1:
                _pause_here(markers, "eodag")
            return sink(unit, done, total)
        return real_callback(watched, cancel)

    eodag_client.progress_callback = progress_callback


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    profile, jobs_file, mode, markers = argv[:4]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication, QSettings
    # as QGIS itself does: its settings in <profile>/QGIS/QGIS3.ini
    QCoreApplication.setOrganizationName("QGIS")
    QCoreApplication.setOrganizationDomain("qgis.org")
    QCoreApplication.setApplicationName("QGIS3")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, profile)
    app = QgsApplication([], False, profile)
    app.initQgis()
    if os.environ.get("EO_RELIABILITY_PAUSE_EXTRACT") == "1":
        install_extract_pauses(markers)
    from plugin.adapters.job_manager import JobManager
    from plugin.core.jobs import Job
    manager = JobManager()
    if mode == "submit":
        with open(jobs_file, "r", encoding="utf-8") as handle:
            for spec in json.load(handle):
                manager.submit(Job(provider=spec["provider"], params=spec["params"], title=spec["title"],
                                   output_dir=spec["output_dir"], id=spec["id"], load_layers=False))
    else:
        manager.resume_unfinished()
    print("worker {} ready ({})".format(os.getpid(), mode), flush=True)
    while True:
        app.processEvents()
        if not manager.active() and all(job.finished for job in manager.store.list()):
            break
        time.sleep(0.02)
    for job in manager.store.list():
        print("job {} {} {}".format(job.id, job.state, (job.error or "").replace("\n", " ")[:300]), flush=True)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
