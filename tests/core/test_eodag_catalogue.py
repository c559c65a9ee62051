"""eodag's providers and collections are built once per eodag configuration, then read from the cache
(issue 21: building eodag's gateway stalls QGIS's main thread, even from a worker thread)."""
import pytest

from plugin.core.providers.eodag import catalogue as eodag_catalogue, client as eodag_client
from tests.sims import eodag_sim


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    for key in list(__import__("os").environ):
        if key.startswith("EODAG") or key.startswith("EO_DOWNLOADER_EODAG"):
            monkeypatch.delenv(key)
    for key, value in eodag_sim.isolated_environment(str(tmp_path / "eodag")).items():
        monkeypatch.setenv(key, value)
    yml = tmp_path / "provider.yml"
    yml.write_text(eodag_sim.provider_yaml("http://127.0.0.1:9"))
    monkeypatch.setenv(eodag_client.PROVIDERS_FILE_ENV, str(yml))
    eodag_catalogue.forget()
    yield yml
    eodag_catalogue.forget()


def count_gateways(monkeypatch):
    built = []
    real = eodag_client.EodagClient

    def counting(*args, **kwargs):
        built.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(eodag_client, "EodagClient", counting)
    return built


def test_built_once_then_read_from_memory_and_from_the_file(isolated, tmp_path, monkeypatch):
    built = count_gateways(monkeypatch)
    first = eodag_catalogue.load(str(tmp_path / "cache"))
    assert "eodag_sim" in first["providers"] and "S2_MSI_L2A" in first["collections"]["eodag_sim"]
    assert eodag_catalogue.load(str(tmp_path / "cache")) is first and len(built) == 1
    eodag_catalogue.forget()                      # the next QGIS session
    again = eodag_catalogue.load(str(tmp_path / "cache"))
    assert again == first and len(built) == 1


def test_a_changed_configuration_builds_the_lists_again(isolated, tmp_path, monkeypatch):
    built = count_gateways(monkeypatch)
    eodag_catalogue.load(str(tmp_path / "cache"))
    eodag_catalogue.forget()
    isolated.write_text(eodag_sim.provider_yaml("http://127.0.0.1:9", name="other_sim"))
    lists = eodag_catalogue.load(str(tmp_path / "cache"))
    assert "other_sim" in lists["providers"] and len(built) == 2


def test_a_broken_cache_file_is_ignored(isolated, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / eodag_catalogue.FILE_NAME).write_text("{not json")
    assert "eodag_sim" in eodag_catalogue.load(str(cache))["providers"]
