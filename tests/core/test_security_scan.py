"""The plugin website's upload scan (bandit -ll, detect-secrets, flake8) finds nothing critical in the
release zip, and does find what it is meant to find (so a clean result is not a broken scan)."""
import importlib.util
import os
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, "scripts", name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


scan = _load("security_scan")
package = _load("package")


def test_release_zip_has_no_critical_finding(tmp_path):
    target = package.build(ROOT, str(tmp_path / "dist"), str(tmp_path / "build"))
    assert scan.scan_zip(target) == []


def test_the_scan_finds_weak_hashes_unsafe_yaml_and_secrets(tmp_path):
    bad = tmp_path / "bad.zip"
    source = ("import hashlib\nimport yaml\n\n\n"
              "def f(data, fh):\n"
              "    yaml.load(fh, Loader=getattr(yaml, 'CLoader'))\n"
              "    return hashlib.md5(data).hexdigest()\n\n\n"
              "settings = {'password': 'Wz9rT4uQ1xY8bN3m'}\n")
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("bad_plugin/__init__.py", source)
    findings = scan.scan_zip(str(bad))
    codes = " ".join(findings)
    assert "bandit: bad_plugin/__init__.py:7: B324" in codes
    assert "B506" in codes
    assert "detect-secrets: bad_plugin/__init__.py:10: Secret Keyword" in codes


@pytest.mark.parametrize("marker, expected", [("", 1), ("  # pragma: allowlist secret", 0)])
def test_a_documented_marker_silences_a_false_positive(tmp_path, marker, expected):
    bad = tmp_path / "p.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("p/__init__.py", "ENV = {'api_key': 'EO_DOWNLOADER_X_API_KEY'}" + marker + "\n")
    assert len([f for f in scan.scan_zip(str(bad)) if f.startswith("detect-secrets")]) == expected
