"""``eo_downloader:stac_download``: STAC items cut to an area, one file per date (provider "stac").

The items come from a search of the catalogue (the STAC client, when this build has it) or from
an items file (ITEMS_FILE: a GeoJSON FeatureCollection of STAC Items, or a JSON list of them --
e.g. the answer of a catalogue's /search saved to a file).
"""
import json

from qgis.core import (QgsProcessingException, QgsProcessingParameterAuthConfig, QgsProcessingParameterBoolean,
                       QgsProcessingParameterEnum, QgsProcessingParameterFile, QgsProcessingParameterNumber,
                       QgsProcessingParameterString)

from ..core.errors import EoError
from ..core.i18n import translate
from .base import BaseAlgorithm

SIGNING = ("", "planetary-computer")
DEFAULT_ASSETS = "red,green,blue"


def read_items(path: str):
    """The STAC Items of a JSON file (a FeatureCollection, an ItemCollection, or a list)."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as exc:
        raise QgsProcessingException(translate("Processing", "The items file {path} cannot be read: {error}")
                                     .format(path=path, error=exc)) from None
    items = data.get("features") if isinstance(data, dict) else data
    if isinstance(data, dict) and data.get("type") == "Feature":
        items = [data]
    if not isinstance(items, list) or not all(isinstance(i, dict) and i.get("assets") for i in items):
        raise QgsProcessingException(translate("Processing", "The items file {path} holds no STAC Items.")
                                     .format(path=path))
    return items


class StacDownloadAlgorithm(BaseAlgorithm):
    API = "API"
    COLLECTION = "COLLECTION"
    DATE_FROM = "DATE_FROM"
    DATE_TO = "DATE_TO"
    CLOUD_MAX = "CLOUD_MAX"
    ASSETS = "ASSETS"
    MAX_ITEMS = "MAX_ITEMS"
    STACK_VRT = "STACK_VRT"
    SIGNING = "SIGNING"
    ITEMS_FILE = "ITEMS_FILE"
    S3_AUTHCFG = "S3_AUTHCFG"

    def name(self) -> str:
        return "stac_download"

    def displayName(self) -> str:
        return translate("Processing", "STAC download (cut to an area)")

    def shortHelpString(self) -> str:
        return translate(
            "Processing",
            "Reads the items of a STAC catalogue over an area: from a Cloud-Optimized GeoTIFF only the pixels of "
            "the area travel (HTTP range requests); other assets are downloaded in full, then cut. Every asset "
            "keeps its native grid and coordinate system; pixels outside the polygon are nodata. The items of "
            "one date are mosaicked into one file per date, loaded as one layer per date with its date set for "
            "the Temporal Controller.\n\n"
            "API: the catalogue's address (e.g. https://earth-search.aws.element84.com/v1).\n"
            "COLLECTION: the collection id, e.g. sentinel-2-l2a.\n"
            "AOI / EXTENT: the area (give one).\n"
            "DATE_FROM / DATE_TO: YYYY-MM-DD, both included.\n"
            "CLOUD_MAX: highest cloud cover in percent (100: no limit).\n"
            "ASSETS: comma-separated asset keys, in the order of the output bands, e.g. red,green,blue.\n"
            "MAX_ITEMS: most items read.\n"
            "STACK_VRT: also write a multi-band VRT time stack (bands named '<date> <asset>').\n"
            "SIGNING: how asset links are signed before reading (Planetary Computer).\n"
            "ITEMS_FILE: optional JSON file of STAC Items (a FeatureCollection); when given, the catalogue is "
            "not searched and DATE_FROM, DATE_TO and CLOUD_MAX are not used.\n"
            "AUTHCFG: QGIS authentication configuration of a private catalogue (its headers go to the "
            "catalogue's own address only).\n"
            "S3_AUTHCFG: for s3:// assets of private or requester-pays buckets, a Basic configuration (user name = "
            "access key id, password = secret key); empty: the plugin settings' S3 credentials, else anonymous "
            "reads. The S3 endpoint (AWS by default) is in the plugin settings.\n"
            "OUTPUT_DIR: where the files are written.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterString(self.API, translate("Processing", "STAC API address")))
        self.addParameter(QgsProcessingParameterString(self.COLLECTION, translate("Processing", "Collection"),
                                                       defaultValue="sentinel-2-l2a"))
        self.add_aoi_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.DATE_FROM, translate("Processing", "From date (YYYY-MM-DD)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DATE_TO, translate("Processing", "To date (YYYY-MM-DD), included"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.CLOUD_MAX, translate("Processing", "Maximum cloud cover (%)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=100, minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterString(
            self.ASSETS, translate("Processing", "Assets (comma-separated, in band order)"),
            defaultValue=DEFAULT_ASSETS))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_ITEMS, translate("Processing", "Maximum number of items"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=50, minValue=1, maxValue=500))
        self.addParameter(QgsProcessingParameterBoolean(
            self.STACK_VRT, translate("Processing", "Also write a VRT time stack"), defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(
            self.SIGNING, translate("Processing", "Signing of asset links"),
            options=[translate("Processing", "None"), "Planetary Computer"], defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.ITEMS_FILE, translate("Processing", "Items file (JSON; instead of a search)"), optional=True,
            fileFilter="JSON (*.json *.geojson)"))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.S3_AUTHCFG, translate("Processing", "S3 credentials of s3:// assets (empty: the plugin settings)"),
            optional=True))
        self.add_auth_and_output_parameters()
        self.add_file_outputs()

    def items(self, parameters, context, api: str, collection: str, aoi, feedback):
        """The items to read: the items file's, else a search of the catalogue (newest first), capped."""
        cap = self.parameterAsInt(parameters, self.MAX_ITEMS, context)
        path = self.parameterAsFile(parameters, self.ITEMS_FILE, context)
        if path:
            items = read_items(path)
        else:
            from .stac_search import search_items
            items = search_items(self, parameters, context, feedback, api, collection, aoi, cap).items
        if len(items) > cap:
            feedback.pushInfo(translate("Processing", "{n} items; the first {cap} are read.").format(
                n=len(items), cap=cap))
        return items[:cap]

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.providers.stac import runner as stac_runner
        aoi = self.aoi_from_parameters(parameters, context)
        api = self.parameterAsString(parameters, self.API, context).strip()
        collection = self.parameterAsString(parameters, self.COLLECTION, context).strip()
        items = self.items(parameters, context, api, collection, aoi, feedback)
        try:
            params = stac_runner.build_params(
                api, collection, items, self.parameterAsString(parameters, self.ASSETS, context), aoi,
                SIGNING[self.parameterAsEnum(parameters, self.SIGNING, context)],
                self.parameterAsBool(parameters, self.STACK_VRT, context))
        except EoError as exc:
            raise QgsProcessingException(exc.user_text()) from exc
        params["aoi_notes"] = list(aoi.notes)
        params["s3_authcfg"] = self.parameterAsString(parameters, self.S3_AUTHCFG, context) or ""
        job = self.make_job("stac", params, "STAC {}".format(collection or api), parameters, context)
        outputs = self.run_provider_job(job, parameters, context, feedback)
        from ..adapters import settings as plugin_settings
        from ..core.jobs import JobStore
        done = JobStore.for_path(plugin_settings.job_store_path()).get(job.id) or job     # with its dates
        self.hand_over_layers(outputs, done, context)
        return {self.OUTPUT_FILES: outputs, self.OUTPUT_FOLDER: job.output_dir}
