"""A QGIS session (own profile) that runs every provider with known secrets, for the secrets scan.

``python -m tests.reliability.secrets_worker CONFIG_JSON``

The secrets go into QGIS's authentication database (master password set here) and
nowhere else; the plugin's settings get only the authcfg ids and the base URLs.  Then:

1. the GUI path: one job per provider through the plugin's ``JobManager`` (QgsTasks),
   layers loaded into the project; then one job per provider against an *echo* server
   that puts the request (URL with its query, every header) into its error answer;
2. Processing: ``processing.run`` of each provider's download algorithm with ``AUTHCFG``,
   and the same against the echo server;
3. the project is written (``.qgz`` and ``.qgs``), TLS verification checked on by default,
   then switched off once (the plugin must say so in the message log).

Everything the user or a log could see is written to ``<captures>``: the QGIS message
log, every Python log record (the plugin's ``eo_downloader`` logger apart), job errors,
Processing feedback and exceptions.  The test then searches them, the profile, the
project and the outputs for the secrets.
"""
import json
import logging
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


class _Lines(logging.Handler):
    def __init__(self, path):
        super().__init__(logging.DEBUG)
        self.handle_ = open(path, "a", encoding="utf-8")

    def emit(self, record):
        try:
            self.handle_.write("{} {} {}\n".format(record.name, record.levelname, record.getMessage()))
            self.handle_.flush()
        except Exception:
            pass


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    with open(argv[0], "r", encoding="utf-8") as handle:
        cfg = json.load(handle)
    profile, captures = cfg["profile"], cfg["captures"]
    os.makedirs(captures, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import (QgsApplication, QgsAuthMethodConfig, QgsProcessingFeedback, QgsProject)
    from qgis.PyQt.QtCore import QCoreApplication, QSettings
    QCoreApplication.setOrganizationName("QGIS")
    QCoreApplication.setOrganizationDomain("qgis.org")
    QCoreApplication.setApplicationName("QGIS3")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, profile)
    app = QgsApplication([], False, profile)
    app.initQgis()

    messages = open(os.path.join(captures, "qgis_message_log.txt"), "a", encoding="utf-8")
    seen = []

    def on_message(msg, tag, level):
        seen.append(msg)
        messages.write("[{}] {} {}\n".format(tag, int(level), msg))
        messages.flush()

    QgsApplication.messageLog().messageReceived.connect(on_message)
    from plugin.core.logs import TOP
    plugin_log = logging.getLogger(TOP)      # the plugin's top logger (eo_downloader once installed)
    plugin_log.setLevel(logging.DEBUG)
    plugin_log.addHandler(_Lines(os.path.join(captures, "eo_downloader_logger.txt")))
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    root.addHandler(_Lines(os.path.join(captures, "all_python_logging.txt")))
    errors = open(os.path.join(captures, "errors_shown.txt"), "a", encoding="utf-8")
    feedback_file = open(os.path.join(captures, "processing_feedback.txt"), "a", encoding="utf-8")

    # -- secrets into the authentication database, ids into the settings ---------------------
    am = QgsApplication.authManager()
    assert am.setMasterPassword(cfg["master_password"], True)
    ids = {}
    for name, method, values in (("ee", "EsriToken", {"token": cfg["ee_token"]}),
                                 ("eosda", "EsriToken", {"token": cfg["eosda_key"]}),
                                 ("eodag", "Basic", {"username": cfg["eodag_user"], "password": cfg["eodag_password"]})):
        auth = QgsAuthMethodConfig(method)
        auth.setName("reliability {}".format(name))
        for key, value in values.items():
            auth.setConfig(key, value)
        ok = am.storeAuthenticationConfig(auth)
        assert (ok[0] if isinstance(ok, tuple) else ok), name
        ids[name] = auth.id()
    from plugin.adapters import network
    from plugin.adapters import settings as plugin_settings
    plugin_settings.set("ee_authcfg", ids["ee"])
    plugin_settings.set("eosda_authcfg", ids["eosda"])
    plugin_settings.set("ee_project", "my-project")
    report = {"authcfg": ids, "tls_default_verify": bool(network.make_session().verify)}
    # the settings hold the ids; the database gives the secrets back
    stored = {}
    for name, key, value in (("ee", "token", cfg["ee_token"]), ("eosda", "token", cfg["eosda_key"]),
                             ("eodag", "password", cfg["eodag_password"])):
        auth = QgsAuthMethodConfig()
        loaded = am.loadAuthenticationConfig(ids[name], auth, True)
        if isinstance(loaded, tuple) and len(loaded) > 1 and isinstance(loaded[1], QgsAuthMethodConfig):
            auth = loaded[1]
        stored[name] = auth.config(key) == value
    report["auth_db_roundtrip"] = stored
    report["settings_hold_ids"] = (plugin_settings.get("ee_authcfg") == ids["ee"]
                                   and plugin_settings.get("eosda_authcfg") == ids["eosda"])

    from plugin.adapters.job_manager import JobManager
    from plugin.core.jobs import Job

    def base_urls(kind):
        urls = cfg["urls"][kind]
        plugin_settings.set("ee_api_url", urls["ee"])
        plugin_settings.set("eosda_api_url", urls["eosda"])
        os.environ["EO_DOWNLOADER_GCS_API_URL"] = urls["ee"]
        os.environ["EO_DOWNLOADER_EODAG_PROVIDERS_FILE"] = urls["eodag_yaml"]

    def job_params(provider, token):
        from tests.reliability import harness
        case = harness.CASES[provider]
        params = case.params(0, token)
        params["authcfg"] = ids["eodag"] if provider == "eodag" else ids["ee"] if provider.startswith("ee") \
            else ids["eosda"]
        return params

    # -- 1. the GUI path ----------------------------------------------------------------------
    report["gui"] = {}
    from plugin.adapters import qgis_logging
    bar_file = open(os.path.join(captures, "message_bar.txt"), "a", encoding="utf-8")

    class _Bar:          # (no widgets in this session: the bar's pushMessage, written down)
        def pushMessage(self, title, text, level=0, duration=-1):
            bar_file.write("{}: {}\n".format(title, text))
            bar_file.flush()

    class _Iface:
        bar = _Bar()

        def messageBar(self):
            return self.bar
    qgis_logging.install(_Iface())           # as initGui does: message log and message bar handlers
    manager = JobManager()
    for round_name in ("good", "echo"):
        base_urls(round_name)
        submitted = {}
        for provider in cfg["providers"]:
            job = Job(provider=provider, params=job_params(provider, "gui_{}".format(round_name)),
                      title="secrets {} {}".format(provider, round_name),
                      output_dir=os.path.join(cfg["outputs"], "gui", round_name, provider), load_layers=True)
            submitted[provider] = manager.submit(job).id
        end = time.monotonic() + 120
        while time.monotonic() < end:
            app.processEvents()
            if not manager.active() and all(manager.store.get(i).finished for i in submitted.values()):
                break
            time.sleep(0.02)
        for _ in range(20):
            app.processEvents()
        for provider, job_id in submitted.items():
            job = manager.store.get(job_id)
            report["gui"]["{}/{}".format(provider, round_name)] = {"state": job.state, "error": job.error}
            if job.error:
                errors.write("GUI {} {}: {}\n".format(provider, round_name, job.error))
    errors.flush()

    # -- 2. Processing ------------------------------------------------------------------------
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))    # QGIS's Processing
    from processing.core.Processing import Processing
    import processing
    from plugin.processing.provider import EoDownloaderProvider
    Processing.initialize()
    provider_obj = EoDownloaderProvider()
    QgsApplication.processingRegistry().addProvider(provider_obj)

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):
            feedback_file.write("info: {}\n".format(info))
            super().pushInfo(info)

        def pushWarning(self, warning):
            feedback_file.write("warning: {}\n".format(warning))
            super().pushWarning(warning)

        def reportError(self, error, fatalError=False):
            feedback_file.write("error: {}\n".format(error))
            super().reportError(error, fatalError)

        def setProgressText(self, text):
            feedback_file.write("progress: {}\n".format(text))
            super().setProgressText(text)

    extent = "-122.0859,-122.0799,37.0436,37.0496 [EPSG:4326]"
    eosda_extent = "-104.8800,-104.8750,27.1700,27.1750 [EPSG:4326]"
    eodag_extent = "1.2750,1.2860,43.5950,43.6030 [EPSG:4326]"
    algorithms = {
        "ee_download": ("eo_downloader:ee_download", {"EXTENT": extent, "IMAGE": cfg["ee_image"], "BANDS": "B4,B3",
                                                       "SCALE": 30, "PROJECT": "my-project", "AUTHCFG": ids["ee"]}),
        "eosda": ("eo_downloader:eosda_download", {"EXTENT": eosda_extent, "VIEW_ID": cfg["eosda_view"],
                                                   "BANDS": "B02,B03,B04", "AUTHCFG": ids["eosda"]}),
        "ee_export": ("eo_downloader:ee_export", {"EXTENT": extent, "IMAGE": cfg["ee_image"], "BANDS": "B4",
                                                  "SCALE": 30, "DESCRIPTION": "secrets_export", "DESTINATION": 0,
                                                  "BUCKET": "bkt", "PROJECT": "my-project", "AUTHCFG": ids["ee"]}),
        "eodag": ("eo_downloader:eodag_download", {"EXTENT": eodag_extent, "PROVIDER": "eodag_sim",
                                                   "COLLECTION": "S2_MSI_L2A", "DATE_FROM": "2023-06-01",
                                                   "DATE_TO": "2023-07-31", "CLOUD_MAX": 100,
                                                   "PRODUCT_IDS": cfg["eodag_product"], "BANDS": "B04,B03,B02",
                                                   "AUTHCFG": ids["eodag"]}),
    }
    report["processing"] = {}
    for round_name in ("good", "echo"):
        base_urls(round_name)
        for provider in cfg["providers"]:
            alg, params = algorithms[provider]
            params = dict(params, OUTPUT_DIR=os.path.join(cfg["outputs"], "processing", round_name, provider))
            if provider == "ee_export":
                params["DESCRIPTION"] = "secrets_export_{}".format(round_name)
            try:
                result = processing.run(alg, params, feedback=Feedback())
                report["processing"]["{}/{}".format(provider, round_name)] = {
                    "ok": True, "files": len(result.get("OUTPUT_FILES") or [])}
            except Exception as exc:  # QgsProcessingException: the message the user sees
                text = str(exc)
                errors.write("Processing {} {}: {}\n".format(provider, round_name, text))
                report["processing"]["{}/{}".format(provider, round_name)] = {"ok": False, "error": text}
    errors.flush()

    # -- 3. the project, TLS --------------------------------------------------------------------
    project = QgsProject.instance()
    report["layers"] = len(project.mapLayers())
    for ext in ("qgz", "qgs"):
        path = os.path.join(cfg["project_dir"], "secrets.{}".format(ext))
        report["project_{}".format(ext)] = bool(project.write(path))
    plugin_settings.set("verify_tls", False)
    before = len(seen)
    report["tls_off_verify"] = bool(network.make_session().verify)
    report["tls_warning_logged"] = sum(1 for m in seen[before:] if "TLS certificate verification is turned off" in m)
    plugin_settings.set("verify_tls", True)
    report["tls_back_on_verify"] = bool(network.make_session().verify)
    messages.flush()
    with open(os.path.join(captures, "..", "worker_report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1)
    QgsApplication.processingRegistry().removeProvider(provider_obj)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
