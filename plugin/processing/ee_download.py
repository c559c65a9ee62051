"""``eo_downloader:ee_download`` — Earth Engine getDownloadId download for an AOI."""
from qgis.core import (QgsProcessingParameterBoolean, QgsProcessingParameterCrs,
                       QgsProcessingParameterEnum, QgsProcessingParameterNumber, QgsProcessingParameterString)

from . import ee_collection
from .base import BaseAlgorithm
from ..core.i18n import translate


class EeDownloadAlgorithm(BaseAlgorithm):
    IMAGE = "IMAGE"
    BANDS = "BANDS"
    BAND_OPTIONS = "BAND_OPTIONS"
    SCALE = "SCALE"
    CRS = "CRS"
    CRS_TRANSFORM = "CRS_TRANSFORM"
    DIMENSIONS = "DIMENSIONS"
    FORMAT = "FORMAT"
    FILE_PER_BAND = "FILE_PER_BAND"
    NAME = "NAME"
    PROJECT = "PROJECT"

    def name(self) -> str:
        return "ee_download"

    def displayName(self) -> str:
        return translate("Processing", "Earth Engine download (cropped to an area)")

    def shortHelpString(self) -> str:
        return translate("Processing",
            "Downloads an Earth Engine image cropped to an area of interest, the way ee.data.getDownloadId does, "
            "and loads the result as layers. Areas too large for one request are split into tiles automatically "
            "and mosaicked into one Cloud-Optimized GeoTIFF masked to the area.\n\n"
            "AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one.\n"
            "ONE_JOB_PER_FEATURE: one download per feature of AOI, each in a folder of OUTPUT_DIR named after the "
            "feature's NAME_FIELD value (its id when empty).\n"
            "IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG; or, instead, "
            "COLLECTION with the dates: a composite of the collection's images over the area.\n") \
            + ee_collection.collection_help(with_composite=True) + translate("Processing",
            "BANDS: comma-separated band names, e.g. B4,B3,B2 (a collection: empty for its usual bands).\n"
            "BAND_OPTIONS: optional JSON list of per-band options, e.g. [{\"id\": \"B3\", \"scale\": 10}, "
            "{\"id\": \"B11\", \"scale\": 20}] (keys id, crs, crs_transform, dimensions, scale).\n"
            "SCALE: pixel size in metres (empty: the band's native scale).\n"
            "CRS: output CRS (empty: the image's). CRS_TRANSFORM: six numbers xScale, xShearing, xTranslation, "
            "yShearing, yScale, yTranslation; with CRS it fixes the grid and the area is then ignored, as Earth "
            "Engine documents.\n"
            "DIMENSIONS: WIDTHxHEIGHT in pixels, or one number for the longest side.\n"
            "FORMAT: Default (Earth Engine's: a zipped GeoTIFF, one file per band unless FILE_PER_BAND is "
            "false), ZIPPED_GEO_TIFF (one multi-band file), ZIPPED_GEO_TIFF_PER_BAND (one file per band), "
            "GEO_TIFF, or NPY (NumPy array, also written as a GeoTIFF).\n"
            "FILE_PER_BAND: one file per band with the default format (an explicit format decides by itself, "
            "as in the official client).\n"
            "NAME: base name of the files. PROJECT: your Google Cloud project registered for Earth Engine.\n"
            "AUTHCFG: QGIS authentication configuration with your Earth Engine credentials.\n"
            "OUTPUT_DIR: where the files are written.")

    def initAlgorithm(self, config=None) -> None:
        self.add_aoi_parameters(per_feature=True)
        self.addParameter(QgsProcessingParameterString(self.IMAGE, translate("Processing", "Image asset id"),
                                                       optional=True))
        ee_collection.add_collection_parameters(self, with_composite=True, optional=True)
        self.addParameter(QgsProcessingParameterString(self.BANDS, translate("Processing", "Bands (comma-separated)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.BAND_OPTIONS, translate("Processing",
                                                                                    "Per-band options (JSON list)"),
                                                       optional=True, multiLine=True))
        self.addParameter(QgsProcessingParameterNumber(self.SCALE, translate("Processing", "Scale (metres per pixel)"),
                                                       QgsProcessingParameterNumber.Type.Double, optional=True))
        self.addParameter(QgsProcessingParameterCrs(self.CRS, translate("Processing", "Output CRS"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.CRS_TRANSFORM, translate("Processing",
                                                                                     "CRS transform (6 numbers)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.DIMENSIONS, translate("Processing",
                                                                                  "Dimensions (WIDTHxHEIGHT)"),
                                                       optional=True))
        from ..core.providers.earthengine.params import FORMAT_CHOICES, format_label
        self.addParameter(QgsProcessingParameterEnum(self.FORMAT, translate("Processing", "Format"),
                                                     options=[format_label(f) for f in FORMAT_CHOICES],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(self.FILE_PER_BAND, translate("Processing",
                                                                                      "One file per band"),
                                                        defaultValue=True))
        self.addParameter(QgsProcessingParameterString(self.NAME, translate("Processing", "File base name"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.PROJECT, translate("Processing", "Google Cloud project"),
                                                       optional=True))
        self.add_auth_and_output_parameters()
        self.add_file_outputs()

    def processAlgorithm(self, parameters, context, feedback):
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        has_ct = bool(self.parameterAsString(parameters, self.CRS_TRANSFORM, context).strip())
        return self.run_jobs(parameters, context, feedback, lambda aoi: self._job(parameters, context, crs, aoi),
                             required=not (crs.isValid() and has_ct))

    def _job(self, parameters, context, crs, aoi):
        """(provider, params, title) of the download of ``aoi`` (raises EoError)."""
        from ..adapters import settings as plugin_settings
        from ..core.providers.earthengine import download_runner as ee_download
        from ..core.providers.earthengine.params import FORMAT_CHOICES
        scale = parameters.get(self.SCALE)
        project = self.parameterAsString(parameters, self.PROJECT, context) or plugin_settings.get("ee_project")
        image = self.parameterAsString(parameters, self.IMAGE, context)
        params = ee_download.build_params(
            image=image,
            bands=self.parameterAsString(parameters, self.BANDS, context),
            band_options=self.parameterAsString(parameters, self.BAND_OPTIONS, context),
            scale=None if scale in (None, "") else self.parameterAsDouble(parameters, self.SCALE, context),
            crs=crs.authid() if crs.isValid() else None,
            crs_transform=self.parameterAsString(parameters, self.CRS_TRANSFORM, context),
            dimensions=self.parameterAsString(parameters, self.DIMENSIONS, context),
            format=FORMAT_CHOICES[self.parameterAsEnum(parameters, self.FORMAT, context)] or None,
            file_per_band=self.parameterAsBool(parameters, self.FILE_PER_BAND, context),
            name=self.parameterAsString(parameters, self.NAME, context),
            project=project,
            aoi=aoi.to_geojson() if aoi is not None else None,
            **ee_collection.collection_arguments(self, parameters, context, image=image))
        if aoi is not None:
            params["aoi_notes"] = list(aoi.notes)
        return "ee_download", params, ee_download.result_title(params)
