"""The network room: every HTTP request and file transfer of the plugin.

- :mod:`.http` sessions, retries, error messages, secrets masking, cancellable sends;
- :mod:`.tls` the CA bundle that adds the certificate authorities QGIS trusts to requests' own;
- :mod:`.urllib3_hooks` the only code that reaches into urllib3/requests/http.client internals
  (connection tracking, socket aborts, the cancel watcher, the raw body reader);
- :mod:`.download` the transfer engine (resumable streaming to ``.part`` files and their sidecars);
- :mod:`.naming` file names from Content-Disposition / URLs; :mod:`.checksums` announced checksums,
  crc32c, sha256; :mod:`.records` finished downloads and :class:`~.records.DownloadResult`;
  :mod:`.units` the chunk size, :class:`~.units.Progress` and sizes for people;
- :mod:`.archive` zip extraction and checks.

Imports inside the package go one way, without cycles: urllib3_hooks, tls, units and naming import
none of the others; http imports urllib3_hooks; checksums imports units; records imports checksums
and http; archive imports units; download imports them all.
"""
