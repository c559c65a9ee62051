"""eodag (https://github.com/CS-SI/eodag) as an optional back end: search, order, download.

eodag is imported lazily (:func:`import_eodag`): without it, everything else in the
plugin works and this module raises :class:`EodagMissingError`, whose hint says how to
install the pinned version into QGIS's own Python (:func:`install_hint`).

Providers
    The provider list comes from eodag itself (its built-in providers: cop_dataspace,
    earth_search, peps, wekeo_main, ...), including those eodag hides until they have
    credentials.  To use a real provider nothing else is needed: choose it and give
    its credentials in a QGIS authentication configuration.  Extra providers (a
    private STAC API, or the test simulator) can be added with eodag's own provider
    YAML, handed over in memory: ``EodagClient(providers_yaml=...)``, the setting
    ``eodag_providers_yaml`` or the environment variable
    ``EO_DOWNLOADER_EODAG_PROVIDERS_FILE`` (paths to YAML files, separated by
    ``os.pathsep``).  See ``tests/sims/eodag_sim.py:provider_yaml`` for an example of
    such a YAML (STAC search plus an order / status / download flow).

Credentials
    Credentials (a dict ``{"username", "password"}`` or ``{"api_key"}``, from QGIS's
    authentication manager) are given to eodag in memory with
    ``dag.update_providers_config(dict_conf=...)`` for the one provider used, mapped
    onto the credential keys that provider's configuration asks for (``username`` /
    ``password``, ``apikey``, ``aws_access_key_id`` / ``aws_secret_access_key``...).
    Nothing is written to eodag's configuration files; eodag's own ``EODAG__...``
    environment variables and user configuration (``~/.config/eodag/eodag.yml``) keep
    working as eodag documents.

Orders and retries
    A product that must be ordered (``order:status`` ``orderable`` in eodag 4,
    ``storageStatus`` ``OFFLINE`` in eodag 2/3) is ordered once with the download
    plugin's ``order()`` (one request, one status check), and the order's identifiers
    (``eodag:order_id``, ``eodag:status_link``, the download link) are returned so the
    caller can persist them; :meth:`EodagClient.restore_order` puts them back on a
    product found again after a restart, so eodag polls the same order instead of
    ordering again.  Downloads then go through ``dag.download`` one attempt at a time
    (``timeout=-1``, as eodag's ``download_all`` does), and this module repeats the
    attempt every ``wait`` minutes until ``timeout`` minutes have passed -- eodag's own
    retry rule, with eodag's defaults, but with a cancellable sleep and the order state
    reported between attempts.

Version differences handled here (see ``shared/protocols.md`` §5.4): search keywords
(``collection`` / ``eo:cloud_cover`` in v4, ``productType`` / ``cloudCover`` before),
the status property and values, the output keyword (``output_dir``; ``outputs_prefix``
in v2), the download record name, default ``wait`` / ``timeout``, and the
``search()`` return value (a tuple in v2).  The tests run eodag 4.10.1.
"""
import hashlib
import logging
import math
import os
import re
import shutil
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from ...errors import AuthError, CancelledError, EoError, ParameterError, ProviderError
from ...i18n import translate

_log = logging.getLogger(__name__)

#: The eodag version the plugin is tested with (also in requirements-dev.txt).
EODAG_PIN = "4.10.1"
#: eodag 3+ needs shapely 2; 2.0.x still works with numpy 1.x (GDAL's Python bindings on
#: Debian 12 and many QGIS builds are compiled against numpy 1).
SHAPELY_PIN = "2.0.7"

PROVIDERS_FILE_ENV = "EO_DOWNLOADER_EODAG_PROVIDERS_FILE"
#: Environment variables with credentials for headless runs (read, never written).  The values are
#: variable NAMES, not secrets: the scanners' markers say so.
CREDENTIAL_ENV_VARS = {
    "username": "EO_DOWNLOADER_EODAG_USERNAME",
    "password": "EO_DOWNLOADER_EODAG_PASSWORD",  # nosec B105  # pragma: allowlist secret
    "api_key": "EO_DOWNLOADER_EODAG_API_KEY",  # pragma: allowlist secret
}

# Normalised product availability.
ONLINE = "online"
ORDERABLE = "orderable"
ORDERED = "ordered"
UNKNOWN = "unknown"

_V4_STATUS = {"succeeded": ONLINE, "orderable": ORDERABLE, "ordered": ORDERED}
_STORAGE_STATUS = {"ONLINE": ONLINE, "OFFLINE": ORDERABLE, "STAGING": ORDERED}

_eodag_module = None
_import_lock = threading.Lock()
#: eodag parses its metadata mappings with jsonpath-ng (a PLY parser), which is not thread-safe:
#: two jobs searching at once failed with "ParseException: Unknown type".  Gateway creation and
#: searches (where mappings are parsed) are serialised; transfers are not.
_PARSE_LOCK = threading.RLock()


class EodagMissingError(EoError):
    """eodag is not installed in the Python QGIS runs."""


# ---------------------------------------------------------------------------------------
# Lazy import and install hint
# ---------------------------------------------------------------------------------------
def install_command(platform: Optional[str] = None) -> str:
    """The command that installs the pinned eodag into QGIS's Python on ``platform``."""
    platform = platform or sys.platform
    pins = '"eodag=={}" "shapely=={}" "numpy<2"'.format(EODAG_PIN, SHAPELY_PIN)
    if platform.startswith("win"):
        return 'python -m pip install {}'.format(pins)
    if platform == "darwin":
        return "/Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --user {}".format(pins)
    extra = " --break-system-packages" if os.path.exists("/usr/lib/python3/dist-packages") else ""
    return "/usr/bin/python3 -m pip install --user{} {}".format(extra, pins)


def install_hint(platform: Optional[str] = None) -> str:
    """User-facing text: how to install eodag for QGIS on this system."""
    platform = platform or sys.platform
    command = install_command(platform)
    if platform.startswith("win"):
        where = translate("Eodag", "On Windows, open the 'OSGeo4W Shell' (Start menu, QGIS folder) and run:")
    elif platform == "darwin":
        where = translate("Eodag", "On macOS, run in a terminal:")
    else:
        where = translate("Eodag", "On Linux (Debian/Ubuntu QGIS packages use /usr/bin/python3), run in a "
                                   "terminal:")
    return "{}\n{}\n{}".format(where, command, translate(
        "Eodag", "Then restart QGIS. The pins keep GDAL working: eodag needs shapely 2, and numpy must stay "
                 "below 2 for GDAL built against numpy 1."))


def import_eodag():
    """The ``eodag`` module, imported on first use; :class:`EodagMissingError` if absent."""
    global _eodag_module
    if _eodag_module is not None:
        return _eodag_module
    with _import_lock:
        if _eodag_module is None:
            try:
                import eodag  # noqa: F401
                from eodag import EODataAccessGateway  # noqa: F401
            except ImportError as exc:
                raise EodagMissingError(
                    translate("Eodag", "eodag is not installed in the Python QGIS uses ({error}).")
                    .format(error=exc), hint=install_hint()) from exc
            _eodag_module = eodag
    return _eodag_module


def is_available() -> bool:
    try:
        import_eodag()
        return True
    except EodagMissingError:
        return False


def eodag_version() -> Tuple[int, ...]:
    eodag = import_eodag()
    text = getattr(eodag, "__version__", "") or ""
    if not text:
        try:
            from importlib.metadata import version
            text = version("eodag")
        except Exception:
            text = "0"
    nums = [int(n) for n in re.findall(r"\d+", text)[:3]]
    return tuple(nums + [0] * (3 - len(nums)))


def defaults() -> Tuple[float, float]:
    """eodag's default (wait, timeout) in minutes for the installed version."""
    try:
        from eodag.utils import DEFAULT_DOWNLOAD_TIMEOUT, DEFAULT_DOWNLOAD_WAIT
        return float(DEFAULT_DOWNLOAD_WAIT), float(DEFAULT_DOWNLOAD_TIMEOUT)
    except ImportError:
        return (0.2, 10.0) if eodag_version() >= (4,) else (2.0, 20.0)


# ---------------------------------------------------------------------------------------
# Product status (v4 ``order:status``, v2/v3 ``storageStatus``)
# ---------------------------------------------------------------------------------------
def order_state(properties: Dict[str, Any]) -> str:
    """``online`` / ``orderable`` / ``ordered`` / ``unknown`` from a product's properties."""
    value = properties.get("order:status")
    if isinstance(value, str) and value.strip():
        text = value.strip()
        if text.lower() in _V4_STATUS:
            return _V4_STATUS[text.lower()]
        if text.upper() in _STORAGE_STATUS:
            return _STORAGE_STATUS[text.upper()]
    value = properties.get("storageStatus")
    if isinstance(value, str) and value.strip().upper() in _STORAGE_STATUS:
        return _STORAGE_STATUS[value.strip().upper()]
    return ONLINE if value is None and properties.get("order:status") is None else UNKNOWN


def needs_order(properties: Dict[str, Any]) -> bool:
    return order_state(properties) in (ORDERABLE, ORDERED)


def state_label(state: str) -> str:
    return {ONLINE: translate("Eodag", "online"), ORDERABLE: translate("Eodag", "needs an order"),
            ORDERED: translate("Eodag", "ordered, being prepared"), UNKNOWN: translate("Eodag", "unknown")
            }.get(state, state)


# ---------------------------------------------------------------------------------------
# Products
# ---------------------------------------------------------------------------------------
@dataclass
class ProductInfo:
    """What the plugin shows of a search result; ``product`` is eodag's EOProduct."""
    id: str
    title: str
    provider: str
    collection: str
    date: str
    cloud: Optional[float]
    state: str
    quicklook_url: str = ""
    thumbnail_url: str = ""
    footprint: Optional[Dict[str, Any]] = None
    asset_hints: Dict[str, List[str]] = field(default_factory=dict)
    product: Any = field(default=None, repr=False, compare=False)

    @property
    def needs_order(self) -> bool:
        return self.state in (ORDERABLE, ORDERED)


def _first(props: Dict[str, Any], *keys):
    for key in keys:
        value = props.get(key)
        if value not in (None, "", "Not Available"):
            return value
    return None


def product_info(product) -> ProductInfo:
    props = product.properties
    cloud = _first(props, "eo:cloud_cover", "cloudCover")
    try:
        cloud = float(cloud) if cloud is not None else None
    except (TypeError, ValueError):
        cloud = None
    footprint = None
    geom = getattr(product, "geometry", None)
    if geom is not None and hasattr(geom, "__geo_interface__"):
        import json
        footprint = json.loads(json.dumps(geom.__geo_interface__))
    hints: Dict[str, List[str]] = {}
    for key, asset in (getattr(product, "assets", None) or {}).items():
        try:
            href = asset.get("href") or ""
        except AttributeError:
            continue
        if not href:
            continue
        names = [str(key)]
        for band in asset.get("eo:bands") or asset.get("bands") or []:
            if isinstance(band, dict):
                names.extend(str(band[k]) for k in ("name", "common_name", "eo:common_name") if band.get(k))
        base = os.path.basename(href.split("?")[0].split("#")[0])
        hints.setdefault(base, []).extend(names)
    date = _first(props, "start_datetime", "startTimeFromAscendingNode", "datetime") or ""
    return ProductInfo(
        id=str(props.get("id") or ""), title=str(props.get("title") or props.get("id") or ""),
        provider=str(getattr(product, "provider", "") or ""),
        collection=str(getattr(product, "collection", None) or getattr(product, "product_type", None) or ""),
        date=str(date), cloud=cloud, state=order_state(props),
        quicklook_url=str(_first(props, "eodag:quicklook", "quicklook") or ""),
        thumbnail_url=str(_first(props, "eodag:thumbnail", "thumbnail") or ""),
        footprint=footprint, asset_hints=hints, product=product)


@dataclass
class DownloadOutcome:
    path: str
    reused: bool            # eodag found it already downloaded (no data transferred)
    attempts: int
    kept: frozenset = frozenset()   # names in the folder before the download: never discarded


# ---------------------------------------------------------------------------------------
# Progress: eodag's ProgressCallback (a tqdm) driving the job's progress
# ---------------------------------------------------------------------------------------
_progress_class = None


def progress_callback(sink: Callable[[str, int, Optional[int]], None], cancel=None):  # noqa: C901 (see docs/architecture.md, exceptions)
    """An eodag ``ProgressCallback`` that reports to ``sink(unit, done, total)``.

    eodag calls it with byte counts while streaming (``unit`` "B"), then switches
    ``unit`` to "file" and counts archive members while extracting; a different
    ``total`` resets the count.  The bar itself is disabled (no terminal output), the
    counts are kept here, and a cancelled ``cancel`` token aborts the transfer at the
    next chunk.
    """
    global _progress_class
    import_eodag()
    if _progress_class is None:
        from eodag.utils import ProgressCallback

        class JobProgressCallback(ProgressCallback):
            def __init__(self, *args, **kwargs):
                self._sink = kwargs.pop("sink", None)
                self._cancel = kwargs.pop("cancel", None)
                self._lock = threading.Lock()
                self.done = 0
                self.bytes = 0
                kwargs["disable"] = True
                super().__init__(*args, **kwargs)
                self.unit = kwargs.get("unit", "B")

            def __call__(self, increment, total=None):
                if self._cancel is not None and self._cancel.is_cancelled():
                    raise CancelledError(translate("Jobs", "Cancelled by the user."))
                if total is not None and total != self.total:
                    self.reset(total=total)
                with self._lock:
                    self.done += int(increment or 0)
                    if str(getattr(self, "unit", "B")) == "B":
                        self.bytes += int(increment or 0)
                        self.byte_done = self.done
                    done, unit = self.done, str(getattr(self, "unit", "B"))
                if self._sink is not None:
                    self._sink(unit, done, self.total)

            def reset(self, total=None):
                with self._lock:
                    self.done = 0
                    if str(getattr(self, "unit", "B")) == "B":
                        self.byte_done, self.byte_total = 0, total
                super().reset(total=total)
                if total is not None:
                    self.total = total
                if self._sink is not None:
                    self._sink(str(getattr(self, "unit", "B")), 0, self.total)

            def cut_short(self) -> Optional[str]:
                """Why a byte transfer (here or in a copy eodag made) ended before its announced size."""
                for bar in [self] + list(getattr(self, "copies", [])):
                    total = getattr(bar, "byte_total", None)
                    done = getattr(bar, "byte_done", 0)
                    if isinstance(total, (int, float)) and total > 0 and done < total:
                        return translate("Transfer", "the connection closed after {} of {} bytes").format(
                            int(done), int(total))
                return None

            def copy(self, *args, **kwargs):
                bar = type(self)(*args, sink=self._sink, cancel=self._cancel, **kwargs)
                self.copies = getattr(self, "copies", []) + [bar]
                return bar

        _progress_class = JobProgressCallback
    return _progress_class(sink=sink, cancel=cancel)


class _EodagLogForwarder(logging.Handler):
    """Forwards eodag's log lines of one thread (the job's) to a callback."""

    def __init__(self, func: Callable[[str], None]):
        super().__init__(logging.INFO)
        self.func = func
        self.thread = threading.get_ident()

    def emit(self, record):
        if record.thread != self.thread:
            return
        try:
            self.func("eodag: " + record.getMessage())
        except Exception:
            pass


# ---------------------------------------------------------------------------------------
# Credentials
# ---------------------------------------------------------------------------------------
_template_cache: Optional[Dict[str, Any]] = None


def _credential_template() -> Dict[str, Any]:
    """eodag's user configuration template: which credential keys each provider takes."""
    global _template_cache
    if _template_cache is None:
        eodag = import_eodag()
        path = os.path.join(os.path.dirname(eodag.__file__), "resources", "user_conf_template.yml")
        try:
            import yaml
            try:    # libyaml's safe loader when there is one: 30 ms -> 4 ms on the first job of a session
                from yaml import CSafeLoader as SafeLoader
            except ImportError:
                from yaml import SafeLoader
            with open(path, "r", encoding="utf-8") as fh:
                _template_cache = yaml.load(fh, Loader=SafeLoader) or {}
        except Exception:
            _template_cache = {}
    return _template_cache


_AUTH_TOPICS = ("auth", "search_auth", "download_auth", "api")


def credentials_config(provider: str, credentials: Dict[str, Any],  # noqa: C901 (see docs/architecture.md, exceptions)
                       topics: Optional[List[str]] = None) -> Dict[str, Any]:
    """eodag provider configuration (a dict) carrying ``credentials`` for ``provider``.

    ``credentials``: ``username`` + ``password`` (a Basic authentication configuration)
    and/or ``api_key``.  The keys are mapped onto the ones eodag's configuration template
    lists for the provider; a provider without template entry (a custom one) gets
    ``username``/``password`` or ``apikey``.
    """
    user = credentials.get("username") or ""
    password = credentials.get("password") or ""
    api_key = credentials.get("api_key") or credentials.get("apikey") or ""
    template = (_credential_template().get(provider) or {}) if provider else {}
    wanted: Dict[str, List[str]] = {}
    for topic in _AUTH_TOPICS:
        keys = ((template.get(topic) or {}).get("credentials") or {})
        if isinstance(keys, dict) and keys:
            wanted[topic] = list(keys)
    if not wanted:
        for topic in (topics or ["auth"]):
            wanted[topic] = ["username", "password"] if user or password else ["apikey"]
    conf: Dict[str, Any] = {}
    for topic, keys in wanted.items():
        creds: Dict[str, str] = {}
        for key in keys:
            low = key.lower()
            if low in ("username", "user", "login", "email"):
                value = user
            elif low in ("password", "pass"):
                value = password
            elif low in ("apikey", "api_key", "key", "token", "access_token"):
                value = api_key or password
            elif low in ("aws_access_key_id", "access_key"):
                value = user
            elif low in ("aws_secret_access_key", "secret_key"):
                value = password
            else:
                value = ""
            if value:
                creds[key] = value
        if creds:
            conf[topic] = {"credentials": creds}
    return {provider: conf} if conf else {}


def env_credentials() -> Dict[str, str]:
    """Credentials from ``EO_DOWNLOADER_EODAG_USERNAME`` / ``_PASSWORD`` / ``_API_KEY`` (may be empty:
    many searches need none, and eodag's own ``EODAG__<PROVIDER>__AUTH__CREDENTIALS__*`` work too)."""
    out = {key: os.environ.get(var, "").strip() for key, var in CREDENTIAL_ENV_VARS.items()}
    out = {k: v for k, v in out.items() if v}
    _register_secrets(out)
    return out


def _register_secrets(credentials: Dict[str, Any]) -> None:
    from ...transfer.http import register_secret
    for key in ("password", "api_key", "apikey"):
        if credentials.get(key):
            register_secret(str(credentials[key]))


# ---------------------------------------------------------------------------------------
# The client
# ---------------------------------------------------------------------------------------
def providers_yaml_from_env() -> List[str]:
    texts = []
    for path in (os.environ.get(PROVIDERS_FILE_ENV, "") or "").split(os.pathsep):
        path = path.strip()
        if not path:
            continue
        try:
            with open(path, "r", encoding="utf-8") as fh:
                texts.append(fh.read())
        except OSError as exc:
            raise ParameterError(translate("Eodag", "The eodag provider file '{path}' cannot be read: {error}")
                                 .format(path=path, error=exc)) from exc
    return texts


def _date_bound(value: Optional[str], end: bool) -> Optional[str]:
    if not value:
        return None
    text = str(value).strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        if end:
            return text + "T23:59:59.999Z"
        return text + "T00:00:00Z"
    return text


#: Longest eodag error text shown (eodag puts whole response bodies into its exceptions).
ERROR_TEXT_LIMIT = 500


def _eodag_error_text(exc: BaseException) -> str:
    """eodag's message, readable: a service's error body in it replaced by the service's own message
    (JSON ``message``, an HTML page's title and text), eodag's unformatted ``%s`` dropped, and at most
    :data:`ERROR_TEXT_LIMIT` characters (eodag includes whole response bodies, megabytes of them)."""
    from ...transfer.http import redact
    parts: List[str] = []
    for arg in getattr(exc, "args", ()):
        for item in (arg if isinstance(arg, (tuple, list)) else [arg]):
            text = _readable(str(item)) if item is not None else ""
            if text:
                parts.append(text)
    text = ": ".join(parts) or type(exc).__name__
    status = _status_of(exc)
    if status is not None and "HTTP" not in text and str(status) not in text:
        text += " (HTTP {})".format(status)
    if len(text) > ERROR_TEXT_LIMIT:
        text = text[:ERROR_TEXT_LIMIT - 1] + "\u2026"
    return redact(text)


def _readable(text: str) -> str:
    """One piece of an eodag message: an HTML page or a JSON error body in it replaced by what the
    service said, the ``%s`` eodag left unformatted and the quotes of a printed tuple removed."""
    import json as _json
    from ...transfer.http import parse_error_body
    page = re.search(r"(?is)<(?:!doctype\s+html|html)\b.*?(?:</html>|$)", text)
    if page:
        text = text[:page.start()] + parse_error_body(page.group(0), "text/html").message + text[page.end():]
    start, end = text.find('{"'), text.rfind("}")
    if 0 <= start < end:
        try:
            _json.loads(text[start:end + 1])
            said = parse_error_body(text[start:end + 1]).message
        except ValueError:
            said = ""
        if said:
            text = text[:start] + said + text[end + 1:]
    text = text.replace("%s", "")
    text = re.sub(r"""\(\s*['"]|['"]\s*,\s*['"]|['"]\s*\)""", " ", text)   # ('a', 'b') -> a b
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s*:\s*(?=:|$)", "", text).strip()


def _status_of(exc: BaseException) -> Optional[int]:
    """The HTTP status behind an eodag failure (its own ``status_code`` or its cause's response)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        status = getattr(exc, "status_code", None)
        response = getattr(exc, "response", None)
        if status is None and response is not None:
            status = getattr(response, "status_code", None)
        if isinstance(status, int):
            return status
        exc = exc.__cause__ or exc.__context__
    return None


def _auth_status(exc: BaseException) -> Optional[int]:
    """401 or 403 when an eodag failure (or its cause) is a refusal of the credentials."""
    status = _status_of(exc)
    return status if status in (401, 403) else None


def _refused(provider: Optional[str], error: str) -> AuthError:
    return AuthError(translate("Eodag", "{provider} refused the credentials: {error}").format(
        provider=provider or "eodag", error=error),
        hint=translate("Eodag", "Choose an authentication configuration with this provider's username and "
                                "password (Basic) or API key."))


def _not_json_text(exc: BaseException) -> str:
    """For an eodag failure caused by an answer that is not JSON: what the answer was (an HTML page's
    title and text, or the start of the text), instead of the JSON parser's "Expecting value: line 1
    column 1"; "" otherwise."""
    import json as _json
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, _json.JSONDecodeError):
            from ...transfer.http import parse_error_body, redact
            doc = exc.doc if isinstance(exc.doc, str) else ""
            if not doc.strip():
                return translate("Http", "(no message)")
            if doc.lstrip()[:1] in ("{", "["):     # JSON that does not parse: the answer was cut short
                return translate("Eodag", "the answer stops after {} bytes, in the middle of its JSON").format(
                    len(doc.encode("utf-8")))
            info = parse_error_body(doc)
            return redact(info.message) if info.is_html or info.message else ""
        exc = exc.__cause__ or exc.__context__
    return ""


def fetch_quicklook(info: ProductInfo, dest_dir: str) -> str:
    """The product's quicklook through eodag's ``get_quicklook`` (kept in ``dest_dir``), or ""."""
    product = info.product
    if product is None or not info.quicklook_url:
        return ""
    os.makedirs(dest_dir, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.\-]+", "_", info.id)[:150] or "quicklook"
    from eodag.utils import ProgressCallback
    try:
        try:
            return product.get_quicklook(filename=name, output_dir=dest_dir,
                                         progress_callback=ProgressCallback(disable=True)) or ""
        except Exception:
            # eodag authenticates first and fails without credentials (MisconfiguredError), although
            # quicklooks are usually public: try once more without the provider's authentication.
            if getattr(product, "downloader_auth", None) is None:
                raise
            saved, product.downloader_auth = product.downloader_auth, None
            try:
                return product.get_quicklook(filename=name, output_dir=dest_dir,
                                             progress_callback=ProgressCallback(disable=True)) or ""
            finally:
                product.downloader_auth = saved
    except Exception as exc:
        _log.info(translate("Eodag", "No quicklook for {id}: {error}").format(id=info.id,
                                                                            error=_eodag_error_text(exc)))
        return ""


def is_transient(exc: BaseException) -> bool:
    """Whether an eodag failure is worth another try: no answer, an answer cut short, 408, 429 or 5xx.

    eodag wraps the underlying ``requests`` / JSON errors; the whole cause chain is looked at.
    """
    import json as _json
    import zipfile
    import zlib
    import requests
    from eodag.utils import exceptions as ex
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, (ex.AuthenticationError, ex.MisconfiguredError, ex.ValidationError)):
            return False
        if isinstance(exc, (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                            requests.exceptions.ChunkedEncodingError, _json.JSONDecodeError,
                            ex.TimeOutError, ex.QuotaExceededError, _CutShort,
                            zipfile.BadZipFile, zlib.error, EOFError)):   # (a corrupt archive: fetch it again)
            return True
        status = getattr(exc, "status_code", None)
        response = getattr(exc, "response", None)
        if status is None and response is not None:
            status = getattr(response, "status_code", None)
        if isinstance(status, int) and (status in (408, 429) or status >= 500):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


class _CutShort(Exception):
    """eodag accepted a product body shorter than its Content-Length (urllib3 1.x does not check),
    or an archive it could not open (it then keeps the broken file as the product)."""


_ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")


def broken_archive(path: str) -> Optional[str]:
    """Why an archive under ``path`` (a file or folder eodag returned) does not open, else None.

    eodag extracts what it recognises as an archive; a zip cut short or corrupt is not
    recognised and is kept, moved into the product folder, as if it were the product.
    """
    import tarfile
    import zipfile
    files = [path] if os.path.isfile(path) else [os.path.join(root, n) for root, _, names in os.walk(path)
                                                 for n in names] if os.path.isdir(path) else []
    for name in files:
        if not name.lower().endswith(_ARCHIVE_SUFFIXES):
            continue
        try:
            if name.lower().endswith(".zip"):
                zipfile.ZipFile(name).close()
            elif not tarfile.is_tarfile(name):
                raise tarfile.ReadError("not a tar archive")
        except Exception as exc:  # noqa: BLE001 (any reason it does not open)
            from ...transfer.archive import _corrupt
            return _corrupt(name, str(exc) or type(exc).__name__).message
    return None


class SearchResults(list):
    """The products a search found (a list of :class:`ProductInfo`), with ``notes`` for the user
    (e.g. that the cloud cover was filtered here rather than by the provider)."""

    def __init__(self, infos: Iterable[ProductInfo] = (), notes: Iterable[str] = ()):
        super().__init__(infos)
        self.notes: List[str] = list(notes)


def _date_key(text: str) -> float:
    """A product date as a number for sorting (UTC seconds; unknown or unreadable dates last)."""
    import datetime as _dt
    value = str(text or "").strip().replace("Z", "+00:00")
    value = re.sub(r"(\.\d{6})\d+", r"\1", value)        # (fromisoformat takes at most microseconds)
    try:
        when = _dt.datetime.fromisoformat(value)
    except ValueError:
        return -math.inf
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return when.timestamp()


def stac_conformance(search_endpoint: str, cancel=None) -> Optional[List[str]]:
    """The conformance classes of the STAC API whose item search is ``search_endpoint`` (from its
    landing page, else ``/conformance``), or None when neither can be read."""
    from ...transfer import http
    root = re.sub(r"/search/?$", "", search_endpoint.split("?")[0]).rstrip("/") + "/"
    for url in (root, root + "conformance"):
        try:
            doc = http.get_json(None, "GET", url, cancel=cancel, retry=http.RetryPolicy(max_attempts=2),
                                timeouts=http.Timeouts(connect=10, read=30), max_body=4 << 20)
        except CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 (no conformance to read: the caller keeps its default)
            _log.info("No STAC conformance at %s: %s", url, exc)
            continue
        classes = doc.get("conformsTo") if isinstance(doc, dict) else None
        if isinstance(classes, list):
            return [str(c) for c in classes]
    return None


class EodagClient:
    """One eodag gateway, configured in memory for one job or one search.

    ``providers_yaml``: extra provider configuration (YAML text, or a list of them).
    ``credentials``: secrets for ``provider`` (see :func:`credentials_config`).
    ``settings``: optional preferences (``eodag_providers_yaml``).
    """

    def __init__(self, providers_yaml=None, credentials: Optional[Dict[str, Any]] = None,
                 provider: Optional[str] = None, settings: Optional[Dict[str, Any]] = None):
        import_eodag()
        from eodag import EODataAccessGateway
        self.version = eodag_version()
        settings = settings or {}
        self.retry = settings.get("retry")      # http.RetryPolicy for transient failures (None: default)
        try:
            with _PARSE_LOCK:
                self.dag = EODataAccessGateway()
        except Exception as exc:  # a broken user configuration file, an unwritable folder...
            raise ProviderError(translate("Eodag", "eodag could not start: {error}").format(
                error=_eodag_error_text(exc)),
                hint=translate("Eodag", "Check eodag's configuration (~/.config/eodag/eodag.yml, EODAG_* "
                                        "environment variables).")) from exc
        texts: List[str] = []
        extra = settings.get("eodag_providers_yaml")
        if extra:
            texts.append(extra)
        texts.extend(providers_yaml_from_env())
        if providers_yaml:
            texts.extend([providers_yaml] if isinstance(providers_yaml, str) else list(providers_yaml))
        for text in texts:
            try:
                self.dag.update_providers_config(text)
            except Exception as exc:
                raise ParameterError(translate("Eodag", "The eodag provider configuration is not valid: {error}")
                                     .format(error=_eodag_error_text(exc))) from exc
        self.provider = provider
        if provider and credentials:
            self.set_credentials(provider, credentials)

    # -- configuration ------------------------------------------------------------------
    def set_credentials(self, provider: str, credentials: Dict[str, Any]) -> None:
        """Hand ``credentials`` to eodag for ``provider``, in memory only."""
        _register_secrets(credentials)
        topics = []
        conf = self._provider_conf(provider)
        if conf is not None:
            topics = [t for t in _AUTH_TOPICS if getattr(conf, t, None) is not None]
        dict_conf = credentials_config(provider, credentials, topics or None)
        if dict_conf:
            self.dag.update_providers_config(dict_conf=dict_conf)

    def _provider_conf(self, provider: str):
        providers = getattr(self.dag, "_providers", None)
        if providers is not None:
            try:
                if provider in providers:
                    return providers[provider].config
                pruned = getattr(providers, "pruned_providers_config", {}) or {}
                return pruned.get(provider)
            except Exception:
                return None
        pruned = getattr(self.dag, "_pruned_providers_config", {}) or {}
        return getattr(self.dag, "providers_config", {}).get(provider) or pruned.get(provider)

    def providers(self) -> List[str]:
        """Every provider eodag knows, including those waiting for credentials."""
        names: List[str] = []
        try:
            names = list(self.dag.providers.keys())
        except AttributeError:
            names = list(self.dag.available_providers())
        providers = getattr(self.dag, "_providers", None)
        reasons = getattr(providers, "pruned_providers_reasons", None) or {}
        for name, why in reasons.items():
            if isinstance(why, dict) and why.get("reason_type") == "missing_credentials" and name not in names:
                names.append(name)
        if not reasons:
            for name in (getattr(self.dag, "_pruned_providers_config", None) or {}):
                if name not in names:
                    names.append(name)
        return sorted(names)

    def collections(self, provider: Optional[str] = None) -> List[str]:
        """Collections (product types) of ``provider``, without asking the network."""
        try:
            if hasattr(self.dag, "list_collections"):
                items = self.dag.list_collections(provider=provider, fetch_providers=False)
                return sorted(str(getattr(c, "id", c)) for c in items)
            items = self.dag.list_product_types(provider=provider, fetch_providers=False)
            return sorted(str(i.get("ID") if isinstance(i, dict) else i) for i in items)
        except Exception as exc:
            conf = self._provider_conf(provider) if provider else None
            products = getattr(conf, "products", None) if conf is not None else None
            if isinstance(products, dict):        # a provider eodag keeps aside until it has credentials
                return sorted(str(k) for k in products if not str(k).startswith("GENERIC_"))
            raise ParameterError(translate("Eodag", "eodag does not know the provider '{provider}': {error}")
                                 .format(provider=provider, error=_eodag_error_text(exc))) from exc

    # -- search -------------------------------------------------------------------------------
    def search(self, provider: Optional[str], collection: str, date_from: Optional[str] = None,
               date_to: Optional[str] = None, aoi_geojson: Any = None, cloud_max: Optional[float] = None,
               limit: int = 50, ids: Optional[List[str]] = None, cancel=None) -> "SearchResults":
        """Products of ``collection`` over the AOI between the dates (inclusive), newest first.

        ``ids``: keep only these products (in that order); those the criteria do not return are
        searched by id.  ``cancel``: checked before each try and during the pauses between
        them (eodag's own request cannot be interrupted).  A cloud cover limit the provider's
        STAC API cannot apply (see :meth:`cloud_filter_on_server`) is applied here, and the
        result's ``notes`` say so.
        """
        if not collection:
            raise ParameterError(translate("Eodag", "Choose a collection (product type)."))
        notes: List[str] = []
        on_server = cloud_max is None or self.cloud_filter_on_server(provider, cancel)
        kwargs: Dict[str, Any] = {"collection" if self.version >= (4,) else "productType": collection}
        if cloud_max is not None and on_server:
            kwargs["eo:cloud_cover" if self.version >= (4,) else "cloudCover"] = float(cloud_max)
        geom = None
        if aoi_geojson:
            from shapely.geometry import shape
            geom = shape(aoi_geojson.get("geometry", aoi_geojson) if isinstance(aoi_geojson, dict)
                         and aoi_geojson.get("type") == "Feature" else aoi_geojson)
        found = self._search(cancel, provider=provider, start=_date_bound(date_from, False),
                             end=_date_bound(date_to, True), geom=geom, limit=int(limit), **kwargs)
        infos = [product_info(p) for p in found]
        if ids:
            return SearchResults(self._by_ids(infos, ids, provider, collection, cancel), notes)
        if cloud_max is not None:
            returned = len(infos)
            infos = [i for i in infos if i.cloud is None or i.cloud <= float(cloud_max)]
            if not on_server:
                notes.append(translate(
                    "Eodag", "{provider}'s STAC API cannot filter by cloud cover (it has neither the query nor the "
                             "filter extension): of the {returned} products it returned, {kept} have at most "
                             "{cloud:g} % cloud cover.").format(provider=provider or "eodag", returned=returned,
                                                                kept=len(infos), cloud=float(cloud_max)))
        infos.sort(key=lambda i: _date_key(i.date), reverse=True)     # (stable: the server's order within a date)
        return SearchResults(infos, notes)

    def _by_ids(self, infos: List[ProductInfo], ids: List[str], provider, collection, cancel) -> List[ProductInfo]:
        wanted = [str(i).strip() for i in ids if str(i).strip()]
        by_id = {i.id: i for i in infos}
        by_title = {i.title: i for i in infos}
        out: List[ProductInfo] = []
        for pid in wanted:
            info = by_id.get(pid) or by_title.get(pid)
            if info is None:
                info = self._search_id(provider, collection, pid, cancel)
            if info is None:
                raise ProviderError(translate("Eodag", "The product '{id}' was not found on {provider}.")
                                    .format(id=pid, provider=provider or "eodag"))
            out.append(info)
        return out

    def cloud_filter_on_server(self, provider: Optional[str], cancel=None) -> bool:
        """Whether ``provider`` can apply a cloud cover limit itself.  False only for a STAC API whose
        eodag mapping sends the limit in a ``query`` (or CQL2 ``filter``) body while the API's
        conformance classes lack that extension: such servers ignore the body or answer with
        nothing at all (``rustac serve``).  Any other provider, or conformance that cannot be read:
        True (the limit is sent, and applied here again anyway)."""
        search_conf = getattr(self._provider_conf(provider), "search", None) if provider else None
        endpoint = getattr(search_conf, "api_endpoint", None)
        mapping = (getattr(search_conf, "metadata_mapping", None) or {}).get(
            "eo:cloud_cover" if self.version >= (4,) else "cloudCover")
        template = mapping[0] if isinstance(mapping, (list, tuple)) and mapping else ""
        needs = "query" if '"query"' in str(template) else "filter" if '"filter"' in str(template) else None
        if needs is None or not isinstance(endpoint, str) or not endpoint.startswith(("http://", "https://")):
            return True
        classes = stac_conformance(endpoint, cancel)
        if classes is None:
            return True
        if needs == "query":
            return any(c.rstrip("/").endswith("#query") for c in classes)
        return any("#filter" in c or "/cql2" in c for c in classes)

    def _backoff(self, cancel=None):
        from ...transfer import http
        return http.Backoff(self.retry or http.RetryPolicy(max_attempts=4, base_delay=1.0, max_delay=10.0),
                            cancel)

    def _search(self, cancel=None, **kwargs) -> List[Any]:
        backoff = self._backoff(cancel)
        while True:
            if cancel is not None:
                cancel.raise_if_cancelled()
            try:
                with _PARSE_LOCK:
                    result = self.dag.search(raise_errors=True, **kwargs)
                break
            except Exception as exc:
                if self._drop_missing_queryables(kwargs.get("provider"), exc):
                    continue
                delay = backoff.next_delay(None) if is_transient(exc) else None
                if delay is None:
                    error = self._wrap(exc, translate("Eodag", "The search on {provider} failed: {error}"),
                                       kwargs.get("provider"))
                    if backoff.failures > 1:
                        error.message += " " + translate("Http", "(gave up after {} attempts)").format(
                            backoff.failures)
                    raise error from exc
                _log.info("The search failed ({}); trying again in {:.1f} s".format(_eodag_error_text(exc), delay))
                backoff.sleep(delay)
        if isinstance(result, tuple):      # eodag 2: (results, count)
            result = result[0]
        return list(result)

    def _drop_missing_queryables(self, provider: Optional[str], exc: BaseException) -> bool:
        """True after turning off eodag's queryables discovery for a provider whose STAC API has no
        ``/queryables`` (404, 405, 501: optional in STAC API, absent from many servers): eodag 4 fetches
        it before every search and fails the search with it; without discovery eodag takes the
        queryables of the provider's metadata mapping, as for a provider configured without one."""
        if "queryables discovery" not in str(exc) or _status_of(exc) not in (404, 405, 501):
            return False
        if not provider:
            try:
                provider = self.dag.get_preferred_provider()[0]
            except Exception:
                return False
        search_conf = getattr(self._provider_conf(provider), "search", None)
        discovery = getattr(search_conf, "discover_queryables", None)
        if not isinstance(discovery, dict) or not (discovery.get("fetch_url") or discovery.get("collection_fetch_url")):
            return False
        # (the provider's configuration object is the one its search plugin reads)
        discovery.update(fetch_url=None, collection_fetch_url=None)
        _log.info("%s has no queryables (%s): searching without them", provider, _eodag_error_text(exc))
        return True

    def _search_id(self, provider, collection, pid, cancel=None) -> Optional[ProductInfo]:
        kwargs = {"collection": collection} if self.version >= (4,) else {"productType": collection}
        found = self._search(cancel, provider=provider, id=pid, **kwargs)
        for product in found:
            info = product_info(product)
            if pid in (info.id, info.title):
                return info
        return None

    def _wrap(self, exc: BaseException, template: str, provider: Optional[str], **values) -> EoError:
        """Our error for an eodag exception; ``template`` takes ``{provider}``, ``{error}`` and ``values``."""
        if isinstance(exc, EoError):
            return exc
        from eodag.utils import exceptions as ex
        text = _not_json_text(exc) or _eodag_error_text(exc)
        values = dict(values, provider=provider or "eodag", error=text)
        if isinstance(exc, ex.AuthenticationError) or _auth_status(exc) is not None:
            return _refused(provider, text)
        if isinstance(exc, ex.MisconfiguredError):
            return AuthError(translate("Eodag", "{provider} is not configured: {error}").format(
                provider=provider or "eodag", error=text),
                hint=translate("Eodag", "Most providers need credentials: choose an authentication "
                                        "configuration."))
        if isinstance(exc, (getattr(ex, "NoMatchingCollection", ()), getattr(ex, "NoMatchingProductType", ()),
                            ex.UnsupportedProvider, ex.ValidationError)):
            return ParameterError(template.format(**values))
        return ProviderError(template.format(**values))

    # -- quicklooks ---------------------------------------------------------------------------
    def check_access(self, provider: str, collection: str, date_from: Optional[str] = None,
                     date_to: Optional[str] = None, aoi_geojson: Any = None, session=None, cancel=None) -> str:
        """A cheap real check of ``provider`` and the credentials: a search of a few products, then
        eodag's authentication and the first byte of one product's download (``Range: bytes=0-0``;
        the connection is closed after the headers).  Returns what was checked; raises the
        search's error, or AuthError when the provider refuses the credentials."""
        from ...transfer import http
        found = self.search(provider, collection, date_from, date_to, aoi_geojson, limit=5, cancel=cancel)
        if not found:
            return translate("Eodag", "{provider} answered the search, but no product matched it: the credentials "
                                      "will be checked at the first download.").format(provider=provider)
        info = next((i for i in found if not i.needs_order), found[0])
        link = str(getattr(info.product, "remote_location", "") or "")
        try:
            auth = self._auth(info.product)
            if not link.startswith(("http://", "https://")) or isinstance(auth, dict):
                return translate("Eodag", "{provider} answered the search; eodag accepted the credentials (they "
                                          "are used at the first download).").format(provider=provider)
            if cancel is not None:
                cancel.raise_if_cancelled()
            # (eodag's credentials are an ``auth`` object: send_following keeps them from other origins)
            response = http.send_following(session or http.default_session(), "GET", link, cancel,
                                           headers={"Range": "bytes=0-0"}, auth=auth, stream=True,
                                           timeouts=http.Timeouts(connect=10, read=60))
            response.close()
        except CancelledError:
            raise
        except Exception as exc:
            raise self._wrap(exc, translate("Eodag", "Checking the credentials on {provider} failed: {error}"),
                             provider) from exc
        status = response.status_code
        if status in (401, 403):
            raise _refused(provider, "HTTP {}".format(status))
        if status >= 500:
            raise ProviderError(translate("Eodag", "{provider} has a problem now (HTTP {status}); try again "
                                                   "later.").format(provider=provider, status=status))
        if status >= 400:
            return translate("Eodag", "{provider} accepted the credentials; {title} cannot be downloaded now "
                                      "(HTTP {status}: it may have to be ordered).").format(
                provider=provider, title=info.title, status=status)
        return translate("Eodag", "{provider} accepted the credentials: the search and the download of {title} "
                                  "answered.").format(provider=provider, title=info.title)

    def quicklook(self, info: ProductInfo, dest_dir: str) -> str:
        """Path of the product's quicklook image (downloaded once), or "" when there is none."""
        return fetch_quicklook(info, dest_dir)

    # -- orders -----------------------------------------------------------------------------------
    def _auth(self, product):
        self._setup(product)
        auth = product.downloader_auth
        return auth.authenticate() if auth is not None else None

    def _setup(self, product) -> None:
        if getattr(product, "downloader", None) is None:
            setup = getattr(self.dag, "_setup_downloader", None)
            if setup is not None:
                setup(product)

    def order(self, info: ProductInfo, wait: Optional[float] = None) -> Dict[str, Any]:
        """Order the product once (one order request and one status check).

        Returns the order record to persist: ``order_id``, ``status_link``,
        ``download_link``, ``order_status`` (the provider's word) and ``state``.
        """
        product = info.product
        wait = defaults()[0] if wait is None else float(wait)
        backoff = self._backoff()
        while True:
            try:
                auth = self._auth(product)
                downloader = product.downloader
                if not hasattr(downloader, "order"):
                    # Older eodag: the order is placed by the first download attempt; the caller
                    # saves its identifiers as soon as they appear (order_record after a retry).
                    return self.order_record(info)
                downloader.order(product, auth, wait=wait, timeout=0)
                break
            except Exception as exc:
                props = product.properties
                if props.get("eodag:order_id") or props.get("eodag:status_link"):
                    # The order was placed; only its first status check failed.  Keep the order (the
                    # download polls its status): failing here would make a retry order again.
                    _log.info("Ordered {}; its status could not be read yet ({})".format(
                        info.title, _eodag_error_text(exc)))
                    break
                # Only a refusal (429, 5xx) is tried again: the provider placed no order then.  After a
                # lost answer an order may exist, and ordering again could make a second one.
                status = _status_of(exc)        # (eodag's QuotaExceededError keeps the 429 in its cause)
                refused = isinstance(status, int) and (status == 429 or status >= 500)
                delay = backoff.next_delay(None) if refused else None
                if delay is None:
                    error = self._wrap(exc, translate("Eodag", "Ordering {title} failed: {error}"), info.provider,
                                       title=info.title)
                    if backoff.failures > 1:
                        error.message += " " + translate("Http", "(gave up after {} attempts)").format(
                            backoff.failures)
                    raise error from exc
                _log.info("Ordering {} was refused for now ({}); trying again in {:.1f} s".format(
                    info.title, _eodag_error_text(exc), delay))
                backoff.sleep(delay)
        return self.order_record(info)

    def order_record(self, info: ProductInfo) -> Dict[str, Any]:
        props = info.product.properties
        record = {"order_id": str(props.get("eodag:order_id") or ""),
                  "status_link": str(props.get("eodag:status_link") or ""),
                  "download_link": str(getattr(info.product, "remote_location", "") or ""),
                  "order_status": str(props.get("eodag:order_status") or ""),
                  "state": order_state(props)}
        info.state = record["state"]
        return record

    def restore_order(self, info: ProductInfo, record: Dict[str, Any]) -> None:
        """Put a saved order back on a product found again: eodag polls it, no new order."""
        product = info.product
        props = product.properties
        if record.get("order_id"):
            props["eodag:order_id"] = record["order_id"]
        if record.get("status_link"):
            props["eodag:status_link"] = record["status_link"]
        props["eodag:order_status"] = record.get("order_status") or ORDERED
        if self.version >= (4,):
            props["order:status"] = "ordered"
        else:
            props["storageStatus"] = "STAGING"
        link = record.get("download_link")
        if link:
            props["eodag:download_link"] = link
            product.remote_location = product.location = link
        info.state = ORDERED

    # -- downloads ------------------------------------------------------------------------------
    def record_path(self, info: ProductInfo, output_dir: str) -> str:
        """eodag's ``.downloaded`` record of the product in ``output_dir``."""
        product = info.product
        self._setup(product)
        downloader = getattr(product, "downloader", None)
        if downloader is not None and hasattr(downloader, "generate_record_hash"):
            digest = downloader.generate_record_hash(product)
        elif self.version >= (3,):
            digest = hashlib.md5("{}-{}".format(info.collection, info.id).encode("utf-8"),
                                 usedforsecurity=False).hexdigest()
        else:
            digest = hashlib.md5(str(product.remote_location).encode("utf-8"), usedforsecurity=False).hexdigest()
        return os.path.join(os.path.abspath(output_dir), ".downloaded", digest)

    def already_downloaded(self, info: ProductInfo, output_dir: str) -> bool:
        """eodag's own rule: a record and the product's file or folder are there."""
        if not os.path.isfile(self.record_path(info, output_dir)):
            return False
        from eodag.utils import sanitize
        title = info.title or info.id
        base = os.path.join(os.path.abspath(output_dir), sanitize(title))
        candidates = [base]
        if sanitize(title) != title:
            candidates.append(base + "-" + sanitize(info.id))
        folder = os.path.dirname(base)
        for cand in candidates:
            if os.path.isdir(cand):
                return True
            stem = os.path.basename(cand)
            if any(n.startswith(stem + ".") for n in os.listdir(folder)):
                return True
        return False

    def discard(self, info: ProductInfo, output_dir: str, path: Optional[str] = None,
                keep: Iterable[str] = ()) -> None:
        """Remove what a failed attempt left of the product: eodag's record, its file or folder
        (and eodag's note that the product is now local, else it would be handed back as it is).
        Names in ``keep`` (what the folder held before the download) are left alone: a file or
        folder named like the product that the download did not create is not the product's."""
        keep = set(keep)
        from eodag.utils import sanitize
        product = info.product
        if str(getattr(product, "location", "")).startswith("file:") and getattr(product, "remote_location", None):
            product.location = product.remote_location
        record = self.record_path(info, output_dir)
        folder = os.path.abspath(output_dir)
        stems = {sanitize(info.title or info.id), sanitize(info.id)}
        victims = [record] + ([str(path)] if path else [])
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        for name in names:
            if name in stems or any(name.startswith((stem + ".", stem + "-")) for stem in stems):
                victims.append(os.path.join(folder, name))
        for victim in victims:
            victim = os.path.abspath(victim)
            if not victim.startswith(folder + os.sep):
                continue
            if victim != record and os.path.relpath(victim, folder).split(os.sep)[0] in keep:
                continue
            if os.path.isdir(victim):
                shutil.rmtree(victim, ignore_errors=True)
            elif os.path.exists(victim):
                try:
                    os.remove(victim)
                except OSError:
                    pass

    def download(self, info: ProductInfo, output_dir: str, *, extract: bool = True, wait: Optional[float] = None,  # noqa: C901 (see docs/architecture.md, exceptions)
                 timeout: Optional[float] = None, cancel=None,
                 on_progress: Optional[Callable[[str, int, Optional[int]], None]] = None,
                 on_retry: Optional[Callable[[str, int, float, str], None]] = None) -> DownloadOutcome:
        """Download (and extract, as eodag does) one product into ``output_dir``.

        Each attempt is ``dag.download(..., timeout=-1)``; while the product is not
        available (``NotAvailableError``: order still being prepared, 202, empty body)
        the attempt is repeated every ``wait`` minutes until ``timeout`` minutes have
        passed (eodag's defaults when None).  ``on_retry(state, attempt, seconds_to_next,
        reason)`` is called before each wait.  A product already downloaded (eodag's
        record and data present) comes back with ``reused`` True and no transfer.
        """
        from eodag.utils import exceptions as ex
        d_wait, d_timeout = defaults()
        wait = d_wait if wait is None else max(0.0, float(wait))
        timeout = d_timeout if timeout is None else max(0.0, float(timeout))
        product = info.product
        os.makedirs(output_dir, exist_ok=True)
        recorded = self.already_downloaded(info, output_dir)
        # What was there before, unless eodag's own record says the product's files are its own.
        kept = frozenset() if recorded else frozenset(os.listdir(output_dir))
        out_key = "output_dir" if self.version >= (3,) else "outputs_prefix"
        kwargs = {out_key: os.path.abspath(output_dir), "extract": bool(extract)}
        deadline = time.monotonic() + timeout * 60.0
        attempt = 0
        backoff = self._backoff(cancel)
        forward = _EodagLogForwarder(_log.info)     # eodag's lines of this thread, in the plugin's log
        logger = logging.getLogger("eodag")
        if forward is not None:
            logger.addHandler(forward)
            if logger.level == logging.NOTSET or logger.level > logging.INFO:
                old_level = logger.level
                logger.setLevel(logging.INFO)
            else:
                old_level = None
        try:
            while True:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                attempt += 1
                callback = progress_callback(on_progress or (lambda *a: None), cancel)
                try:
                    path = self.dag.download(product, progress_callback=callback, wait=wait, timeout=-1, **kwargs)
                    cut = callback.cut_short()
                    if cut is None:
                        cut = broken_archive(str(path))
                    if cut is None:
                        break
                    # eodag recorded a product cut short as downloaded: drop it, or it is reused as is.
                    self.discard(info, output_dir, path, keep=kept)
                    raise _CutShort(cut)
                except ex.NotAvailableError as exc:
                    reason = _eodag_error_text(exc)
                    if "order is not supported" in reason:
                        raise ProviderError(translate("Eodag", "{title} is not available for download: {error}")
                                            .format(title=info.title, error=reason)) from exc
                    state = order_state(product.properties)
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise ProviderError(
                            "{} is not available ({}) and order was not successfull, timeout reached".format(
                                info.title, product.properties.get("order:status") or
                                product.properties.get("storageStatus") or state),
                            hint=translate("Eodag", "The provider is still preparing it: run the job again later "
                                                    "(the order is kept) or raise TIMEOUT.")) from exc
                    pause = min(wait * 60.0, left)
                    if on_retry is not None:
                        on_retry(state, attempt, pause, reason)
                    if cancel is not None:
                        cancel.sleep(pause)
                    else:
                        time.sleep(pause)
                except CancelledError:
                    raise
                except Exception as exc:
                    delay = backoff.next_delay(None) if is_transient(exc) else None
                    if delay is None:
                        error = self._wrap(exc, translate("Eodag", "The download of {title} failed: {error}"),
                                           info.provider, title=info.title)
                        if backoff.failures > 1:
                            error.message += " " + translate("Http", "(gave up after {} attempts)").format(
                                backoff.failures)
                        raise error from exc
                    self.discard(info, output_dir, None, keep=kept)
                    _log.info("The download of {} failed ({}); trying again in {:.1f} s".format(
                        info.title, _eodag_error_text(exc), delay))
                    backoff.sleep(delay)
        finally:
            if forward is not None:
                logger.removeHandler(forward)
                if old_level is not None:
                    logger.setLevel(old_level)
        info.state = order_state(product.properties)
        return DownloadOutcome(path=str(path), reused=recorded and callback.bytes == 0, attempts=attempt, kept=kept)
