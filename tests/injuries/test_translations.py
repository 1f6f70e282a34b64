"""The injuries app in German, French, Spanish and Dutch: the engine's texts said in the runner's language
(numbers and days in the locale), the risk_report document still English, advice per language with a
per-field fallback, the admin's side-by-side translations, and a catalogue that is complete and current."""

import datetime as dt
import json
import pickle
import shutil
import subprocess
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from injuries.advice import advice_for
from injuries.models import Advice, AdviceTranslation
from injuries.risk import assess
from injuries.risk.plan import session_label
from injuries.risk.text import render
from tests.factories import ON, RunFactory, frames, local, pain, run
from tests.injuries.test_risk_report_command import run_report

LOCALE = Path(settings.BASE_DIR) / "injuries" / "locale"
LANGUAGES = ("de", "fr", "es", "nl")
NBSP = "\u00a0"


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogue(django_db_blocker):
    """The .mo files are build output: compile the injuries catalogue for these tests."""
    with django_db_blocker.unblock():
        call_command("compilemessages", locale=list(LANGUAGES), verbosity=0, ignore=[".venv", "node_modules"])
    translation.trans_real._translations = {}  # read the fresh .mo files
    yield


def spike():
    """10 km 20 days ago, 22.5 km yesterday (Tue 24 Nov 2026): 2.25× the longest, 125 % longer, "high"."""
    fr = frames(runs=[run(-20, 10.0), run(-12, 8.0), run(-1, 22.5)], first_offset=-20)
    (flag,) = [f for f in assess(fr, ON).flags if f.code == "overtraining.session_spike"]
    return flag


def test_a_flag_is_said_in_german_with_decimal_commas_and_a_german_day():
    flag = spike()

    with translation.override("de"):
        title, message = str(flag.title), str(flag.message)

    assert title == "Ein Lauf, viel länger als dein längster der letzten Zeit"
    assert message.startswith(
        "Dein Lauf über 22,5 km am Di, 24. November war 2,2× so lang wie dein längster Lauf der 30 Tage davor "
        f"(10,0 km): 125{NBSP}% länger."
    )


def test_a_flag_is_said_in_french_with_french_punctuation():
    flag = spike()

    with translation.override("fr"):
        message = str(flag.message)

    assert message.startswith(
        f"Votre sortie de 22,5 km du mar 24 novembre faisait 2,2× votre plus longue sortie des 30 jours "
        f"précédents (10,0 km){NBSP}: 125{NBSP}% de plus."
    )


def test_in_english_the_engine_sentence_is_shown_unchanged():
    flag = spike()

    with translation.override("en"):
        assert str(flag.message) == flag.message.english
    assert flag.message.startswith("Your 22.5 km run on Tue 24 Nov was 2.2× your longest run")
    assert json.dumps(flag.message) == json.dumps(flag.message.english)


def test_a_list_of_red_flag_signs_and_a_location_are_translated_inside_the_sentence():
    fr = frames(pains=[pain(-2, during=4, location="kneecap", swelling=True, warmth=True)])
    (flag,) = [f for f in assess(fr, ON).flags if f.code == "pain.red_flag"]

    with translation.override("es"):
        message = str(flag.message)
    with translation.override("nl"):
        dutch = str(flag.message)

    assert message.startswith("Tu registro de dolor en la rótula del lun 23 de noviembre indica: hinchazón, calor")
    assert dutch.startswith("Je melding van pijn bij de knieschijf van ma 23 november noemt: zwelling, warmte")
    assert flag.evidence["signs"] == ["swelling", "warmth or redness"]  # the document's evidence stays English


def test_plural_and_session_labels_follow_the_language():
    with translation.override("de"):
        assert str(session_label(3)) == "6 × (3 min laufen, 2 min gehen)"
        assert str(session_label(7)) == "30 min am Stück"
    fr = frames(runs=[run(-1, 5.0), run(-3, 5.0)], first_offset=-10)
    note = next(c.note for c in assess(fr, ON).checks if c.code == "rest.missing")
    with translation.override("fr"):
        assert str(note) == "5 jours de repos sur 7"  # 7 days of log, runs on 2 of them
    assert note == "5 rest days in 7"


def test_an_assessment_survives_the_cache_with_its_texts():
    flag = spike()
    copy = pickle.loads(pickle.dumps(flag))

    assert copy.message == flag.message
    with translation.override("nl"):
        assert str(copy.message) == str(flag.message)
        assert "22,5 km" in str(copy.message)


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_the_risk_report_document_stays_english_whatever_the_language(alice):
    for offset in (20, 15, 10):
        RunFactory(user=alice, start=local(ON - dt.timedelta(days=offset)), distance_m=10_000, duration_s=3000, rpe=4)
    RunFactory(user=alice, start=local(ON - dt.timedelta(days=1)), distance_m=22_500, duration_s=135 * 60, rpe=5)

    english = run_report("alice", "--format", "json")
    with translation.override("de"):
        german = run_report("alice", "--format", "json")

    assert german == english
    (flag,) = [f for f in json.loads(english)["flags"] if f["code"] == "overtraining.session_spike"]
    assert flag["title"] == "A run much longer than your recent longest"
    assert "2.2× your longest run of the 30 days before it (10.0 km): 125% longer" in flag["message"]


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_the_risk_panel_shows_the_flag_and_its_advice_in_the_runners_language(alice, alice_client):
    for offset in (20, 15, 10):
        RunFactory(user=alice, start=local(ON - dt.timedelta(days=offset)), distance_m=10_000, duration_s=3000, rpe=4)
    RunFactory(user=alice, start=local(ON - dt.timedelta(days=1)), distance_m=22_500, duration_s=135 * 60, rpe=5)

    alice.profile.language = "de"  # pages speak the runner's Settings language
    alice.profile.save()

    html = alice_client.get("/risk/panel/").content.decode()

    assert "Dein Lauf über 22,5 km am Di, 24. November war 2,2× so lang" in html
    assert "Ein Lauf, viel länger als dein längster der letzten Zeit" in html  # the flag and the advice title
    assert "Wer mehr als 10 % weiter lief als beim längsten Lauf des Vormonats" in html  # the advice summary
    assert "Your 22.5 km run" not in html


def test_advice_falls_back_to_english_field_by_field(client, db):
    advice = Advice.objects.get(key="prevention.strength")
    AdviceTranslation.objects.filter(advice=advice, language="nl").update(summary="", body="")

    html = client.get("/advice/prevention-strength/", headers={"accept-language": "nl"}).content.decode()
    with translation.override("nl"):
        shown = advice_for(["prevention.strength"])["prevention.strength"]
        title, summary = shown.title, shown.summary  # said when shown, in the language active then

    assert "<h1>Krachttraining</h1>" in html  # the Dutch title
    assert "<strong>Two 20–30 minute sessions a week</strong>" in html  # the English body, not translated
    assert (title, summary) == ("Krachttraining", advice.summary)
    assert shown.title == "Strength training"  # the same object, shown in English
    german = client.get("/advice/prevention-strength/", headers={"accept-language": "de"}).content.decode()
    assert "<strong>Zwei Einheiten von 20–30 Minuten pro Woche</strong>" in german
    english = client.get("/advice/prevention-strength/", headers={"accept-language": "en"}).content.decode()
    assert "<h1>Strength training</h1>" in english


def test_every_seeded_advice_is_translated_into_every_language(db):
    missing = {a.key: a.missing_languages() for a in Advice.objects.with_translations() if a.missing_languages()}

    assert missing == {}
    assert AdviceTranslation.objects.count() == Advice.objects.count() * 4
    strength = Advice.objects.get(key="prevention.strength")
    for row in strength.translations.all():
        assert "3 × 8–12" in row.body and "3 × 15" in row.body  # doses kept exactly
    assert "RR 0,96" in Advice.objects.get(key="prevention.warm_up").translated("body", "es")


def test_the_admin_lists_missing_translations_and_filters_them(admin_client):
    advice = Advice.objects.get(key="pain.persistent")
    advice.translations.filter(language__in=["de", "nl"]).delete()
    AdviceTranslation.objects.filter(advice__key="topic.rest", language="fr").update(body="")

    listing = admin_client.get("/admin/injuries/advice/").content.decode()
    only_de = admin_client.get("/admin/injuries/advice/?missing=de").content.decode()
    any_language = admin_client.get("/admin/injuries/advice/?missing=any").content.decode()

    assert "de, nl" in listing
    assert "Pain lasting weeks" in only_de and "Rest and recovery" not in only_de
    assert "Pain lasting weeks" in any_language and "Rest and recovery" in any_language
    assert "Strength training for runners" not in any_language


def test_the_admin_edits_a_translation_beside_its_english(admin_client):
    advice = Advice.objects.get(key="pain.persistent")
    advice.translations.filter(language="de").delete()
    page = admin_client.get(f"/admin/injuries/advice/{advice.pk}/change/")
    html = page.content.decode()
    assert "Englischer Titel" not in html  # the admin in English
    assert "English title" in html and '<div class="english" lang="en"><p>Pain lasting weeks</p></div>' in html

    formset = page.context["inline_admin_formsets"][0].formset
    data = {
        "key": advice.key,
        "slug": advice.slug,
        "kind": advice.kind,
        "title": advice.title,
        "summary": advice.summary,
        "body": advice.body,
        "evidence_grade": advice.evidence_grade,
        "references": advice.references,
        "published": "on",
        f"{formset.prefix}-TOTAL_FORMS": str(len(formset.forms)),
        f"{formset.prefix}-INITIAL_FORMS": str(formset.initial_form_count()),
        f"{formset.prefix}-MIN_NUM_FORMS": "0",
        f"{formset.prefix}-MAX_NUM_FORMS": "4",
    }
    for i, form in enumerate(formset.forms):
        data[f"{formset.prefix}-{i}-id"] = form.instance.pk or ""
        data[f"{formset.prefix}-{i}-advice"] = advice.pk
        for name in ("language", "title", "summary", "body"):
            value = form.initial.get(name, "")
            data[f"{formset.prefix}-{i}-{name}"] = value
        if form.initial.get("language") == "de" and not form.instance.pk:
            data[f"{formset.prefix}-{i}-title"] = "Schmerzen seit Wochen"

    response = admin_client.post(f"/admin/injuries/advice/{advice.pk}/change/", data)

    assert response.status_code == 302, response.context and response.context["errors"]
    german = advice.translations.get(language="de")
    assert (german.title, german.summary, german.body) == ("Schmerzen seit Wochen", "", "")
    assert advice.translations.count() == 4  # the other three unchanged, no empty rows added
    assert Advice.objects.with_translations().get(pk=advice.pk).missing_languages() == ["de"]  # summary, body


def _stats(po: Path) -> str:
    done = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_is_complete_checked_and_not_stale(language, tmp_path):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    stats = _stats(po)
    assert "untranslated" not in stats and "fuzzy" not in stats, stats
    assert "#, fuzzy" not in po.read_text(encoding="utf-8")

    # Every text marked in the injuries code (Django's keywords and the engine's N_, NP_, NC_) is in the file.
    app = po.parents[3]
    sources = sorted(str(p.relative_to(app)) for p in app.rglob("*.py") if "migrations" not in p.parts)
    pot = tmp_path / "injuries.pot"
    keywords = [
        "gettext_noop", "gettext_lazy", "ngettext_lazy:1,2", "pgettext:1c,2", "npgettext:1c,2,3",
        "pgettext_lazy:1c,2", "npgettext_lazy:1c,2,3", "N_", "NP_:1,2", "NC_:1c,2",
    ]  # fmt: skip
    subprocess.run(
        ["xgettext", "--language=Python", "--from-code=UTF-8", "-o", str(pot), *(f"--keyword={k}" for k in keywords)]
        + sources,
        cwd=app,
        check=True,
    )
    compared = subprocess.run(["msgcmp", str(po), str(pot)], capture_output=True, text=True)
    assert compared.returncode == 0, compared.stderr


def test_render_leaves_plain_strings_alone():
    with translation.override("de"):
        assert render("Rest days") == "Rest days"
        assert str(next(iter([spike().title]))) != spike().title  # a Text is said in German
