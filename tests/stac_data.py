"""STAC documents the STAC tests load into the real servers (tests/servers): Sentinel-2-like items
over two footprints, with dates, cloud covers (some missing) and COG assets."""
import random

WEST = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]
EAST = [[[2, 0], [3, 0], [3, 1], [2, 1], [2, 0]]]
AOI_WEST = {"type": "Polygon", "coordinates": [[[0.2, 0.2], [0.6, 0.2], [0.6, 0.6], [0.2, 0.6], [0.2, 0.2]]]}
COG = "image/tiff; application=geotiff; profile=cloud-optimized"


def item(item_id, day, cloud, collection="s2", ring=None, month=1, href_base="http://127.0.0.1:9/data"):
    ring = ring or WEST
    xs = [p[0] for p in ring[0]]
    ys = [p[1] for p in ring[0]]
    props = {"datetime": "2024-{:02d}-{:02d}T10:30:00Z".format(month, day)}
    if cloud is not None:
        props["eo:cloud_cover"] = cloud
    assets = {key: {"href": "{}/{}/{}.tif".format(href_base, item_id, key), "type": COG, "roles": ["data"]}
              for key in ("red", "green", "blue", "nir")}
    assets["thumbnail"] = {"href": "{}/{}/thumb.png".format(href_base, item_id), "type": "image/png",
                           "roles": ["thumbnail"]}
    return {"type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": collection,
            "geometry": {"type": "Polygon", "coordinates": ring},
            "bbox": [min(xs), min(ys), max(xs), max(ys)], "links": [], "assets": assets, "properties": props}


def collection(collection_id, description="Test collection"):
    return {"type": "Collection", "stac_version": "1.0.0", "id": collection_id, "description": description,
            "license": "other", "links": [],
            "extent": {"spatial": {"bbox": [[0, 0, 3, 1]]},
                       "temporal": {"interval": [["2024-01-01T00:00:00Z", None]]}}}


def s2_items(count=25, seed=7, href_base="http://127.0.0.1:9/data"):
    """``count`` items of collection "s2" (day i of January, cloud 4*i %, none for every 5th; even days
    west, odd days east), in a shuffled order (servers answer in their own order)."""
    items = [item("S2_{:02d}".format(day), day, None if day % 5 == 0 else (day * 4) % 100,
                  ring=WEST if day % 2 == 0 else EAST, href_base=href_base) for day in range(1, count + 1)]
    random.Random(seed).shuffle(items)
    return items


def documents(count=25, href_base="http://127.0.0.1:9/data"):
    """Collections first, then their items: the order a pgstac load needs.  ``href_base``: where the
    assets are (``<href_base>/<item id>/<key>.tif``, thumbnails ``.../thumb.png``)."""
    others = [item("LS_{}".format(day), day, 10, collection="ls") for day in (3, 9)]
    return [collection("s2"), collection("ls"),
            {"type": "FeatureCollection", "features": s2_items(count, href_base=href_base) + others}]
