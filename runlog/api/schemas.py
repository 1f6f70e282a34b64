"""The API's request and response bodies (the OpenAPI document is written from these)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.utils.translation import gettext
from ninja import Field, Schema
from pydantic import BeforeValidator, StrictBool, StrictFloat, StrictInt, StrictStr

from injuries.models import Location, Side
from runlog.log.models import Activity, RunKind, ShoeSupport, Source, Surface

RunKindName = Literal[*RunKind.values]
SurfaceName = Literal["", *Surface.values]
ActivityName = Literal[*Activity.values]
SupportName = Literal[*ShoeSupport.values]
LocationName = Literal[*Location.values]
SideName = Literal[*Side.values]
SourceName = Literal[*Source.values]


def _iso_day(value: Any) -> Any:
    """Only YYYY-MM-DD is a day: not a number of seconds since 1970, which pydantic would also read."""
    if isinstance(value, str) and len(value) == 10:
        return dt.date.fromisoformat(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise ValueError(gettext("Write the day as YYYY-MM-DD."))


def _iso_moment(value: Any) -> Any:
    """Only an ISO 8601 date and time is a start (with its offset, or in the runner's own zone)."""
    if isinstance(value, str) and "T" in value.upper():
        return dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value
    raise ValueError(gettext("Write the start as YYYY-MM-DDTHH:MM:SS, with its UTC offset or in your own time zone."))


Day = Annotated[dt.date, BeforeValidator(_iso_day)]
Moment = Annotated[dt.datetime, BeforeValidator(_iso_moment)]
Score = StrictInt | None


class Detail(Schema):
    """Every error: a sentence, or for refused input a list of {"loc", "msg"} naming the field."""

    detail: str | list[dict[str, Any]]


class RunOut(Schema):
    id: int
    start: dt.datetime
    distance_km: float
    duration_s: int
    kind: RunKindName
    rpe: int | None
    shoe: int | None
    warm_up: bool
    surface: SurfaceName
    avg_hr: int | None
    max_hr: int | None
    avg_cadence_spm: float | None
    elevation_gain_m: float | None
    plan_session: bool
    notes: str
    source: SourceName


class RunPatch(Schema):
    start: Moment | None = Field(None, description="With its UTC offset; a time without one is the runner's own")
    distance_km: StrictFloat | None = None
    duration_s: StrictInt | None = None
    kind: RunKindName | None = None
    rpe: StrictInt | None = None
    shoe: StrictInt | None = None
    warm_up: StrictBool | None = None
    surface: SurfaceName | None = None
    avg_hr: StrictInt | None = None
    elevation_gain_m: StrictFloat | None = None
    plan_session: StrictBool | None = None
    notes: StrictStr | None = None
    confirm_long: StrictBool | None = Field(None, description="Confirms a run far longer than any before")


class RunIn(RunPatch):
    start: Moment
    distance_km: StrictFloat
    duration_s: StrictInt


class ShoeOut(Schema):
    id: int
    name: str
    brand: str
    model: str
    support: SupportName
    start_km: float
    retire_at_km: float
    purchased_on: dt.date | None
    retired_on: dt.date | None


class ShoePatch(Schema):
    name: StrictStr | None = None
    brand: StrictStr | None = None
    model: StrictStr | None = None
    support: SupportName | None = None
    start_km: StrictFloat | None = None
    retire_at_km: StrictFloat | None = None
    purchased_on: Day | None = None


class ShoeIn(ShoePatch):
    name: StrictStr


class CrossTrainingOut(Schema):
    id: int
    start: dt.datetime
    activity: ActivityName
    duration_s: int
    rpe: int | None
    distance_km: float | None
    notes: str


class CrossTrainingPatch(Schema):
    start: Moment | None = None
    activity: ActivityName | None = None
    duration_s: StrictInt | None = None
    rpe: StrictInt | None = None
    notes: StrictStr | None = None


class CrossTrainingIn(CrossTrainingPatch):
    start: Moment
    activity: ActivityName
    duration_s: StrictInt


class PainReportOut(Schema):
    id: int
    date: dt.date
    location: LocationName
    side: SideName
    during: Score
    after: Score
    next_morning: Score
    swelling: bool
    warmth: bool
    stiffness: bool
    locking: bool
    cannot_bear_weight: bool
    run: int | None
    notes: str


class PainReportPatch(Schema):
    date: Day | None = None
    location: LocationName | None = None
    side: SideName | None = None
    during: Score = None
    after: Score = None
    next_morning: Score = None
    swelling: StrictBool | None = None
    warmth: StrictBool | None = None
    stiffness: StrictBool | None = None
    locking: StrictBool | None = None
    cannot_bear_weight: StrictBool | None = None
    run: StrictInt | None = None
    notes: StrictStr | None = None


class PainReportIn(PainReportPatch):
    date: Day
    location: LocationName
    side: SideName


class Page(Schema):
    count: int
    page: int
    pages: int


class RunPage(Page):
    items: list[RunOut]


class ShoePage(Page):
    items: list[ShoeOut]


class CrossTrainingPage(Page):
    items: list[CrossTrainingOut]


class PainReportPage(Page):
    items: list[PainReportOut]


class ImportOut(Schema):
    id: int
    status: Literal["pending", "running", "done", "failed", "undone"]
    label: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    total_files: int
    done_files: int
    progress: int
    totals: dict[str, int]
    report: list[dict[str, Any]]


Channel = list[float | None] | None


class SamplesOut(Schema):
    """A run's samples, one list per channel, all as long as `t_s`; a channel the file lacks is null, a
    sample without a value in a channel is null in its list. A run without samples has an empty `t_s`."""

    t_s: list[float] = Field(description="Seconds from the start")
    distance_m: Channel = Field(description="Metres from the start, as the device measured them")
    lat: Channel = Field(description="Degrees north (WGS 84)")
    lon: Channel = Field(description="Degrees east (WGS 84)")
    elevation_m: Channel
    hr: Channel = Field(description="Heart rate, beats per minute")
    cadence_spm: Channel = Field(description="Step rate, steps per minute (both feet)")
    speed_m_s: Channel


class SplitOut(Schema):
    index: int = Field(description="1 for the first split")
    distance_m: float = Field(description="1000 (km) or 1609.34 (mi); the last split is the remainder")
    duration_s: float = Field(description="Moving time")
    avg_hr: int | None
    avg_cadence_spm: float | None
    elevation_gain_m: float | None
