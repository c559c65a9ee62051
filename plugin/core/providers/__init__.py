"""Provider clients.  Importing this package registers every provider's runner.

Each provider module calls ``core.runner.register_runner(<id>, runner)`` at import.
"""
import importlib

PROVIDER_MODULES = ("ee_download", "eosda", "eodag_download", "ee_export")

for _name in PROVIDER_MODULES:
    try:
        importlib.import_module("{}.{}".format(__name__, _name))
    except ImportError as _exc:  # a provider still being written must not break the others
        if getattr(_exc, "name", "") not in ("{}.{}".format(__name__, _name),):
            raise
