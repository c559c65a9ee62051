"""Scene footprints drawn on the map canvas as rubber bands (the search tabs' results): all of them
faint, the chosen one highlighted; cleared on demand and when the tab goes."""
from typing import Any, Dict, List, Optional, Sequence

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject, QgsWkbTypes
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtGui import QColor


class Footprints:
    """The rubber bands of one tab's search results on ``canvas``."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.bands: List[QgsRubberBand] = []

    def show(self, footprints: Sequence[Optional[Dict[str, Any]]], highlight: Optional[int] = None) -> None:
        """Draw ``footprints`` (GeoJSON in EPSG:4326; None: none for that scene), the one at index
        ``highlight`` emphasised; what was drawn before goes."""
        self.clear()
        from shapely.geometry import shape
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                           self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        for index, footprint in enumerate(footprints):
            if not footprint:
                continue
            band = QgsRubberBand(self.canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
            chosen = index == highlight
            band.setColor(QColor(0, 120, 255, 60 if chosen else 0))
            band.setStrokeColor(QColor(0, 90, 220) if chosen else QColor(0, 120, 255, 140))
            band.setWidth(3 if chosen else 1)
            geom = QgsGeometry.fromWkt(shape(footprint).wkt)
            geom.transform(transform)
            band.setToGeometry(geom, None)
            self.bands.append(band)

    def clear(self) -> None:
        for band in self.bands:
            band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            self.canvas.scene().removeItem(band)
        self.bands = []
