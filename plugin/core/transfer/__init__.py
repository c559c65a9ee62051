"""The network room: every HTTP request and file transfer of the plugin.

- :mod:`.http` sessions, retries, error messages, secrets masking, cancellable sends;
- :mod:`.urllib3_hooks` the only code that reaches into urllib3/requests/http.client internals
  (connection tracking, socket aborts, the cancel watcher, the raw body reader);
- :mod:`.download` the transfer engine (resumable streaming to ``.part`` files and their sidecars);
- :mod:`.naming` file names from Content-Disposition / URLs; :mod:`.checksums` announced checksums,
  crc32c, sha256; :mod:`.records` finished downloads and :class:`~.records.DownloadResult`;
  :mod:`.units` the chunk size, :class:`~.units.Progress` and sizes for people;
- :mod:`.archive` zip extraction and checks.

Imports go one way: http <- urllib3_hooks; units <- checksums <- records; download uses them all and
:mod:`.archive`, which uses only :mod:`.units`.
"""
