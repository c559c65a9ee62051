"""STAC API catalogues: ``client`` (landing, conformance, collections, item search with paging and the
cloud filter the server supports), ``presets`` (known catalogues), ``signing`` (Planetary Computer SAS
tokens), ``auth`` (request headers from a credential); ``window``, ``stack`` and ``runner`` read the
AOI's window of the items' assets (provider id "stac")."""
