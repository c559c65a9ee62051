"""The STAC client against real STAC API servers on loopback: ``rustac serve`` (in-memory backend,
WITHOUT the filter and query extensions) and ``rustac serve --pgstac`` (pgstac, WITH the filter
extension; skipped with the reason when PostgreSQL/PostGIS/pgstac are not installed)."""
import json
import urllib.request

import pytest

from plugin.core.errors import HttpError, ParameterError, ProviderError
from plugin.core.providers.stac.client import StacClient, cloud_mode, datetime_range, next_link
from plugin.core.transfer.http import RetryPolicy, make_session
from tests import stac_data
from tests.servers import pgstac
from tests.servers.stac_api import StacApi

NO_RETRY = RetryPolicy(max_attempts=1)


@pytest.fixture(scope="module")
def rustac(tmp_path_factory):
    with StacApi(stac_data.documents(), str(tmp_path_factory.mktemp("stac"))) as api:
        yield api


@pytest.fixture(scope="module")
def pgstac_api():
    reason = pgstac.missing()
    if reason:
        pytest.skip("no STAC server with the filter extension: " + reason)
    with pgstac.PgStacApi(stac_data.documents()) as api:
        yield api


def client(api):
    return StacClient(api.url, make_session(), retry=NO_RETRY)


def ids(result):
    return [item["id"] for item in result.items]


def expected(day_ok, west_only=True):
    """The ids of stac_data.s2_items whose day passes ``day_ok``, newest first."""
    days = [d for d in range(25, 0, -1) if day_ok(d) and (d % 2 == 0 or not west_only)]
    return ["S2_{:02d}".format(d) for d in days]


def test_collections_are_listed(rustac):
    assert sorted(c["id"] for c in client(rustac).collections()) == ["ls", "s2"]


def test_search_by_area_and_dates_newest_first(rustac):
    result = client(rustac).search("s2", stac_data.AOI_WEST, "2024-01-04", "2024-01-15")
    assert ids(result) == expected(lambda d: 4 <= d <= 15)     # only the west footprints, whole days
    assert not result.truncated and result.notes == []


def test_results_come_newest_first_whatever_the_server_order(rustac):
    raw = json.loads(urllib.request.urlopen(urllib.request.Request(
        rustac.url + "search", data=json.dumps({"collections": ["s2"], "limit": 100}).encode(),
        headers={"Content-Type": "application/json"}), timeout=10).read())
    server_order = [f["id"] for f in raw["features"]]
    result = client(rustac).search("s2", None, None, None)
    assert ids(result) == sorted(server_order, reverse=True)
    assert server_order != ids(result)          # (the server does not sort: the client must)


def test_cloud_filtered_here_when_the_server_has_neither_extension(rustac):
    # The silent case: this server answers a CQL2 filter with nothing at all.
    raw = json.loads(urllib.request.urlopen(urllib.request.Request(
        rustac.url + "search", data=json.dumps({"collections": ["s2"], "filter-lang": "cql2-json", "filter": {
            "op": "<=", "args": [{"property": "eo:cloud_cover"}, 30]}}).encode(),
        headers={"Content-Type": "application/json"}), timeout=10).read())
    assert raw["features"] == []
    result = client(rustac).search("s2", stac_data.AOI_WEST, "2024-01-01", "2024-01-31", max_cloud=30)
    assert ids(result) == expected(lambda d: d % 5 == 0 or d * 4 <= 30)
    assert all(item["properties"].get("eo:cloud_cover", 0) <= 30 for item in result.items)
    assert "neither the filter nor the query extension" in result.notes[0]
    assert any("2 items give no cloud cover" in note for note in result.notes)     # S2_10, S2_20
    assert any("7 items over 30 % cloud cover were left out" in note for note in result.notes)


def test_paging_through_next_links_with_a_cap(rustac):
    result = client(rustac).search("s2", None, None, None, limit=4, max_items=10)
    assert len(result.items) == 10 and len(set(ids(result))) == 10
    assert result.truncated
    assert any("stopped at 10 items" in note for note in result.notes)
    assert any("not necessarily the newest" in note for note in result.notes)     # (rustac cannot sort)
    everything = client(rustac).search("s2", None, None, None, limit=4, max_items=500)
    assert len(everything.items) == 25 and not everything.truncated     # 7 pages of 4 followed
    assert ids(everything) == sorted(ids(everything), reverse=True)


def test_cloud_filter_here_counts_against_the_cap_after_filtering(rustac):
    result = client(rustac).search("s2", None, None, None, max_cloud=30, limit=3, max_items=5)
    assert len(result.items) == 5 and result.truncated
    assert all((item["properties"].get("eo:cloud_cover") or 0) <= 30 for item in result.items)


def test_unknown_collection_is_an_error_not_an_empty_result(rustac):
    with pytest.raises(ProviderError, match="has no collection 'nope'"):
        client(rustac).search("nope", None, "2024-01-01", "2024-01-31")
    # a known collection with nothing in the period is simply empty
    assert client(rustac).search("ls", None, "2025-01-01", "2025-01-31").items == []


def test_not_a_stac_api(tmp_path):
    from tests.servers.nginx import Nginx
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "index.html").write_text("<html><body>Welcome</body></html>")
    with Nginx(str(tmp_path / "www"), str(tmp_path)) as server:
        with pytest.raises(ProviderError, match="is not a STAC API"):
            StacClient(server.url(), make_session(), retry=NO_RETRY).collections()
        with pytest.raises(ProviderError, match="HTTP 404"):
            StacClient(server.url("missing/"), make_session(), retry=NO_RETRY).collections()


def test_server_down_and_bad_arguments(rustac):
    from tests.servers.process import free_port
    with pytest.raises(HttpError, match="connection refused"):
        StacClient("http://127.0.0.1:{}/".format(free_port()), make_session(), retry=NO_RETRY).collections()
    with pytest.raises(ParameterError):
        client(rustac).search([], None)
    with pytest.raises(ParameterError):
        client(rustac).search("s2", None, max_cloud=120)
    with pytest.raises(ParameterError, match="reversed"):
        datetime_range("2024-02-01", "2024-01-01")
    with pytest.raises(ParameterError):
        StacClient("ftp://example.org/", make_session())


def test_datetime_range_forms():
    assert datetime_range("2024-01-01", "2024-01-31") == "2024-01-01T00:00:00Z/2024-01-31T23:59:59Z"
    assert datetime_range(None, "2024-01-31") == "../2024-01-31T23:59:59Z"
    assert datetime_range("2024-01-01", "") == "2024-01-01T00:00:00Z/.."


def test_next_link_body_replaces_or_merges():
    page = {"links": [{"rel": "next", "href": "/search", "method": "POST", "body": {"token": "t2"}}]}
    assert next_link(page, "http://h/search", {"limit": 5}) == ("POST", "http://h/search", {"token": "t2"})
    page["links"][0]["merge"] = True
    assert next_link(page, "http://h/search", {"limit": 5}) == ("POST", "http://h/search",
                                                                {"limit": 5, "token": "t2"})
    page = {"links": [{"rel": "next", "href": "?page=2"}]}
    assert next_link(page, "http://h/search?page=1") == ("GET", "http://h/search?page=2", None)


# -- a catalogue WITH the filter extension (pgstac) -------------------------------------------------
def test_cloud_filter_sent_as_cql2_when_the_server_has_the_filter_extension(pgstac_api):
    c = client(pgstac_api)
    assert cloud_mode(c.conformance()) == "filter"
    result = c.search("s2", stac_data.AOI_WEST, "2024-01-01", "2024-01-31", max_cloud=30, limit=2)
    # the server filters: items without a cloud cover do not match a CQL2 comparison there
    assert ids(result) == expected(lambda d: d % 5 != 0 and d * 4 <= 30)
    assert result.notes[0] == "Cloud cover filtered by the catalogue (CQL2 filter)."
    assert not result.truncated


def test_pgstac_paging_and_cap(pgstac_api):
    result = client(pgstac_api).search("s2", None, None, None, limit=4, max_items=10)
    assert len(set(ids(result))) == 10 and result.truncated
    assert ids(result) == ["S2_{:02d}".format(d) for d in range(25, 15, -1)]      # pgstac: newest first
    whole = client(pgstac_api).search("s2", None, None, None, limit=4)
    assert len(whole.items) == 25 and not whole.truncated


def test_pgstac_unknown_collection(pgstac_api):
    with pytest.raises(ProviderError, match="has no collection 'nope'"):
        client(pgstac_api).search("nope", None)


def test_thumbnail_href_forms():
    from plugin.core.providers.stac.client import thumbnail_href
    item = stac_data.item("a", 1, 1)
    assert thumbnail_href(item).endswith("/a/thumb.png")
    item["assets"]["small"] = dict(item["assets"].pop("thumbnail"), href="http://h/small.jpg")
    assert thumbnail_href(item) == "http://h/small.jpg"                           # by role
    del item["assets"]["small"]
    assert thumbnail_href(item) == ""
    item["assets"]["rendered_preview"] = {"href": "https://pc/api/data/v1/item/preview.png?c=x",
                                          "type": "image/png", "roles": ["overview"]}
    assert thumbnail_href(item) == "https://pc/api/data/v1/item/preview.png?c=x"  # Planetary Computer
    item["assets"] = {"overview": {"href": "http://h/o.tif", "type": "image/tiff", "roles": ["overview"]},
                      "ql": {"href": "http://h/ql.jpg", "type": "image/jpeg", "roles": ["overview"]}}
    assert thumbnail_href(item) == "http://h/ql.jpg"                               # a picture, not a COG


def test_get_form_of_a_search():
    from urllib.parse import parse_qs, urlsplit
    from plugin.core.providers.stac.client import get_url, search_body
    body = search_body(["s2"], stac_data.AOI_WEST, "2024-01-01T00:00:00Z/..", 50, 20, "filter")
    body["sortby"] = [{"field": "properties.datetime", "direction": "desc"}]
    query = parse_qs(urlsplit(get_url("http://h/search", body)).query)
    assert query["collections"] == ["s2"] and query["limit"] == ["50"]
    assert query["bbox"] == ["0.20000000,0.20000000,0.60000000,0.60000000"]
    assert query["datetime"] == ["2024-01-01T00:00:00Z/.."]
    assert query["filter-lang"] == ["cql2-text"] and query["filter"] == ["eo:cloud_cover <= 20.0"]
    assert query["sortby"] == ["-properties.datetime"]
    body = search_body(["s2"], None, "../..", 10, 20, "query")
    assert "datetime" not in body and body["query"] == {"eo:cloud_cover": {"lte": 20.0}}
    assert parse_qs(urlsplit(get_url("http://h/search", body)).query)["query"] == ['{"eo:cloud_cover": {"lte": 20.0}}']
