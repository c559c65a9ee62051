"""QGIS adapters: the bridge between the QGIS-free core and QGIS (no widgets here)."""
