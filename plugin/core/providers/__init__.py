"""The registry of runners: provider id -> the module that registers its runner.

Each provider is a package of this folder holding its whole protocol (client, request
building, runner, errors): ``earthengine/``, ``eosda/``, ``eodag/``, ``stac/``.  A runner module calls
``core.runner.register_runner(<id>, runner)`` at import; :func:`load` imports the one a job
needs (``core.runner.get_runner`` calls it), so a headless run (``qgis_process``, a script)
does not pay for the other providers' imports.  A new provider is a new package and a line
here.
"""
import importlib

#: provider id -> runner module, relative to this package
PROVIDER_MODULES = {
    "ee_download": "earthengine.download_runner",
    "ee_export": "earthengine.export_runner",
    "eosda": "eosda.runner",
    "eodag": "eodag.runner",
    "stac": "stac.runner",
}


def load(provider: str) -> None:
    """Import the runner module of ``provider`` (every runner module for an unknown id)."""
    names = [PROVIDER_MODULES[provider]] if provider in PROVIDER_MODULES else list(PROVIDER_MODULES.values())
    for name in names:
        importlib.import_module("{}.{}".format(__name__, name))
