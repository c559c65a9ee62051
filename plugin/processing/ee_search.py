"""``eo_downloader:ee_search`` — the images of an Earth Engine collection over an area and a period."""
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterAuthConfig,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber,
                       QgsProcessingParameterString)
from qgis.PyQt.QtCore import QVariant

from ..core.errors import EoError
from ..core.i18n import translate
from . import ee_collection
from .base import BaseAlgorithm


def by_cloud(scenes):
    """The scenes least cloudy first (unknown cover last), then by date."""
    return sorted(scenes, key=lambda s: (s.cloud is None, s.cloud or 0.0, s.time or ""))


class EeSearchAlgorithm(BaseAlgorithm):
    COLLECTION = ee_collection.COLLECTION
    DATE_FROM = ee_collection.DATE_FROM
    DATE_TO = ee_collection.DATE_TO
    CLOUD_MAX = ee_collection.CLOUD_MAX
    LIMIT = "LIMIT"
    PROJECT = "PROJECT"
    OUTPUT = "OUTPUT"
    LEAST_CLOUDY_ID = "LEAST_CLOUDY_ID"
    COUNT = "COUNT"

    def name(self) -> str:
        return "ee_search"

    def displayName(self) -> str:
        return translate("Processing", "Earth Engine collection search")

    def shortHelpString(self) -> str:
        return translate("Processing",
                         "Lists the images of an Earth Engine collection over an area of interest and a period "
                         "(as ee.data.listImages does) and writes their footprints with id, date and cloud "
                         "cover, least cloudy first; to choose an IMAGE for 'Earth Engine download' or "
                         "'Earth Engine export'. In a model, LEAST_CLOUDY_ID feeds the least cloudy image "
                         "straight into them.\n\n"
                         "AOI / EXTENT: the area (give one).\n") \
            + ee_collection.collection_help(with_composite=False) \
            + translate("Processing",
                        "LIMIT: most images listed.\n"
                        "PROJECT: your Google Cloud project registered for Earth Engine.\n"
                        "AUTHCFG: QGIS authentication configuration with your Earth Engine credentials.\n"
                        "OUTPUT: the footprint layer (fields id, date, cloud).\n"
                        "LEAST_CLOUDY_ID: the id of the least cloudy image (empty when none is found). "
                        "COUNT: how many images were found.")

    def initAlgorithm(self, config=None) -> None:
        from ..core.providers.earthengine.collections import DEFAULT_MAX_RESULTS
        self.add_aoi_parameters()
        ee_collection.add_collection_parameters(self, with_composite=False, optional=False)
        self.addParameter(QgsProcessingParameterNumber(self.LIMIT, translate("Processing", "Maximum number of images"),
                                                       QgsProcessingParameterNumber.Type.Integer,
                                                       defaultValue=DEFAULT_MAX_RESULTS, minValue=1, maxValue=5000))
        self.addParameter(QgsProcessingParameterString(self.PROJECT, translate("Processing", "Google Cloud project"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTHCFG, translate("Processing",
                                                                                   "Authentication configuration"),
                                                           optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, translate("Processing", "Image footprints"),
                                                            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputString(self.LEAST_CLOUDY_ID, translate("Processing",
                                                                                 "Least cloudy image id")))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, translate("Processing", "Number of images")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..adapters.earthengine import make_client
        from ..core.providers.earthengine import collections as ee_collections
        from ..core.providers.earthengine.params import check_collection
        aoi = self.aoi_from_parameters(parameters, context)
        args = ee_collection.collection_arguments(self, parameters, context, with_composite=False)
        try:
            spec = check_collection(dict(args, collection=args.get("collection", "")))
            client = make_client(self.parameterAsString(parameters, self.PROJECT, context),
                                 self.parameterAsString(parameters, self.AUTHCFG, context))
            found = ee_collections.search(client, spec["collection"], spec["start"], spec["end"], aoi.to_geojson(),
                                          spec["cloud_property"], spec["cloud_max"],
                                          max_results=self.parameterAsInt(parameters, self.LIMIT, context))
        except EoError as exc:
            raise QgsProcessingException(exc.user_text()) from exc
        scenes = by_cloud(found.scenes)
        dest = self._write_footprints(parameters, context, scenes)
        feedback.pushInfo(translate("Processing", "{} images found.").format(len(scenes)))
        if found.truncated:
            feedback.pushWarning(translate("Processing", "The listing stopped at {} images; narrow the period or "
                                                         "the area to see them all.").format(len(scenes)))
        return {self.OUTPUT: dest, self.LEAST_CLOUDY_ID: scenes[0].id if scenes else "", self.COUNT: len(scenes)}

    def _write_footprints(self, parameters, context, scenes):
        return self.write_footprints(
            parameters, context, (("id", QVariant.String), ("date", QVariant.String), ("cloud", QVariant.Double)),
            (([scene.id, scene.date, scene.cloud], scene.footprint) for scene in scenes))
