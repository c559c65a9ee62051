"""eodag providers: :mod:`.client` (import, credentials, search, quicklooks, errors),
:mod:`.cut` (cutting a product's bands to the AOI) and :mod:`.runner` (the job)."""
