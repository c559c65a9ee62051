#!/usr/bin/env python3
"""Check that the plugin's code is ready for QGIS 4 / Qt 6 while running on QGIS 3.22 / Qt 5.

    python scripts/check_qt6.py [PATH ...]      (default: plugin/ and ui/)

Prints ``file:line:col: RULE message`` for each finding and exits 1 if there is
any (0 when clean, 2 when a file cannot be read or parsed).  Every suggested
replacement works on QGIS 3.22 already.  A line can opt out of a rule with a
trailing ``# noqa: qt6`` comment (say why next to it).

Rules (precise on purpose: scoped forms and Qt 5/6-neutral code pass):

QT6-IMPORT    ``import PyQt5/PyQt6/PySide2/PySide6/sip`` or ``from PyQt5... import``:
              import through ``qgis.PyQt`` (``from qgis.PyQt.QtCore import Qt``,
              ``from qgis.PyQt import sip``).
QT6-QT-MODULE ``qgis.PyQt.Qt`` (a PyQt4-era catch-all) does not exist for Qt 6.
QT6-ENUM      an enum value reached through its class, e.g. ``Qt.AlignLeft``,
              ``QMessageBox.Yes``, ``QgsTask.CanCancel``: Qt 6 (PyQt6 enums) needs
              the enum's own name, ``Qt.AlignmentFlag.AlignLeft``,
              ``QMessageBox.StandardButton.Yes``, ``QgsTask.Flag.CanCancel``.  Found
              by introspecting the installed Qt/QGIS bindings, and only reported
              when the scoped form exists here (so the fix works on 3.22).
              ``QVariant.String`` & co. are exempt: QGIS maps them on Qt 6 builds.
QT6-RENAMED   enum values Qt 6 removed (``Qt.MidButton`` -> ``Qt.MouseButton.MiddleButton``).
QT6-QVARIANT  ``QVariant.Type.String`` does not exist in PyQt6 (write ``QVariant.String``);
              ``QVariant()`` cannot be built in PyQt6 (use ``NULL`` from qgis.core).
QT6-EXEC      ``exec_()`` is gone in PyQt6: call ``exec()`` (available in PyQt5 5.15).
QT6-REMOVED   classes/modules removed in Qt 6: QRegExp(Validator) -> QRegularExpression(Validator),
              QDesktopWidget / ``QApplication.desktop()`` -> QScreen, QtWebKit(Widgets), QWebView,
              QGLWidget, QTextCodec, QMatrix; ``qApp`` -> ``QApplication.instance()``;
              compiled resources (``*_rc`` modules).
QT6-SIGNAL    ``combo.activated[str]`` / ``currentIndexChanged[str]``: the str overloads are gone
              (use ``textActivated`` / ``currentTextChanged``).
QT6-METRICS   ``QFontMetrics(...).width(...)``: use ``horizontalAdvance(...)``.

In .ui files only QT6-REMOVED applies (widget classes).
"""
import argparse
import ast
import enum
import importlib
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PATHS = ("plugin", "ui")

DIRECT_BINDINGS = {"PyQt5", "PyQt6", "PySide2", "PySide6", "sip", "shiboken2", "shiboken6"}

# (class, value) -> replacement, from QGIS's scripts/pyqt5_to_pyqt6.py
RENAMED_ENUMS = {
    ("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
    ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
    ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
    ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing",
}

REMOVED_NAMES = {
    "QRegExp": "QRegExp is removed in Qt 6: use QRegularExpression",
    "QRegExpValidator": "QRegExpValidator is removed in Qt 6: use QRegularExpressionValidator",
    "QDesktopWidget": "QDesktopWidget is removed in Qt 6: use QScreen (QGuiApplication.screens(), widget.screen())",
    "QGLWidget": "QGLWidget (QtOpenGL) is removed in Qt 6",
    "QTextCodec": "QTextCodec is not in PyQt6: decode with Python's codecs",
    "QMatrix": "QMatrix is removed in Qt 6: use QTransform",
    "QWebView": "QtWebKit is removed in Qt 6 builds of QGIS: use QTextBrowser or open a browser",
    "QWebPage": "QtWebKit is removed in Qt 6 builds of QGIS",
    "qApp": "qApp is removed in PyQt6: use QApplication.instance()",
}
REMOVED_MODULES = {
    "QtWebKit": "QtWebKit is removed in Qt 6 builds of QGIS",
    "QtWebKitWidgets": "QtWebKit is removed in Qt 6 builds of QGIS",
    "QtOpenGL": "QtOpenGL (QGLWidget) is removed in Qt 6",
}
STR_OVERLOAD_SIGNALS = {
    "activated": "textActivated",
    "currentIndexChanged": "currentTextChanged",
    "highlighted": "textHighlighted",
}
ENUM_EXEMPT_OWNERS = {"QVariant"}  # QGIS maps QVariant.Int etc. to QMetaType on Qt 6 builds
NOQA = re.compile(r"#\s*noqa:[^#]*\bqt6\b", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    rule: str
    message: str

    def __str__(self) -> str:
        return "{}:{}:{}: {} {}".format(self.path, self.line, self.col, self.rule, self.message)


class BindingsUnavailable(RuntimeError):
    pass


# --------------------------------------------------------------------------- introspection


class Resolver:
    """Resolves dotted names against the installed Qt/QGIS Python bindings."""

    def __init__(self) -> None:
        self._modules: Dict[str, object] = {}
        try:
            import sip  # noqa: F401  (PyQt5's sip, through the system site packages)
        except ImportError:
            try:
                from PyQt5 import sip  # noqa: F401
            except ImportError as exc:  # pragma: no cover - environment problem
                raise BindingsUnavailable("PyQt5/sip not importable: {}".format(exc))
        self._sip_enumtype = type(type(_import("qgis.PyQt.QtCore").Qt.AlignLeft))

    def module(self, name: str):
        if name not in self._modules:
            try:
                self._modules[name] = _import(name)
            except Exception:  # a module this Qt/QGIS does not have
                self._modules[name] = None
        return self._modules[name]

    def is_enum_type(self, obj) -> bool:
        return isinstance(obj, type) and (type(obj) is self._sip_enumtype or isinstance(obj, enum.EnumMeta))

    def is_enum_value(self, obj) -> bool:
        return self.is_enum_type(type(obj))

    def scoped_name(self, owner, value, member: str) -> Optional[str]:
        """Name of the enum, reachable from owner, that holds member; None if there is none."""
        etype = type(value)
        names = [etype.__name__] + sorted(a for a in dir(owner) if a != etype.__name__)
        for name in names:
            try:
                if getattr(owner, name) is etype and getattr(etype, member) == value:
                    return name
            except AttributeError:
                continue
        return None


def _import(name: str):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return importlib.import_module(name)


_RESOLVER: Optional[Resolver] = None


def resolver() -> Resolver:
    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = Resolver()
    return _RESOLVER


# --------------------------------------------------------------------------- python files


def _dotted(node: ast.AST) -> Optional[List[str]]:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


class _Checker(ast.NodeVisitor):
    def __init__(self, path: str, text: str, res: Resolver) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.res = res
        self.findings: List[Finding] = []
        self.names: Dict[str, Tuple[str, Optional[str]]] = {}  # local name -> (module, attribute or None)
        self.star_modules: List[str] = []
        self.metrics_vars: set = set()
        self._cache: Dict[Tuple[str, ...], object] = {}

    # -- helpers
    def add(self, node: ast.AST, rule: str, message: str) -> None:
        line = getattr(node, "lineno", 1)
        if 0 < line <= len(self.lines) and NOQA.search(self.lines[line - 1]):
            return
        self.findings.append(Finding(self.path, line, getattr(node, "col_offset", 0) + 1, rule, message))

    def collect_imports(self, tree: ast.AST) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    if alias.name == "*":
                        self.star_modules.append(node.module)
                    else:
                        self.names[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.names[alias.asname] = (alias.name, None)
                    else:
                        top = alias.name.split(".")[0]
                        self.names.setdefault(top, (top, None))

    def resolve(self, parts: Sequence[str]):
        key = tuple(parts)
        if key in self._cache:
            return self._cache[key]
        result = None
        if len(parts) == 1:
            origin = self.names.get(parts[0])
            if origin is not None:
                module, attr = origin
                if _allowed_module(module):
                    mod = self.res.module(module)
                    result = mod if attr is None else getattr(mod, attr, None) if mod is not None else None
                    if result is None and attr is not None:  # "from qgis.PyQt import QtCore"
                        result = self.res.module(module + "." + attr)
            else:
                for module in self.star_modules:
                    if _allowed_module(module):
                        mod = self.res.module(module)
                        if mod is not None and hasattr(mod, parts[0]):
                            result = getattr(mod, parts[0])
                            break
        else:
            owner = self.resolve(parts[:-1])
            if owner is not None:
                try:
                    result = getattr(owner, parts[-1])
                except Exception:
                    result = None
                if result is None and isinstance(owner, type(os)):  # submodule, e.g. qgis.PyQt.QtCore
                    result = self.res.module(owner.__name__ + "." + parts[-1])
        self._cache[key] = result
        return result

    # -- imports
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            top = alias.name.split(".")[0]
            if top in DIRECT_BINDINGS:
                self.add(node, "QT6-IMPORT", "import {}: import through qgis.PyQt instead".format(alias.name))
            elif alias.name == "qgis.PyQt.Qt":
                self.add(node, "QT6-QT-MODULE", "qgis.PyQt.Qt does not exist for Qt 6: import from qgis.PyQt.QtCore etc.")
            self._check_module_name(node, alias.name)
            if alias.name.split(".")[-1].endswith("_rc"):
                self.add(node, "QT6-REMOVED", "compiled resources ({}) are not supported with Qt 6: load files by path".format(alias.name))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if not node.level and module.split(".")[0] in DIRECT_BINDINGS:
            self.add(node, "QT6-IMPORT", "from {} import ...: import through qgis.PyQt instead".format(module))
        if not node.level and module == "qgis.PyQt.Qt":
            self.add(node, "QT6-QT-MODULE", "qgis.PyQt.Qt does not exist for Qt 6: import from qgis.PyQt.QtCore etc.")
        if not node.level:
            self._check_module_name(node, module)
        for alias in node.names:
            if alias.name == "sip" and module in ("PyQt5", "PyQt6"):
                continue  # already reported as QT6-IMPORT
            if alias.name in REMOVED_NAMES:
                self.add(node, "QT6-REMOVED", REMOVED_NAMES[alias.name])
            if alias.name in REMOVED_MODULES and module.endswith("PyQt"):
                self.add(node, "QT6-REMOVED", REMOVED_MODULES[alias.name])
            if alias.name.endswith("_rc"):
                self.add(node, "QT6-REMOVED", "compiled resources ({}) are not supported with Qt 6: load files by path".format(alias.name))

    def _check_module_name(self, node: ast.AST, module: str) -> None:
        last = module.split(".")[-1]
        if module.startswith("qgis.PyQt.") and last in REMOVED_MODULES:
            self.add(node, "QT6-REMOVED", REMOVED_MODULES[last])

    # -- attributes, names, calls
    def visit_Attribute(self, node: ast.Attribute) -> None:
        parts = _dotted(node)
        if parts is not None and len(parts) >= 2:
            self._check_attribute(node, parts)
        self.generic_visit(node)

    def _check_attribute(self, node: ast.Attribute, parts: List[str]) -> None:
        owner_name, member = parts[-2], parts[-1]
        if (owner_name, member) in RENAMED_ENUMS:
            self.add(node, "QT6-RENAMED", "{}.{} is removed in Qt 6: use {}".format(owner_name, member, RENAMED_ENUMS[(owner_name, member)]))
            return
        if len(parts) >= 3 and (parts[-3], member) in RENAMED_ENUMS and self.res.is_enum_type(self.resolve(parts[:-1])):
            self.add(node, "QT6-RENAMED", "{} is removed in Qt 6: use {}".format(".".join(parts[-3:]), RENAMED_ENUMS[(parts[-3], member)]))
            return
        if owner_name == "QVariant" and member == "Type" and len(parts) == 2:
            return  # reported by visit_Attribute of the longer chain
        if len(parts) >= 3 and parts[-3] == "QVariant" and parts[-2] == "Type":
            self.add(node, "QT6-QVARIANT", "QVariant.Type.{0} does not exist in PyQt6: write QVariant.{0} (QGIS maps it on Qt 6)".format(member))
            return
        if member in REMOVED_NAMES and member != "qApp" and self.resolve(parts[:-1]) is not None:
            self.add(node, "QT6-REMOVED", REMOVED_NAMES[member])
            return
        if owner_name in ENUM_EXEMPT_OWNERS:
            return
        owner = self.resolve(parts[:-1])
        if owner is None or not isinstance(owner, type) or self.res.is_enum_type(owner):
            return
        try:
            value = getattr(owner, member)
        except Exception:
            return
        if not self.res.is_enum_value(value):
            return
        scoped = self.res.scoped_name(owner, value, member)
        if scoped is None:
            return
        prefix = ".".join(parts[:-1])
        self.add(node, "QT6-ENUM", "{0}.{1}: write {0}.{2}.{1} (unscoped enum values are gone in Qt 6)".format(prefix, member, scoped))

    def visit_Name(self, node: ast.Name) -> None:
        if node.id == "qApp" and isinstance(node.ctx, ast.Load):
            self.add(node, "QT6-REMOVED", REMOVED_NAMES["qApp"])

    def visit_Assign(self, node: ast.Assign) -> None:
        if isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) and \
                node.value.func.id in ("QFontMetrics", "QFontMetricsF"):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.metrics_vars.add(target.id)
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name == "exec_":
            self.add(node, "QT6-EXEC", "def exec_(): name it exec() (PyQt6 has no exec_)")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr == "exec_":
                self.add(func, "QT6-EXEC", "exec_() is gone in PyQt6: call exec()")
            elif func.attr == "desktop" and not node.args and not node.keywords:
                self.add(func, "QT6-REMOVED", "QApplication.desktop() is removed in Qt 6: use QScreen (QGuiApplication.screens(), widget.screen())")
            elif func.attr == "width" and _is_font_metrics(func.value, self.metrics_vars):
                self.add(func, "QT6-METRICS", "QFontMetrics.width() is removed in Qt 6: use horizontalAdvance()")
        elif isinstance(func, ast.Name) and func.id == "QVariant" and not node.args and not node.keywords:
            self.add(node, "QT6-QVARIANT", "QVariant() cannot be created in PyQt6: use NULL from qgis.core")
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        value, index = node.value, node.slice
        if isinstance(value, ast.Attribute) and value.attr in STR_OVERLOAD_SIGNALS and \
                isinstance(index, ast.Name) and index.id == "str":
            self.add(node, "QT6-SIGNAL", "{}[str] is removed in Qt 6: connect to {}".format(
                value.attr, STR_OVERLOAD_SIGNALS[value.attr]))
        self.generic_visit(node)


def _allowed_module(module: str) -> bool:
    top = module.split(".")[0]
    return top == "qgis" or top in ("PyQt5",)


def _is_font_metrics(node: ast.AST, variables: set) -> bool:
    if isinstance(node, ast.Call):
        f = node.func
        if isinstance(f, ast.Name) and f.id in ("QFontMetrics", "QFontMetricsF"):
            return True
        if isinstance(f, ast.Attribute) and f.attr == "fontMetrics":
            return True
    return isinstance(node, ast.Name) and node.id in variables


def check_source(text: str, path: str = "<string>") -> List[Finding]:
    """Findings for one Python source text."""
    tree = ast.parse(text, filename=path)
    checker = _Checker(path, text, resolver())
    checker.collect_imports(tree)
    checker.visit(tree)
    return sorted(set(checker.findings), key=lambda f: (f.path, f.line, f.col, f.rule))


# --------------------------------------------------------------------------- .ui files


def check_ui(text: str, path: str = "<ui>") -> List[Finding]:
    findings = []
    root = ET.fromstring(text)
    lines = text.splitlines()
    for widget in root.iter("widget"):
        cls = widget.get("class", "")
        if cls in REMOVED_NAMES:
            line = next((i + 1 for i, l in enumerate(lines) if 'class="{}"'.format(cls) in l), 1)
            findings.append(Finding(path, line, 1, "QT6-REMOVED", REMOVED_NAMES[cls]))
    return findings


# --------------------------------------------------------------------------- files and CLI


def iter_files(paths: Iterable[str]) -> List[str]:
    found = []
    for path in paths:
        if os.path.isfile(path):
            found.append(path)
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            for name in sorted(filenames):
                if name.endswith((".py", ".ui")):
                    found.append(os.path.join(dirpath, name))
    return found


def check_paths(paths: Iterable[str], root: str = ROOT) -> Tuple[List[Finding], List[str]]:
    """(findings, errors) for every .py/.ui file under paths."""
    findings: List[Finding] = []
    errors: List[str] = []
    for path in iter_files(paths):
        shown = os.path.relpath(path, root) if os.path.isabs(path) else path
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            if path.endswith(".ui"):
                findings += check_ui(text, shown)
            else:
                findings += check_source(text, shown)
        except (OSError, SyntaxError, ValueError, ET.ParseError) as exc:
            errors.append("{}: cannot check: {}".format(shown, exc))
    return findings, errors


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Report code that will not run on QGIS 4 / Qt 6.")
    parser.add_argument("paths", nargs="*", help="files or folders (default: plugin ui)")
    args = parser.parse_args(argv)
    paths = args.paths or [os.path.join(ROOT, p) for p in DEFAULT_PATHS if os.path.exists(os.path.join(ROOT, p))]
    try:
        findings, errors = check_paths(paths)
    except BindingsUnavailable as exc:
        print("check_qt6: cannot introspect Qt/QGIS bindings: {}".format(exc), file=sys.stderr)
        return 2
    for finding in findings:
        print(finding)
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        return 2
    if findings:
        print("check_qt6: {} finding(s)".format(len(findings)), file=sys.stderr)
        return 1
    print("check_qt6: {} file(s) OK".format(len(iter_files(paths))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
