"""Translations: every message extracted, every .ts complete, .qm files work.

Uses the real pylupdate5 and lrelease (scripts/update_translations.py) and
Qt's QTranslator, so a message that would show in English in a French QGIS
fails here.  Fix with `make translations`, then translate the new entries in
i18n/*.ts (Qt Linguist or any editor: fill <translation>, drop type="unfinished").
"""
import importlib.util
import os
import xml.etree.ElementTree as ET

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", os.path.join(ROOT, "scripts", "update_translations.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ut = _load_script()
LANGUAGES = ut.LANGUAGES


@pytest.fixture(scope="module")
def extracted():
    return ut.extracted_messages(ROOT)


def _listing(lines, limit=60):
    shown = "\n".join(lines[:limit])
    more = "\n... and {} more".format(len(lines) - limit) if len(lines) > limit else ""
    return shown + more


def test_languages_are_french_and_spanish():
    assert set(LANGUAGES) >= {"fr", "es"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_ts_file_exists(language):
    path = ut.ts_path(language, ROOT)
    assert os.path.isfile(path), "{} missing: run `make translations`".format(path)
    root = ET.parse(path).getroot()
    assert root.tag == "TS"
    assert (root.get("language") or "").startswith(language)


def test_sources_have_messages(extracted):
    # the plugin's user-visible text goes through translate()/tr(): an empty
    # extraction means the extraction itself broke
    assert len(extracted) > 20
    files = {f for m in extracted for f, _ in m.locations}
    assert any(f.startswith("plugin/core/") for f in files)
    assert any(f.startswith("ui/") for f in files)


def test_every_translate_call_is_extracted(extracted):
    problems = ut.extraction_problems(ROOT, extracted)
    assert not problems, "messages pylupdate5 misses or mis-files:\n" + _listing(problems)


def test_ts_files_contain_every_message(extracted):
    problems = ut.stale_problems(ROOT, LANGUAGES, extracted)
    assert not problems, "run `make translations`:\n" + _listing(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    path = ut.ts_path(language, ROOT)
    todo = ut.untranslated(path)
    lines = ["[{}] {!r} ({})".format(m.context, m.source, m.where()) for m in todo]
    assert not todo, "{} untranslated message(s) in {}:\n{}".format(
        len(todo), os.path.basename(path), _listing(lines))


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_format_placeholders(language):
    problems = ut.placeholder_problems(ut.ts_path(language, ROOT))
    assert not problems, _listing(problems)


def _translator(qm_path):
    from qgis.PyQt.QtCore import QTranslator
    translator = QTranslator()
    assert translator.load(qm_path), "QTranslator could not load {}".format(qm_path)
    return translator


def test_toolchain_roundtrip(tmp_path):
    """pylupdate5 -> .ts -> lrelease -> .qm -> QTranslator, on a small tree."""
    (tmp_path / "plugin").mkdir()
    (tmp_path / "ui").mkdir()
    (tmp_path / "plugin" / "mod.py").write_text(
        'from .i18n import translate\n'
        'A = translate("Ctx", "Area of {name}")\n'
        'B = translate(\n    "Ctx",\n    "Split over lines"\n)\n',
        encoding="utf-8")
    ts = ut.update_ts(str(tmp_path), ["fr"])[0]
    messages = {(m.context, m.source) for m in ut.read_ts(ts)}
    assert messages == {("Ctx", "Area of {name}"), ("Ctx", "Split over lines")}
    text = open(ts, encoding="utf-8").read()
    text = text.replace('<source>Area of {name}</source>\n        <translation type="unfinished"></translation>',
                        '<source>Area of {name}</source>\n        <translation>Surface de {name}</translation>')
    open(ts, "w", encoding="utf-8").write(text)
    assert [m.source for m in ut.untranslated(ts)] == ["Split over lines"]
    # a second update keeps the translation
    ut.update_ts(str(tmp_path), ["fr"])
    kept = {m.source: m.translations for m in ut.read_ts(ts)}
    assert kept["Area of {name}"] == ["Surface de {name}"]
    qm = ut.compile_qm(str(tmp_path), out_dir=str(tmp_path / "out"))
    assert [os.path.basename(p) for p in qm] == ["eo_downloader_fr.qm"]
    translator = _translator(qm[0])
    assert translator.translate("Ctx", "Area of {name}") == "Surface de {name}"
    assert translator.translate("Ctx", "Split over lines") == ""  # unfinished: not shipped


def test_extraction_check_catches_pylupdate5_pitfalls(tmp_path):
    (tmp_path / "plugin").mkdir()
    (tmp_path / "ui").mkdir()
    (tmp_path / "plugin" / "mod.py").write_text(
        'from .i18n import translate\n'
        'OK = translate("Ctx", "fine")\n'
        'COMMA = translate(\n    "Ctx",\n    "trailing comma",\n)\n'
        'PARENS = translate("Ctx", ("parenthesised"))\n'
        'ESCAPE = translate("Ctx", "quote \\u201cx\\u201d")\n'
        'FSTR = translate("Ctx", f"value {OK}")\n'
        'class Widget:\n'
        '    def label(self):\n'
        '        return self.tr("in a method")\n'
        'class Other:\n'
        '    pass\n'
        'def helper(self):\n'
        '    return self.tr("outside any class")\n',
        encoding="utf-8")
    problems = ut.extraction_problems(str(tmp_path))
    text = "\n".join(problems)
    assert "plugin/mod.py:3:" in text and "comma after the last argument" in text
    assert "plugin/mod.py:7:" in text and "parentheses" in text
    assert "plugin/mod.py:8:" in text and "escape" in text
    assert "plugin/mod.py:9:" in text and "f-string" in text
    assert "fine" not in text
    assert "in a method" not in text  # pylupdate5 files it under Widget, as Qt asks at run time
    assert len(problems) == 4, text


def test_placeholder_check(tmp_path):
    ts = tmp_path / "eo_downloader_fr.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="fr">\n'
        '<context><name>C</name>\n'
        '<message><source>{n} files</source><translation>{n} fichiers</translation></message>\n'
        '<message><source>{n} of {total}</source><translation>{n} sur {totale}</translation></message>\n'
        '<message><source>{} of {}</source><translation>{} sur</translation></message>\n'
        '<message><source>Open {name}</source><translation>Ouvrir {name</translation></message>\n'
        '<message><source>Done</source><translation type="unfinished"></translation></message>\n'
        '<message><source>Gone</source><translation type="obsolete">Parti</translation></message>\n'
        '</context>\n</TS>\n', encoding="utf-8")
    problems = ut.placeholder_problems(str(ts))
    assert len(problems) == 3, problems
    assert "totale" in problems[0] and "'{} of {}'" in problems[1] and "malformed" in problems[2]
    assert [m.source for m in ut.untranslated(str(ts))] == ["Done"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_translations_are_used(language, tmp_path):
    """Each finished translation comes back from QTranslator after lrelease."""
    qm_paths = ut.compile_qm(ROOT, out_dir=str(tmp_path))
    name = "eo_downloader_{}.qm".format(language)
    qm = [p for p in qm_paths if os.path.basename(p) == name]
    assert qm, "{} was not compiled".format(name)
    from qgis.PyQt.QtCore import QCoreApplication
    translator = _translator(qm[0])
    finished = [m for m in ut.read_ts(ut.ts_path(language, ROOT)) if m.active and m.finished and not m.numerus]
    assert finished, "no finished {} translation yet".format(language)
    # QCoreApplication.translate passes non-ASCII sources as UTF-8 (PyQt5's
    # QTranslator.translate would encode them as ASCII), as the plugin does at run time.
    QCoreApplication.installTranslator(translator)
    try:
        got = {(m.context, m.source): QCoreApplication.translate(m.context, m.source) for m in finished}
    finally:
        QCoreApplication.removeTranslator(translator)
    wrong = ["[{}] {!r}: {!r} != {!r}".format(m.context, m.source, got[(m.context, m.source)], m.translations[0])
             for m in finished if got[(m.context, m.source)] != m.translations[0]]
    assert not wrong, _listing(wrong)
