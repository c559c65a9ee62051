"""The Earth Engine collection parameters shared by ``ee_search``, ``ee_download`` and
``ee_export``: one set of names (as the EOSDA and eodag algorithms: COLLECTION, DATE_FROM,
DATE_TO, CLOUD_MAX), one help text, one reading into the core's collection form."""
from typing import Dict, Optional

from qgis.core import (QgsProcessingException, QgsProcessingParameterEnum, QgsProcessingParameterNumber,
                       QgsProcessingParameterString)

from ..core.i18n import translate
from ..core.providers.earthengine import composite

COLLECTION = "COLLECTION"
DATE_FROM = "DATE_FROM"
DATE_TO = "DATE_TO"
CLOUD_MAX = "CLOUD_MAX"
CLOUD_MASK = "CLOUD_MASK"
COMPOSITE = "COMPOSITE"

#: CLOUD_MASK options, in the order of :data:`composite.MASKS`.
MASK_LABELS = {composite.MASK_NONE: "none", composite.MASK_CLOUD_SCORE_PLUS: "Cloud Score+",
               composite.MASK_LANDSAT_QA: "Landsat QA"}
#: COMPOSITE options, in the order of :data:`composite.METHODS`.
METHOD_LABELS = {"median": "median", "mean": "mean", "min": "min", "max": "max",
                 "recent": "most recent on top", "least_cloudy": "least cloudy on top"}


def collection_help(with_composite: bool) -> str:
    from ..core.providers.earthengine.collections import COLLECTIONS
    text = translate(
        "Processing",
        "COLLECTION: an Earth Engine image collection id, e.g. {examples}, or any other.\n"
        "DATE_FROM / DATE_TO: the first and the last day, YYYY-MM-DD (both included).\n"
        "CLOUD_MAX: the highest cloud cover of a scene in percent, from the collection's own property "
        "(Sentinel-2 CLOUDY_PIXEL_PERCENTAGE, Landsat CLOUD_COVER); empty: no limit.\n").format(
        examples=", ".join(info.id for info in COLLECTIONS))
    if with_composite:
        text += translate(
            "Processing",
            "CLOUD_MASK: none; Cloud Score+ (Sentinel-2: pixels whose cs_cdf score is below 0.6 are masked); "
            "Landsat QA (Landsat Collection 2: dilated cloud, cirrus, cloud and shadow bits of QA_PIXEL).\n"
            "COMPOSITE: how the scenes become one image: median, mean, min, max of the unmasked pixels, or a "
            "mosaic with the most recent or the least cloudy scene on top.\n")
    return text


def add_collection_parameters(alg, with_composite: bool, optional: bool) -> None:
    """COLLECTION, DATE_FROM, DATE_TO, CLOUD_MAX (and CLOUD_MASK, COMPOSITE) on ``alg``;
    ``optional``: the collection is one choice among others (IMAGE)."""
    alg.addParameter(QgsProcessingParameterString(
        COLLECTION, translate("Processing", "Image collection id"),
        defaultValue=None if optional else "COPERNICUS/S2_SR_HARMONIZED", optional=optional))
    alg.addParameter(QgsProcessingParameterString(DATE_FROM, translate("Processing", "From date (YYYY-MM-DD)"),
                                                  optional=optional))
    alg.addParameter(QgsProcessingParameterString(DATE_TO, translate("Processing", "To date (YYYY-MM-DD)"),
                                                  optional=optional))
    alg.addParameter(QgsProcessingParameterNumber(CLOUD_MAX, translate("Processing", "Maximum cloud cover (%)"),
                                                  QgsProcessingParameterNumber.Type.Double, optional=True,
                                                  minValue=0, maxValue=100))
    if with_composite:
        alg.addParameter(QgsProcessingParameterEnum(CLOUD_MASK, translate("Processing", "Cloud mask"),
                                                    options=[MASK_LABELS[m] for m in composite.MASKS],
                                                    defaultValue=0))
        alg.addParameter(QgsProcessingParameterEnum(COMPOSITE, translate("Processing", "Compositing method"),
                                                    options=[METHOD_LABELS[m] for m in composite.METHODS],
                                                    defaultValue=0))


def collection_arguments(alg, parameters: Dict, context, with_composite: bool = True,
                         image: Optional[str] = None) -> Dict:
    """The collection keyword arguments of ``build_params`` (empty when no COLLECTION is given);
    ``image``: the IMAGE given (download, export), which excludes a COLLECTION and without which
    one is needed."""
    collection = alg.parameterAsString(parameters, COLLECTION, context).strip()
    if not collection:
        if image is not None and not image.strip():
            raise QgsProcessingException(translate("Processing", "Give an IMAGE, or a COLLECTION with DATE_FROM "
                                                                 "and DATE_TO."))
        return {}
    if image and image.strip():
        raise QgsProcessingException(translate("Processing", "Give either IMAGE or COLLECTION, not both."))
    cloud = parameters.get(CLOUD_MAX)
    args = {"collection": collection,
            "date_from": alg.parameterAsString(parameters, DATE_FROM, context),
            "date_to": alg.parameterAsString(parameters, DATE_TO, context),
            "cloud_max": None if cloud in (None, "") else alg.parameterAsDouble(parameters, CLOUD_MAX, context)}
    if with_composite:
        args["cloud_mask"] = composite.MASKS[alg.parameterAsEnum(parameters, CLOUD_MASK, context)]
        args["composite"] = composite.METHODS[alg.parameterAsEnum(parameters, COMPOSITE, context)]
    return args
