"""EOSDA API Connect Download API (``lbe``): :mod:`.client` (requests, params, errors) and
:mod:`.runner` (the job: create -> poll -> download results)."""
