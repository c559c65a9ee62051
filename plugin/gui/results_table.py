"""The search tabs' result tables: whole ids readable in a narrow dock."""
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTableWidget, QTableWidgetItem


def setup(table: QTableWidget) -> None:
    """Long ids are elided in the middle (their start and end tell scenes apart), not cut at the right."""
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.setWordWrap(False)


def id_item(text: str) -> QTableWidgetItem:
    """A cell whose whole text is in its tooltip (an id the column elides)."""
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item
