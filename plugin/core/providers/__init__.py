"""Provider clients.  Each provider module registers its runner when it is imported.

Each provider module calls ``core.runner.register_runner(<id>, runner)`` at import;
:func:`load` imports the one a job needs (``core.runner.get_runner`` calls it), so a
headless run (``qgis_process``, a script) does not pay for the others' imports.
"""
import importlib

#: provider id -> module of this package
PROVIDER_MODULES = {"ee_download": "ee_download", "eosda": "eosda", "eodag": "eodag_download",
                    "ee_export": "ee_export"}


def load(provider: str) -> None:
    """Import the module of ``provider`` (every provider module for an unknown id)."""
    names = [PROVIDER_MODULES[provider]] if provider in PROVIDER_MODULES else list(PROVIDER_MODULES.values())
    for name in names:
        importlib.import_module("{}.{}".format(__name__, name))
