"""Real servers (not simulators) the tests and benchmarks start on loopback and stop again.

* :mod:`tests.servers.nginx` -- Debian's nginx serving a folder (HTTP Range, as object stores do);
* :mod:`tests.servers.stac_api` -- ``rustac serve`` (PyPI ``rustac``), a STAC API with an
  in-memory backend.  That backend has neither the filter (CQL2) nor the query extension:
  it ignores both and returns every matching item, which is the case a client must notice;
* :mod:`tests.servers.pgstac` -- ``rustac serve --pgstac`` over a PostgreSQL + PostGIS cluster made for
  the test: a STAC API WITH the filter extension (CQL2); :func:`~tests.servers.pgstac.missing` says what
  is lacking where it cannot start;
* :mod:`tests.servers.s3` -- moto's S3 server (PyPI ``moto[s3]`` + flask) in a thread, with a log of
  each request's Range, signature and requester-pays header: buckets public, private or requester-pays.
"""
