"""Invariants of the risk engine, checked on generated logs (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from injuries.risk import assess
from tests.factories import ON, cross, frames, pain, run, shoe

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
