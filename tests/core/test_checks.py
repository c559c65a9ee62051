"""'Test connection' verdicts against the loopback simulators."""
import socket

import pytest

from plugin.core import checks
from plugin.core.providers.earthengine.auth import StaticToken
from plugin.core.errors import AuthError, EoError, HttpError
from plugin.core.transfer.http import make_session
from tests.sims.ee_sim import EeSimulator
from tests.sims.eosda_sim import EosdaSimulator


@pytest.fixture(scope="module")
def ee():
    with EeSimulator(tokens=("good",), projects=("my-project", "not-registered"),
                     unregistered_projects=("not-registered",)) as sim:
        yield sim


def test_ee_all_well(ee):
    text = checks.check_earth_engine(make_session(), StaticToken("good"), "my-project", ee.url)
    assert "credentials work with project my-project" in text
    assert ee.last_request("asset")["headers"]["x-goog-user-project"] == "my-project"


def test_ee_bad_token(ee):
    with pytest.raises(AuthError) as err:
        checks.check_earth_engine(make_session(), StaticToken("bad"), "my-project", ee.url)
    assert "HTTP 401" in err.value.message and err.value.hint


def test_ee_unregistered_project(ee):
    with pytest.raises(AuthError) as err:
        checks.check_earth_engine(make_session(), StaticToken("good"), "not-registered", ee.url)
    assert "register?project=not-registered" in err.value.hint


def test_ee_missing_project(ee):
    with pytest.raises(EoError, match="Cloud project is required"):
        checks.check_earth_engine(make_session(), StaticToken("good"), "", ee.url)


def test_no_network():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]          # closed again: nothing listens there
    with pytest.raises(HttpError) as err:
        checks.check_eosda(make_session(), "key", "http://127.0.0.1:{}".format(port))
    assert "connection refused" in err.value.message
    assert "proxy" in err.value.hint


def test_eosda_key_good_and_bad():
    with EosdaSimulator(api_keys=("good-key",)) as sim:
        assert "API key works" in checks.check_eosda(make_session(), "good-key", sim.url)
        with pytest.raises(AuthError) as err:
            checks.check_eosda(make_session(), "wrong-key", sim.url)
        assert "wrong-key" not in err.value.user_text()
