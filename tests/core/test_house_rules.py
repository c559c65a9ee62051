"""The house rules of docs/architecture.md, checked on the code: the core imports nothing of QGIS,
the provider registry holds only runner modules, and functions read in one screen (80 lines) except
the few kept, each with its reason in docs/architecture.md ("Exceptions kept")."""
import ast
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLUGIN = os.path.join(ROOT, "plugin")
MAX_LINES = 80
#: (file relative to plugin/, function) -> reason; also listed in docs/architecture.md
LONG_KEPT = {
    ("core/transfer/download.py", "download"): "the engine's public entry: its arguments and their checks",
    ("core/transfer/download.py", "_stream"): "the hot loop, left whole so the measured transfer figures stay valid",
    ("core/transfer/download.py", "run"): "the attempt loop of one transfer, every outcome in one place",
    ("core/transfer/archive.py", "safe_extract"): "the zip-bomb and path checks read together",
    ("core/raster.py", "mosaic"): "one GDAL pipeline from the tiles to the COG",
    ("core/providers/eodag/client.py", "download"): "eodag's download with its retries and records",
    ("core/providers/earthengine/export.py", "validate"): "one check per export option, in the REST order",
}


def _python_files():
    for root, _dirs, files in os.walk(PLUGIN):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(root, name)
                yield os.path.relpath(path, PLUGIN).replace(os.sep, "/"), path


def test_the_core_imports_nothing_of_qgis():
    found = []
    for rel, path in _python_files():
        if not rel.startswith("core/"):
            continue
        for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found += ["{}: {}".format(rel, n) for n in names if n.split(".")[0] in ("qgis", "PyQt5", "PyQt6")]
    assert not found


def test_functions_read_in_one_screen():
    long = {}
    for rel, path in _python_files():
        for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_LINES:
                    long[(rel, node.name)] = lines
    assert set(long) <= set(LONG_KEPT), {k: v for k, v in long.items() if k not in LONG_KEPT}


def test_the_exceptions_are_listed_in_the_architecture_page():
    page = open(os.path.join(ROOT, "docs", "architecture.md"), encoding="utf-8").read()
    for rel, name in LONG_KEPT:
        assert "`{}` ({})".format(name, rel) in page, (rel, name)


def test_the_registry_holds_only_runner_modules():
    from plugin.core import providers
    source = open(providers.__file__, encoding="utf-8").read()
    tree = ast.parse(source)
    assert [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))] == ["load"]
    for module in providers.PROVIDER_MODULES.values():
        assert module.endswith("runner")


@pytest.mark.parametrize("provider", ["earthengine", "eosda", "eodag"])
def test_a_provider_is_a_folder(provider):
    assert os.path.isfile(os.path.join(PLUGIN, "core", "providers", provider, "__init__.py"))
