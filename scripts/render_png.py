#!/usr/bin/env python3
"""Render rasters to a PNG the way the plugin draws them in QGIS (headless).

    /usr/bin/python3 scripts/render_png.py OUT.png RASTER [RASTER ...] [--size 900]

Each raster is styled with the plugin's own layer styling (RGB with a cumulative-cut
stretch for 3+ bands); the first raster is drawn on top.  Prints a JSON line with
the output path and the share of non-background pixels, so callers can check the
picture is not blank.
"""
import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_APP = None   # the QgsApplication must outlive every Qt object made here


def render(out_png, rasters, size=900):
    from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsRasterLayer,
                           QgsRectangle)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    from plugin.adapters.layers import style_rgb

    global _APP
    own_app = QgsApplication.instance() is None
    if own_app:
        _APP = QgsApplication([], False)
        _APP.initQgis()
    layers = []
    for path in rasters:
        layer = QgsRasterLayer(path, os.path.basename(path), "gdal")
        if not layer.isValid():
            raise SystemExit("cannot open {}".format(path))
        style_rgb(layer)
        layers.append(layer)
    extent = QgsRectangle(layers[0].extent())
    for layer in layers[1:]:
        extent.combineExtentWith(layer.extent())
    ratio = extent.height() / extent.width() if extent.width() else 1.0
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[0].crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(size, max(1, int(size * ratio))))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    os.makedirs(os.path.dirname(os.path.abspath(out_png)), exist_ok=True)
    image.save(out_png, "PNG")
    painted = 0
    total = 0
    step = max(1, image.width() // 200)
    for x in range(0, image.width(), step):
        for y in range(0, image.height(), step):
            total += 1
            if image.pixelColor(x, y) != QColor(255, 255, 255):
                painted += 1
    result = {"png": out_png, "painted_fraction": painted / float(total or 1),
              "width": image.width(), "height": image.height()}
    del job, settings, layers, image
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_png")
    ap.add_argument("rasters", nargs="+")
    ap.add_argument("--size", type=int, default=900)
    args = ap.parse_args(argv)
    print(json.dumps(render(args.out_png, args.rasters, args.size)), flush=True)
    # QGIS 3.22 standalone apps can crash while Python tears down Qt objects after
    # exitQgis(); the work is done and flushed, so leave without that teardown.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
