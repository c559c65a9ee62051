"""``eo_downloader:stac_search`` -- the items of a STAC API collection over an area and a period."""
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterAuthConfig, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber,
                       QgsProcessingParameterString)
from qgis.PyQt.QtCore import QVariant

from ..core.errors import EoError
from ..core.i18n import translate
from .base import BaseAlgorithm

FIELDS = (("id", QVariant.String), ("datetime", QVariant.String), ("cloud", QVariant.Double),
          ("collection", QVariant.String), ("assets", QVariant.String), ("thumbnail", QVariant.String))


def catalogue_names():
    from ..core.providers.stac.presets import PRESETS
    return [preset.name for preset in PRESETS] + [translate("Processing", "Another catalogue (CATALOGUE_URL)")]


def configured_catalogue() -> str:
    """The default catalogue of the settings or the environment (EO_DOWNLOADER_STAC_API_URL) when it is
    not the built-in one, else "" (the CATALOGUE choice applies)."""
    from ..adapters import settings as plugin_settings
    from ..core import config as core_config
    from ..core.providers.stac.presets import default_api
    url = default_api(plugin_settings.get("stac_api_url"))
    return "" if url == core_config.DEFAULTS["stac_api"] else url


class StacSearchAlgorithm(BaseAlgorithm):
    CATALOGUE = "CATALOGUE"
    CATALOGUE_URL = "CATALOGUE_URL"
    COLLECTION = "COLLECTION"
    DATE_FROM = "DATE_FROM"
    DATE_TO = "DATE_TO"
    CLOUD_MAX = "CLOUD_MAX"
    MAX_ITEMS = "MAX_ITEMS"
    OUTPUT = "OUTPUT"
    NEWEST_ID = "NEWEST_ID"
    COUNT = "COUNT"

    def name(self) -> str:
        return "stac_search"

    def displayName(self) -> str:
        return translate("Processing", "STAC catalogue search")

    def shortHelpString(self) -> str:
        return translate("Processing",
                         "Searches a STAC API catalogue for the items of a collection over an area of interest "
                         "and a period, and writes their footprints, newest first.\n\n"
                         "AOI / EXTENT: the area (give one).\n"
                         "CATALOGUE: a known catalogue, or CATALOGUE_URL: the root URL of any STAC API (it "
                         "wins when given).\n"
                         "COLLECTION: the collection id (e.g. sentinel-2-l2a).\n"
                         "DATE_FROM / DATE_TO: YYYY-MM-DD (empty: open).\n"
                         "CLOUD_MAX: highest cloud cover in percent (100: no limit). The catalogue filters when "
                         "it can (CQL2 filter or query extension); otherwise the items are filtered here, items "
                         "without a cloud cover are kept, and the log says so.\n"
                         "MAX_ITEMS: most items listed.\n"
                         "AUTHCFG: QGIS authentication configuration of a private catalogue (Basic, OAuth2, "
                         "token or API header).\n"
                         "OUTPUT: the footprint layer (fields id, datetime, cloud, collection, assets, "
                         "thumbnail). NEWEST_ID: the newest item's id. COUNT: how many items were found.")

    def initAlgorithm(self, config=None) -> None:
        from ..core import config as core_config
        self.add_aoi_parameters()
        self.addParameter(QgsProcessingParameterEnum(self.CATALOGUE, translate("Processing", "Catalogue"),
                                                     options=catalogue_names(), defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.CATALOGUE_URL, translate(
            "Processing", "Catalogue URL (instead of a known catalogue)"), defaultValue=configured_catalogue(),
            optional=True))
        self.addParameter(QgsProcessingParameterString(self.COLLECTION, translate("Processing", "Collection")))
        self.addParameter(QgsProcessingParameterString(self.DATE_FROM, translate("Processing",
                                                                                 "From date (YYYY-MM-DD)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.DATE_TO, translate("Processing", "To date (YYYY-MM-DD)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.CLOUD_MAX, translate("Processing",
                                                                                 "Maximum cloud cover (%)"),
                                                       QgsProcessingParameterNumber.Type.Double, defaultValue=100,
                                                       minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_ITEMS, translate("Processing",
                                                                                 "Maximum number of items"),
                                                       QgsProcessingParameterNumber.Type.Integer,
                                                       defaultValue=core_config.STAC_MAX_ITEMS, minValue=1,
                                                       maxValue=10000))
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTHCFG, translate("Processing",
                                                                                   "Authentication configuration"),
                                                           optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, translate("Processing", "Item footprints"),
                                                            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputString(self.NEWEST_ID, translate("Processing", "Newest item id")))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, translate("Processing", "Number of items")))

    def catalogue(self, parameters, context) -> str:
        from ..core.providers.stac.presets import PRESETS
        url = (self.parameterAsString(parameters, self.CATALOGUE_URL, context) or "").strip()
        index = self.parameterAsEnum(parameters, self.CATALOGUE, context)
        if url:
            return url
        if 0 <= index < len(PRESETS):
            return PRESETS[index].url
        raise QgsProcessingException(translate("Processing", "Give the catalogue's URL in CATALOGUE_URL."))

    def processAlgorithm(self, parameters, context, feedback):
        aoi = self.aoi_from_parameters(parameters, context)
        found = search_items(self, parameters, context, feedback, self.catalogue(parameters, context),
                             self.parameterAsString(parameters, self.COLLECTION, context), aoi,
                             self.parameterAsInt(parameters, self.MAX_ITEMS, context))
        dest = self._write_footprints(parameters, context, found.items)
        feedback.pushInfo(translate("Processing", "{} items found.").format(len(found.items)))
        return {self.OUTPUT: dest, self.NEWEST_ID: found.items[0]["id"] if found.items else "",
                self.COUNT: len(found.items)}

    def _write_footprints(self, parameters, context, items):
        from ..core.providers.stac.client import item_cloud, item_time, thumbnail_href
        return self.write_footprints(parameters, context, FIELDS, (
            ([str(item.get("id", "")), item_time(item), item_cloud(item), str(item.get("collection") or ""),
              ",".join(item.get("assets") or {}), thumbnail_href(item)], item.get("geometry")) for item in items))


def search_items(alg, parameters, context, feedback, api: str, collection: str, aoi, max_items: int):
    """The search of ``stac_search`` and ``stac_download``: ``api``'s items of ``collection`` over ``aoi``
    between the algorithm's DATE_FROM and DATE_TO, at most CLOUD_MAX % clouds (100: no limit), with the
    AUTHCFG's credentials, stopped by the feedback; its notes go to the feedback."""
    from ..adapters import network
    from ..adapters.credentials import credentials_for
    from ..core.jobs import Job
    from ..core.providers.stac.client import StacClient
    from ..core.runner import CancelToken
    cloud = alg.parameterAsDouble(parameters, alg.CLOUD_MAX, context)
    try:
        headers = credentials_for(Job(provider="stac", params={
            "authcfg": alg.parameterAsString(parameters, alg.AUTHCFG, context)}))["headers"]
        client = StacClient(api, network.make_session(), headers, cancel=CancelToken(feedback.isCanceled))
        found = client.search(collection, aoi.to_geojson(),
                              alg.parameterAsString(parameters, alg.DATE_FROM, context) or None,
                              alg.parameterAsString(parameters, alg.DATE_TO, context) or None,
                              max_cloud=None if cloud >= 100 else cloud, max_items=max_items)
    except EoError as exc:
        raise QgsProcessingException(exc.user_text()) from exc
    for note in found.notes:
        feedback.pushInfo(note)
    return found
