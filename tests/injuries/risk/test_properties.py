"""Invariants of the risk engine, checked on generated logs (hypothesis)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from injuries.risk import assess
from tests.factories import ON, cross, day, frames, pain, run, shoe

run_st = st.builds(
    lambda offset, km, minutes, rpe, kind, shoe_id, warm: run(offset, km, minutes, rpe, kind, shoe_id, warm),
    st.integers(-60, 0),
    st.floats(0.5, 60),
    st.floats(5, 400),
    st.one_of(st.none(), st.integers(0, 10)),
    st.sampled_from(["easy", "long", "tempo", "intervals", "race", "recovery"]),
    st.one_of(st.none(), st.integers(1, 3)),
    st.booleans(),
)
cross_st = st.builds(
    lambda offset, minutes, rpe, activity: cross(offset, minutes, rpe, activity),
    st.integers(-60, 0),
    st.floats(5, 240),
    st.one_of(st.none(), st.integers(0, 10)),
    st.sampled_from(["cycling", "swimming", "strength", "yoga"]),
)
pain_st = st.builds(
    lambda offset, d, a, n, swelling: pain(offset, d, a, n, swelling=swelling),
    st.integers(-30, 0),
    st.one_of(st.none(), st.integers(0, 10)),
    st.one_of(st.none(), st.integers(0, 10)),
    st.one_of(st.none(), st.integers(0, 10)),
    st.booleans(),
)
SETTINGS = settings(max_examples=60, deadline=None)


@SETTINGS
@given(st.lists(run_st, max_size=40), st.lists(cross_st, max_size=10), st.lists(pain_st, max_size=5))
def test_any_log_gives_valid_ordered_flags(runs, crosses, pains):
    result = assess(frames(runs=runs, crosses=crosses, pains=pains), ON)
    order = {"high": 0, "caution": 1, "info": 2}

    assert all(f.severity in order for f in result.flags)
    assert [order[f.severity] for f in result.flags] == sorted(order[f.severity] for f in result.flags)


@SETTINGS
@given(st.lists(run_st, min_size=1, max_size=40), st.data())
def test_a_new_rest_day_never_creates_rest_missing(runs, data):
    before = {f.code for f in assess(frames(runs=runs), ON).flags}
    rest_day = data.draw(st.sampled_from(sorted({r["day"] for r in runs})))
    after = assess(frames(runs=[r for r in runs if r["day"] != rest_day]), ON)

    if "rest.missing" not in before:
        assert "rest.missing" not in {f.code for f in after.flags}


@SETTINGS
@given(st.lists(run_st, min_size=2, max_size=30), st.floats(0.1, 10))
def test_scaling_every_distance_leaves_the_spike_ratio_unchanged(runs, factor):
    def spike(rs):
        found = [f for f in assess(frames(runs=rs), ON).flags if f.code == "overtraining.session_spike"]
        return (found[0].severity, found[0].evidence["ratio"]) if found else None

    scaled = [{**r, "distance_m": r["distance_m"] * factor} for r in runs]
    assert spike(scaled) == spike(runs)


@SETTINGS
@given(st.floats(0, 5000), st.floats(0, 3000), st.floats(100, 2000), st.integers(-200, 0))
def test_retired_shoes_never_flag(logged_km, start_km, retire_km, retired_offset):
    fr = frames(shoes=[shoe(1, logged_km, start_km, retire_km, retired_offset=retired_offset)])

    assert not [f for f in assess(fr, ON).flags if f.code.startswith("footwear.")]


session_st = st.builds(
    lambda offset, run_id: {**run(offset, km=3, minutes=30, rpe=3), "run_id": run_id, "plan_session": True},
    st.integers(-40, 0),
    st.integers(1, 60),
)
plan_pain_st = st.builds(
    lambda offset, d, a, n, swelling, run_id: {**pain(offset, d, a, n, swelling=swelling), "run_id": run_id},
    st.integers(-40, 0),
    st.one_of(st.none(), st.integers(0, 10)),
    st.one_of(st.none(), st.integers(0, 10)),
    st.one_of(st.none(), st.integers(0, 10)),
    st.booleans(),
    st.one_of(st.none(), st.integers(1, 60)),
)


@SETTINGS
@given(
    st.lists(session_st, max_size=30),
    st.lists(plan_pain_st, max_size=20),
    st.integers(-45, 0),
    st.one_of(st.none(), st.integers(-45, 0)),
)
def test_any_plan_log_gives_a_valid_plan(sessions, pains, start, cleared):
    plan = {"plan_id": 1, "location": "inner_knee", "started_on": day(start), "baseline": 1, "cleared_on": None}
    if cleared is not None:
        plan["cleared_on"] = day(cleared)
    result = assess(frames(runs=sessions, pains=pains, plans=[plan]), ON).plan
    document = result.document()

    assert 1 <= document["phase"] <= 8
    assert document["status"] in {"active", "paused", "done"}
    assert document["green_at_phase"] in ({2} if document["status"] == "done" else {0, 1})
    assert (document["next_session"] is None) == (document["status"] == "done")
    assert document["last_session"] in {None, "green", "amber", "red", "unknown"}
    served = [s.report_id for s in result.sessions if s.report_id is not None]
    assert len(served) == len(set(served))  # a report serves one session at most


@SETTINGS
@given(st.lists(run_st, max_size=40), st.lists(pain_st, max_size=8))
def test_what_came_before_an_episode_lies_in_the_14_days_before_its_onset(runs, pains):
    for episode in assess(frames(runs=runs, pains=pains), ON).episodes:
        codes = [b.code for b in episode.before]
        assert len(codes) == len(set(codes))
        for item in episode.before:
            assert episode.onset - dt.timedelta(days=14) <= item.date <= episode.onset - dt.timedelta(days=1)
