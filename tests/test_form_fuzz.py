"""Arbitrary values into every form, directly and through its view: a valid object or a form error, never a 500."""

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from injuries.forms import MorningScoreForm, PainReportForm
from runlog.log.forms import CrossTrainingForm, ProfileForm, RunForm, ShoeForm, SignupForm
from tests.factories import PainReportFactory, ProfileFactory, UserFactory

values = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**6), 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        [
            "",
            "0",
            "10",
            "11",
            "-1",
            "0.1",
            "350",
            "351",
            "1:00",
            "24:00:00",
            "2026-11-25",
            "2026-02-30",
            "9999-12-31",
            "07:00",
            "25:61",
            "easy",
            "race",
            "inner_knee",
            "left",
            "on",
            "neutral",
            "Europe/Berlin",
            "mi",
            "km",
            "\x00",
            "' OR 1=1 --",
            "<script>",
        ]
    ),
)
# Every field each form declares, so a field added later is fuzzed too.
FIELDS = {form: list(form.base_fields) for form in (RunForm, CrossTrainingForm, ShoeForm, PainReportForm)}
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def runner(db):
    return ProfileFactory(user=UserFactory(username="fuzz"))


@pytest.mark.parametrize("form_class", list(FIELDS))
def test_log_forms_give_an_object_or_errors(runner, form_class):
    @FUZZ
    @given(st.fixed_dictionaries({}, optional={name: values for name in FIELDS[form_class]}))
    def check(data):
        form = form_class(data, profile=runner)
        if form.is_valid():
            with transaction.atomic():
                obj = form.save()
                assert obj.pk
                transaction.set_rollback(True)
        else:
            assert form.errors

    check()


def test_profile_signup_and_morning_forms(runner):
    report = PainReportFactory(user=runner.user, date=dt.date(2026, 11, 20), during=3)

    @FUZZ
    @given(
        st.dictionaries(
            st.sampled_from(
                [
                    "units",
                    "timezone",
                    "digest_enabled",
                    "digest_weekday",
                    "foot_type",
                    "default_shoe",
                    "username",
                    "email",
                    "password1",
                    "password2",
                    "next_morning",
                ]
            ),
            values,
        )
    )
    def check(data):
        for form in (ProfileForm(data, instance=runner), SignupForm(data), MorningScoreForm(data, instance=report)):
            if form.is_valid():
                with transaction.atomic():
                    form.save()
                    transaction.set_rollback(True)
            else:
                assert form.errors

    check()


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("/runs/new/", FIELDS[RunForm]),
        ("/cross-training/new/", FIELDS[CrossTrainingForm]),
        ("/shoes/new/", FIELDS[ShoeForm]),
        ("/pain/new/", FIELDS[PainReportForm]),
        ("/settings/", ["units", "timezone", "digest_enabled", "digest_weekday", "foot_type", "default_shoe"]),
    ],
)
def test_views_never_answer_500(runner, path, fields):
    client = Client(raise_request_exception=False)
    client.force_login(runner.user)

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.dictionaries(st.sampled_from(fields), values), st.booleans())
    def check(data, htmx):
        response = client.post(path, data, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
        assert response.status_code in (200, 302, 422), (data, response.status_code)

    check()
