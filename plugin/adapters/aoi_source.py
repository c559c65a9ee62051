"""AOI sources in QGIS: canvas extent, selected features, a drawn geometry, Processing inputs."""
from typing import Iterable, List, Optional, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsGeometry, QgsRectangle,
                       QgsVectorLayer, QgsWkbTypes)
from shapely import wkb as shapely_wkb

from ..core.aoi import Aoi
from ..core.errors import AoiError
from ..core.i18n import translate
from . import settings as plugin_settings


def crs_string(crs: QgsCoordinateReferenceSystem) -> str:
    """An identifier pyproj understands for ``crs`` (authid when there is one, else WKT)."""
    if not crs.isValid():
        raise AoiError(translate("Aoi", "The layer or map has no valid coordinate reference system."))
    authid = crs.authid()
    if authid and not authid.upper().startswith("USER:"):
        return authid
    return crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED)


def _checks(max_vertices: Optional[int]) -> dict:
    try:
        max_area = float(plugin_settings.get("max_area_km2"))
    except Exception:
        max_area = None
    return {"max_area_km2": max_area, "max_vertices": max_vertices}


def _to_shapely(geometry: QgsGeometry):
    return shapely_wkb.loads(bytes(geometry.asWkb()))


def from_extent(rect: QgsRectangle, crs: QgsCoordinateReferenceSystem, max_vertices: Optional[int] = None) -> Aoi:
    if rect is None or rect.isEmpty():
        raise AoiError(translate("Aoi", "The extent is empty."))
    return Aoi.from_extent(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum(),
                           crs_string(crs), **_checks(max_vertices))


def from_canvas(canvas, max_vertices: Optional[int] = None) -> Aoi:
    return from_extent(canvas.extent(), canvas.mapSettings().destinationCrs(), max_vertices)


def from_geometries(geometries: Iterable[QgsGeometry], crs: QgsCoordinateReferenceSystem,
                    max_vertices: Optional[int] = None) -> Aoi:
    shapes = []
    for g in geometries:
        if g is None or g.isNull() or g.isEmpty():
            continue
        if g.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise AoiError(translate("Aoi", "The area of interest must be a polygon, not a {} geometry: use a "
                                            "polygon layer or draw a polygon.")
                           .format(QgsWkbTypes.geometryDisplayString(g.type())))
        shapes.append(_to_shapely(g))
    return Aoi.from_geometries(shapes, crs_string(crs), **_checks(max_vertices))


def from_layer_selection(layer, max_vertices: Optional[int] = None) -> Aoi:
    geoms = [f.geometry() for f in _selected_features(layer)]
    return from_geometries(geoms, layer.crs(), max_vertices)


def _selected_features(layer) -> list:
    """The selected features of a polygon ``layer`` (AoiError saying what to do when there are none)."""
    if layer is None or not isinstance(layer, QgsVectorLayer):
        raise AoiError(translate("Aoi", "Choose a vector layer with polygons."))
    if layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise AoiError(translate("Aoi", "The layer '{}' holds {} geometries; the area of interest must be "
                                        "polygons.").format(layer.name(),
                                                            QgsWkbTypes.geometryDisplayString(layer.geometryType())))
    if layer.selectedFeatureCount() == 0:
        raise AoiError(translate("Aoi", "No feature is selected in '{}': select one or more polygons, or use the "
                                        "map extent.").format(layer.name()))
    return list(layer.getSelectedFeatures())


def per_feature(features, crs: QgsCoordinateReferenceSystem, name_field: str = "",
                max_vertices: Optional[int] = None) -> List[Tuple[str, Aoi]]:
    """(name, Aoi) for each polygon feature: one job per feature.  The name is the feature's
    ``name_field`` value (its id when the field is not set or the value is empty or NULL); a name
    taken twice gets " (2)", " (3)"... so two features never share a folder or a title."""
    out, seen = [], {}
    for feature in features:
        value = feature.attribute(name_field) if name_field and name_field in feature.fields().names() else None
        name = str(value).strip() if value is not None and not _is_null(value) else ""
        name = name or translate("Aoi", "feature {}").format(feature.id())
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = "{} ({})".format(name, seen[name])
        out.append((name, from_geometries([feature.geometry()], crs, max_vertices)))
    if not out:
        raise AoiError(translate("Aoi", "The area of interest layer has no features (or none selected)."))
    return out


def per_selected_feature(layer, name_field: str = "", max_vertices: Optional[int] = None) -> List[Tuple[str, Aoi]]:
    """:func:`per_feature` over the selected features of ``layer`` (the dock's option)."""
    return per_feature(_selected_features(layer), layer.crs(), name_field, max_vertices)


def _is_null(value) -> bool:
    from qgis.PyQt.QtCore import QVariant
    return isinstance(value, QVariant) and value.isNull()


def from_feature_source(source, max_vertices: Optional[int] = None) -> Aoi:
    """A Processing feature source (already honouring 'selected features only')."""
    if source is None:
        raise AoiError(translate("Aoi", "The area of interest layer could not be read."))
    if source.wkbType() != QgsWkbTypes.Type.Unknown and \
            QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise AoiError(translate("Aoi", "The area of interest must be a polygon layer."))
    request = QgsFeatureRequest().setNoAttributes()
    geoms = [f.geometry() for f in source.getFeatures(request)]
    if not geoms:
        raise AoiError(translate("Aoi", "The area of interest layer has no features (or none selected)."))
    return from_geometries(geoms, source.sourceCrs(), max_vertices)


def to_qgs_geometry(aoi: Aoi) -> QgsGeometry:
    """The AOI as a QgsGeometry in EPSG:4326."""
    return QgsGeometry.fromWkt(aoi.to_wkt())
