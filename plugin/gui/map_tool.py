"""A map tool to draw the AOI polygon: left-click adds vertices, right-click finishes, Esc cancels."""
from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapToolEmitPoint, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor


class PolygonMapTool(QgsMapToolEmitPoint):
    polygonDrawn = pyqtSignal(QgsGeometry)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.canvas = canvas
        self.points = []
        self.band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.band.setColor(QColor(255, 80, 0, 90))
        self.band.setStrokeColor(QColor(255, 80, 0))
        self.band.setWidth(2)

    def canvasReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
            return
        self.points.append(QgsPointXY(self.toMapCoordinates(event.pos())))
        self._redraw()

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self.points:
            self.points.pop()
            self._redraw()

    def _redraw(self):
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        for p in self.points:
            self.band.addPoint(p, False)
        self.band.show()
        self.band.updatePosition()
        self.canvas.refresh()

    def finish(self):
        if len(self.points) >= 3:
            geometry = QgsGeometry.fromPolygonXY([self.points + [self.points[0]]])
            self.polygonDrawn.emit(geometry)
        self.reset()

    def reset(self):
        self.points = []
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def deactivate(self):
        self.reset()
        super().deactivate()

    def dispose(self):
        self.reset()
        scene = self.canvas.scene()
        if scene is not None and self.band.scene() is scene:
            scene.removeItem(self.band)
