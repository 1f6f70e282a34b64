"""Seed the advice for the step-rate rule, the return-to-run plan, and their two topics.

Only missing keys are created, so texts an administrator edited are never overwritten; removing the
migration removes only texts nobody changed since.
"""

from django.db import migrations

RULES = [
    (
        "form.cadence", "Step rate and knee pain", "B-",
        "A step rate 5–10 % above your own lowers the load on the knee in lab studies; build it up over weeks.",
        """Your step rate (cadence) is how many steps you take per minute, both feet counted. With the same
speed, more and shorter steps mean you land with your foot closer under your body and your knee a little
more bent, and each landing is softer. In laboratory studies, running with a step rate 5 % above the
runner's own lowered the energy the knee absorbs; 10 % above lowered the load at both hip and knee, and
cut the peak force behind the kneecap by about 14 %.

That is biomechanics, not injury outcomes: no trial has yet shown that raising step rate prevents knee
injuries. It is a small, low-risk change worth trying while your knee hurts, not a cure, and there is
nothing special about 180 steps per minute — the right range is *your own* step rate plus 5 to 10 %.

**How to change it**

- Aim for the range in the warning (for 160 steps/min: 168–176), not for a number you read elsewhere.
- Use a metronome app or your watch's cadence alert on easy runs, for a few minutes at a time at first.
- Keep your speed the same: the steps get shorter, not faster.
- Give it four to six weeks; if it feels awkward, stay at +5 % longer.
- Combine it with the strength work and load changes the other warnings suggest.""",
        "Heiderscheit BC et al. (2011). Med Sci Sports Exerc 43:296.\n"
        "Lenhart RL et al. (2014). Med Sci Sports Exerc 46:557.\n"
        "Willson JD et al. (2014). Clin Biomech 29:243.",
    ),
    (
        "plan.return_to_run", "A return-to-run plan", "C",
        "Eight walk-run steps back to 40 minutes of running, each climbed only while pain stays low.",
        """After a painful spell, "cut back" is only half an answer. The return-to-run plan is the other
half: a ladder from short run–walk sessions to 40 minutes of continuous running, about 30 minutes per
session at an easy effort (RPE 3–5) on flat, even ground.

| phase | session |
|---|---|
| 1 | 6 × (1 min run, 4 min walk) |
| 2 | 6 × (2 min run, 3 min walk) |
| 3 | 6 × (3 min run, 2 min walk) |
| 4 | 6 × (4 min run, 1 min walk) |
| 5 | 3 × (9 min run, 1 min walk) |
| 6 | 2 × (14 min run, 1 min walk) |
| 7 | 30 min continuous |
| 8 | 40 min continuous |

**How each session counts** — log the pain during and after the run, and the next morning:

- *Green* (pain 0–2, and the next morning no worse than before you started the plan): two green
  sessions at a phase move you up one phase.
- *Amber* (pain 3–5, settled by the next morning): repeat the phase.
- *Red* (pain above 5, or worse the next morning): go back one phase.
- Swelling, warmth, locking or giving way, not bearing weight, or pain of 8 or more: the plan pauses.
  See a clinician, or wait until 30 minutes of brisk walking are pain-free, then resume.

Until phase 7, keep a day off between sessions. Runlog works out your phase from the runs you mark as
plan sessions and their pain reports, so nothing is lost if you log a session late or import it from
your watch.

The gating is the pain-monitoring model; walk-run ladders at easy effort, each rung repeated at least
twice and not climbed with pain or swelling, are the common shape of return-to-run protocols. Applying
them to knee pain is practitioner consensus, not a trial result.""",
        "Silbernagel KG et al. (2007). Am J Sports Med 35:897 (pain-monitoring model).\n"
        "George et al. (2024). Sports Med (scoping review of return-to-run criteria).",
    ),
]

TOPICS = [
    ("prevention", "topic.step_rate", "Running form and step rate", "B-",
     "Change little, and change slowly: a step rate 5–10 % above your own is the best-supported tweak.",
     """Most attempts to remodel a running style add new aches before they remove old ones. The change with
the best support is modest: take slightly shorter, quicker steps — 5 to 10 % more steps per minute than
you take now, at the same speed. In the lab that lowers the load at the knee and the hip and reduces
overstriding (landing with the foot far ahead of the body).

Runlog shows your step rate from watch files (or what you type in) and, when your knee hurts, the range to
aim for. Build it up over weeks with a metronome or your watch's cadence alert. Forget 180: it was an
observation of elite racers, not a target for everyone.

The evidence is biomechanical: step rate changes how joints are loaded, but whether it prevents injuries
has not been tested in a trial.""",
     "Heiderscheit BC et al. (2011). Med Sci Sports Exerc 43:296.\n"
     "Lenhart RL et al. (2014). Med Sci Sports Exerc 46:557."),
    ("treatment", "topic.return_to_run", "Returning after pain", "C",
     "Come back on a walk-run ladder, letting pain during, after and the next morning set the pace.",
     """When an overuse pain has settled enough to walk briskly for 30 minutes without it, a gradual return
beats waiting for it to vanish completely — and beats picking up where you left off.

1. Start with short run–walk sessions at an easy effort, on flat ground, every other day.
2. Score the pain during and after each session, and the next morning (0–10).
3. Move on only after two sessions with pain at 2 or below and a morning no worse than before.
4. Pain of 3–5 that settles overnight: repeat the step. More than that, or worse the next morning: go
   back a step.
5. Swelling, warmth, locking or a knee that gives way: stop and see a clinician.

Runlog's return-to-run plan does this bookkeeping for you from the runs you mark as plan sessions. Keep up
the strength work while you rebuild: it is what treats most running knee pain.""",
     "Silbernagel KG et al. (2007). Am J Sports Med 35:897.\n"
     "George et al. (2024). Sports Med (scoping review of return-to-run criteria)."),
]


def slug_for(key: str) -> str:
    return key.replace(".", "-").replace("_", "-")


def rows():
    for key, title, grade, summary, body, refs in RULES:
        yield "rule", key, title, grade, summary, body, refs
    yield from TOPICS


def seed(apps, schema_editor):
    Advice = apps.get_model("injuries", "Advice")
    existing = set(Advice.objects.values_list("key", flat=True))
    Advice.objects.bulk_create(
        Advice(key=key, slug=slug_for(key), kind=kind, title=title, summary=summary, body=body,
               evidence_grade=grade, references=refs, published=True)
        for kind, key, title, grade, summary, body, refs in rows()
        if key not in existing
    )


def unseed(apps, schema_editor):
    Advice = apps.get_model("injuries", "Advice")
    for kind, key, title, grade, summary, body, refs in rows():
        Advice.objects.filter(key=key, title=title, summary=summary, body=body, references=refs).delete()


class Migration(migrations.Migration):
    dependencies = [("injuries", "0005_return_plan")]
    operations = [migrations.RunPython(seed, unseed)]
