"""scripts/check_qt6.py: each rule on small snippets, and no false positives on Qt 6-ready code.

The scanner introspects the installed Qt/QGIS bindings (Debian's PyQt5 and QGIS
3.22 through the venv's system site packages); it needs no QgsApplication.
"""
import importlib.util
import os
import textwrap

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _load():
    spec = importlib.util.spec_from_file_location("check_qt6", os.path.join(ROOT, "scripts", "check_qt6.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cq = _load()


def scan(code):
    return cq.check_source(textwrap.dedent(code), "snippet.py")


def rules(code):
    return [(f.line, f.rule) for f in scan(code)]


def test_direct_binding_imports():
    found = rules("""
        import PyQt5
        from PyQt5.QtCore import Qt
        from PyQt5 import sip
        import sip
        from PyQt6.QtGui import QAction
        import PySide6.QtCore
    """)
    assert found == [(2, "QT6-IMPORT"), (3, "QT6-IMPORT"), (4, "QT6-IMPORT"), (5, "QT6-IMPORT"),
                     (6, "QT6-IMPORT"), (7, "QT6-IMPORT")]


def test_qgis_pyqt_imports_pass():
    assert scan("""
        from qgis.PyQt import sip, uic
        from qgis.PyQt.QtCore import Qt, QCoreApplication, pyqtSignal
        from qgis.PyQt.QtWidgets import QAction, QDialog
        from qgis.core import QgsTask
        from .core import errors
        import os
    """) == []


def test_qgis_pyqt_qt_module():
    assert rules("from qgis.PyQt.Qt import Qt\n") == [(1, "QT6-QT-MODULE")]


@pytest.mark.parametrize("expr, scoped", [
    ("Qt.AlignLeft", "Qt.AlignmentFlag.AlignLeft"),
    ("Qt.UserRole", "Qt.ItemDataRole.UserRole"),
    ("Qt.Checked", "Qt.CheckState.Checked"),
    ("Qt.Key_Escape", "Qt.Key.Key_Escape"),
    ("QMessageBox.Yes", "QMessageBox.StandardButton.Yes"),
    ("QDialog.Accepted", "QDialog.DialogCode.Accepted"),
    ("QSizePolicy.Expanding", "QSizePolicy.Policy.Expanding"),
    ("QAbstractItemView.SelectRows", "QAbstractItemView.SelectionBehavior.SelectRows"),
    ("QTableWidget.SelectRows", "QTableWidget.SelectionBehavior.SelectRows"),  # inherited enum
    ("QgsTask.CanCancel", "QgsTask.Flag.CanCancel"),
    ("Qgis.Warning", "Qgis.MessageLevel.Warning"),
    ("QgsProcessing.TypeVectorPolygon", "QgsProcessing.SourceType.TypeVectorPolygon"),
    ("QgsMapLayer.RasterLayer", "QgsMapLayer.LayerType.RasterLayer"),  # Python enum in QGIS 3.22
])
def test_unscoped_enum_is_reported_with_working_fix(expr, scoped):
    code = """
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QMessageBox, QDialog, QSizePolicy, QAbstractItemView, QTableWidget
        from qgis.core import Qgis, QgsTask, QgsProcessing, QgsMapLayer
        value = {}
    """.format(expr)
    found = scan(code)
    assert [(f.line, f.rule) for f in found] == [(5, "QT6-ENUM")]
    assert "write {}".format(scoped) in found[0].message
    # the suggested form works on this QGIS, and is clean
    namespace = {}
    exec(textwrap.dedent(code).replace(expr, scoped), namespace)
    assert namespace["value"] == eval(expr, namespace)
    assert scan(code.replace(expr, scoped)) == []


def test_enum_through_module_attribute_and_alias():
    found = rules("""
        from qgis.PyQt import QtCore, QtWidgets as W
        a = QtCore.Qt.AlignRight | QtCore.Qt.AlignTop
        b = W.QMessageBox.No
        c = QtCore.Qt.AlignmentFlag.AlignRight
    """)
    assert found == [(3, "QT6-ENUM"), (3, "QT6-ENUM"), (4, "QT6-ENUM")]


def test_scoped_and_non_enum_attributes_pass():
    assert scan("""
        from qgis.PyQt.QtCore import Qt, QVariant
        from qgis.PyQt.QtWidgets import QMessageBox, QDialog, QHeaderView
        from qgis.core import QgsTask, QgsProcessing, QgsProcessingParameterDefinition, QgsField
        a = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        b = QMessageBox.StandardButton.Yes
        c = QgsTask.Flag.CanCancel
        d = QgsProcessing.TEMPORARY_OUTPUT          # a string constant
        e = QgsProcessingParameterDefinition.Flag.FlagAdvanced
        f = QgsField("n", QVariant.Int)            # exempt: QGIS maps it on Qt 6
        g = QHeaderView.ResizeMode.Stretch
        h = QDialog.exec                           # a method, not an enum
        class Mine(QDialog):
            Accepted = 5
        i = Mine.Accepted                          # not resolvable statically: not reported
        j = self.Accepted
    """) == []


def test_unimported_names_are_not_guessed():
    # "Qt" here is not the Qt namespace: nothing imported it
    assert scan("Qt = object()\nx = Qt.AlignLeft\n") == []


def test_renamed_enums():
    found = scan("""
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtGui import QPainter
        a = Qt.MidButton
        b = Qt.MouseButton.MidButton
        c = QPainter.HighQualityAntialiasing
        d = Qt.MouseButton.MiddleButton
    """)
    assert [(f.line, f.rule) for f in found] == [(4, "QT6-RENAMED"), (5, "QT6-RENAMED"), (6, "QT6-RENAMED")]
    assert "Qt.MouseButton.MiddleButton" in found[0].message


def test_qvariant_rules():
    found = rules("""
        from qgis.PyQt.QtCore import QVariant
        a = QVariant.Type.String
        b = QVariant()
        c = QVariant(5)
        d = QVariant.String
    """)
    assert found == [(3, "QT6-QVARIANT"), (4, "QT6-QVARIANT")]


def test_exec_underscore():
    found = rules("""
        dlg.exec_()
        menu.exec_(pos)
        dlg.exec()
        class D:
            def exec_(self):
                pass
        exec("print(1)")
    """)
    assert found == [(2, "QT6-EXEC"), (3, "QT6-EXEC"), (6, "QT6-EXEC")]


def test_removed_classes_and_modules():
    found = rules("""
        from qgis.PyQt.QtCore import QRegExp, QTextCodec
        from qgis.PyQt.QtGui import QRegExpValidator
        from qgis.PyQt.QtWidgets import QDesktopWidget, qApp, QApplication
        from qgis.PyQt.QtWebKitWidgets import QWebView
        from qgis.PyQt import QtCore
        from . import resources_rc
        r = QtCore.QRegExp("x")
        s = QApplication.desktop()
        t = qApp
        u = QtCore.QRegularExpression("x")
        v = QApplication.instance()
    """)
    assert found == [
        (2, "QT6-REMOVED"), (2, "QT6-REMOVED"), (3, "QT6-REMOVED"), (4, "QT6-REMOVED"), (4, "QT6-REMOVED"),
        (5, "QT6-REMOVED"), (5, "QT6-REMOVED"), (7, "QT6-REMOVED"), (8, "QT6-REMOVED"), (9, "QT6-REMOVED"),
        (10, "QT6-REMOVED"),
    ]


def test_plugin_resources_module_is_not_compiled_resources():
    assert scan("from . import resources\nfrom .resources import ui_path\n") == []


def test_str_signal_overloads():
    found = rules("""
        combo.activated[str].connect(f)
        combo.currentIndexChanged[str].connect(f)
        combo.currentIndexChanged[int].connect(f)
        combo.currentTextChanged.connect(f)
    """)
    assert found == [(2, "QT6-SIGNAL"), (3, "QT6-SIGNAL")]


def test_font_metrics_width():
    found = rules("""
        from qgis.PyQt.QtGui import QFontMetrics
        a = QFontMetrics(font).width("abc")
        fm = QFontMetrics(font)
        b = fm.width("abc")
        c = widget.fontMetrics().width("x")
        d = fm.horizontalAdvance("abc")
        e = rect.width()
    """)
    assert found == [(3, "QT6-METRICS"), (5, "QT6-METRICS"), (6, "QT6-METRICS")]


def test_noqa_comment_silences_a_line():
    assert scan("dlg.exec_()  # noqa: qt6 (third-party object)\n") == []
    assert rules("dlg.exec_()  # noqa: E501\n") == [(1, "QT6-EXEC")]


def test_ui_files():
    ui = textwrap.dedent("""\
        <?xml version="1.0" encoding="UTF-8"?>
        <ui version="4.0">
         <class>Form</class>
         <widget class="QWidget" name="Form">
          <layout class="QVBoxLayout" name="l">
           <item><widget class="QWebView" name="web"/></item>
           <item><widget class="QTableWidget" name="t"><property name="selectionBehavior"><enum>QAbstractItemView::SelectRows</enum></property></widget></item>
          </layout>
         </widget>
        </ui>
    """)
    found = cq.check_ui(ui, "form.ui")
    assert [(f.line, f.rule) for f in found] == [(6, "QT6-REMOVED")]


def test_cli_reports_file_line_and_exit_status(tmp_path, capsys):
    bad = tmp_path / "bad.py"
    bad.write_text("from qgis.PyQt.QtCore import Qt\nx = Qt.AlignLeft\n", encoding="utf-8")
    good = tmp_path / "good.py"
    good.write_text("from qgis.PyQt.QtCore import Qt\nx = Qt.AlignmentFlag.AlignLeft\n", encoding="utf-8")
    assert cq.main([str(good)]) == 0
    assert cq.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "bad.py:2:5: QT6-ENUM" in out
    broken = tmp_path / "broken.py"
    broken.write_text("def (:\n", encoding="utf-8")
    assert cq.main([str(broken)]) == 2


def test_repository_code_is_qt6_ready():
    findings, errors = cq.check_paths([os.path.join(ROOT, "plugin"), os.path.join(ROOT, "ui")])
    assert not errors
    assert not findings, "\n".join(str(f) for f in findings)
