"""``eo_downloader:eosda_search`` and ``eo_downloader:eosda_download`` (EOSDA API Connect)."""
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingParameterBoolean,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterNumber, QgsProcessingParameterString)
from qgis.PyQt.QtCore import QVariant

from ..core.errors import EoError
from .base import BaseAlgorithm
from ..core.i18n import translate


def dataset_ids():
    from ..core.providers.eosda import client as eosda
    return list(eosda.DATASETS)


class EosdaSearchAlgorithm(BaseAlgorithm):
    DATASET = "DATASET"
    DATE_FROM = "DATE_FROM"
    DATE_TO = "DATE_TO"
    CLOUD_MAX = "CLOUD_MAX"
    LIMIT = "LIMIT"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "eosda_search"

    def displayName(self) -> str:
        return translate("Processing", "EOSDA scene search")

    def shortHelpString(self) -> str:
        return translate("Processing",
            "Searches EOSDA's catalogue (Search API) for scenes over an area of interest and writes their "
            "footprints with date, cloud cover and view id, to choose a VIEW_ID for 'EOSDA download'.\n\n"
            "AOI / EXTENT: the area (give one). DATASET: the collection (e.g. sentinel2, landsat8).\n"
            "DATE_FROM / DATE_TO: YYYY-MM-DD; at most a year apart is recommended.\n"
            "CLOUD_MAX: highest cloud cover in percent. LIMIT: most scenes returned.\n"
            "AUTHCFG: QGIS authentication configuration holding the EOSDA API key.\n"
            "OUTPUT: the footprint layer.")

    def initAlgorithm(self, config=None) -> None:
        self.add_aoi_parameters()
        self.addParameter(QgsProcessingParameterEnum(self.DATASET, translate("Processing", "Dataset"),
                                                     options=dataset_ids(),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.DATE_FROM, translate("Processing",
                                                                                 "From date (YYYY-MM-DD)")))
        self.addParameter(QgsProcessingParameterString(self.DATE_TO, translate("Processing", "To date (YYYY-MM-DD)")))
        self.addParameter(QgsProcessingParameterNumber(self.CLOUD_MAX, translate("Processing",
                                                                                 "Maximum cloud cover (%)"),
                                                       QgsProcessingParameterNumber.Type.Double, defaultValue=30,
                                                       minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(self.LIMIT, translate("Processing", "Maximum number of scenes"),
                                                       QgsProcessingParameterNumber.Type.Integer, defaultValue=100,
                                                       minValue=1, maxValue=5000))
        from qgis.core import QgsProcessingParameterAuthConfig
        self.addParameter(QgsProcessingParameterAuthConfig(self.AUTHCFG, translate("Processing",
                                                                                   "Authentication configuration"),
                                                           optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, translate("Processing", "Scene footprints"),
                                                            QgsProcessing.SourceType.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):
        from ..adapters import network
        from ..adapters import settings as plugin_settings
        from ..adapters.credentials import credentials_for
        from ..core.jobs import Job
        from ..core import config
        from ..core.providers.eosda import client as eosda
        aoi = self.aoi_from_parameters(parameters, context)
        try:
            key = credentials_for(Job(provider="eosda", params={
                "authcfg": self.parameterAsString(parameters, self.AUTHCFG, context)}))["api_key"]
            scenes = eosda.search(network.make_session(), config.base_url("eosda_api",
                                                                           plugin_settings.get("eosda_api_url")),
                                  key, dataset_ids()[self.parameterAsEnum(parameters, self.DATASET, context)],
                                  aoi.to_geojson(),
                                  self.parameterAsString(parameters, self.DATE_FROM, context),
                                  self.parameterAsString(parameters, self.DATE_TO, context),
                                  self.parameterAsDouble(parameters, self.CLOUD_MAX, context),
                                  limit=self.parameterAsInt(parameters, self.LIMIT, context))
        except EoError as exc:
            raise QgsProcessingException(exc.user_text()) from exc
        dest = self.write_footprints(
            parameters, context,
            (("view_id", QVariant.String), ("scene_id", QVariant.String), ("date", QVariant.String),
             ("cloud", QVariant.Double)),
            (([scene.view_id, scene.scene_id, scene.date,
               None if scene.cloud_cover is None else float(scene.cloud_cover)], scene.footprint)
             for scene in scenes))
        feedback.pushInfo(translate("Processing", "{} scenes found.").format(len(scenes)))
        return {self.OUTPUT: dest}


class EosdaDownloadAlgorithm(BaseAlgorithm):
    VIEW_ID = "VIEW_ID"
    BANDS = "BANDS"
    MERGE = "MERGE"
    METADATA = "METADATA"
    REFERENCE = "REFERENCE"
    CALLBACK_URL = "CALLBACK_URL"

    def name(self) -> str:
        return "eosda_download"

    def displayName(self) -> str:
        return translate("Processing", "EOSDA download (load by extent)")

    def shortHelpString(self) -> str:
        return translate("Processing",
            "Creates EOSDA Download API 'lbe' (load by extent) tasks for the area of interest, waits for them and "
            "loads the results (JP2 for one Sentinel-2 band, GeoTIFF for one band or merged bands of one "
            "resolution, otherwise a zip that is extracted). Several polygons become one task each.\n\n"
            "AOI / EXTENT: the area (give one). VIEW_ID: the scene, as the search returns it, e.g. "
            "S2/13/R/EL/2023/7/19/0.\nBANDS: comma-separated, e.g. B04,B03,B02.\n"
            "MERGE: merge bands of the same resolution into one file (default yes).\n"
            "METADATA: optional comma-separated metadata files to include.\n"
            "REFERENCE: your unique id for the request (empty: generated).\n"
            "CALLBACK_URL: optional URL the server calls when the task is done.\n"
            "AUTHCFG: QGIS authentication configuration holding the EOSDA API key.\n"
            "ONE_JOB_PER_FEATURE: one download per feature of AOI, each in a folder of OUTPUT_DIR named after the "
            "feature's NAME_FIELD value (its id when empty).\n"
            "OUTPUT_DIR: where the files are written.")

    def initAlgorithm(self, config=None) -> None:
        self.add_aoi_parameters(per_feature=True)
        self.addParameter(QgsProcessingParameterString(self.VIEW_ID, translate("Processing", "View id")))
        self.addParameter(QgsProcessingParameterString(self.BANDS, translate("Processing", "Bands (comma-separated)"),
                                                       defaultValue="B04,B03,B02"))
        self.addParameter(QgsProcessingParameterBoolean(self.MERGE, translate("Processing",
                                                                              "Merge bands of the same resolution"),
                                                        defaultValue=True))
        self.addParameter(QgsProcessingParameterString(self.METADATA, translate("Processing",
                                                                                "Metadata files (comma-separated)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.REFERENCE, translate("Processing", "Reference"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.CALLBACK_URL, translate("Processing", "Callback URL"),
                                                       optional=True))
        self.add_auth_and_output_parameters()
        self.add_file_outputs()

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.providers.eosda import client as eosda
        return self.run_jobs(parameters, context, feedback, lambda aoi: self._job(parameters, context, aoi),
                             max_vertices=eosda.DEFAULT_MAX_VERTICES)

    def _job(self, parameters, context, aoi):
        """(provider, params, title) of the download of ``aoi`` (raises EoError)."""
        from ..core.providers.eosda import client as eosda
        params = eosda.build_params(
            view_id=self.parameterAsString(parameters, self.VIEW_ID, context),
            bands=self.parameterAsString(parameters, self.BANDS, context),
            merge=self.parameterAsBool(parameters, self.MERGE, context),
            metadata=self.parameterAsString(parameters, self.METADATA, context),
            reference=self.parameterAsString(parameters, self.REFERENCE, context),
            callback_url=self.parameterAsString(parameters, self.CALLBACK_URL, context))
        params["aoi"] = aoi.to_geojson()
        params["aoi_notes"] = list(aoi.notes)
        from ..core.providers.eosda.runner import result_title
        return "eosda", params, result_title(params)
