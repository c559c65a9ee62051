"""The Jobs panel: newest job first, only what changed is redrawn, the selection follows its job."""
import pytest
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt

from plugin.adapters.job_manager import JobManager
from plugin.core.jobs import Job, JobState
from plugin.gui.jobs_panel import JobsPanelWidget, ProgressDelegate

from .helpers import wait_until

HISTORY = 300


@pytest.fixture
def panel(tmp_path, qgis_new_project):
    manager = JobManager(store_path=str(tmp_path / "jobs.json"))
    for i in range(HISTORY):
        manager.store.add(Job(provider="eodag", params={}, title="job {}".format(i), state=JobState.DONE,
                              progress=100.0, message="Done", created=1000.0 + i))
    widget = JobsPanelWidget(manager)
    yield widget
    widget.cleanup()
    widget.deleteLater()
    manager.shutdown()


def table(panel):
    return panel.body.jobsTable


def texts(panel, col):
    t = table(panel)
    return [t.item(row, col).text() for row in range(t.rowCount())]


def address(item):
    return sip.unwrapinstance(item)


def select(panel, row):
    table(panel).selectRow(row)
    assert panel.selected_job_id() == table(panel).item(row, 0).data(Qt.ItemDataRole.UserRole)


def test_every_job_is_listed_newest_first(panel):
    assert texts(panel, 0) == ["job {}".format(i) for i in reversed(range(HISTORY))]
    assert set(texts(panel, 2)) == {JobState.label(JobState.DONE)}
    assert table(panel).item(0, 3).data(ProgressDelegate.ROLE) == 100
    assert table(panel).item(0, 3).text() == "100 %"     # (what a screen reader or a copy gets)


def test_a_change_updates_its_row_and_leaves_the_others_alone(panel):
    store = panel.manager.store
    before = [[address(table(panel).item(row, col)) for col in (0, 1, 2, 4)] for row in range(HISTORY)]
    target = store.list()[HISTORY - 1 - 10]           # shown in row 10
    store.update(target.id, state=JobState.FAILED, error="Server said no", message="")
    panel.refresh()
    assert table(panel).item(10, 2).text() == JobState.label(JobState.FAILED)
    assert table(panel).item(10, 4).text() == "Server said no"
    assert table(panel).item(10, 4).toolTip() == "Server said no"
    after = [[address(table(panel).item(row, col)) for col in (0, 1, 2, 4)] for row in range(HISTORY)]
    assert after == before                              # same cells, only their text changed
    revision = panel._revision
    panel.refresh()                                     # nothing changed: nothing to do
    assert panel._revision == revision


def test_a_new_job_goes_on_top_and_the_selection_stays_with_its_job(panel):
    store = panel.manager.store
    select(panel, 5)
    chosen = panel.selected_job_id()
    new = store.add(Job(provider="ee_download", params={}, title="fresh", created=5000.0))
    store.update(new.id, persist=False, progress=42.0, message="Downloading")
    panel.refresh()
    assert table(panel).rowCount() == HISTORY + 1
    assert texts(panel, 0)[:2] == ["fresh", "job {}".format(HISTORY - 1)]
    assert table(panel).item(0, 4).text() == "Downloading"
    assert table(panel).item(0, 3).data(ProgressDelegate.ROLE) == 42
    assert panel.selected_job_id() == chosen
    assert panel.body.detailLabel.text().startswith("Done")


def test_removed_jobs_leave_the_table(panel):
    store = panel.manager.store
    jobs = store.list()
    select(panel, 0)
    store.remove(jobs[-1].id)                           # the selected one (newest)
    store.remove(jobs[0].id)                            # the oldest
    panel.refresh()
    assert texts(panel, 0) == ["job {}".format(i) for i in reversed(range(1, HISTORY - 1))]
    assert panel.selected_job_id() is None
    assert not panel.body.removeButton.isEnabled()


def test_the_jobs_changed_signal_refreshes_the_panel_later(panel):
    store = panel.manager.store
    job = store.list()[-1]
    store.update(job.id, message="Moved on")
    panel.manager.jobChanged.emit(job.id)
    assert table(panel).item(0, 4).text() == "Done"        # not at once: at most every 200 ms
    wait_until(lambda: table(panel).item(0, 4).text() == "Moved on", timeout=5)


def _painted(panel, value):
    """Pixels of a strong colour (the bar's chunk, not its frame or text) in a 200 x 24 cell
    painted with ``value``."""
    from qgis.PyQt.QtCore import QRect
    from qgis.PyQt.QtGui import QColor, QImage, QPainter
    from qgis.PyQt.QtWidgets import QStyleOptionViewItem
    t = table(panel)
    t.item(0, 3).setData(ProgressDelegate.ROLE, value)
    image = QImage(200, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 200, 24)
    option.widget = t
    option.palette = t.palette()
    painter = QPainter(image)
    panel.progress_delegate.paint(painter, option, t.model().index(0, 3))
    painter.end()
    return sum(1 for x in range(200) for y in range(24) if QColor(image.pixel(x, y)).hsvSaturation() > 80)


def test_progress_is_painted_as_a_bar_as_long_as_the_value(panel):
    empty, half, full = _painted(panel, 0), _painted(panel, 50), _painted(panel, 100)
    assert empty < 50 < half
    assert 1.6 < full / half < 2.4


def test_clear_finished_asks_then_forgets_the_finished_jobs_only(panel, monkeypatch, tmp_path):
    from qgis.PyQt.QtWidgets import QMessageBox
    store = panel.manager.store
    running = store.add(Job(provider="eodag", params={}, title="running", state=JobState.DOWNLOADING,
                            created=6000.0))
    scratch = store.add(Job(provider="ee_download", params={}, title="scratch left", state=JobState.DONE,
                            server={"scratch": [str(tmp_path / ".scratch")]}, created=6001.0))
    output = tmp_path / "kept.tif"
    output.write_bytes(b"result")
    store.update(store.list()[0].id, outputs=[str(output)])
    panel.refresh()
    assert panel.body.clearButton.isEnabled()
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    panel.body.clearButton.click()
    assert table(panel).rowCount() == HISTORY + 2                     # "No": nothing forgotten
    assert str(HISTORY) in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    panel.body.clearButton.click()
    assert texts(panel, 0) == ["scratch left", "running"]
    assert [j.id for j in store.list()] == [running.id, scratch.id]
    assert output.read_bytes() == b"result"                          # files stay on disk
    assert not panel.body.clearButton.isEnabled()                     # nothing left to clear
    assert store.flush()
    assert [j.title for j in type(store)(store.path).list()] == ["running", "scratch left"]


def test_the_provider_column_says_which_service(panel):
    """Issue 20 item 3: readable jobs: the service by its name, not the provider id."""
    store = panel.manager.store
    store.add(Job(provider="ee_download", params={}, title="S2 L2A T31TCJ 2023-08-04 · 12 ha", created=5000.0))
    panel.refresh()
    assert texts(panel, 1)[0] == "Earth Engine" and set(texts(panel, 1)[1:]) == {"eodag"}
    store.add(Job(provider="stac", params={}, title="STAC sentinel-2-l2a (3 items)", created=6000.0))
    panel.refresh()
    assert texts(panel, 1)[0] == "STAC"
