"""An Earth Engine client built from the plugin's settings, for the calls made outside a job
(collection search, previews): the one place those read the API address, the project and
the credentials.  Build it on the main thread (the QGIS authentication database is read
there); its calls may then run on a worker thread."""
from ..core import config
from ..core.jobs import Job
from . import network
from . import settings as plugin_settings
from .credentials import credentials_for


def make_client(project: str = "", authcfg: str = ""):
    """An Earth Engine client (an :class:`~plugin.core.providers.earthengine.operations.ExportClient`:
    images, collections, thumbnails and maps) for ``project`` (empty: the settings') with ``authcfg``'s
    credentials (empty: the settings', or the environment headless)."""
    from ..core.providers.earthengine.operations import ExportClient as EeClient
    creds = credentials_for(Job(provider="ee_download", params={"authcfg": authcfg or ""}))
    return EeClient(config.base_url("ee_api", plugin_settings.get("ee_api_url")),
                    project or plugin_settings.get("ee_project"), creds["token_provider"],
                    session=network.make_session(), cap=int(plugin_settings.get("ee_max_concurrency")))
