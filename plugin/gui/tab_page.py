"""The dock's tab pages ask for the height of the page shown, not of the tallest page."""
from qgis.PyQt.QtCore import QSize


class TabPage:
    """Mixin (first base) of a provider tab: while it is not the page shown -- QTabWidget hides the others --
    it asks for no height, so the tab host is as tall as the page in view and a short tab (EOSDA) has no
    empty space under it.  Its width still counts: switching tabs never makes the dock wider."""

    def sizeHint(self):  # noqa: N802 (Qt)
        hint = super().sizeHint()
        return QSize(hint.width(), 0) if self.isHidden() else hint
