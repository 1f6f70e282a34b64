"""The API's request and response bodies (the OpenAPI document is written from these)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from injuries.models import Location, Side
from runlog.log.models import Activity, RunKind, ShoeSupport, Source, Surface

RunKindName = Literal[*RunKind.values]
SurfaceName = Literal["", *Surface.values]
ActivityName = Literal[*Activity.values]
SupportName = Literal[*ShoeSupport.values]
LocationName = Literal[*Location.values]
SideName = Literal[*Side.values]
SourceName = Literal[*Source.values]
Score = int | None


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
    start: dt.datetime | None = Field(None, description="With its UTC offset; a time without one is the runner's own")
    distance_km: float | None = None
    duration_s: int | None = None
    kind: RunKindName | None = None
    rpe: int | None = None
    shoe: int | None = None
    warm_up: bool | None = None
    surface: SurfaceName | None = None
    avg_hr: int | None = None
    elevation_gain_m: float | None = None
    plan_session: bool | None = None
    notes: str | None = None
    confirm_long: bool | None = Field(None, description="Confirms a run far longer than any before")


class RunIn(RunPatch):
    start: dt.datetime
    distance_km: float
    duration_s: int


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
    name: str | None = None
    brand: str | None = None
    model: str | None = None
    support: SupportName | None = None
    start_km: float | None = None
    retire_at_km: float | None = None
    purchased_on: dt.date | None = None


class ShoeIn(ShoePatch):
    name: str


class CrossTrainingOut(Schema):
    id: int
    start: dt.datetime
    activity: ActivityName
    duration_s: int
    rpe: int | None
    distance_km: float | None
    notes: str


class CrossTrainingPatch(Schema):
    start: dt.datetime | None = None
    activity: ActivityName | None = None
    duration_s: int | None = None
    rpe: int | None = None
    notes: str | None = None


class CrossTrainingIn(CrossTrainingPatch):
    start: dt.datetime
    activity: ActivityName
    duration_s: int


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
    date: dt.date | None = None
    location: LocationName | None = None
    side: SideName | None = None
    during: Score = None
    after: Score = None
    next_morning: Score = None
    swelling: bool | None = None
    warmth: bool | None = None
    stiffness: bool | None = None
    locking: bool | None = None
    cannot_bear_weight: bool | None = None
    run: int | None = None
    notes: str | None = None


class PainReportIn(PainReportPatch):
    date: dt.date
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
