"""archive.safe_extract / test_zip with hostile and broken archives (builders in tests/sims/faults.py)."""
import io
import os
import zipfile

import pytest

from plugin.core.transfer import archive
from plugin.core.errors import ArchiveError, CancelledError
from plugin.core.runner import CancelToken
from tests.sims import faults

PAYLOAD = faults.sample_bytes(300000, seed=5)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def everything_under(folder):
    out = []
    for root, dirs, files in os.walk(folder):
        out += [os.path.relpath(os.path.join(root, n), folder) for n in dirs + files]
    return sorted(out)


def assert_nothing_extracted(tmp_path, dest):
    assert not os.path.exists(dest)
    assert not [n for n in os.listdir(tmp_path) if ".extract-" in n]


def test_extracts_nested_members_and_returns_paths(tmp_path):
    zpath = write(tmp_path, "a.zip", faults.zip_bytes({"img/B4.tif": PAYLOAD, "img/B3.tif": PAYLOAD[::-1],
                                                        "meta.json": b"{}"}))
    dest = str(tmp_path / "out")
    seen = []
    paths = archive.safe_extract(zpath, dest, progress=seen.append)
    assert sorted(paths) == sorted(os.path.join(dest, *p.split("/")) for p in
                                   ("img/B4.tif", "img/B3.tif", "meta.json"))
    with open(os.path.join(dest, "img", "B3.tif"), "rb") as handle:
        assert handle.read() == PAYLOAD[::-1]
    assert seen[-1].done == seen[-1].total == 2 * len(PAYLOAD) + 2
    assert not [n for n in os.listdir(tmp_path) if ".extract-" in n]


def test_extracts_into_an_existing_folder_merging(tmp_path):
    dest = tmp_path / "out"
    (dest / "img").mkdir(parents=True)
    (dest / "keep.txt").write_text("keep")
    (dest / "img" / "B4.tif").write_bytes(b"old")
    zpath = write(tmp_path, "a.zip", faults.zip_bytes({"img/B4.tif": PAYLOAD, "img/B8.tif": b"8"}))
    paths = archive.safe_extract(zpath, str(dest))
    assert (dest / "keep.txt").read_text() == "keep"
    # A file the job did not create is not replaced: the member goes beside it, under a unique name.
    assert (dest / "img" / "B4.tif").read_bytes() == b"old"
    assert (dest / "img" / "B4_2.tif").read_bytes() == PAYLOAD
    assert (dest / "img" / "B8.tif").read_bytes() == b"8"
    assert paths == [str(dest / "img" / "B4_2.tif"), str(dest / "img" / "B8.tif")]


def test_a_member_named_like_a_user_folder_leaves_the_folder_and_its_files(tmp_path):
    dest = tmp_path / "out"
    (dest / "photos" / "2023").mkdir(parents=True)
    (dest / "photos" / "2023" / "holiday.jpg").write_bytes(b"mine")
    (dest / "notes.txt").write_text("mine too")
    zpath = write(tmp_path, "r.zip", faults.zip_bytes({"photos": PAYLOAD, "notes.txt": b"server's",
                                                        "B4.tif": b"4"}))
    paths = archive.safe_extract(zpath, str(dest))
    assert (dest / "photos" / "2023" / "holiday.jpg").read_bytes() == b"mine"
    assert (dest / "notes.txt").read_text() == "mine too"
    assert sorted(os.path.relpath(p, str(dest)) for p in paths) == ["B4.tif", "notes_2.txt", "photos_2"]
    assert (dest / "photos_2").read_bytes() == PAYLOAD
    assert (dest / "notes_2.txt").read_bytes() == b"server's"


def test_a_folder_member_over_a_user_file_goes_beside_it(tmp_path):
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "GRANULE").write_text("a user's file")
    zpath = write(tmp_path, "r.zip", faults.zip_bytes({"GRANULE/B4.jp2": PAYLOAD}))
    paths = archive.safe_extract(zpath, str(dest))
    assert (dest / "GRANULE").read_text() == "a user's file"
    assert paths == [str(dest / "GRANULE_2" / "B4.jp2")]


def test_files_the_job_created_are_replaced(tmp_path):
    dest = tmp_path / "out"
    owned = set()
    zpath = write(tmp_path, "a.zip", faults.zip_bytes({"img/B4.tif": b"first"}))
    archive.safe_extract(zpath, str(dest), owned=owned)
    assert str(dest) in owned
    zpath = write(tmp_path, "b.zip", faults.zip_bytes({"img/B4.tif": PAYLOAD}))
    assert archive.safe_extract(zpath, str(dest), owned=owned) == [str(dest / "img" / "B4.tif")]
    assert (dest / "img" / "B4.tif").read_bytes() == PAYLOAD
    assert os.listdir(str(dest / "img")) == ["B4.tif"]


@pytest.mark.parametrize("builder, why", [
    (faults.zip_slip, "outside"),
    (faults.zip_absolute, "absolute"),
    (faults.zip_symlink, "symbolic link"),
    (lambda: faults.zip_bytes({"ok.txt": b"1", "..\\..\\evil.txt": b"x"}), "outside"),
    (lambda: faults.zip_bytes({"C:/Windows/evil.txt": b"x"}), "absolute"),
])
def test_hostile_members_are_refused_and_nothing_is_written(tmp_path, builder, why):
    zpath = write(tmp_path, "evil.zip", builder())
    dest = str(tmp_path / "sub" / "out")
    with pytest.raises(ArchiveError) as info:
        archive.safe_extract(zpath, dest)
    assert why in info.value.message
    assert not os.path.exists(dest)
    assert everything_under(tmp_path / "sub") == []
    assert not os.path.exists(str(tmp_path / "evil.txt"))
    assert not os.path.exists("/tmp/eo_downloader_evil.txt")


def test_zip_bomb_ratio_is_refused(tmp_path):
    zpath = write(tmp_path, "bomb.zip", faults.zip_bomb(32 * 1024 * 1024))
    with pytest.raises(ArchiveError) as info:
        archive.safe_extract(zpath, str(tmp_path / "out"))
    assert "zip bomb" in info.value.message
    assert_nothing_extracted(tmp_path, str(tmp_path / "out"))


def test_total_size_and_member_count_limits(tmp_path):
    zpath = write(tmp_path, "many.zip", faults.zip_bytes({"f{}.bin".format(i): PAYLOAD for i in range(5)}))
    with pytest.raises(ArchiveError) as info:
        archive.safe_extract(zpath, str(tmp_path / "out"), max_total=4 * len(PAYLOAD))
    assert "total size" in info.value.message
    with pytest.raises(ArchiveError) as info:
        archive.safe_extract(zpath, str(tmp_path / "out"), max_members=3)
    assert "3 members" in info.value.message
    assert_nothing_extracted(tmp_path, str(tmp_path / "out"))
    assert len(archive.safe_extract(zpath, str(tmp_path / "out"))) == 5


def test_member_bigger_than_its_header_says_is_refused(tmp_path):
    zpath = write(tmp_path, "liar.zip", faults.zip_forged_size(b"A" * 200000, claimed=10))
    with pytest.raises(ArchiveError):
        archive.safe_extract(zpath, str(tmp_path / "out"))
    assert_nothing_extracted(tmp_path, str(tmp_path / "out"))


def test_duplicate_members_are_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as handle:
        handle.writestr("a.txt", b"1")
        with pytest.warns(UserWarning):
            handle.writestr("a.txt", b"2")
    zpath = write(tmp_path, "dup.zip", buffer.getvalue())
    with pytest.raises(ArchiveError) as info:
        archive.safe_extract(zpath, str(tmp_path / "out"))
    assert "twice" in info.value.message


@pytest.mark.parametrize("keep", [0.3, 0.7, 0.95])
def test_truncated_archive_is_a_clear_error(tmp_path, keep):
    data = faults.zip_bytes({"a.bin": PAYLOAD, "b.bin": PAYLOAD[::-1]}, compression=zipfile.ZIP_STORED)
    zpath = write(tmp_path, "cut.zip", faults.truncated(data, keep))
    with pytest.raises(ArchiveError) as info:
        archive.test_zip(zpath)
    assert "corrupt or truncated" in info.value.message
    with pytest.raises(ArchiveError):
        archive.safe_extract(zpath, str(tmp_path / "out"))
    assert_nothing_extracted(tmp_path, str(tmp_path / "out"))


def test_corrupt_second_member_leaves_nothing_half_extracted(tmp_path):
    data = bytearray(faults.zip_bytes({"a.bin": PAYLOAD, "b.bin": PAYLOAD[::-1]}, compression=zipfile.ZIP_STORED))
    second = data.find(b"PK\x03\x04", 4)
    data[second + 30 + len("b.bin") + 1000] ^= 0xFF     # a byte of b.bin's data: CRC mismatch
    zpath = write(tmp_path, "bad.zip", bytes(data))
    with pytest.raises(ArchiveError) as info:
        archive.safe_extract(zpath, str(tmp_path / "out"))
    assert "b.bin" in info.value.message
    assert_nothing_extracted(tmp_path, str(tmp_path / "out"))
    with pytest.raises(ArchiveError):
        archive.test_zip(zpath)


def test_not_a_zip(tmp_path):
    zpath = write(tmp_path, "x.zip", b"<html>nope</html>")
    with pytest.raises(ArchiveError):
        archive.test_zip(zpath)
    with pytest.raises(ArchiveError):
        archive.test_zip(str(tmp_path / "missing.zip"))


def test_test_zip_returns_names_of_a_good_archive(tmp_path):
    zpath = write(tmp_path, "a.zip", faults.zip_bytes({"a": b"1", "d/b": b"2"}))
    assert archive.test_zip(zpath) == ["a", "d/b"]
    assert archive.is_zip(zpath) and not archive.is_zip(head=b"II*\x00")
    assert archive.is_zip(head=b"", content_type="application/zip; charset=binary")


def test_cancel_during_extraction_leaves_nothing(tmp_path):
    zpath = write(tmp_path, "a.zip", faults.zip_bytes({"f{}.bin".format(i): PAYLOAD for i in range(4)}))
    cancel = CancelToken()
    with pytest.raises(CancelledError):
        archive.safe_extract(zpath, str(tmp_path / "out"), cancel=cancel,
                             progress=lambda p: cancel.cancel())
    assert_nothing_extracted(tmp_path, str(tmp_path / "out"))
