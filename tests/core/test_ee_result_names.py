"""Earth Engine results named after what they are, and the days they show (issue 17 item 7)."""
import pytest

from plugin.core.providers.earthengine import download_runner as R

S2 = "COPERNICUS/S2_SR_HARMONIZED"
AOI = {"type": "Polygon", "coordinates": [[[1.0, 43.0], [1.02, 43.0], [1.02, 43.02], [1.0, 43.02], [1.0, 43.0]]]}


@pytest.mark.parametrize("image,day", [
    (S2 + "/20230605T105031_20230605T105716_T31TCJ", "2023-06-05"),
    ("LANDSAT/LC09/C02/T1_L2/LC09_198030_20230514", "2023-05-14"),
    ("COPERNICUS/S1_GRD/S1A_IW_GRDH_1SDV_20230605T175829_20230605T175854_048860_05E0A8_1F1B", "2023-06-05"),
    ("USGS/SRTMGL1_003", None),
    ("projects/x/assets/scene_20231399", None),          # not a date: month 13
    ("projects/x/assets/run_123202306051", None),         # digits run on: not a date
])
def test_image_date(image, day):
    assert R.image_date(image) == day


def test_titles():
    composite = R.build_params(None, collection=S2, date_from="2023-06-01", date_to="2023-08-31",
                               composite="least_cloudy", project="my-project", aoi=AOI)
    assert R.result_title(composite) == "S2 L2A least cloudy 2023-06-01..2023-08-31 · 362 ha"
    image = R.build_params("LANDSAT/LC09/C02/T1_L2/LC09_198030_20230514", bands="SR_B4", project="my-project",
                           aoi=AOI)
    assert R.result_title(image) == "L9 L2 LC09_198030 2023-05-14 · 362 ha"
    # the AOI's name when the job has one (issue 20: what, when, where)
    assert R.result_title(dict(image, aoi_name="field 12")) == "L9 L2 LC09_198030 2023-05-14 · field 12"
    assert R.result_title(dict(image, aoi=None)) == "L9 L2 LC09_198030 2023-05-14"


def test_area_text():
    from plugin.core.titles import area_text
    assert [area_text(a) for a in (0.05, 0.12, 2.5, 12.3, 12345.6)] == ["5.0 ha", "12 ha", "250 ha", "12 km²",
                                                                         "12 346 km²"]


def test_acquisition_days_and_period():
    composite = R.build_params(None, collection=S2, date_from="2023-06-01", date_to="2023-08-31",
                               project="my-project", aoi=AOI)
    scenes = [{"id": "b", "time": "2023-07-10T10:56:02Z"}, {"id": "a", "time": "2023-06-05T10:56:02Z"},
              {"id": "c", "time": "2023-07-10T11:00:00Z"}]
    assert R.acquisition_days(composite, {"scenes": scenes}) == ["2023-06-05", "2023-07-10"]
    assert R.acquisition_period(composite, {"scenes": scenes}) == ("2023-06-05", "2023-07-10")
    assert R.acquisition_period(composite, {}) == ("2023-06-01", "2023-08-31")      # scenes unknown: the period
    assert R.acquisition_period({"image": "USGS/SRTMGL1_003"}) is None


def test_planning_records_the_acquisition_day_and_warns_of_a_large_download(tmp_path, caplog):
    """Issue 20: the image's day as Earth Engine gives it (its startTime, for ids that tell none) is
    recorded for the layers' metadata; a download over 1 GiB is said in the job's log (Processing
    shows it as a warning)."""
    import logging

    from plugin.core.jobs import Job
    from plugin.core.providers.earthengine import params as P
    from plugin.core.runner import RunContext
    from tests.sims.ee_sim import S2_SR_ID, EeSimulator
    big = {"type": "Polygon", "coordinates": [[[-122.5, 37.0], [-121.2, 37.0], [-121.2, 38.3], [-122.5, 38.3],
                                               [-122.5, 37.0]]]}
    with EeSimulator(tokens=("t",), projects=("my-project",)) as sim:
        params = R.build_params(S2_SR_ID, bands="B4,B3,B2", scale=10, project="my-project", aoi=big)
        job = Job("ee_download", params, output_dir=str(tmp_path))
        ctx = RunContext(job, credentials={"token": "t"}, settings={"ee_api": sim.url})
        p = P.validate(dict(params, region=params["aoi"]))
        download = R.EeDownload(R.make_client(ctx, "my-project"), p, str(tmp_path), ctx, str(tmp_path / "w"))
        with caplog.at_level(logging.WARNING):
            download.plan()
    assert ctx.job.server["acquired"] == ["2021-01-09"]
    assert any("This download is large: about" in r.getMessage() and r.levelno == logging.WARNING
               for r in caplog.records)
