"""`make package`: the zip qgis-plugin-ci builds is complete, clean, and installs into a fresh QGIS profile.

Builds with scripts/package.py into a temporary folder (dist/ and build/ are
left alone), checks the archive, then unzips it into a brand-new profile and
asks QGIS's own command line tool (qgis_process 3.22) to enable the plugin and
list the Processing providers.  qgis_process picks its profile folder from
QGIS_CUSTOM_CONFIG_PATH (<path>/profiles/default); HOME points to a temporary
folder too, so nothing of the developer's QGIS set-up is used or touched.
"""
import configparser
import json
import os
import py_compile
import subprocess

import pytest

from tests.qgis.conftest import load_script

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SLUG = "eo_downloader"

pytestmark = pytest.mark.slow


pkg = load_script("package")
qh = load_script("qgis_headless")


def _metadata(text):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    return dict(parser["general"])


def _git_files(*paths):
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--"] + list(paths),
                         cwd=ROOT, stdout=subprocess.PIPE, check=True).stdout.decode()
    return sorted(p for p in out.split("\0") if p and os.path.isfile(os.path.join(ROOT, p))
                  and "__pycache__" not in p and not p.endswith(".pyc"))


def test_zip_name_and_single_top_folder(built):
    assert built["path"].name == "eo_downloader.{}.zip".format(built["version"])
    assert {n.split("/", 1)[0] for n in built["names"]} == {SLUG}
    assert all(n.startswith(SLUG + "/") and not n.endswith("/") for n in built["names"])


def test_metadata_version_and_changelog(built):
    repo_meta = _metadata(open(os.path.join(ROOT, "metadata.txt"), encoding="utf-8").read())
    meta = _metadata(built["contents"][SLUG + "/metadata.txt"].decode("utf-8"))
    assert meta["version"] == repo_meta["version"] == built["version"]
    for key in ("name", "qgisminimumversion", "description", "about", "author", "email", "repository",
                "hasprocessingprovider", "icon"):
        assert meta[key] == repo_meta[key], key
    # qgis-plugin-ci copies the CHANGELOG.md section of this version into metadata.txt
    assert "Version {}:".format(built["version"]) in meta["changelog"]
    # deprecated: the plugin website reads qgisMaximumVersion alone
    assert "supportsqt6" not in meta and "supportsqt6" not in repo_meta


def test_code_ui_icons_license_and_translations_are_shipped(built):
    names = set(built["names"])
    for rel in _git_files("plugin"):
        assert "{}/{}".format(SLUG, rel[len("plugin/"):]) in names, rel
    assert SLUG + "/__init__.py" in names
    for rel in _git_files("ui", "icons"):
        assert "{}/{}".format(SLUG, rel) in names, rel
    meta = _metadata(built["contents"][SLUG + "/metadata.txt"].decode("utf-8"))
    assert "{}/{}".format(SLUG, meta["icon"]) in names  # icon= resolves inside the plugin folder
    assert SLUG + "/LICENSE" in names
    assert b"GNU GENERAL PUBLIC LICENSE" in built["contents"][SLUG + "/LICENSE"]
    ts = sorted(n for n in os.listdir(os.path.join(ROOT, "i18n")) if n.endswith(".ts"))
    assert {"eo_downloader_fr.ts", "eo_downloader_es.ts"} <= set(ts)
    for name in ts:
        qm = "{}/i18n/{}".format(SLUG, name[:-3] + ".qm")
        assert qm in names, qm
        assert built["contents"][qm][:4] == b"\x3c\xb8\x64\x18"  # Qt .qm magic


def test_nothing_for_developers_is_shipped(built):
    for name in built["names"]:
        inner = name[len(SLUG) + 1:]
        parts = inner.split("/")
        assert parts[0] not in ("tests", "scripts", "bench", "docs", ".ci", ".git", "build", "dist"), name
        assert "__pycache__" not in parts and not name.endswith((".pyc", ".ts", ".zip")), name
        assert parts[-1] not in ("Makefile", "pyproject.toml", "requirements-dev.txt", ".gitattributes",
                                 ".gitignore", "CHANGELOG.md", "README.md", "conftest.py"), name
        assert not parts[-1].startswith("test_"), name


def test_shipped_python_compiles(built, tmp_path):
    for name, data in built["contents"].items():
        if name.endswith(".py"):
            source = tmp_path / name
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_bytes(data)
            py_compile.compile(str(source), cfile=str(source) + "c", doraise=True)


def test_installs_into_fresh_profile_and_registers_processing_provider(built, tmp_path):
    env = qh.headless_env(tmp_path)
    folder = qh.unzip_plugin(built["path"], env)
    assert os.path.isfile(os.path.join(folder, "metadata.txt"))

    rc, out, err = qh.qgis_process(["plugins", "enable", SLUG], env)
    assert rc == 0, out + err
    assert "Enabled {}".format(SLUG) in out, out + err

    rc, out, err = qh.qgis_process(["--json", "plugins"], env)
    assert rc == 0, out + err
    plugins = json.loads(out)["plugins"]
    assert plugins.get(SLUG, {}).get("loaded") is True, "plugin did not load:\n" + err

    rc, out, err = qh.qgis_process(["--json", "list"], env)
    assert rc == 0, out + err
    providers = json.loads(out)["providers"]
    assert SLUG in providers, "no {} provider in {}\n{}".format(SLUG, sorted(providers), err)
    algorithms = providers[SLUG]["algorithms"]
    assert algorithms, "the {} provider has no algorithms".format(SLUG)
    assert all(alg_id.startswith(SLUG + ":") for alg_id in algorithms)

    # the human-readable listing shows them too
    rc, out, err = qh.qgis_process(["list"], env)
    assert rc == 0 and any(line.strip().startswith(SLUG + ":") for line in out.splitlines()), out + err
