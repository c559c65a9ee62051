"""The Earth Engine request budget (adaptive concurrency, tile count) and two downloads sharing it.

The controller's tests run on a fake clock (deterministic); the last ones run real downloads
against the loopback simulator with its per-project concurrency limit.
"""
import threading

import pytest

from plugin.core.errors import CancelledError
from plugin.core.jobs import Job
from plugin.core.providers.earthengine import budget as B
from plugin.core.providers.earthengine import download_runner as R
from plugin.core.providers.earthengine import tiling
from plugin.core.runner import CancelToken, RunContext, run_job
from plugin.core.transfer import http
from tests.sims.ee_sim import EeSimulator

MIB = 1048576
IMG = "COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG"


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def make(start=6, ceiling=40):
    clock = Clock()
    return B.Budget(ceiling=ceiling, start=start, clock=clock), clock


def take(budget, n, cap=None):
    return [budget.try_acquire(cap) for _ in range(n)]


def finish(budget, clock, started, seconds=0.6, nbytes=2 * MIB):
    clock.now = started + seconds
    budget.succeeded(started, nbytes)


def test_starts_moderately_and_doubles_each_round_while_latency_holds():
    budget, clock = make()
    slots = take(budget, 7)
    assert slots[6] is None and budget.limit() == 6          # 6 at first, no more
    for started in slots[:6]:
        finish(budget, clock, started)
    assert budget.limit() == 12 and budget.in_flight == 0
    slots = take(budget, 12)
    for started in slots:
        finish(budget, clock, started)
    assert budget.limit() == 24


def test_never_above_the_project_limit_nor_the_users_cap():
    budget, clock = make(start=30)
    for _ in range(5):
        for started in take(budget, budget.limit()):
            finish(budget, clock, started)
    assert budget.limit() == B.PROJECT_LIMIT == 40
    assert len([s for s in take(budget, 50) if s is not None]) == 40
    other, _ = make(start=30)
    assert len([s for s in take(other, 50, cap=3) if s is not None]) == 3


def test_429_halves_once_per_round_trip_then_additive_increase():
    budget, clock = make(start=16)
    before_cut = take(budget, 16)
    clock.now += 0.5
    budget.throttled(before_cut[0])
    budget.throttled(before_cut[1])            # same round: no second cut
    assert budget.limit() == 8 and budget.throttles == 2
    for started in before_cut[2:]:
        finish(budget, clock, started)          # successes after the cut: additive increase only
    assert budget.limit() == 9                  # 8 + 14 * (1/window) -> 9.x
    clock.now += 1.0
    after_cut = budget.try_acquire()
    clock.now += 0.1
    budget.throttled(after_cut)                 # a request sent after the cut: cuts again
    assert budget.limit() == 4


def test_retry_after_pauses_new_requests_until_then():
    budget, clock = make()
    started = budget.try_acquire()
    budget.throttled(started, retry_after=5.0)
    clock.now += 4.9
    assert budget.try_acquire() is None
    clock.now += 0.2
    assert budget.try_acquire() is not None


def test_rising_latency_stops_the_growth():
    budget, clock = make(start=16)
    slots = take(budget, 16)
    for started in slots[:4]:                    # a slow service, but steadily so: still growing
        finish(budget, clock, started, seconds=5.0)
    assert budget.limit() == 20 and budget.growing_fast
    finish(budget, clock, slots[4], seconds=5.0 * B.LATENCY_RISE * 1.5)     # twice as slow as so far
    assert budget.limit() == 20 and not budget.growing_fast
    finish(budget, clock, slots[5], seconds=5.0)
    assert 20 < budget.window < 21               # additive from now on


def test_failures_free_the_slot_without_learning():
    budget, _ = make(start=1)
    assert budget.try_acquire() is not None and budget.try_acquire() is None
    budget.failed()
    assert budget.try_acquire() is not None and len(budget.model.samples) == 0


def test_acquire_waits_for_a_slot_and_honours_cancel():
    from plugin.core.runner import CancelToken
    budget = B.Budget(start=1)
    budget.acquire()
    got = []
    waiter = threading.Thread(target=lambda: got.append(budget.acquire()))
    waiter.start()
    waiter.join(0.3)
    assert waiter.is_alive() and not got               # no slot: it waits
    budget.failed()
    waiter.join(5)
    assert got and not waiter.is_alive()
    token = CancelToken()
    threading.Timer(0.2, token.cancel).start()
    with pytest.raises(Exception) as err:
        budget.acquire(cancel=token)
    assert type(err.value).__name__ == "CancelledError"


def test_a_thread_holding_a_slot_does_not_take_a_second():
    """A tile's create-then-fetch holds one slot: the client's requests inside it take no other."""
    budget = B.Budget(start=1)
    budget.acquire()
    with budget.slot():                                  # would wait forever if it took a second one
        assert budget.in_flight == 1
    assert budget.in_flight == 1 and budget.holds()
    budget.failed()
    assert budget.in_flight == 0 and not budget.holds()
    with budget.slot():
        assert budget.in_flight == 1 and budget.holds()
    assert budget.in_flight == 0


def test_every_request_of_the_project_waits_for_a_slot():
    """An asset lookup counts against the project's concurrency like the pixels (Earth Engine counts it):
    with the user's cap taken by a download, it waits instead of going over the cap."""
    from plugin.core.providers.earthengine import auth
    from plugin.core.providers.earthengine.client import EeClient
    with EeSimulator(tokens=("test-token",)) as sim:
        client = EeClient(sim.url, "my-project", auth.StaticToken("test-token"), cap=1)
        other = B.Budget()
        client.budget.acquire(cap=1)                    # a tile of another job holds the only slot
        got = []
        reader = threading.Thread(target=lambda: got.append(client.image_info(IMG)))
        reader.start()
        reader.join(0.5)
        assert reader.is_alive() and sim.count("asset") == 0
        client.budget.failed()
        reader.join(30)
        assert got and sim.count("asset") == 1 and client.budget.in_flight == 0
        assert other.in_flight == 0


def test_latency_model_learns_from_the_measured_requests():
    model = B.LatencyModel()
    assert model.predict(32 * MIB) == pytest.approx(B.PRIOR_BASE + 32 * B.PRIOR_PER_MIB)
    for mib in (1, 4, 8, 16, 32) * 10:
        model.add(mib * MIB, 0.1 + 0.01 * mib)
    base, per_mib = model.coefficients()
    assert base == pytest.approx(0.1, abs=0.05) and per_mib == pytest.approx(0.01, abs=0.005)


def test_tile_count_follows_the_measured_latency():
    slow_start, clock = make()
    fast_start, _ = make()
    for _ in range(64):          # a service that answers at once but computes slowly
        slow_start.model.add(8 * MIB, 0.05 + 0.2 * 8)
    for _ in range(64):          # one that takes long to answer whatever the size
        fast_start.model.add(8 * MIB, 3.0)
        fast_start.model.add(1 * MIB, 3.0)
    total = 40 * MIB
    compute_bound = B.choose_tiles(total, 1, 80, slow_start)
    latency_bound = B.choose_tiles(total, 1, 80, fast_start)
    assert compute_bound > latency_bound >= 1
    assert compute_bound <= total // B.MIN_TILE_BYTES         # never tiles smaller than the floor
    assert B.choose_tiles(total, 5, 80, fast_start) >= 5      # never fewer than the limits need
    assert B.choose_tiles(total, 1, 80, slow_start, cap=1) < compute_bound   # one at a time: fewer


def test_slow_preparation_asks_for_more_tiles_to_overlap_it():
    """Tiles of earlier round trips are prepared while later ones are fetched: the more the plugin's
    own work per MiB costs, the more (smaller) tiles, so that only the last round's is left at the end."""
    cheap, _ = make()
    costly, _ = make()
    for _ in range(20):
        cheap.prepared(8 * MIB, 0.0)
        costly.prepared(8 * MIB, 8 * 0.2)
    assert cheap.client_per_mib < 0.01 and costly.client_per_mib == pytest.approx(0.2, rel=0.05)
    total = 140 * MIB
    assert B.choose_tiles(total, 3, 80, costly) > B.choose_tiles(total, 3, 80, cheap)
    assert B.rounds(18, 6, 40, True) == (2, 12) and B.rounds(18, 6, 40, False) == (3, 6)


def test_one_budget_per_project_in_the_process():
    a = B.budget_for("http://127.0.0.1:9/", "p1")
    assert B.budget_for("http://127.0.0.1:9", "p1") is a
    assert B.budget_for("http://127.0.0.1:9", "p2") is not a


def test_estimate_tells_requests_and_seconds():
    info = tiling.ImageInfo(IMG, [tiling.BandInfo(b, "uint16", 2, "EPSG:32610", (10, 0, 500000, 0, -10, 4200000),
                                                    10980, 10980) for b in ("B4", "B3", "B2")])
    aoi = {"type": "Polygon", "coordinates": [[[-122.9, 37.2], [-122.45, 37.2], [-122.45, 37.56], [-122.9, 37.56],
                                               [-122.9, 37.2]]]}
    params = R.build_params(IMG, bands="B4,B3,B2", scale=10, format="GEO_TIFF", project="my-project", aoi=aoi)
    est = R.estimate_for(params, info)
    limits_only = tiling.estimate(dict(params, region=aoi), aoi, info, tiling.Limits())
    assert est.tiles > limits_only.tiles >= 1             # smaller tiles: predicted sooner
    assert est.requests == 2 * est.tiles and est.seconds > 0


# --- two downloads at once against the simulator's per-project limit --------------------------
SQUARE = {"type": "Polygon", "coordinates": [[[-122.0859, 37.0436], [-122.0626, 37.0436], [-122.0626, 37.0586],
                                              [-122.0859, 37.0586], [-122.0859, 37.0436]]]}
RETRY = http.RetryPolicy(max_attempts=8, base_delay=0.05, max_delay=0.4)


def _two_downloads(sim, tmp_path, settings):
    results, errors = {}, []

    def one(name):
        job = Job("ee_download", R.build_params(IMG, bands="B4,B3", scale=10, format="GEO_TIFF", name=name,
                                                project="my-project", aoi=SQUARE),
                  output_dir=str(tmp_path / name))
        ctx = RunContext(job, credentials={"token": "test-token"},
                         settings=dict({"ee_api": sim.url, "retry": RETRY, "ee_max_request_bytes": 6000}, **settings))
        try:
            results[name] = run_job(job, ctx)
        except Exception as exc:          # reported by the assertion below
            errors.append(exc)
    threads = [threading.Thread(target=one, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results, errors


def test_two_downloads_share_the_project_limit(tmp_path):
    """Two jobs of one project share one budget: together never more than Earth Engine's 40 at once."""
    with EeSimulator(tokens=("test-token",), max_concurrent=B.PROJECT_LIMIT, compute_base=0.15) as sim:
        results, errors = _two_downloads(sim, tmp_path, {})
        assert not errors and set(results) == {"a", "b"}
        assert sim.count("create", 429) + sim.count("getPixels", 429) == 0
        assert 12 < sim.peak_in_flight <= B.PROJECT_LIMIT        # grew past the start, never over
        assert B.budget_for(sim.url, "my-project").in_flight == 0


def test_two_downloads_under_429s_finish(tmp_path):
    """A project with a smaller quota than 40: the 429s slow the budget down, no job fails."""
    with EeSimulator(tokens=("test-token",), max_concurrent=5, compute_base=0.1) as sim:
        results, errors = _two_downloads(sim, tmp_path, {})
        assert not errors and set(results) == {"a", "b"}
        budget = B.budget_for(sim.url, "my-project")
        assert budget.throttles > 0 and sim.count("getPixels", 429) + sim.count("create", 429) > 0
        assert budget.limit() < B.START * 4


def test_the_users_cap_bounds_both_downloads(tmp_path):
    with EeSimulator(tokens=("test-token",), max_concurrent=B.PROJECT_LIMIT, compute_base=0.1) as sim:
        results, errors = _two_downloads(sim, tmp_path, {"ee_max_concurrency": 2})
        assert not errors and len(results) == 2
        assert sim.peak_in_flight <= 2                       # the cap is of the project, both jobs together


def test_tiles_are_prepared_one_per_cpu_at_most_on_threads_kept_for_it():
    inside, peak, names, lock = [0], [0], set(), threading.Lock()

    def work():
        with lock:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
            names.add(threading.current_thread().name)
        threading.Event().wait(0.05)
        with lock:
            inside[0] -= 1
        return threading.current_thread().name
    results = []
    threads = [threading.Thread(target=lambda: results.append(B.prepare(work))) for _ in range(B.CPUS * 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == B.CPUS and len(results) == B.CPUS * 3
    # (the same few threads, warm, whichever thread asks: not the askers' own)
    assert len(names) <= B.CPUS and all(n.startswith("ee-prepare") for n in names)


def test_a_preparation_returns_its_result_and_raises_its_error_to_the_caller():
    assert B.prepare(lambda: 42) == 42
    with pytest.raises(ZeroDivisionError):
        B.prepare(lambda: 1 / 0)


def test_a_cancelled_job_stops_waiting_for_a_preparation_thread():
    release, started = threading.Event(), threading.Event()

    def busy():
        started.set()
        release.wait(10)
    token = CancelToken()
    blockers = [threading.Thread(target=B.prepare, args=(busy,)) for _ in range(B.CPUS)]
    for t in blockers:
        t.start()
    started.wait(5)
    ran = []
    try:
        threading.Timer(0.2, token.cancel).start()
        with pytest.raises(CancelledError):
            B.prepare(lambda: ran.append(1), token)      # queued behind the busy ones, then cancelled
    finally:
        release.set()
        for t in blockers:
            t.join()
    B.prepare(lambda: None)                                # (the queue is drained: a cancelled one never runs)
    assert ran == []


def test_a_restarted_job_keeps_its_tiles(tmp_path):
    """The tile size chosen from the budget is saved with the job: a restart finds the same pieces
    (their files and download ids are reused) even when the budget now predicts other tiles."""
    from plugin.core.providers.earthengine import params as ee_params
    aoi = {"type": "Polygon", "coordinates": [[[-122.30, 37.40], [-122.13, 37.40], [-122.13, 37.52],
                                               [-122.30, 37.52], [-122.30, 37.40]]]}
    with EeSimulator(tokens=("test-token",)) as sim:
        params = R.build_params(IMG, bands="B4,B3,B2", scale=10, format="GEO_TIFF", project="my-project", aoi=aoi)
        job = Job("ee_download", params, output_dir=str(tmp_path / "out"))

        def plan(budget):
            ctx = RunContext(job, credentials={"token": "test-token"}, settings={"ee_api": sim.url})
            client = R.make_client(ctx, "my-project")
            p = ee_params.validate(dict(params, region=aoi))
            download = R.EeDownload(client, p, str(tmp_path / "out"), ctx, str(tmp_path / "work"), budget=budget)
            return download, [piece.key for piece in download.plan()]
        first, keys = plan(B.Budget())
        assert len(keys) > 1                                       # split for speed, not for the limits
        ctx = RunContext(job, settings={})
        ctx.save_server(plan={"pieces": len(keys), "tiled": True, "tile_bytes": first.limits.max_bytes})
        slow = B.Budget(start=1)
        for _ in range(64):
            slow.model.add(1 * MIB, 20.0)                          # now every request seems slow to start
        assert plan(slow)[1] == keys
        job.server = {}
        assert plan(slow)[1] != keys                              # (a new job would choose others)
