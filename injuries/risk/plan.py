"""The return-to-run plan: where the runner stands on the walk-run ladder, derived from the log alone.

Nothing about a plan's progress is stored. From the plan's start, its baseline morning score, its
clearance date and the runs marked as plan sessions with their pain reports, `evaluate()` replays
every session through the pain-monitoring gate (docs/risk-rules.md, "The return-to-run plan"), so
the answer is the same after an import or an edit as it would have been live.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from .frames import Frames
from .rules.base import Flag, span
from .rules.pain import body_part, location_pain, red_flag_signs, red_zone_reports
from .text import N_, Day, Many, Num, Text

# (repeats, run minutes, walk minutes) of each phase, about 30 minutes at effort 3–5 on flat ground.
PHASES: tuple[tuple[int, int, int], ...] = (
    (6, 1, 4),
    (6, 2, 3),
    (6, 3, 2),
    (6, 4, 1),
    (3, 9, 1),
    (2, 14, 1),
    (1, 30, 0),
    (1, 40, 0),
)
LAST_PHASE = len(PHASES)
GREENS_TO_CLIMB = 2  # green sessions at a phase (not necessarily in a row) before the next one
DAY_OFF_UNTIL_PHASE = 6  # phases 1–6: keep a day off between sessions
OFFER_DAYS = 28  # a red-zone or red-flag report this recent offers a plan
RED_FLAG_DAYS = 14  # while a red flag is this recent, starting needs a confirmation first
GREEN_MAX, AMBER_MAX = 2, 5  # session pain (during / after) of the green and amber zones

STATUSES = ("active", "paused", "done", "ended")
ZONES = ("green", "amber", "red", "unknown")


def session_of(phase: int) -> dict:
    repeats, run_min, walk_min = PHASES[phase - 1]
    return {"repeats": repeats, "run_min": run_min, "walk_min": walk_min}


def session_label(phase: int) -> Text:
    """ "6 × (3 min run, 2 min walk)" or "30 min continuous"."""
    repeats, run_min, walk_min = PHASES[phase - 1]
    if walk_min == 0:
        return N_("%(run)s min continuous", run=Num(run_min, "d"))
    return N_(
        "%(repeats)s × (%(run)s min run, %(walk)s min walk)",
        repeats=Num(repeats, "d"),
        run=Num(run_min, "d"),
        walk=Num(walk_min, "d"),
    )


def ladder() -> list[dict]:
    """Every phase with its session, for the plan page."""
    return [{"phase": n, **session_of(n), "label": session_label(n)} for n in range(1, LAST_PHASE + 1)]


def baseline_for(pain: pd.DataFrame, location: str, start: dt.date) -> float:
    """The plan's baseline, fixed at its start: the last next-morning score of its location dated before
    the start day, 0 if none."""
    before = pain[(pain["location"] == location) & (pain["day"] < pd.Timestamp(start))]["next_morning"].dropna()
    return float(before.iloc[-1]) if len(before) else 0.0


@dataclass(frozen=True)
class Session:
    """One plan session as the plan read it."""

    day: dt.date
    run_id: int | None
    phase: int  # the phase it was run at
    zone: str  # green | amber | red | unknown
    outcome: str  # climbed | green | held | stepped_back | paused | unknown | not_counted | done
    why: Text
    report_id: int | None = None
    during: float | None = None
    after: float | None = None
    next_morning: float | None = None
    red_flag: list[Text] = field(default_factory=list)
    day_after_another: bool = False  # run on the day after the previous session

    @property
    def pain_text(self) -> Text:
        """ "2 during, 1 after, 0 next morning" ("–" for a score not given)."""
        during, after, morning = (
            "–" if v is None else Num(v, "g") for v in (self.during, self.after, self.next_morning)
        )
        return N_(
            "%(during)s during, %(after)s after, %(morning)s next morning", during=during, after=after, morning=morning
        )


@dataclass(frozen=True)
class Plan:
    plan_id: int | None
    location: str
    started_on: dt.date
    baseline: float
    cleared_on: dt.date | None
    ended_on: dt.date | None  # ended early by the runner
    phase: int
    status: str  # active | paused | done | ended
    last_session: str | None  # the zone of the last session that counted, None before the first
    green_at_phase: int
    sessions: list[Session]
    paused_on: dt.date | None = None
    paused_by_runner: bool = False  # paused from the plan page (a holiday, an illness), not by a red flag
    done_on: dt.date | None = None
    next_session_on: dt.date | None = None  # the first day the next session should be run
    on: dt.date | None = None  # the day it was read on

    phases: int = LAST_PHASE

    @property
    def location_label(self) -> Text:
        return body_part(self.location)

    @property
    def today_label(self) -> Text:
        """ "Phase 3 of 8: 6 × (3 min run, 2 min walk)"."""
        return N_(
            "Phase %(phase)s of %(phases)s: %(session)s",
            phase=Num(self.phase, "d"),
            phases=Num(LAST_PHASE, "d"),
            session=session_label(self.phase),
        )

    @property
    def paused_by(self) -> list[Text]:
        """The red-flag symptoms of the session that paused the plan."""
        pausing = [s for s in self.sessions if s.outcome == "paused"]
        if self.status != "paused" or self.paused_by_runner:
            return []
        return pausing[-1].red_flag if pausing else []

    @property
    def last_day(self) -> dt.date | None:
        counted = [s.day for s in self.sessions if s.outcome != "not_counted"]
        return counted[-1] if counted else None

    @property
    def next_session(self) -> dict | None:
        return None if self.status in ("done", "ended") else session_of(self.phase)

    @property
    def next_session_label(self) -> Text | None:
        return None if self.next_session is None else session_label(self.phase)

    @property
    def rest_today(self) -> bool:
        """Today is the day off between two sessions (phases 1–6)."""
        return self.status == "active" and self.next_session_on is not None and self.next_session_on > self.on

    def document(self) -> dict:
        """The `"plan"` object of risk_report (docs/risk-rules.md)."""
        return {
            "kind": "return_to_run",
            "location": self.location,
            "started_on": self.started_on.isoformat(),
            "phase": self.phase,
            "phases": LAST_PHASE,
            "status": self.status,
            "last_session": self.last_session,
            "green_at_phase": self.green_at_phase,
            "next_session": self.next_session,
        }


def _day(value) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _id(value) -> int | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)


def _score(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def zone_of(report, baseline: float) -> str:
    """green: during and after ≤ 2 (missing = 0), morning ≤ baseline (missing: not above); amber: the higher
    of during/after 3–5, morning ≤ baseline; red: during or after > 5, or morning above baseline."""
    session_pain = max(_score(report.during) or 0.0, _score(report.after) or 0.0)
    morning = _score(report.next_morning)
    if session_pain > AMBER_MAX or (morning is not None and morning > baseline):
        return "red"
    return "amber" if session_pain > GREEN_MAX else "green"


_WORST = {"green": 0, "amber": 1, "red": 2}


def _reports_for_sessions(sessions: list, pain: list, baseline: float) -> list:
    """Each session's report: linked to its run, else an unlinked one dated that day, else the next day.

    Sessions are served in order, so a report serves the earliest session it can; among several
    candidates the worst zone (a red flag worst of all) wins, and only that one is used up.
    """
    linked: dict = {}
    unlinked: dict = {}
    for report in pain:
        if pd.isna(report.run_id):
            unlinked.setdefault(report.day, []).append(report)
        else:
            linked.setdefault(int(report.run_id), []).append(report)
    used: set = set()

    def worst(candidates):
        free = [r for r in candidates if r.Index not in used]
        if not free:
            return None
        return max(free, key=lambda r: (bool(red_flag_signs(r)), _WORST[zone_of(r, baseline)], -r.Index))

    chosen = []
    for session in sessions:
        run_id = _id(session.run_id)
        report = None
        for candidates in (
            linked.get(run_id, []) if run_id is not None else [],
            unlinked.get(session.day, []),
            unlinked.get(session.day + span(1), []),
        ):
            report = worst(candidates)
            if report is not None:
                break
        if report is not None:
            used.add(report.Index)
        chosen.append(report)
    return chosen


def evaluate(plan, frames: Frames, on: pd.Timestamp, until: pd.Timestamp | None = None) -> Plan:
    """Replay a plan (a row of frames.plans) up to `on` (or `until`, the day before the next plan began)."""
    start = pd.Timestamp(plan.started_on)
    cleared = None if pd.isna(plan.cleared_on) else pd.Timestamp(plan.cleared_on)
    ended = None if pd.isna(plan.ended_on) or plan.ended_on > on else pd.Timestamp(plan.ended_on)
    # The runner's own pause (a holiday, an illness) acts on the replay from its day like a red-flag pause
    # would, but without a symptom: the phase and its green count are kept, and cleared_on resumes it.
    runner_pause = _day(plan.paused_on)
    runner_pause = None if runner_pause is None else pd.Timestamp(runner_pause)
    last = min(d for d in (on, until, ended) if d is not None)
    baseline = float(plan.baseline) if not pd.isna(plan.baseline) else 0.0
    runs = [r for r in frames.rows("runs", start, last) if r.plan_session]
    pain = [r for r in frames.rows("pain", start, last + span(1)) if r.location == plan.location]
    reports = _reports_for_sessions(runs, pain, baseline)

    phase, greens, status, last_zone = 1, 0, "active", None
    paused_on = done_on = None
    by_runner = False
    previous_day = None

    def pause_by_runner_before(day) -> bool:
        """Apply the runner's pause once the replay reaches its day, if the plan is running then."""
        nonlocal status, paused_on, by_runner, runner_pause
        if runner_pause is None or day < runner_pause or status != "active":
            return False
        status, paused_on, by_runner, runner_pause = "paused", runner_pause, True, None
        return True

    sessions: list[Session] = []
    for run, report in zip(runs, reports, strict=True):
        day = run.day
        back_to_back = previous_day is not None and day - previous_day == span(1)
        previous_day = day
        scores = {}
        signs: list[Text] = []
        zone = "unknown"
        if report is not None:
            scores = {
                "during": _score(report.during),
                "after": _score(report.after),
                "next_morning": _score(report.next_morning),
            }
            signs = red_flag_signs(report)
            zone = zone_of(report, baseline)
        at = phase
        pause_by_runner_before(day)
        if status == "paused" and cleared is not None and cleared >= paused_on and day >= cleared:
            status, by_runner = "active", False
        if status in ("paused", "done"):
            why = (
                N_("Run while the plan was paused: it does not count.")
                if status == "paused"
                else N_("Run after the plan was done: ordinary rules apply.")
            )
            outcome = "not_counted"
        elif signs:
            status, paused_on, greens, last_zone = "paused", day, 0, "red"
            outcome = "paused"
            why = N_(
                "Red-flag symptom (%(signs)s): the plan is paused at phase %(phase)s until a clinician has seen it or "
                "30 minutes of brisk walking are pain-free.",
                signs=Many(tuple(signs), ", "),
                phase=Num(phase, "d"),
            )
        elif zone == "unknown":
            outcome, last_zone = "unknown", "unknown"
            why = N_(
                "No pain report for this session, so it does not count yet: log the scores during, after and the "
                "next morning."
            )
        elif zone == "green":
            greens += 1
            last_zone = "green"
            if greens < GREENS_TO_CLIMB:
                outcome = "green"
                why = N_(
                    "Green: %(more)s more green session at phase %(phase)s to move on.",
                    more=Num(GREENS_TO_CLIMB - greens, "d"),
                    phase=Num(phase, "d"),
                )
            elif phase == LAST_PHASE:
                outcome, status, done_on = "done", "done", day
                why = N_("Second green session at phase %(phase)s: the plan is done.", phase=Num(LAST_PHASE, "d"))
            else:
                outcome = "climbed"
                phase, greens = phase + 1, 0
                why = N_(
                    "Second green session at phase %(phase)s: on to phase %(next)s.",
                    phase=Num(at, "d"),
                    next=Num(phase, "d"),
                )
        elif zone == "amber":
            outcome, greens, last_zone = "held", 0, "amber"
            why = N_(
                "Amber (pain %(score)s/10): phase %(phase)s is repeated.",
                score=Num(_session_pain(scores), "g"),
                phase=Num(phase, "d"),
            )
        else:
            outcome, greens, last_zone = "stepped_back", 0, "red"
            phase = max(1, phase - 1)
            why = _red_why(scores, baseline, phase if phase < at else None)
        if back_to_back and outcome not in ("not_counted",) and at <= DAY_OFF_UNTIL_PHASE:
            why = Text.sentences(
                why,
                N_("It came the day after the previous session: keep a day off between sessions until phase 7."),
            )
        sessions.append(
            Session(
                day=day.date(),
                run_id=_id(run.run_id),
                phase=at,
                zone=zone,
                outcome=outcome,
                why=why,
                report_id=None if report is None else _id(report.report_id),
                during=scores.get("during"),
                after=scores.get("after"),
                next_morning=scores.get("next_morning"),
                red_flag=signs,
                day_after_another=back_to_back,
            )
        )
    pause_by_runner_before(last)
    if status == "paused" and cleared is not None and paused_on <= cleared <= last:
        status, by_runner = "active", False
    if ended is not None and status != "done":
        status = "ended"
    counted = [s for s in sessions if s.outcome != "not_counted"]
    next_on = None
    if status == "active":
        gap = 2 if phase <= DAY_OFF_UNTIL_PHASE else 1
        latest = pd.Timestamp(counted[-1].day) if counted else None
        next_on = (on if latest is None else max(on, latest + span(gap))).date()
    return Plan(
        plan_id=_id(plan.plan_id),
        location=plan.location,
        started_on=start.date(),
        baseline=baseline,
        cleared_on=_day(cleared),
        ended_on=_day(ended),
        phase=phase,
        status=status,
        last_session=last_zone,
        green_at_phase=GREENS_TO_CLIMB if status == "done" else greens,
        sessions=sessions,
        paused_on=_day(paused_on) if status == "paused" else None,
        paused_by_runner=status == "paused" and by_runner,
        done_on=_day(done_on),
        next_session_on=next_on,
        on=on.date(),
    )


def _session_pain(scores: dict) -> float:
    return max(scores.get("during") or 0.0, scores.get("after") or 0.0)


def _red_why(scores: dict, baseline: float, back_to: int | None) -> Text:
    """Why a red session steps the plan back, and to which phase (None: phase 1 is repeated)."""
    pain = _session_pain(scores)
    if pain > AMBER_MAX:
        score = Num(pain, "g")
        if back_to is None:
            return N_("Red (pain %(score)s/10): phase 1 is repeated.", score=score)
        return N_("Red (pain %(score)s/10): back to phase %(phase)s.", score=score, phase=Num(back_to, "d"))
    said = {"score": Num(scores["next_morning"], "g"), "baseline": Num(baseline, "g")}
    if back_to is None:
        return N_(
            "Red (next-morning pain %(score)s/10, above your baseline of %(baseline)s): phase 1 is repeated.", **said
        )
    return N_(
        "Red (next-morning pain %(score)s/10, above your baseline of %(baseline)s): back to phase %(phase)s.",
        phase=Num(back_to, "d"),
        **said,
    )


def plans(frames: Frames, on: pd.Timestamp) -> list[Plan]:
    """Every plan started on or before `on`, oldest first, each read up to the day before the next began."""
    rows = [p for p in frames.rows("plans") if p.started_on <= on]
    out = []
    for i, row in enumerate(rows):
        until = rows[i + 1].started_on - span(1) if i + 1 < len(rows) else None
        out.append(evaluate(row, frames, on, until))
    return out


def current(frames: Frames, on: pd.Timestamp) -> Plan | None:
    """The plan risk_report shows: the latest one started on or before `on`, unless it was ended early."""
    started = [p for p in frames.rows("plans") if p.started_on <= on]
    if not started:
        return None
    plan = evaluate(started[-1], frames, on)
    return None if plan.status == "ended" else plan


def red_flag_active(frames: Frames, on: pd.Timestamp) -> bool:
    """A report of the last 14 days meets pain.red_flag: a plan cannot start (or resume) unconfirmed."""
    return any(red_flag_signs(r) for r in frames.rows("pain", on - span(RED_FLAG_DAYS - 1), on))


def offer(frames: Frames, on: pd.Timestamp, plan: Plan | None) -> list[Flag]:
    """plan.return_to_run: a red-zone or red-flag report in the last 28 days, and no plan active or paused."""
    if plan is not None and plan.status in ("active", "paused"):
        return []
    first = on - span(OFFER_DAYS - 1)
    red = {r.Index: r for r in red_zone_reports(frames, first, on)}
    flagged = {r.Index: r for r in frames.rows("pain", first, on) if red_flag_signs(r)}
    reports = {**red, **flagged}
    if not reports:
        return []
    report = reports[max(reports, key=lambda i: (reports[i].day, i))]
    confirm = red_flag_active(frames, on)
    said = {"location": location_pain(report.location), "day": Day(report.day)}
    reason = "red_flag" if report.Index in flagged else "red_zone"
    return [
        Flag(
            "plan.return_to_run",
            "info",
            N_("A way back: a return-to-run plan"),
            N_(
                "After your %(location)s pain of %(day)s, a walk-run ladder brings you back to normal running in "
                "eight steps, each one climbed only while pain stays low. Because of the red-flag symptoms, start "
                "it once a clinician has seen your %(location)s or 30 minutes of brisk walking are pain-free.",
                **said,
            )
            if confirm
            else N_(
                "After your %(location)s pain of %(day)s, a walk-run ladder brings you back to normal running in "
                "eight steps, each one climbed only while pain stays low.",
                **said,
            ),
            {
                "location": report.location,
                "date": report.day.date().isoformat(),
                "reason": reason,
                "needs_confirmation": confirm,
            },
        )
    ]


def sessions_per_week(plan: Plan, monday: dt.date) -> list[Session]:
    """The plan's sessions in the week starting `monday` (the digest's week)."""
    sunday = monday + dt.timedelta(days=6)
    return [s for s in plan.sessions if monday <= s.day <= sunday]


__all__ = [
    "LAST_PHASE",
    "PHASES",
    "Plan",
    "Session",
    "baseline_for",
    "current",
    "evaluate",
    "ladder",
    "offer",
    "plans",
    "red_flag_active",
    "session_label",
    "session_of",
    "sessions_per_week",
    "zone_of",
]
