"""The real loopback servers of tests/servers start, answer as documented, and stop."""
import os
import urllib.request

from tests.servers.nginx import Nginx
from tests.servers.stac_api import StacApi


def _item(item_id, day, cloud):
    return {"type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "c1",
            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]},
            "bbox": [0, 0, 1, 1], "links": [], "assets": {},
            "properties": {"datetime": "2024-01-0{}T00:00:00Z".format(day), "eo:cloud_cover": cloud}}


def test_nginx_serves_ranges_and_logs_them(tmp_path):
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "a.bin").write_bytes(bytes(range(256)) * 4)
    with Nginx(str(tmp_path / "www"), str(tmp_path), log_requests=True) as server:
        req = urllib.request.Request(server.url("a.bin"), headers={"Range": "bytes=10-19"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert resp.status == 206
            assert resp.read() == bytes(range(10, 20))
        logged = server.requests()
    assert logged == [{"method": "GET", "path": "/a.bin", "range": "bytes=10-19", "status": 206, "bytes": 10}]
    assert not os.path.exists(server.prefix)


def test_rustac_serves_items_without_filter_or_query_extension(tmp_path):
    docs = [{"type": "FeatureCollection", "features": [_item("a", 2, 10), _item("b", 5, 80)]}]
    with StacApi(docs, str(tmp_path)) as api:
        conformance = api.get("conformance")["conformsTo"]
        assert "https://api.stacspec.org/v1.0.0/item-search" in conformance
        assert not any("filter" in c or "query" in c for c in conformance)
        ids = sorted(f["id"] for f in api.get("search")["features"])
        assert ids == ["a", "b"]
    assert api.proc.poll() is not None
