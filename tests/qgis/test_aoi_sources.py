"""AOI from the canvas and from selected features, in several CRSs."""
import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsGeometry, QgsPointXY, QgsRectangle,
                       QgsProject, QgsVectorLayer)

from plugin.adapters import aoi_source
from plugin.core.errors import AoiError

# The same 10 km x 10 km square around (-122.95, 37.09), expressed in three CRSs.
SQUARES = {
    "EPSG:32610": QgsRectangle(500000, 4100000, 510000, 4110000),
    "EPSG:3857": QgsRectangle(-13686000, 4450000, -13676000, 4460000),
    "EPSG:4326": QgsRectangle(-123.0, 37.0, -122.9, 37.1),
}


def _layer(crs, geometries, kind="Polygon"):
    layer = QgsVectorLayer("{}?crs={}".format(kind, crs), "aoi", "memory")
    features = []
    for g in geometries:
        f = QgsFeature()
        f.setGeometry(g)
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


@pytest.mark.parametrize("crs", sorted(SQUARES))
def test_selected_features_in_three_crs(crs):
    rect = SQUARES[crs]
    second = QgsRectangle(rect.xMaximum() + rect.width(), rect.yMinimum(),
                          rect.xMaximum() + 2 * rect.width(), rect.yMaximum())
    layer = _layer(crs, [QgsGeometry.fromRect(rect), QgsGeometry.fromRect(second)])
    layer.selectAll()
    aoi = aoi_source.from_layer_selection(layer)
    assert aoi.source_crs == crs
    assert len(aoi.parts) == 2                      # multipart kept
    single = aoi_source.from_geometries([QgsGeometry.fromRect(rect)], QgsCoordinateReferenceSystem(crs))
    transformed = QgsGeometry.fromRect(rect)
    transformed.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem(crs),
                                                 QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()))
    box = transformed.boundingBox()
    assert single.bounds == pytest.approx((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()), abs=1e-3)


@pytest.mark.parametrize("crs", sorted(SQUARES))
def test_canvas_extent_in_three_crs(qgis_canvas, crs):
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    qgis_canvas.setExtent(SQUARES[crs])
    aoi = aoi_source.from_canvas(qgis_canvas)
    assert aoi.source_crs == crs
    shown = qgis_canvas.extent()   # the canvas may widen the extent to its aspect ratio
    expected = aoi_source.from_extent(shown, QgsCoordinateReferenceSystem(crs))
    assert aoi.bounds == pytest.approx(expected.bounds)
    assert 37.0 < (aoi.bounds[1] + aoi.bounds[3]) / 2 < 37.2


def test_nothing_selected_message():
    layer = _layer("EPSG:4326", [QgsGeometry.fromRect(QgsRectangle(0, 0, 1, 1))])
    with pytest.raises(AoiError, match="No feature is selected in 'aoi'"):
        aoi_source.from_layer_selection(layer)


def test_line_layer_rejected():
    layer = _layer("EPSG:4326", [QgsGeometry.fromPolylineXY([QgsPointXY(0, 0), QgsPointXY(1, 1)])],
                   kind="LineString")
    layer.selectAll()
    with pytest.raises(AoiError, match="polygons"):
        aoi_source.from_layer_selection(layer)


def test_drawn_polygon_in_projected_crs():
    geom = QgsGeometry.fromPolygonXY([[QgsPointXY(500000, 4100000), QgsPointXY(510000, 4100000),
                                       QgsPointXY(505000, 4110000), QgsPointXY(500000, 4100000)]])
    aoi = aoi_source.from_geometries([geom], QgsCoordinateReferenceSystem("EPSG:32610"))
    assert aoi.area_km2 == pytest.approx(50.0, rel=0.01)
