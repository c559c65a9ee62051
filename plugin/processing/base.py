"""Shared base of the plugin's algorithms: AOI parameters, job running, layer hand-over."""
import copy
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry,
                       QgsProcessing, QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingLayerPostProcessorInterface,
                       QgsProcessingOutputFolder, QgsProcessingOutputMultipleLayers,
                       QgsProcessingParameterAuthConfig, QgsProcessingParameterBoolean,
                       QgsProcessingParameterExtent, QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFolderDestination,
                       QgsProcessingUtils, QgsProject, QgsWkbTypes)
from qgis.PyQt.QtGui import QIcon

from ..adapters import aoi_source, qgis_logging
from ..adapters import settings as plugin_settings
from ..adapters.context import make_context
from ..adapters.layers import job_group, make_layers
from ..core.aoi import Aoi
from ..core.errors import AoiError, EoError
from ..core.jobs import Job, JobStore
from ..core.output import new_job
from ..core.runner import CancelToken, run_job
from ..resources import icon_path
from ..core.i18n import translate


class BaseAlgorithm(QgsProcessingAlgorithm):
    AOI = "AOI"
    EXTENT = "EXTENT"
    ONE_JOB_PER_FEATURE = "ONE_JOB_PER_FEATURE"
    NAME_FIELD = "NAME_FIELD"
    AUTHCFG = "AUTHCFG"
    OUTPUT_DIR = "OUTPUT_DIR"
    OUTPUT_FILES = "OUTPUT_FILES"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def createInstance(self):
        return type(self)()

    def group(self) -> str:
        return ""

    def groupId(self) -> str:
        return ""

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    # -- shared parameters ---------------------------------------------------------
    def add_aoi_parameters(self, per_feature: bool = False) -> None:
        """AOI and EXTENT; with ``per_feature`` (the download algorithms) also ONE_JOB_PER_FEATURE and
        NAME_FIELD: one job per feature of AOI, each in a folder named after the feature (:meth:`run_jobs`)."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AOI, translate("Processing", "Area of interest (polygon layer; 'selected features only' honoured)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterExtent(
            self.EXTENT, translate("Processing", "Area of interest as an extent (instead of a layer)"), optional=True))
        if per_feature:
            self.addParameter(QgsProcessingParameterBoolean(
                self.ONE_JOB_PER_FEATURE, translate("Processing", "One job per feature of the area of interest"),
                defaultValue=False))
            self.addParameter(QgsProcessingParameterField(
                self.NAME_FIELD, translate("Processing", "Field naming each feature's job and folder (empty: the "
                                                         "feature id)"), parentLayerParameterName=self.AOI,
                optional=True))

    def add_auth_and_output_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, translate("Processing", "Authentication configuration (empty: the plugin settings, or the "
                                  "environment in headless runs)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_DIR, translate("Processing", "Output folder")))

    def add_file_outputs(self) -> None:
        self.addOutput(QgsProcessingOutputMultipleLayers(self.OUTPUT_FILES, translate("Processing",
                                                                                      "Downloaded files")))
        self.addOutput(QgsProcessingOutputFolder(self.OUTPUT_FOLDER, translate("Processing", "Output folder")))

    def aoi_from_parameters(self, parameters: Dict, context: QgsProcessingContext,
                            max_vertices: Optional[int] = None, required: bool = True) -> Optional[Aoi]:
        has_layer = parameters.get(self.AOI) not in (None, "")
        has_extent = parameters.get(self.EXTENT) not in (None, "")
        if has_layer and has_extent:
            raise QgsProcessingException(translate("Processing", "Give either AOI or EXTENT, not both."))
        try:
            if has_layer:
                source = self.parameterAsSource(parameters, self.AOI, context)
                return aoi_source.from_feature_source(source, max_vertices)
            if has_extent:
                rect = self.parameterAsExtent(parameters, self.EXTENT, context)
                crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
                return aoi_source.from_extent(rect, crs, max_vertices)
        except AoiError as exc:
            raise QgsProcessingException(exc.user_text()) from exc
        if required:
            raise QgsProcessingException(translate("Processing",
                                                   "Give an area of interest: a polygon layer (AOI) or an "
                                                 "extent (EXTENT)."))
        return None

    def areas_from_parameters(self, parameters: Dict, context: QgsProcessingContext,
                              max_vertices: Optional[int] = None,
                              required: bool = True) -> List[Tuple[Optional[str], Optional[Aoi]]]:
        """[(feature name, Aoi)], one per feature of AOI with ONE_JOB_PER_FEATURE, else [(None, the one
        area of :meth:`aoi_from_parameters`)]."""
        if not self.parameterAsBool(parameters, self.ONE_JOB_PER_FEATURE, context):
            return [(None, self.aoi_from_parameters(parameters, context, max_vertices, required))]
        if parameters.get(self.AOI) in (None, ""):
            raise QgsProcessingException(translate("Processing", "One job per feature needs a polygon layer (AOI)."))
        source = self.parameterAsSource(parameters, self.AOI, context)
        if source is None:
            raise QgsProcessingException(translate("Aoi", "The area of interest layer could not be read."))
        fields = self.parameterAsFields(parameters, self.NAME_FIELD, context)
        try:
            return aoi_source.per_feature(source.getFeatures(), source.sourceCrs(), fields[0] if fields else "",
                                          max_vertices)
        except AoiError as exc:
            raise QgsProcessingException(exc.user_text()) from exc

    def run_jobs(self, parameters: Dict, context: QgsProcessingContext, feedback,
                 build: Callable[[Optional[Aoi]], Tuple[str, Dict, str]], max_vertices: Optional[int] = None,
                 required: bool = True, finish: Optional[Callable] = None) -> Dict:
        """Make and run a job per area (:meth:`areas_from_parameters`): ``build(aoi)`` gives (provider,
        params, title); every area is built before the first job runs.  ``finish(job, outputs)`` hands the
        layers over (default :meth:`hand_over_layers`).  Returns OUTPUT_FILES (all jobs' files) and
        OUTPUT_FOLDER (the job's folder; with several jobs, OUTPUT_DIR that holds their folders)."""
        planned = []
        for name, aoi in self.areas_from_parameters(parameters, context, max_vertices, required):
            try:
                planned.append((name, build(aoi)))
            except EoError as exc:
                raise QgsProcessingException(exc.user_text()) from exc
        outputs, jobs = [], []
        for step, (name, (provider, params, title)) in enumerate(planned):
            if feedback.isCanceled():
                break
            if name is not None:
                feedback.pushInfo(translate("Processing", "Feature {} of {}: {}").format(step + 1, len(planned), name))
            job = self.make_job(provider, params, title, parameters, context, feature=name)
            done = self.run_provider_job(job, parameters, context, feedback)
            (finish or (lambda j, o: self.hand_over_layers(o, j, context)))(job, done)
            outputs.extend(done)
            jobs.append(job)
        folder = jobs[0].output_dir if len(planned) == 1 and jobs else self._base_dir(parameters, context)
        return {self.OUTPUT_FILES: outputs, self.OUTPUT_FOLDER: folder}

    def _base_dir(self, parameters: Dict, context: QgsProcessingContext) -> str:
        base = self.parameterAsString(parameters, self.OUTPUT_DIR, context)
        return QgsProcessingUtils.tempFolder() if not base or base == "TEMPORARY_OUTPUT" else base

    def make_job(self, provider: str, params: Dict, title: str, parameters: Dict,
                 context: QgsProcessingContext, feature: Optional[str] = None) -> Job:
        """The job, with a folder of its own under OUTPUT_DIR (or Processing's temporary folder); with
        ``feature``, under that feature's folder there (core/output.new_job)."""
        try:
            return new_job(provider, params, title, self._base_dir(parameters, context), feature=feature)
        except EoError as exc:
            raise QgsProcessingException(exc.user_text()) from exc

    # -- running a job -------------------------------------------------------------
    def run_provider_job(self, job: Job, parameters: Dict, context: QgsProcessingContext, feedback) -> List[str]:
        """Run ``job`` here (Processing already runs us off the main thread) and record it in the job store."""
        job.params["authcfg"] = self.parameterAsString(parameters, self.AUTHCFG, context) or ""
        job.params["origin"] = "processing"
        store = JobStore.for_path(plugin_settings.job_store_path())   # the GUI's store, when QGIS runs one
        try:
            ctx = make_context(job, store, cancel=CancelToken(feedback.isCanceled),
                               progress=lambda percent, message="": (feedback.setProgress(percent),
                                                                     message and feedback.setProgressText(message)))
        except EoError as exc:
            raise QgsProcessingException(exc.user_text()) from exc
        credentials = ctx.credentials
        for problem in store.take_problems():
            feedback.pushInfo(problem)
        store.add(job)
        for note in job.params.get("aoi_notes", []):
            feedback.pushInfo(note)
        try:
            with qgis_logging.feedback_to(feedback):      # the job's log records in this run's log
                outputs = run_job(job, ctx)
        except EoError as exc:
            raise QgsProcessingException(exc.user_text()) from exc
        finally:
            credentials.clear()
        return outputs

    def write_footprints(self, parameters: Dict, context: QgsProcessingContext, fields: Sequence[Tuple[str, Any]],
                         rows: Iterable[Tuple[List[Any], Optional[Dict[str, Any]]]], feedback=None) -> str:
        """The search algorithms' footprint layer (OUTPUT, MultiPolygons in EPSG:4326): one feature per
        ``(attributes, GeoJSON geometry or None)`` of ``rows``, with ``fields`` ((name, QVariant type),
        ...); stops early when ``feedback`` is cancelled.  Its destination."""
        from shapely.geometry import shape
        qfields = QgsFields()
        for name, kind in fields:
            qfields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, qfields, QgsWkbTypes.Type.MultiPolygon,
                                          QgsCoordinateReferenceSystem("EPSG:4326"))
        for attributes, footprint in rows:
            if feedback is not None and feedback.isCanceled():
                break
            feature = QgsFeature(qfields)
            feature.setAttributes(list(attributes))
            if footprint:
                geom = QgsGeometry.fromWkt(shape(footprint).wkt)
                geom.convertToMultiType()
                feature.setGeometry(geom)
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def hand_over_layers(self, outputs: List[str], job: Job, context: QgsProcessingContext) -> None:
        """Queue the rasters to be loaded into the project when the algorithm completes, into a
        group of the job as the dock's results (:class:`IntoJobGroup`)."""
        job = copy.deepcopy(job)
        job.outputs = list(outputs)       # (what the layers are chosen and named from)
        for layer in make_layers(job, outputs):
            context.temporaryLayerStore().addMapLayer(layer)
            details = QgsProcessingContext.LayerDetails(layer.name(), context.project() or QgsProject.instance(),
                                                        self.OUTPUT_FILES)
            processor = IntoJobGroup(job)
            _POST_PROCESSORS[layer.id()] = processor      # QGIS does not own it: keep it alive
            details.setPostProcessor(processor)
            context.addLayerToLoadOnCompletion(layer.id(), details)


#: layer id -> its post-processor, until QGIS calls it
_POST_PROCESSORS: Dict[str, "IntoJobGroup"] = {}


class IntoJobGroup(QgsProcessingLayerPostProcessorInterface):
    """Moves a layer Processing loaded into its job's group (:func:`..adapters.layers.job_group`),
    a composite of several bands on top, as the dock's results are."""

    def __init__(self, job: Job):
        super().__init__()
        self.job = job

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        _POST_PROCESSORS.pop(layer.id(), None)
        project = context.project() or QgsProject.instance()
        node = project.layerTreeRoot().findLayer(layer.id())
        if node is None:
            return
        group = job_group(self.job, project)
        if node.parent() is group:
            return
        clone = node.clone()
        if layer.bandCount() >= 3:
            group.insertChildNode(0, clone)
        else:
            group.addChildNode(clone)
        node.parent().removeChildNode(node)
