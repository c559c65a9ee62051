"""Names (issue 15 item 7): checked in bytes before any server work, server-chosen names sanitized.

One rule (plugin/core/names.py) for the dock, Processing and the runners (they all validate through the
providers' ``build_params`` / ``validate``), and for names a server chooses (Content-Disposition, zip
members, export objects), which are made usable instead of refused.
"""
import os
import zipfile
from urllib.parse import quote

import pytest

from plugin.core.transfer import archive, download as transfer, naming
from plugin.core import names
from plugin.core.errors import ParameterError
from plugin.core.providers.earthengine import download_runner as ee_download, export_runner as ee_export
from tests.sims.faults import FaultServer, Resource

IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"
SQUARE = {"type": "Polygon", "coordinates": [[[-122.0859, 37.0436], [-122.0626, 37.0436], [-122.0626, 37.0586],
                                              [-122.0859, 37.0586], [-122.0859, 37.0436]]]}
WIDE = "\u7a7a" * 100          # 100 characters, 300 bytes in UTF-8


def ee_name(name):
    return ee_download.build_params(IMG, bands="B4", project="my-project", aoi=SQUARE, scale=10, name=name)["name"]


def test_a_name_of_300_bytes_is_refused_though_it_has_100_characters():
    assert len(WIDE) == 100 and len(WIDE.encode("utf-8")) == 300
    with pytest.raises(ParameterError, match=r"it takes 300 bytes, more than the 191 allowed"):
        ee_name(WIDE)
    assert ee_name("\u7a7a" * 63) == "\u7a7a" * 63                # 189 bytes: fits with the suffixes


@pytest.mark.parametrize("name, why", [
    ("a\x00b", "control character"), ("a\x1bb", "control character"), ("tab\there", "control character"),
    ("a\x85b", "control character"), ("a/b", "path separator"), ("a\\b", "path separator"), ("..", r"is \. or \.\."),
    ("CON", "reserved device name"), ("lpt1.tif", "reserved device name"), ("what?", r"holds \?"),
    ("ends.", "ends with a dot"),
])
def test_names_that_no_file_system_takes_are_refused(name, why):
    with pytest.raises(ParameterError, match=why):
        ee_name(name)


def test_an_export_prefix_is_checked_per_component():
    args = dict(image=IMG, bands="B4", project="my-project", aoi=SQUARE, scale=30, bucket="bkt")
    with pytest.raises(ParameterError, match="300 bytes"):
        ee_export.build_params(prefix="exports/" + WIDE, **args)
    with pytest.raises(ParameterError, match="control character"):
        ee_export.build_params(prefix="exp\x07orts/aoi", **args)
    with pytest.raises(ParameterError, match=r"is \. or \.\."):
        ee_export.build_params(prefix="exports/../aoi", **args)
    assert ee_export.build_params(prefix="exports/2024/aoi", **args)["prefix"] == "exports/2024/aoi"


def test_an_export_prefix_ending_in_a_slash_still_gives_tif_files(tmp_path):
    """Earth Engine takes a trailing "/" as a folder (files ``folder/.tif``); the plugin names the file."""
    from tests.core.test_ee_export import TOKEN, run
    from tests.sims.ee_export_sim import ExportSimulator
    params = ee_export.build_params(IMG, bands="B4", project="my-project", aoi=SQUARE, scale=30, bucket="bkt",
                                    prefix="folder/", description="aoi export")
    assert params["prefix"] == "folder/aoi export"
    from plugin.core.providers.earthengine import export as ee_export_body
    body = ee_export_body.export_body(params, ee_export_body.new_request_id())
    assert body["fileExportOptions"]["cloudStorageDestination"]["filenamePrefix"] == "folder/aoi export"
    sim = ExportSimulator(tokens=(TOKEN,), projects=("my-project",), buckets=("bkt",), pending_seconds=0.05,
                          running_seconds=0.1)
    sim.start()
    try:
        from plugin.core.jobs import Job
        job = Job("ee_export", params, output_dir=str(tmp_path / "out"))
        outputs, _, _ = run(sim, job)
        assert sorted(sim.objects("bkt")) == ["folder/aoi export.tif"]
        assert outputs == [str(tmp_path / "out" / "aoi export.tif")]
    finally:
        sim.stop()


def test_a_description_that_is_no_file_name_gives_a_usable_default_prefix():
    params = ee_export.build_params(IMG, bands="B4", project="my-project", aoi=SQUARE, scale=30, bucket="bkt",
                                    description="NDVI: 2024?")
    assert params["description"] == "NDVI: 2024?" and params["prefix"] == "NDVI_ 2024_"


# -- server-chosen names: sanitized, not refused ------------------------------------------------
def test_a_content_disposition_name_is_cut_to_bytes_keeping_its_extension(tmp_path):
    header = "attachment; filename*=UTF-8''{}".format(quote(WIDE * 2 + "\x01.tif"))
    name = naming.filename_from_disposition(header)
    assert name.endswith(".tif") and "\x01" not in name
    assert len(name.encode("utf-8")) <= names.MAX_NAME_BYTES
    with FaultServer() as server:
        url = server.add("/r", Resource(b"x" * 1000, disposition=header))
        result = transfer.download(url, dest_dir=str(tmp_path))
    assert os.path.basename(result.path) == name and os.path.getsize(result.path) == 1000


def test_zip_members_with_long_or_control_character_names_are_extracted_under_usable_names(tmp_path):
    zpath = str(tmp_path / "a.zip")
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr(WIDE * 2 + ".tif", b"long")
        zf.writestr("dir\x1b/NUL.txt", b"reserved")
    paths = archive.safe_extract(zpath, str(tmp_path / "out"))
    rel = sorted(os.path.relpath(p, str(tmp_path / "out")) for p in paths)
    assert rel == sorted([os.path.join("dir_", "_NUL.txt"), names.sanitize(WIDE * 2 + ".tif")])
    assert all(len(part.encode("utf-8")) <= 255 for r in rel for part in r.split(os.sep))
    contents = {r: open(os.path.join(str(tmp_path / "out"), r), "rb").read() for r in rel}
    assert contents[os.path.join("dir_", "_NUL.txt")] == b"reserved"
    assert contents[names.sanitize(WIDE * 2 + ".tif")] == b"long"
