"""Secrets: known API keys, tokens and passwords used by every provider, then searched for everywhere
(issue 8, part 4).  How it runs and where it looks: :mod:`tests.reliability.secrets`."""
import pytest

from tests.reliability import secrets

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run():
    return secrets.run_secrets()


def test_every_provider_really_used_its_secrets(run):
    assert not run.problems, "\n".join(run.problems)
    report = run.worker
    for provider in secrets.PROVIDERS:
        # with the secrets from the authentication database the jobs and the algorithms worked ...
        assert report["gui"]["{}/good".format(provider)]["state"] == "done", report["gui"]
        assert report["processing"]["{}/good".format(provider)]["ok"], report["processing"]
        # ... and an error answer that echoes the request showed the user a masked request
        gui_error = report["gui"]["{}/echo".format(provider)]["error"]
        alg_error = report["processing"]["{}/echo".format(provider)]["error"]
        assert report["gui"]["{}/echo".format(provider)]["state"] == "failed" and gui_error
        assert alg_error
        if provider != "eodag":        # (eodag sends no credentials with its first request, the search)
            assert "***" in gui_error and "***" in alg_error, (provider, gui_error)
    assert report["layers"] > 0 and report["project_qgz"] and report["project_qgs"]
    for name in ("ee_download", "eosda", "ee_export", "eodag"):
        assert run.qgis_process[name]["rc"] == 0 and run.qgis_process[name]["files"] > 0, run.qgis_process[name]
    assert run.qgis_process["eosda (echo)"]["rc"] != 0


def test_no_secret_anywhere(run):
    assert not run.problems, "\n".join(run.problems)
    assert len(run.hits) >= 12
    for location, files in run.scanned.items():
        assert files > 0, location                      # each place was really there to search
    leaks = {loc: {k: v for k, v in counts.items() if v} for loc, counts in run.hits.items()
             if any(counts.values())}
    assert not leaks, "secrets found: {}\n{}".format(leaks, "\n".join(run.where[:20]))


def test_secrets_are_only_in_the_authentication_database(run):
    assert not run.problems, "\n".join(run.problems)
    # the settings hold authcfg ids, the database holds the secrets (encrypted: no plain text, see above)
    assert set(run.worker["authcfg"]) == {"ee", "eosda", "eodag"}
    assert all(run.worker["authcfg"].values())
    assert run.worker["settings_hold_ids"]
    assert run.worker["auth_db_roundtrip"] == {"ee": True, "eosda": True, "eodag": True}


def test_tls_verification_is_on_by_default_and_turning_it_off_is_visible(run):
    assert run.worker["tls_default_verify"] is True
    assert run.worker["tls_off_verify"] is False and run.worker["tls_back_on_verify"] is True
    assert run.worker["tls_warning_logged"] >= 1
