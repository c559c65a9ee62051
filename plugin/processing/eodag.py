"""``eo_downloader:eodag_search`` and ``eo_downloader:eodag_download`` (eodag providers).

eodag is optional: without it both algorithms refuse to run (``canExecute``) and say
how to install it into QGIS's Python.
"""
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingParameterAuthConfig,
                       QgsProcessingParameterBoolean, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterNumber, QgsProcessingParameterString)
from qgis.PyQt.QtCore import QVariant

from ..adapters import qgis_logging
from ..core.errors import EoError
from ..core.i18n import translate
from ..core.jobs import Job
from .base import BaseAlgorithm

DEFAULT_COLLECTION = "S2_MSI_L2A"


def _eodag_state():
    """(available, install text) without importing eodag twice."""
    from ..core.providers.eodag import client as eodag_client
    try:
        eodag_client.import_eodag()
        return True, ""
    except eodag_client.EodagMissingError as exc:
        return False, exc.user_text()


def _install_note() -> str:
    from ..core.providers.eodag import client as eodag_client
    return translate("Processing", "eodag must be installed in QGIS's Python; the plugin is tested with this "
                                   "command:") + "\n" + eodag_client.install_command()


def _optional_number(alg, parameters, name, context):
    value = parameters.get(name)
    if value in (None, ""):
        return None
    return alg.parameterAsDouble(parameters, name, context)


def _credentials(authcfg: str) -> dict:
    from ..adapters.credentials import credentials_for
    return credentials_for(Job(provider="eodag", params={"authcfg": authcfg or ""}))


class _EodagBase(BaseAlgorithm):
    PROVIDER = "PROVIDER"
    COLLECTION = "COLLECTION"
    DATE_FROM = "DATE_FROM"
    DATE_TO = "DATE_TO"
    CLOUD_MAX = "CLOUD_MAX"

    def canExecute(self):
        ok, text = _eodag_state()
        return (True, "") if ok else (False, text)

    def add_search_parameters(self) -> None:
        self.add_aoi_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.PROVIDER, translate("Processing", "eodag provider (empty: eodag's preferred one)"),
            defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.COLLECTION, translate("Processing", "Collection (eodag product type)"),
            defaultValue=DEFAULT_COLLECTION))
        self.addParameter(QgsProcessingParameterString(
            self.DATE_FROM, translate("Processing", "From date (YYYY-MM-DD)")))
        self.addParameter(QgsProcessingParameterString(
            self.DATE_TO, translate("Processing", "To date (YYYY-MM-DD), included")))
        self.addParameter(QgsProcessingParameterNumber(
            self.CLOUD_MAX, translate("Processing", "Maximum cloud cover (%)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=100, minValue=0, maxValue=100))

    def search_values(self, parameters, context):
        cloud = self.parameterAsDouble(parameters, self.CLOUD_MAX, context)
        return {"provider": self.parameterAsString(parameters, self.PROVIDER, context).strip(),
                    "collection": self.parameterAsString(parameters, self.COLLECTION, context).strip(),
                    "date_from": self.parameterAsString(parameters, self.DATE_FROM, context).strip(),
                    "date_to": self.parameterAsString(parameters, self.DATE_TO, context).strip(),
                    "cloud_max": None if cloud >= 100 else cloud}

    def require_eodag(self) -> None:
        ok, text = _eodag_state()
        if not ok:
            raise QgsProcessingException(text)


class EodagSearchAlgorithm(_EodagBase):
    LIMIT = "LIMIT"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "eodag_search"

    def displayName(self) -> str:
        return translate("Processing", "eodag product search")

    def shortHelpString(self) -> str:
        return translate("Processing",
                         "Searches a provider of eodag (Copernicus Data Space, Earth Search, PEPS, WEkEO, ... the "
                         "list comes from eodag) for products over an area of interest and writes their footprints "
                         "with id, title, date, cloud cover, order status and quicklook URL, to choose PRODUCT_IDS "
                         "for 'eodag download'.\n\n"
                         "AOI / EXTENT: the area (give one).\n"
                         "PROVIDER: an eodag provider name, e.g. cop_dataspace, earth_search, peps (empty: eodag's "
                         "preferred provider).\n"
                         "COLLECTION: an eodag product type, e.g. S2_MSI_L2A, S2_MSI_L1C, LANDSAT_C2L2.\n"
                         "DATE_FROM / DATE_TO: YYYY-MM-DD, both included.\n"
                         "CLOUD_MAX: highest cloud cover in percent (100: no limit).\n"
                         "LIMIT: most products returned.\n"
                         "AUTHCFG: QGIS authentication configuration with the provider's credentials (Basic: "
                         "username and password; or an API key), handed to eodag in memory only.\n"
                         "OUTPUT: the footprint layer; order_status is 'online', 'orderable' (must be ordered "
                         "before download) or 'ordered'.") + "\n\n" + _install_note()

    def initAlgorithm(self, config=None) -> None:
        self.add_search_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.LIMIT, translate("Processing", "Maximum number of products"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=50, minValue=1, maxValue=500))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, translate("Processing", "Authentication configuration"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, translate("Processing", "Product footprints"), QgsProcessing.SourceType.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):
        self.require_eodag()
        from ..core.providers.eodag import client as eodag_client
        aoi = self.aoi_from_parameters(parameters, context)
        values = self.search_values(parameters, context)
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        try:
            credentials = _credentials(authcfg)
            client = eodag_client.EodagClient(credentials=credentials, provider=values["provider"] or None)
            credentials.clear()
            with qgis_logging.feedback_to(feedback):
                products = client.search(values["provider"] or None, values["collection"],
                                         values["date_from"] or None, values["date_to"] or None, aoi.to_geojson(),
                                         values["cloud_max"],
                                         limit=self.parameterAsInt(parameters, self.LIMIT, context))
        except EoError as exc:
            raise QgsProcessingException(exc.user_text()) from exc
        dest = self.write_footprints(
            parameters, context,
            (("id", QVariant.String), ("title", QVariant.String), ("date", QVariant.String),
             ("cloud", QVariant.Double), ("order_status", QVariant.String), ("needs_order", QVariant.Bool),
             ("quicklook", QVariant.String), ("provider", QVariant.String), ("collection", QVariant.String)),
            (([product.id, product.title, product.date, product.cloud, product.state, product.needs_order,
               product.quicklook_url, product.provider, product.collection], product.footprint)
             for product in products), feedback)
        feedback.pushInfo(translate("Processing", "{} products found ({} to be ordered).").format(
            len(products), len([p for p in products if p.needs_order])))
        for note in getattr(products, "notes", []):
            feedback.pushWarning(note)
        return {self.OUTPUT: dest}


class EodagDownloadAlgorithm(_EodagBase):
    PRODUCT_IDS = "PRODUCT_IDS"
    BANDS = "BANDS"
    ORDER = "ORDER"
    WAIT = "WAIT"
    TIMEOUT = "TIMEOUT"
    EXTRACT = "EXTRACT"

    def name(self) -> str:
        return "eodag_download"

    def displayName(self) -> str:
        return translate("Processing", "eodag download (cut to an area)")

    def shortHelpString(self) -> str:
        return translate("Processing",
                         "Searches an eodag provider like 'eodag product search', downloads the products found (or "
                         "only PRODUCT_IDS) with eodag, orders the offline ones if ORDER is set, then finds the "
                         "requested bands inside each product (Sentinel-2 SAFE JP2 bands, STAC assets, GeoTIFFs), "
                         "cuts them to the area at their native resolution and CRS and loads them, with a "
                         "true-colour composite when red, green and blue are among them. The full products stay in "
                         "the output folder; a product already downloaded there is not downloaded again.\n\n"
                         "AOI / EXTENT: the area (give one). PROVIDER, COLLECTION, DATE_FROM, DATE_TO, CLOUD_MAX: "
                         "the search, as in 'eodag product search'.\n"
                         "PRODUCT_IDS: optional comma-separated product ids (from the search) to download only "
                         "those.\n"
                         "BANDS: comma-separated, e.g. B04,B03,B02 (Sentinel-2), SR_B4 (Landsat) or STAC names "
                         "red,green,blue; empty: no cut, the products themselves are the outputs.\n"
                         "ORDER: order products that are offline (orderable); without it they are skipped.\n"
                         "WAIT: minutes between two download tries while an order is prepared; TIMEOUT: minutes "
                         "before giving up (empty: eodag's defaults). An order is placed once: if QGIS is closed, "
                         "the job resumes waiting for the same order.\n"
                         "EXTRACT: extract the downloaded archives (as eodag does).\n"
                         "AUTHCFG: QGIS authentication configuration with the provider's credentials (Basic: "
                         "username and password; or an API key), handed to eodag in memory only.\n"
                         "OUTPUT_DIR: where the products and the cut files are written.") + "\n\n" + _install_note()

    def initAlgorithm(self, config=None) -> None:
        self.add_search_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.PRODUCT_IDS, translate("Processing", "Product ids (comma-separated; empty: every product found)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.BANDS, translate("Processing", "Bands to cut (comma-separated)"), defaultValue="B04,B03,B02",
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ORDER, translate("Processing", "Order offline products"), defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            self.WAIT, translate("Processing", "Minutes between download tries (empty: eodag's default)"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TIMEOUT, translate("Processing", "Minutes before giving up on an order (empty: eodag's default)"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.EXTRACT, translate("Processing", "Extract archives"), defaultValue=True))
        self.add_auth_and_output_parameters()
        self.add_file_outputs()

    def processAlgorithm(self, parameters, context, feedback):
        self.require_eodag()
        from ..core.providers.eodag import runner as eodag_download
        aoi = self.aoi_from_parameters(parameters, context)
        values = self.search_values(parameters, context)
        try:
            params = eodag_download.build_params(
                aoi=aoi, product_ids=self.parameterAsString(parameters, self.PRODUCT_IDS, context),
                bands=self.parameterAsString(parameters, self.BANDS, context),
                order=self.parameterAsBool(parameters, self.ORDER, context),
                wait=_optional_number(self, parameters, self.WAIT, context),
                timeout=_optional_number(self, parameters, self.TIMEOUT, context),
                extract=self.parameterAsBool(parameters, self.EXTRACT, context), **values)
        except EoError as exc:
            raise QgsProcessingException(exc.user_text()) from exc
        params["aoi_notes"] = list(aoi.notes)
        from ..core.providers.eodag.runner import result_title
        job = self.make_job("eodag", params, result_title(params), parameters, context)
        outputs = self.run_provider_job(job, parameters, context, feedback)
        self.hand_over_layers(outputs, job, context)
        return {self.OUTPUT_FILES: outputs, self.OUTPUT_FOLDER: job.output_dir}
