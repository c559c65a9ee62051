"""Google Earth Engine, QGIS-free: the synchronous download (``getDownloadId`` + ``getPixels``)
and the batch export (``image:export``).

- :mod:`.expression` builds the request body exactly like the official client;
- :mod:`.params` validates user options (ParameterError before anything is sent);
- :mod:`.auth` provides access tokens (static, refresh token, service account);
- :mod:`.client` speaks the REST API (retries, 401 refresh, error messages);
- :mod:`.tiling` sizes requests and splits big areas into aligned tiles;
- :mod:`.export`, :mod:`.operations`, :mod:`.storage` build exports, follow their operations
  and bring the files back from Cloud Storage / Drive;
- :mod:`.download_runner` and :mod:`.export_runner` drive the jobs.
"""
