"""Seed the advice library: one text per rule code and per prevention / treatment topic.

Only missing keys are created, so texts an administrator edited are never overwritten.
"""

from django.db import migrations

RULES = [
    (
        "overtraining.session_spike", "One run much longer than your recent longest", "B",
        "Runners who ran more than 10 % further than their longest run of the previous month got injured more often.",
        """A single run that is much longer than anything you have done in the past month is the strongest
warning sign we know of for running injuries. In a study of more than 5,000 runners, a run 10–30 % longer
than the longest run of the previous 30 days came with about 1.6 times the injury rate; more than double
the distance, about 2.3 times.

**What to do**

- Keep each long run within 10 % of your longest run of the last 30 days.
- Build towards a race distance over weeks, in small steps, rather than in one leap.
- After a spike, make the next two or three runs short and easy, and watch for pain the next morning.
- Weekly totals matter less than the single longest session: a normal week can still hide one risky run.""",
        "Frandsen JSN et al. (2025). How much running is too much? Br J Sports Med 59:1203.",
    ),
    (
        "overtraining.returning", "Coming back after a break", "C",
        "After weeks off, rebuild gradually: short, easy runs every other day.",
        """Tendons, bone and cartilage lose some of their tolerance for load during a break, even when your
fitness feels fine. Most comeback injuries come from picking up where you left off.

**A simple return-to-run plan**

1. Week 1: three runs of 15–20 minutes, easy, on alternate days. Walk breaks are fine.
2. Week 2: four runs, one of them up to 30 minutes.
3. Then add about 10 % a week, keeping one lighter week in every three or four.

If pain reaches more than 2/10 the next morning, stay at the current step a few days longer.""",
        "Consensus return-to-run progressions; see also Frandsen et al. 2025 on single-session spikes.",
    ),
    (
        "overtraining.acwr", "Acute:chronic load ratio", "B-",
        "Compares the last week's load with your 4-week average. Treat it as a trend, not a verdict.",
        """The acute:chronic workload ratio compares how much you did recently (a 7-day exponentially weighted
average of effort × minutes) with what you are used to (a 28-day one). A ratio well above 1.5 means a
sudden rise in load; well below 0.8, you are doing much less than usual.

The idea is popular but contested: its statistics have been criticised, and in a large cohort of runners
it did not predict injury. We show it as a trend line to help you spot sudden changes, never as a
verdict on its own. The single-run spike warning is the stronger signal.""",
        "Gabbett TJ (2016). Br J Sports Med 50:273.\nWilliams S et al. (2017). Br J Sports Med 51:209 (EWMA).\n"
        "Impellizzeri FM et al. (2021). Sports Med 51:581 (critique).\nFrandsen JSN et al. (2025). Br J Sports Med 59:1203.",
    ),
    (
        "overtraining.weekly_increase", "Weekly distance going up fast", "C",
        "Big week-on-week jumps in distance were linked to more injuries in one cohort; the 10 % rule itself is unproven.",
        """Runners who increased their weekly distance by more than 30 % in a two-week period had more
injuries than those who increased it by less than 10 % in one cohort study (the difference was not
statistically certain). A randomised trial of the classic "10 % rule" found that it did not prevent
injuries on its own.

**Reasonable practice**

- Increase gradually, and let every third or fourth week be easier.
- Look at your longest single run too: it matters more than the weekly total.""",
        "Buist I et al. (2008). Am J Sports Med 36:33 (GRONORUN trial).\nNielsen RO et al. (2014). J Orthop Sports Phys Ther 44:739.",
    ),
    (
        "overtraining.monotony", "Every day the same: monotony and strain", "C",
        "Vary your days: hard, easy and rest. Monotony above 2.0 means little variation.",
        """Monotony is your average daily load divided by how much it varies across the week. When every day
carries similar load — including no real rest day — monotony rises above 2.0. Strain multiplies the
week's load by monotony. Both were introduced by Foster to explain illness and staleness in athletes.

**What to do**: make easy days truly easy, keep hard days hard, and take at least one full rest day a week.""",
        "Foster C (1998). Med Sci Sports Exerc 30:1164.",
    ),
    (
        "rest.missing", "Rest days", "C",
        "Tissues adapt on the days off: take at least one rest day a week, two if something hurts.",
        """Training is the stimulus; adaptation happens during recovery. Running every day without a break
leaves tendons and bones no time to remodel, and is a classic path to overuse injury and overtraining.

- Plan at least one day a week without running. Cross-training counts as a rest day from running.
- If anything hurts, or the week felt monotonous, take two.
- Sleep is part of recovery: aim for 7–9 hours.""",
        "Meeusen R et al. (2013). Joint consensus statement of the ECSS and ACSM on overtraining. Med Sci Sports Exerc 45:186.",
    ),
    (
        "footwear.worn", "Worn-out shoes", "C",
        "Shoes lose cushioning with distance: inspect them from about 60 % of their retirement distance.",
        """Running shoes lose much of their shock absorption over a few hundred kilometres in machine tests.
The usual advice is to replace them every 480–800 km (300–500 miles), depending on your weight, the
surface and the shoe. Evidence that worn shoes cause injuries is limited, so treat the distance as a
reminder to look, not a verdict.

**Check**: a compressed or creased midsole, outsole worn through to the foam, a heel counter that has
lost its shape, or new aches after runs in that pair.""",
        "Cook SD et al. (1985). Am J Sports Med 13:248.\nKong PW et al. (2009). Med Sci Sports Exerc 41:2068.\nACSM: Selecting running shoes (information leaflet).",
    ),
    (
        "footwear.rotation", "Rotating two pairs", "B-",
        "Runners who alternated more than one pair had fewer injuries in one cohort.",
        """In a cohort of recreational runners, those who used more than one pair of shoes in parallel had a
lower injury risk (hazard ratio about 0.6). Alternating pairs varies the load on your legs slightly from
run to run, and gives each pair's foam time to recover.""",
        "Malisoux L et al. (2015). Scand J Med Sci Sports 25:110.",
    ),
    (
        "footwear.untagged", "Tag your runs with a shoe", "",
        "Without a shoe on each run, shoe mileage is undercounted.",
        """Shoe wear warnings need to know which pair you ran in. Pick a default shoe in your settings so that
new runs are tagged automatically, and tag imported runs from the runs list.""",
        "",
    ),
    (
        "pain.monitor", "The pain-monitoring model", "B",
        "Pain up to 2/10 is fine, 3–5 means hold, above 5 or worse the next morning means cut back.",
        """The pain-monitoring model lets you keep training with some pain, as long as it behaves:

- **0–2 (green)**: acceptable. Carry on.
- **3–5 (amber)**: acceptable only if it has settled back by the next morning. Do not increase your load.
- **Above 5, or worse the next morning than the morning before, or morning pain rising week on week (red)**: cut back —
  shorter, slower, flatter, or swap runs for cross-training — until the pain behaves again.

Two red days in a week: see a physiotherapist.

The model was tested in a randomised trial for Achilles tendon pain. Using it for knee pain is an
extrapolation that physiotherapists commonly make; it is not a diagnosis. Always log the next-morning
score: it is the most telling number.""",
        "Silbernagel KG et al. (2007). Am J Sports Med 35:897.",
    ),
    (
        "pain.red_flag", "When to seek medical attention", "C",
        "Swelling, warmth or redness, a knee that locks or gives way, inability to bear weight, or severe pain: see a clinician.",
        """Some symptoms need a clinician before you run again:

- you cannot put weight on the leg;
- the knee locks, catches or gives way, or will not fully straighten or bend;
- visible swelling, or the joint is warm or red;
- severe pain (8/10 or more), or pain at night or at rest.

Until you are seen: stop running, rest, apply ice wrapped in a cloth for 15–20 minutes a few times a day,
and elevate the leg. If you also have a fever, or the leg is hot and very swollen, seek urgent care.""",
        "NHS: Knee pain (clinical guidance on red flags).",
    ),
    (
        "pain.persistent", "Pain lasting weeks", "C",
        "Pain that keeps coming back for three weeks deserves a proper assessment.",
        """If the same place has hurt at 3/10 or more in each of the last three weeks, the load you are putting
on it is more than it is recovering from. A physiotherapist or sports doctor can find the cause — often
strength, load or technique — and give you a plan to keep running while it heals.""",
        "Clinical consensus on persisting musculoskeletal symptoms.",
    ),
    (
        "prevention.strength", "Strength training", "A",
        "Strength training reduced sports injuries by about two thirds in a meta-analysis of trials.",
        """Of all the prevention measures tested in trials, strength training has the strongest evidence: in a
meta-analysis it cut sports injuries to about a third.

**Two 20–30 minute sessions a week**

- Squats or split squats, 3 × 8–12
- Forward and lateral lunges, 3 × 8 each leg
- Calf raises, straight and bent knee, 3 × 15
- Side-lying leg raises or banded side steps for the hips, 3 × 12
- Glute bridges, 3 × 12

Progress slowly; mild muscle soreness is normal, joint pain is not.""",
        "Lauersen JB et al. (2014). Br J Sports Med 48:871.",
    ),
    (
        "prevention.cross_training", "Cross-training while you recover", "A",
        "Cycling, swimming or water running keep your fitness while your legs recover.",
        """When a warning says to cut back, you do not have to lose fitness. Deep-water running and cycling
maintained running performance for weeks in trained runners, and runners who did other sports for
an extra hour a week had fewer running injuries.

Swap one or two runs for a session of similar duration and effort on the bike, in the pool, or on an
elliptical trainer.""",
        "Eyestone ED et al. (1993). Med Sci Sports Exerc 25:1203 (deep-water running and cycling).\n"
        "Malisoux L et al. (2015). Am J Sports Med 43:1287 (other sports).",
    ),
    (
        "prevention.warm_up", "Warming up", "C",
        "Five to ten minutes of easy jogging and dynamic drills before you run.",
        """A warm-up raises muscle temperature and prepares tendons and joints for load. Start each run with
5–10 minutes of easy jogging, then a few dynamic drills: leg swings, walking lunges, high knees, skips.

Static stretching alone before running did not reduce injuries in trials (meta-analysis RR 0.96); keep
it for after the run if you like it.""",
        "Lauersen JB et al. (2014). Br J Sports Med 48:871.",
    ),
]

TOPICS = [
    ("prevention", "topic.warm_up", "Warm-up and stretching", "C",
     "Dynamic warm-up before, gentle stretching after if you like it.",
     """Warm up with 5–10 minutes of easy running and dynamic drills. Stretching before running does not
prevent injuries; after running it can feel good and maintain range of motion. For the inner knee, pay
attention to the hip adductors and hamstrings.""",
     "Lauersen JB et al. (2014). Br J Sports Med 48:871."),
    ("prevention", "topic.cross_training", "Cross-training", "A",
     "Other sports build fitness without the impact of running.",
     """Cycling, swimming, rowing and elliptical training build your aerobic engine with less impact. They
are the best way to add volume without adding injury risk, and to keep fit while an injury heals.""",
     "Malisoux L et al. (2015). Am J Sports Med 43:1287."),
    ("prevention", "topic.rest", "Rest and recovery", "C",
     "Plan rest days and easier weeks.",
     """Take at least one rest day a week, and make every third or fourth week about a third lighter. Sleep
7–9 hours. Persistent fatigue, a rising resting heart rate or low mood are signs to back off.""",
     "Meeusen R et al. (2013). Med Sci Sports Exerc 45:186."),
    ("prevention", "topic.footwear", "Choosing and replacing shoes", "C",
     "Pick a shoe that feels comfortable; replace it when it is worn.",
     """Comfort is the best guide when choosing a running shoe. Stability or motion-control shoes may help
some runners with marked overpronation, but the evidence is mixed: pronation alone was not linked to
more injuries in a large cohort. Replace shoes at 480–800 km and rotate two pairs if you can.""",
     "Nielsen RO et al. (2014). Br J Sports Med 48:440.\nMalisoux L et al. (2016). Am J Sports Med 44:2933."),
    ("prevention", "topic.strength", "Strength training for runners", "A",
     "Two short sessions a week: squats, lunges, calf raises, hip work.",
     """Strong hips, thighs and calves absorb load that would otherwise reach the knee. Two sessions a week
of squats, lunges, calf raises and hip abductor work are enough. See the strength warning for a plan.""",
     "Lauersen JB et al. (2014). Br J Sports Med 48:871."),
    ("prevention", "topic.running_form", "Running form", "C",
     "Small changes only: a slightly quicker cadence reduces load on the knee.",
     """Large changes to how you run carry their own injury risk. One small change with reasonable support
is increasing your step rate by 5–10 %, which reduces the load at the knee and hip. Avoid overstriding:
land with your foot closer to under your body. Change gradually, over weeks.""",
     "Heiderscheit BC et al. (2011). Med Sci Sports Exerc 43:296."),
    ("prevention", "topic.nutrition", "Nutrition and bone health", "C",
     "Eat enough to fuel your training; low energy availability weakens bones.",
     """Not eating enough for the training you do (low energy availability) weakens bones and raises the
risk of stress fractures. Eat regular meals with enough carbohydrate and protein, get calcium and
vitamin D, and see a doctor if periods stop or you keep losing weight without meaning to.""",
     "Mountjoy M et al. (2018). IOC consensus statement on RED-S. Br J Sports Med 52:687."),
    ("treatment", "topic.rest_ice", "Rest and ice", "C",
     "Relative rest and ice for the first days of a new pain.",
     """For a new overuse pain: reduce running to what does not hurt (relative rest), cross-train instead,
and apply ice wrapped in a cloth for 15–20 minutes after activity to ease pain. Return gradually once
daily activities are pain-free.""",
     "Clinical consensus."),
    ("treatment", "topic.brace", "Braces and taping", "C",
     "A brace or tape can ease symptoms short-term; it does not fix the cause.",
     """A knee sleeve, brace or taping can reduce pain and give confidence while you rebuild, especially for
kneecap pain. Use it alongside strength work and load management, not instead of them.""",
     "Clinical consensus."),
    ("treatment", "topic.physiotherapy", "Physiotherapy", "B",
     "A physiotherapist finds the cause and gives you a plan to keep running.",
     """A physiotherapist assesses strength, movement and load, and builds an exercise plan — usually hip
and knee strengthening — that treats most running knee pain. See one if pain persists for more than two
or three weeks, or the pain-monitoring model keeps landing in red.""",
     "van der Heijden RA et al. (2015). Cochrane review: exercise for patellofemoral pain."),
    ("treatment", "topic.clinician", "When to see a clinician", "C",
     "Severe pain, swelling, warmth, locking or not bearing weight: see a clinician.",
     """See a doctor or physiotherapist promptly if you cannot bear weight, the knee locks or gives way,
there is swelling, warmth or redness, pain is severe or wakes you at night, or it does not improve after
two weeks of reduced load. Seek urgent care for fever with a hot, swollen joint.""",
     "NHS: Knee pain."),
]


def slug_for(key: str) -> str:
    return key.replace(".", "-").replace("_", "-")


def seed(apps, schema_editor):
    Advice = apps.get_model("injuries", "Advice")
    existing = set(Advice.objects.values_list("key", flat=True))
    rows = []
    for key, title, grade, summary, body, refs in RULES:
        if key not in existing:
            rows.append(Advice(key=key, slug=slug_for(key), kind="rule", title=title, summary=summary,
                               body=body, evidence_grade=grade, references=refs, published=True))
    for kind, key, title, grade, summary, body, refs in TOPICS:
        if key not in existing:
            rows.append(Advice(key=key, slug=slug_for(key), kind=kind, title=title, summary=summary,
                               body=body, evidence_grade=grade, references=refs, published=True))
    Advice.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("injuries", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
