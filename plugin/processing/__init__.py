"""Processing provider and algorithms (toolbox, graphical modeler, qgis_process)."""
