"""``eo_downloader:ee_export`` — Earth Engine batch export of an image, followed to the end and loaded."""
from qgis.core import (QgsProcessingException, QgsProcessingOutputString, QgsProcessingParameterBoolean,
                       QgsProcessingParameterCrs, QgsProcessingParameterDefinition, QgsProcessingParameterEnum,
                       QgsProcessingParameterNumber, QgsProcessingParameterString)

from ..core.errors import EoError
from ..core.i18n import translate
from ..core.jobs import JobStore
from .base import BaseAlgorithm

DESTINATIONS = ["gcs", "drive", "asset"]
POLICIES = [None, "MEAN", "SAMPLE", "MIN", "MAX", "MODE"]


class EeExportAlgorithm(BaseAlgorithm):
    IMAGE = "IMAGE"
    BANDS = "BANDS"
    SCALE = "SCALE"
    CRS = "CRS"
    CRS_TRANSFORM = "CRS_TRANSFORM"
    DIMENSIONS = "DIMENSIONS"
    DESCRIPTION = "DESCRIPTION"
    DESTINATION = "DESTINATION"
    BUCKET = "BUCKET"
    FOLDER = "FOLDER"
    PREFIX = "PREFIX"
    ASSET_ID = "ASSET_ID"
    MAX_PIXELS = "MAX_PIXELS"
    PRIORITY = "PRIORITY"
    FILE_DIMENSIONS = "FILE_DIMENSIONS"
    CLOUD_OPTIMIZED = "CLOUD_OPTIMIZED"
    NO_DATA = "NO_DATA"
    SKIP_EMPTY = "SKIP_EMPTY"
    PYRAMIDING_POLICY = "PYRAMIDING_POLICY"
    PYRAMIDING_OVERRIDES = "PYRAMIDING_OVERRIDES"
    VIS_PARAMS = "VIS_PARAMS"
    WORKLOAD_TAG = "WORKLOAD_TAG"
    WAIT = "WAIT"
    DOWNLOAD = "DOWNLOAD"
    PROJECT = "PROJECT"
    OPERATION = "OPERATION"
    TILE_LAYER = "TILE_LAYER"

    def name(self) -> str:
        return "ee_export"

    def displayName(self) -> str:
        return translate("Processing", "Earth Engine export (batch, to Cloud Storage, Drive or an asset)")

    def shortHelpString(self) -> str:
        return translate("Processing",
            "Starts an Earth Engine batch export of an image (as Export.image.toCloudStorage / toDrive / toAsset "
            "do), follows it to the end and brings the result back: the GeoTIFF files are downloaded from Cloud "
            "Storage or Drive (files of a split export are joined into one VRT) and loaded; an asset is added as "
            "an Earth Engine tile layer, and can also be downloaded as a GeoTIFF. Exports have no size limit "
            "besides MAX_PIXELS, unlike direct downloads. The export is started once per job: a retry, or QGIS "
            "restarting, follows the same export instead of starting another one. Cancelling cancels the export "
            "on Earth Engine.\n\n"
            "AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one "
            "(or an exact grid: CRS, CRS_TRANSFORM and WIDTHxHEIGHT DIMENSIONS).\n"
            "IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.\n"
            "BANDS: comma-separated band names, e.g. B4,B3,B2 (empty: all bands; they must share a data type).\n"
            "SCALE: pixel size in metres (empty: the image's native scale).\n"
            "CRS: output CRS (empty: the image's). CRS_TRANSFORM: six numbers xScale, xShearing, xTranslation, "
            "yShearing, yScale, yTranslation (needs CRS).\n"
            "DIMENSIONS: WIDTHxHEIGHT in pixels, or one number for the longest side (not with SCALE).\n"
            "DESCRIPTION: the task name shown by Earth Engine (default myExportImageTask); also the default file "
            "name prefix.\n"
            "DESTINATION: Cloud Storage, Drive or Asset.\n"
            "BUCKET: the Cloud Storage bucket (Cloud Storage). FOLDER: the Drive folder name (Drive; empty: the "
            "Drive root). PREFIX: the file name prefix, e.g. exports/my_area (Cloud Storage, Drive; default the "
            "description).\n"
            "ASSET_ID: the asset to create (Asset): projects/<project>/assets/<name>, users/<user>/<name>, or a "
            "name put in PROJECT.\n"
            "MAX_PIXELS: the most pixels the export may have (empty: Earth Engine's default, 1e8). If the export "
            "fails as too large, the message says what to set.\n"
            "PRIORITY: 0 to 9999, higher runs sooner (empty: 100).\n"
            "FILE_DIMENSIONS: the largest file in pixels, WIDTHxHEIGHT or one number, multiples of 256; larger "
            "exports are split into several files (joined into a VRT here).\n"
            "CLOUD_OPTIMIZED: write Cloud-Optimized GeoTIFFs. NO_DATA: the value written in masked pixels (and "
            "marked as no-data). SKIP_EMPTY: do not write files that would hold no valid pixel.\n"
            "PYRAMIDING_POLICY: how the asset's lower resolutions are computed (Asset): MEAN (default), SAMPLE, "
            "MIN, MAX or MODE. PYRAMIDING_OVERRIDES: per band, as JSON, e.g. {\"SCL\": \"MODE\"}.\n"
            "VIS_PARAMS: how the asset's tile layer is drawn, as JSON, e.g. {\"bands\": [\"B4\", \"B3\", \"B2\"], "
            "\"min\": 0, \"max\": 3000} (empty: Earth Engine's default).\n"
            "WORKLOAD_TAG: a label for the computation in your Cloud project's usage reports (lowercase letters, "
            "digits, - and _).\n"
            "WAIT: follow the export to its end (default). Unticked, the algorithm returns once Earth Engine has "
            "accepted the export; the job stays in the Jobs panel, where Retry (or the next QGIS start) follows "
            "it and fetches the result.\n"
            "DOWNLOAD: also download the new asset as a GeoTIFF of the area (Asset).\n"
            "PROJECT: your Google Cloud project registered for Earth Engine (empty: the plugin settings).\n"
            "AUTHCFG: QGIS authentication configuration with your Earth Engine credentials; reading from Cloud "
            "Storage or Drive needs their scopes too. The tile layer uses it to authorize its requests.\n"
            "OUTPUT_DIR: where the files are written.\n\n"
            "Outputs: OUTPUT_FILES (the files, and the tile layer of an asset), OUTPUT_FOLDER, OPERATION (the "
            "Earth Engine operation name, e.g. projects/<project>/operations/<id>) and TILE_LAYER (the XYZ "
            "layer source of an asset, or empty).")

    def initAlgorithm(self, config=None) -> None:
        self.add_aoi_parameters()
        self.addParameter(QgsProcessingParameterString(self.IMAGE, translate("Processing", "Image asset id")))
        self.addParameter(QgsProcessingParameterString(self.BANDS, translate("Processing", "Bands (comma-separated)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.SCALE, translate("Processing", "Scale (metres per pixel)"),
                                                       QgsProcessingParameterNumber.Type.Double, optional=True,
                                                       minValue=0.0))
        self.addParameter(QgsProcessingParameterCrs(self.CRS, translate("Processing", "Output CRS"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.CRS_TRANSFORM,
                                                       translate("Processing", "CRS transform (6 numbers)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.DIMENSIONS,
                                                       translate("Processing", "Dimensions (WIDTHxHEIGHT)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.DESCRIPTION, translate("Processing", "Task description"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.DESTINATION, translate("Processing", "Destination"),
            options=[translate("Processing", "Cloud Storage"), translate("Processing", "Drive"),
                     translate("Processing", "Asset")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.BUCKET, translate("Processing", "Cloud Storage bucket"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.FOLDER, translate("Processing", "Drive folder"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.PREFIX, translate("Processing", "File name prefix"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.ASSET_ID, translate("Processing", "Asset id to create"),
                                                       optional=True))
        advanced = [
            QgsProcessingParameterNumber(self.MAX_PIXELS, translate("Processing", "Maximum number of pixels"),
                                         QgsProcessingParameterNumber.Type.Double, optional=True, minValue=1.0),
            QgsProcessingParameterNumber(self.PRIORITY, translate("Processing", "Priority (0-9999)"),
                                         QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=0,
                                         maxValue=9999),
            QgsProcessingParameterString(self.FILE_DIMENSIONS, translate("Processing", "File dimensions (pixels)"),
                                         optional=True),
            QgsProcessingParameterBoolean(self.CLOUD_OPTIMIZED, translate("Processing", "Cloud-Optimized GeoTIFF"),
                                          defaultValue=False),
            QgsProcessingParameterNumber(self.NO_DATA, translate("Processing", "No-data value"),
                                         QgsProcessingParameterNumber.Type.Double, optional=True),
            QgsProcessingParameterBoolean(self.SKIP_EMPTY, translate("Processing", "Skip empty files"),
                                          defaultValue=False),
            QgsProcessingParameterEnum(self.PYRAMIDING_POLICY, translate("Processing", "Pyramiding policy (asset)"),
                                       options=[translate("Processing", "Default (mean)"), "MEAN", "SAMPLE", "MIN",
                                                "MAX", "MODE"], defaultValue=0),
            QgsProcessingParameterString(self.PYRAMIDING_OVERRIDES,
                                         translate("Processing", "Pyramiding policy per band (JSON)"),
                                         optional=True, multiLine=True),
            QgsProcessingParameterString(self.VIS_PARAMS,
                                         translate("Processing", "Tile layer visualization (JSON)"),
                                         optional=True, multiLine=True),
            QgsProcessingParameterString(self.WORKLOAD_TAG, translate("Processing", "Workload tag"), optional=True),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        self.addParameter(QgsProcessingParameterBoolean(self.WAIT, translate("Processing", "Wait for the export "
                                                                                           "and fetch the result"),
                                                        defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(self.DOWNLOAD, translate("Processing", "Also download the "
                                                                                               "asset as GeoTIFF"),
                                                        defaultValue=False))
        self.addParameter(QgsProcessingParameterString(self.PROJECT, translate("Processing", "Google Cloud project"),
                                                       optional=True))
        self.add_auth_and_output_parameters()
        self.add_file_outputs()
        self.addOutput(QgsProcessingOutputString(self.OPERATION, translate("Processing", "Earth Engine operation")))
        self.addOutput(QgsProcessingOutputString(self.TILE_LAYER, translate("Processing", "Tile layer (XYZ source)")))

    @staticmethod
    def _optional_number(parameters, key):
        value = parameters.get(key)
        return None if value in (None, "") else value

    def processAlgorithm(self, parameters, context, feedback):
        from ..adapters import settings as plugin_settings
        from ..core.providers.earthengine import export_runner as ee_export
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        text = lambda key: self.parameterAsString(parameters, key, context)   # noqa: E731
        exact_grid = crs.isValid() and bool(text(self.CRS_TRANSFORM).strip()) and "x" in text(self.DIMENSIONS)
        aoi = self.aoi_from_parameters(parameters, context, required=not exact_grid)
        scale = self._optional_number(parameters, self.SCALE)
        priority = self._optional_number(parameters, self.PRIORITY)
        no_data = self._optional_number(parameters, self.NO_DATA)
        max_pixels = self._optional_number(parameters, self.MAX_PIXELS)
        project = text(self.PROJECT) or plugin_settings.get("ee_project")
        try:
            params = ee_export.build_params(
                image=text(self.IMAGE), bands=text(self.BANDS),
                scale=None if scale is None else self.parameterAsDouble(parameters, self.SCALE, context),
                crs=crs.authid() if crs.isValid() else None, crs_transform=text(self.CRS_TRANSFORM),
                dimensions=text(self.DIMENSIONS), description=text(self.DESCRIPTION),
                destination=DESTINATIONS[self.parameterAsEnum(parameters, self.DESTINATION, context)],
                bucket=text(self.BUCKET), folder=text(self.FOLDER), prefix=text(self.PREFIX),
                asset_id=text(self.ASSET_ID),
                max_pixels=None if max_pixels is None else self.parameterAsDouble(parameters, self.MAX_PIXELS,
                                                                                  context),
                priority=None if priority is None else self.parameterAsInt(parameters, self.PRIORITY, context),
                file_dimensions=text(self.FILE_DIMENSIONS),
                cloud_optimized=self.parameterAsBool(parameters, self.CLOUD_OPTIMIZED, context),
                no_data=None if no_data is None else self.parameterAsDouble(parameters, self.NO_DATA, context),
                skip_empty=self.parameterAsBool(parameters, self.SKIP_EMPTY, context),
                pyramiding_policy=POLICIES[self.parameterAsEnum(parameters, self.PYRAMIDING_POLICY, context)],
                pyramiding_overrides=text(self.PYRAMIDING_OVERRIDES), vis=text(self.VIS_PARAMS),
                workload_tag=text(self.WORKLOAD_TAG),
                wait=self.parameterAsBool(parameters, self.WAIT, context),
                download_asset=self.parameterAsBool(parameters, self.DOWNLOAD, context),
                project=project, aoi=aoi.to_geojson() if aoi is not None else None)
        except EoError as exc:
            raise QgsProcessingException(exc.user_text())
        if aoi is not None:
            params["aoi_notes"] = list(aoi.notes)
        job = self.make_job("ee_export", params, translate("Processing", "EE export {}").format(params["description"]),
                            parameters, context)
        outputs = self.run_provider_job(job, parameters, context, feedback)
        stored = JobStore.for_path(plugin_settings.job_store_path()).get(job.id)
        server = stored.server if stored is not None else {}
        operation = server.get("operation") or ""
        if server.get("detached"):
            feedback.pushInfo(stored.message)
        elif outputs:
            self.hand_over_layers(outputs, stored or job, context)
        tiles = [o for o in outputs if o.startswith("type=xyz")]
        return {self.OUTPUT_FILES: outputs, self.OUTPUT_FOLDER: job.output_dir, self.OPERATION: operation,
                self.TILE_LAYER: tiles[0] if tiles else ""}
