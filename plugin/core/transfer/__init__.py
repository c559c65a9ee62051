"""The network room: every HTTP request and file transfer of the plugin.

- :mod:`.http` sessions, retries, error messages, secrets masking, cancellable sends;
- :mod:`.download` the transfer engine (resumable streaming to ``.part`` files, checksums, records);
- :mod:`.archive` zip extraction and checks.
"""
