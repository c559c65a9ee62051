"""The plugin's Python logging in QGIS (issue 16 item 6): the core's module loggers reach the
QGIS message log, records flagged for the user the message bar (from any thread, posted to the
main thread), a Processing run's records its feedback; secrets masked in all three; handlers
never duplicated by unloading and loading the plugin again."""
import logging
import threading

import pytest
from qgis.core import Qgis, QgsApplication, QgsProcessingFeedback, QgsProcessingParameterAuthConfig

from plugin import classFactory
from plugin.adapters import qgis_logging
from plugin.core import logs
from plugin.core.jobs import Job
from plugin.core.runner import register_runner
from plugin.core.transfer import http
from plugin.processing.base import BaseAlgorithm
from tests.qgis.helpers import wait_until

SECRET = "LOGSECRET-5f2e9c"
core_log = logging.getLogger(logs.TOP + ".core.providers.probe")      # as a core module's logger


@pytest.fixture
def secret():
    http.register_secret(SECRET)
    yield SECRET
    http.unregister_secret(SECRET)


@pytest.fixture
def message_log():
    received = []

    def keep(message, tag, level):
        if tag == qgis_logging.TAG:
            received.append((message, level))
    QgsApplication.messageLog().messageReceived.connect(keep)
    yield received
    QgsApplication.messageLog().messageReceived.disconnect(keep)


@pytest.fixture
def installed(qgis_iface):
    qgis_iface.messageBar().clear_messages()
    qgis_logging.install(qgis_iface)
    yield qgis_iface
    qgis_logging.uninstall()


def _in_a_thread(func):
    thread = threading.Thread(target=func)
    thread.start()
    thread.join()


def _ours(logger):
    return [h for h in logger.handlers if isinstance(h, (qgis_logging.MessageLogHandler,
                                                          qgis_logging.MessageBarHandler))]


def test_core_records_reach_the_message_log_masked(installed, message_log, secret):
    core_log.info("asking https://h/api?api_key=%s now", secret)                 # main thread
    _in_a_thread(lambda: core_log.warning("Authorization: Bearer %s refused", secret))   # a worker
    core_log.debug("debug lines stay out")
    wait_until(lambda: len(message_log) >= 2)
    texts = [m for m, _ in message_log]
    assert texts == ["asking https://h/api?api_key=*** now", "Authorization: Bearer *** refused"]
    assert [lvl for _, lvl in message_log] == [Qgis.MessageLevel.Info, Qgis.MessageLevel.Warning]
    assert not any(secret in m for m in texts)


def test_a_user_warning_reaches_the_message_bar_from_a_worker_thread(installed, secret):
    bar = installed.messageBar()
    seen_on = []
    original = bar.pushMessage

    def spy(*args, **kwargs):
        seen_on.append(threading.current_thread() is threading.main_thread())
        original(*args, **kwargs)
    bar.pushMessage = spy
    try:
        core_log.warning("not for the bar")                                       # no user flag
        _in_a_thread(lambda: core_log.warning("The key %s was refused", secret, extra=qgis_logging.USER))
        wait_until(lambda: bar.get_messages(Qgis.MessageLevel.Warning))
    finally:
        del bar.pushMessage
    assert bar.get_messages(Qgis.MessageLevel.Warning) == ["EO Downloader:The key *** was refused"]
    assert seen_on == [True]                  # the widget was touched on the main thread only


class _Algorithm(BaseAlgorithm):
    def name(self):
        return "log_probe"

    def displayName(self):
        return "log probe"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTHCFG, "auth", optional=True))

    def processAlgorithm(self, parameters, context, feedback):
        return {}


class _Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        self.lines.append(("info", info))

    def pushWarning(self, warning):
        self.lines.append(("warning", warning))

    def reportError(self, error, fatalError=False):
        self.lines.append(("error", error))


def _probe_runner(job, ctx):
    core_log.info("asking https://h/api?api_key=%s", SECRET)
    _in_a_thread(logs.carry(lambda: core_log.warning("a tile of the job was slow")))   # the job's pool
    _in_a_thread(lambda: core_log.info("another job's line"))                            # not this run's
    return []


def test_a_processing_runs_records_reach_its_feedback_and_no_other(qgis_processing, tmp_path, secret):
    register_runner("log_probe", _probe_runner)
    alg = _Algorithm()
    alg.initAlgorithm()
    feedback, other = _Feedback(), _Feedback()
    from qgis.core import QgsProcessingContext
    with qgis_logging.feedback_to(other):           # another run, on another thread's scope
        _in_a_thread(lambda: None)
    job = Job("log_probe", {}, title="probe", output_dir=str(tmp_path / "out"))
    level_before = logging.getLogger(logs.TOP).level
    alg.run_provider_job(job, {}, QgsProcessingContext(), feedback)
    assert logging.getLogger(logs.TOP).level == level_before        # INFO let through for the run only
    assert ("info", "asking https://h/api?api_key=***") in feedback.lines
    assert ("warning", "a tile of the job was slow") in feedback.lines
    assert not any("another job" in text for _, text in feedback.lines)
    assert not any(secret in text for _, text in feedback.lines)
    assert other.lines == []
    core_log.info("after the run")
    assert not any("after the run" in text for _, text in feedback.lines)
    assert not [h for h in logging.getLogger(logs.TOP).handlers if isinstance(h, qgis_logging.FeedbackHandler)]


def test_reloading_the_plugin_never_duplicates_the_handlers(qgis_iface, message_log):
    top = logging.getLogger(logs.TOP)
    level_before = top.level
    redactors = [h for h in top.handlers if type(h).__name__ == "_Redactor"]
    assert len(redactors) == 1 and top.handlers[0] is redactors[0]
    menu_calls = (qgis_iface.addPluginToRasterMenu.call_count, qgis_iface.removePluginRasterMenu.call_count)
    for round_ in range(3):
        plugin = classFactory(qgis_iface)
        plugin.initGui()
        assert len(_ours(top)) == 2
        core_log.info("round %d", round_)
        plugin.unload()
        assert _ours(top) == [] and top.level == level_before
        core_log.warning("after unload %d", round_)
    # (the session's iface counts menu calls: test_plugin_lifecycle checks them)
    qgis_iface.addPluginToRasterMenu.call_count, qgis_iface.removePluginRasterMenu.call_count = menu_calls
    wait_until(lambda: len(message_log) >= 3)
    assert [m for m, _ in message_log] == ["round 0", "round 1", "round 2"]
    assert [h for h in top.handlers if type(h).__name__ == "_Redactor"] == redactors
