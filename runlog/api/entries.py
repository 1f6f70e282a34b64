"""The log's entries as the API shows them, and API input run through the same forms as the pages.

Every write goes through the entry's own form (RunForm, ShoeForm, CrossTrainingForm, PainReportForm), so
the API accepts what the pages accept and refuses the rest with the same messages; the bounds live once,
in runlog.log.bounds. Distances travel in kilometres and durations in seconds whatever the runner's unit.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db import models, transaction

from injuries.forms import PainReportForm
from injuries.models import NRS_FIELDS, SYMPTOM_FIELDS, PainReport
from runlog.log import units as u
from runlog.log.bounds import DATE_MIN
from runlog.log.forms import CrossTrainingForm, RunForm, ShoeForm
from runlog.log.models import CrossTraining, Profile, Run, Shoe, Units, local_day_bounds
from runlog.site.localtime import in_zone

LAST_FILTER_DAY = dt.date(9999, 12, 1)


def _km(metres: float | None, digits: int = 3) -> float | None:
    return None if metres is None else round(metres / u.KM, digits)


def _start(start: dt.datetime, tz) -> str:
    return in_zone(start, tz).isoformat()


@dataclass(frozen=True, eq=False)  # each resource is itself, found by identity
class Resource:
    """One kind of entry: its model, form, how it is shown, and how API fields become form fields."""

    noun: str
    model: type[models.Model]
    form_class: type[forms.ModelForm]
    dated_by: str  # the field `since`/`until` filter on and the list is ordered by, newest first
    fields: dict[str, str]  # API field -> form field, for errors
    defaults: dict[str, Any] = field(default_factory=dict)  # a new entry's values the form's page preselects

    def own(self, user) -> models.QuerySet:
        return self.model.objects.filter(user=user).order_by(f"-{self.dated_by}", "-pk")

    def in_period(self, queryset: models.QuerySet, profile: Profile, since: dt.date | None, until: dt.date | None):
        if self.dated_by == "date":
            if since:
                queryset = queryset.filter(date__gte=since)
            if until:
                queryset = queryset.filter(date__lte=until)
            return queryset
        # Days are the runner's own: a run at 00:30 in Berlin belongs to that Berlin day. Days before the
        # earliest entry or after the last one a calendar holds filter nothing more (and cannot overflow).
        if since:
            first = local_day_bounds(max(since, DATE_MIN), max(since, DATE_MIN), profile.tz)[0]
            queryset = queryset.filter(**{f"{self.dated_by}__gte": first})
        if until and until < LAST_FILTER_DAY:
            last = local_day_bounds(until, until, profile.tz)[1]
            queryset = queryset.filter(**{f"{self.dated_by}__lt": last})
        return queryset


def run_out(run: Run, profile: Profile) -> dict[str, Any]:
    return {
        "id": run.pk,
        "start": _start(run.start, profile.tz),
        "distance_km": _km(run.distance_m),
        "duration_s": run.duration_s,
        "kind": run.kind,
        "rpe": run.rpe,
        "shoe": run.shoe_id,
        "warm_up": run.warm_up,
        "surface": run.surface,
        "avg_hr": run.avg_hr,
        "max_hr": run.max_hr,
        "avg_cadence_spm": run.avg_cadence_spm,
        "elevation_gain_m": run.elevation_gain_m,
        "plan_session": run.plan_session,
        "notes": run.notes,
        "source": run.source,
    }


def shoe_out(shoe: Shoe, profile: Profile) -> dict[str, Any]:
    return {
        "id": shoe.pk,
        "name": shoe.name,
        "brand": shoe.brand,
        "model": shoe.model,
        "support": shoe.support,
        "start_km": _km(shoe.start_m, 1),
        "retire_at_km": _km(shoe.retire_at_m, 1),
        "purchased_on": shoe.purchased_on,
        "retired_on": shoe.retired_on,
    }


def cross_training_out(session: CrossTraining, profile: Profile) -> dict[str, Any]:
    return {
        "id": session.pk,
        "start": _start(session.start, profile.tz),
        "activity": session.activity,
        "duration_s": session.duration_s,
        "rpe": session.rpe,
        "distance_km": _km(session.distance_m),
        "notes": session.notes,
    }


def pain_out(report: PainReport, profile: Profile) -> dict[str, Any]:
    return {
        "id": report.pk,
        "date": report.date,
        "location": report.location,
        "side": report.side,
        **{name: getattr(report, name) for name in (*NRS_FIELDS, *SYMPTOM_FIELDS)},
        "run": report.run_id,
        "notes": report.notes,
    }


RUNS = Resource(
    "run",
    Run,
    RunForm,
    "start",
    {"start": "date", "distance_km": "distance", "duration_s": "duration", "confirm_long": "confirm_long"},
    {"kind": "easy"},
)
SHOES = Resource(
    "shoe",
    Shoe,
    ShoeForm,
    "created_at",
    {"start_km": "start_distance", "retire_at_km": "retire_distance"},
    {"support": "neutral", "retire_at_km": 800.0},
)
CROSS_TRAINING = Resource(
    "cross-training session", CrossTraining, CrossTrainingForm, "start", {"duration_s": "duration"}
)
PAIN_REPORTS = Resource("pain report", PainReport, PainReportForm, "date", {})
SHOWN = {RUNS: run_out, SHOES: shoe_out, CROSS_TRAINING: cross_training_out, PAIN_REPORTS: pain_out}


def shown(resource: Resource, obj: models.Model, profile: Profile) -> dict[str, Any]:
    return SHOWN[resource](obj, profile)


def _local_date_time(value: Any, profile: Profile) -> tuple[str, str]:
    """A start (an aware datetime, or a naive one in the runner's zone) as the form's date and time."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    local = in_zone(value, profile.tz) if value.tzinfo else value
    return local.date().isoformat(), local.strftime("%H:%M:%S")


def _decimal(value: float | str | None, digits: int) -> str:
    return "" if value in (None, "") else f"{value:.{digits}f}"


def _optional(value: Any) -> Any:
    return "" if value is None else value


def form_data(resource: Resource, values: dict[str, Any], profile: Profile) -> dict[str, Any]:
    """The form fields for an entry with these API values (a whole entry: new, or saved + changes)."""
    data = {key: _optional(value) for key, value in values.items() if key != "id"}
    if "start" in values:
        data.pop("start")
        if values["start"] not in (None, ""):
            data["date"], data["time"] = _local_date_time(values["start"], profile)
    if resource is RUNS:
        data["distance"] = _decimal(data.pop("distance_km", None), 3)
    if resource in (RUNS, CROSS_TRAINING):
        seconds = data.pop("duration_s", "")
        data["duration"] = u.format_duration(seconds) if isinstance(seconds, int) else ""
        data.pop("distance_km", None)  # cross-training's distance comes from files only
    if resource is SHOES:
        data["start_distance"] = _decimal(data.pop("start_km", None), 1)
        data["retire_distance"] = _decimal(data.pop("retire_at_km", None), 1)
    for flag in ("warm_up", "plan_session", "confirm_long", *SYMPTOM_FIELDS):
        if data.get(flag) is False:
            data.pop(flag)  # an unchecked box is absent from a form post
    for key, value in list(data.items()):
        if isinstance(value, dt.date):
            data[key] = value.isoformat()
    return data


def in_kilometres(profile: Profile) -> Profile:
    """The runner's profile as the forms see it, but in kilometres (the API's unit)."""
    km = copy.copy(profile)
    km.units = Units.KM
    return km


class Refused(Exception):
    """The form refused the entry: [{"loc": [...], "msg": ...}] in the API's field names."""

    def __init__(self, errors: list[dict]):
        super().__init__(errors)
        self.errors = errors


def _errors(resource: Resource, form: forms.BaseForm) -> list[dict]:
    api_name = {form_name: api for api, form_name in resource.fields.items()}
    if "time" in form.errors:
        api_name["time"] = "start"
    errors = []
    for name, messages in form.errors.items():
        location = ["body"] if name == "__all__" else ["body", api_name.get(name, name)]
        errors += [{"loc": location, "msg": message, "type": "value_error"} for message in messages]
    return errors


def save(resource: Resource, profile: Profile, values: dict[str, Any], instance=None):
    """Save an entry through its form; Refused with the form's messages if it does not validate."""
    form_profile = in_kilometres(profile)
    data = form_data(resource, values, form_profile)
    with transaction.atomic():
        if instance is not None:
            # Locked until saved, as the edit page does: no other save slips between check and write.
            instance = resource.model._default_manager.select_for_update().get(pk=instance.pk)
        form = resource.form_class(data, instance=instance, profile=form_profile)
        if not form.is_valid():
            raise Refused(_errors(resource, form))
        return form.save()


def new_values(resource: Resource, profile: Profile, given: dict[str, Any]) -> dict[str, Any]:
    """A new entry's values: what was sent, over what the form's page would preselect (a run not naming a
    shoe is in the runner's default shoe, as on the page)."""
    values = dict(resource.defaults)
    if resource is RUNS and profile.default_shoe_id and not profile.default_shoe.is_retired:
        values["shoe"] = profile.default_shoe_id
    return values | given


def saved_values(resource: Resource, obj: models.Model, profile: Profile) -> dict[str, Any]:
    """What a PATCH starts from: the entry as the API shows it, without what the forms do not take."""
    values = shown(resource, obj, profile)
    for name in ("id", "source", "max_hr", "avg_cadence_spm", "retired_on"):
        values.pop(name, None)
    if resource is CROSS_TRAINING:
        values.pop("distance_km")
    return values
