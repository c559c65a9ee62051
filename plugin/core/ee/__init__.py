"""Earth Engine synchronous download (``getDownloadId`` + ``getPixels``), QGIS-free.

- :mod:`.expression` builds the request body exactly like the official client;
- :mod:`.params` validates user options (ParameterError before anything is sent);
- :mod:`.auth` provides access tokens (static, refresh token, service account);
- :mod:`.client` speaks the REST API (retries, 401 refresh, error messages);
- :mod:`.tiling` sizes requests and splits big areas into aligned tiles.
"""
