"""A runner's language: chosen in Settings, taken from the browser before login and for a new account, used
for every mail to them and every API answer to their token; dates and numbers written their way."""

from __future__ import annotations

import datetime as dt
import gettext as gnu_gettext
import json

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from runlog.api.tokens import create_token
from runlog.log import accounts
from runlog.log.models import Profile, Run, Shoe
from runlog.site.catalogues import Entry, parse_po, problems, write_mo
from tests.conftest import PASSWORD
from tests.factories import RunFactory, local
from tests.i18n.pseudo import CLOSE, OPEN

SETTINGS = {"language": "de", "units": "km", "timezone": "Europe/Berlin", "digest_weekday": "0"}


def set_language(user, language: str) -> None:
    Profile.objects.filter(user=user).update(language=language)


# Settings ---------------------------------------------------------------------------------------------


def test_a_runner_chooses_a_language_in_settings_and_every_page_follows(alice, alice_client, pseudo_locale):
    response = alice_client.post("/settings/", SETTINGS, follow=True)

    assert Profile.objects.get(user=alice).language == "de"
    page = response.content.decode()
    assert f"{OPEN}Settings saved.{CLOSE}" in page  # the message too, in the language just chosen
    assert response["Content-Language"] == "de"
    assert f"{OPEN}Log a run{CLOSE}" in alice_client.get("/runs/").content.decode()


def test_the_settings_language_wins_over_the_browser_s(alice, pseudo_locale):
    set_language(alice, "de")
    client = Client(HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    client.force_login(alice)

    response = client.get("/runs/")

    assert response["Content-Language"] == "de"
    assert f"{OPEN}Log a run{CLOSE}" in response.content.decode()


def test_the_settings_list_each_language_in_its_own_name(alice_client):
    page = alice_client.get("/settings/").content.decode()

    for name in ("English", "Deutsch", "Français", "Español", "Nederlands"):
        assert f">{name}</option>" in page


def test_an_unknown_language_is_refused_with_the_form_s_message(alice, alice_client):
    response = alice_client.post("/settings/", {**SETTINGS, "language": "tlh"})

    assert response.status_code == 422
    assert "language" in response.context["form"].errors
    assert Profile.objects.get(user=alice).language == "en"


# Before login and new accounts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("de-DE,de;q=0.9,en;q=0.5", "de"),
        ("fr-CA,fr;q=0.8", "fr"),
        ("nl", "nl"),
        ("es-MX", "es"),
        ("ja,ko", "en"),
        ("", "en"),
    ],
)
def test_pages_before_login_follow_the_browser_s_accept_language(db, header, language):
    response = Client(HTTP_ACCEPT_LANGUAGE=header).get("/accounts/login/")

    assert response["Content-Language"] == language
    assert "Accept-Language" in response["Vary"]


def test_the_login_page_is_translated_for_a_german_browser(db, pseudo_locale):
    page = Client(HTTP_ACCEPT_LANGUAGE="de").get("/accounts/login/").content.decode()

    assert f"{OPEN}Forgot your password?{CLOSE}" in page


def test_a_new_account_starts_in_the_browser_s_language(db):
    client = Client(HTTP_ACCEPT_LANGUAGE="nl-BE,nl;q=0.9")
    data = {
        "username": "noor",
        "email": "noor@example.com",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "timezone": "Europe/Amsterdam",
        "units": "km",
    }

    response = client.post("/accounts/signup/", data)

    assert response.status_code == 302
    assert Profile.objects.get(user__username="noor").language == "nl"


def test_a_new_account_from_a_browser_in_another_language_starts_in_english(db):
    client = Client(HTTP_ACCEPT_LANGUAGE="pt-BR")
    data = {"username": "rui", "email": "rui@example.com", "password1": PASSWORD, "password2": PASSWORD}

    client.post("/accounts/signup/", {**data, "timezone": "UTC", "units": "km"})

    assert Profile.objects.get(user__username="rui").language == "en"


# Mails: in the recipient's language, whoever's request sends them -------------------------------------------


def mail_subjects() -> list[str]:
    return [message.subject for message in mail.outbox]


def test_the_password_reset_mail_is_in_the_account_s_language_not_the_browser_s(alice, pseudo_locale):
    set_language(alice, "de")

    Client(HTTP_ACCEPT_LANGUAGE="en").post("/accounts/password_reset/", {"email": alice.email})

    (message,) = mail.outbox
    assert message.subject == f"{OPEN}Reset your Runlog password{CLOSE}"
    assert message.extra_headers["Content-Language"] == "de"
    assert f"{OPEN}Choose a new password{CLOSE}" in message.alternatives[0].content
    assert '<html lang="de">' in message.alternatives[0].content


def test_verification_and_change_mails_are_in_the_runner_s_language(alice, pseudo_locale):
    set_language(alice, "de")
    profile = Profile.objects.get(user=alice)

    accounts.send_link(profile, "alice.new@example.com")

    assert sorted(mail_subjects()) == sorted(
        [
            f"{OPEN}Confirm your new email address for Runlog{CLOSE}",
            f"{OPEN}A change of your Runlog email address was requested{CLOSE}",
        ]
    )
    assert all(f"{OPEN}Hi alice,{CLOSE}" in message.body for message in mail.outbox)


@pytest.mark.parametrize("language", ["de", "fr", "es", "nl"])
def test_each_account_mail_subject_is_the_catalogue_s_translation(alice, language):
    set_language(alice, language)

    accounts.send_password_reset.call(alice.email)
    accounts.send_link(Profile.objects.get(user=alice), alice.email)

    with translation.override(language):
        expected = [
            translation.gettext("Reset your Runlog password"),
            translation.gettext("Confirm your email address for Runlog"),
        ]
    assert mail_subjects() == expected


def test_a_mail_leaves_the_request_s_language_as_it_was(alice, pseudo_locale):
    set_language(alice, "de")
    with translation.override("en"):
        accounts.send_password_reset.call(alice.email)
        assert translation.get_language() == "en"


# The API: errors in the token owner's language ------------------------------------------------------------


def test_api_errors_are_in_the_token_owner_s_language(alice, pseudo_locale):
    set_language(alice, "de")
    _, secret = create_token(alice, "phone")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}", HTTP_ACCEPT_LANGUAGE="en")

    missing = client.get("/api/v1/runs/999999")
    write = client.post("/api/v1/shoes", json.dumps({"name": "X"}), content_type="application/json")

    assert missing.status_code == 404
    assert missing.json()["detail"].startswith(OPEN) and missing.json()["detail"].endswith(CLOSE)
    assert write.status_code == 403
    assert write.json()["detail"] == (
        f"{OPEN}This token can only read. Create a token with the write scope to change the log.{CLOSE}"
    )


def test_api_form_errors_are_in_the_token_owner_s_language(alice, pseudo_locale):
    set_language(alice, "de")
    _, secret = create_token(alice, "script", scope="write")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    body = {"start": "2026-11-20T07:00:00+01:00", "distance_km": 0.01, "duration_s": 1800, "kind": "easy"}

    response = client.post("/api/v1/runs", json.dumps(body), content_type="application/json")

    assert response.status_code == 422
    messages = [item["msg"] for item in response.json()["detail"]]
    assert f"{OPEN}A run is at least 0.1 km (100 m).{CLOSE}" in messages


def test_without_a_token_the_api_answers_in_the_browser_s_language(db, pseudo_locale):
    response = Client(HTTP_ACCEPT_LANGUAGE="de").get("/api/v1/runs")

    assert response.status_code == 401
    assert response.json()["detail"] == f"{OPEN}A valid API token is needed (Authorization: Bearer …).{CLOSE}"


# Numbers and dates the runner's way -----------------------------------------------------------------------


def german_runner(alice) -> Client:
    set_language(alice, "de")
    client = Client()
    client.force_login(alice)
    return client


RUN = {"date": "2026-11-20", "time": "07:00", "duration": "55:00", "kind": "easy"}


def test_a_german_runner_writes_a_distance_with_a_decimal_comma(alice):
    client = german_runner(alice)

    response = client.post("/runs/new/", {**RUN, "distance": "10,5"})

    assert response.status_code == 302
    assert Run.objects.get(user=alice).distance_m == pytest.approx(10_500)


def test_a_german_runner_sees_the_decimal_comma_when_editing(alice):
    run = RunFactory(user=alice, start=local(dt.date(2026, 11, 20)), distance_m=10_500, duration_s=3300)
    client = german_runner(alice)

    page = client.get(f"/runs/{run.pk}/edit/").content.decode()

    assert 'value="10,5"' in page
    assert 'inputmode="decimal"' in page


def test_a_german_runner_s_date_picker_holds_the_day_as_a_date_input_reads_it(alice):
    """A date input reads only 2026-11-20: the German "20.11.2026" would leave it empty, and the home page's
    quick form would answer "this field is required" to a runner who never touched the date."""
    run = RunFactory(user=alice, start=local(dt.date(2026, 11, 20)), distance_m=10_500, duration_s=3300)
    client = german_runner(alice)

    page = client.get(f"/runs/{run.pk}/edit/").content.decode()

    assert 'type="date"' in page
    assert 'value="2026-11-20"' in page
    assert "20.11.2026" not in page


def test_a_shoe_s_retirement_distance_takes_a_decimal_comma(alice):
    client = german_runner(alice)

    client.post("/shoes/new/", {"name": "Trainers", "support": "neutral", "retire_distance": "750,5"})

    assert Shoe.objects.get(user=alice).retire_at_m == pytest.approx(750_500)


def test_an_english_runner_s_comma_is_refused_not_read_as_a_thousands_separator(alice, alice_client):
    response = alice_client.post("/runs/new/", {**RUN, "distance": "10,5"})

    assert response.status_code == 422
    assert "distance" in response.context["form"].errors
    assert not Run.objects.exists()


def test_dates_distances_and_weekdays_are_written_the_runner_s_way(alice):
    # Tuesday 1 December 2026, 07:00 in Berlin; 10.5 km.
    RunFactory(user=alice, start=local(dt.date(2026, 12, 1)), distance_m=10_500, duration_s=3300)
    client = german_runner(alice)

    page = client.get("/runs/").content.decode()

    assert "Di, 1. Dez 2026, 07:00" in page  # Django's own German names, the German order
    assert "10,5 km" in page


def test_the_calendar_names_the_weekdays_in_the_runner_s_language(alice):
    client = german_runner(alice)

    page = client.get("/calendar/?month=2026-11").content.decode()

    assert [f'<th scope="col">{day}</th>' in page for day in ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")] == [True] * 7
    assert "November 2026" in page


def test_a_cached_list_entry_is_not_shown_in_another_language(alice, settings):
    settings.DEBUG = False
    RunFactory(user=alice, start=local(dt.date(2026, 12, 1)), distance_m=10_500, duration_s=3300)
    client = Client()
    client.force_login(alice)

    english = client.get("/runs/").content.decode()
    set_language(alice, "de")
    german = client.get("/runs/").content.decode()

    assert "Tue 1 Dec 2026, 07:00" in english
    assert "Di, 1. Dez 2026, 07:00" in german and "Tue 1 Dec" not in german


def test_chart_labels_come_in_the_runner_s_language(alice, pseudo_locale):
    client = german_runner(alice)
    RunFactory(user=alice, start=local(dt.date(2026, 11, 20)), distance_m=10_000, duration_s=3000)

    response = client.get("/charts/")

    labels = response.context["chart_data"]["labels"]
    assert labels["language"] == "de"
    assert labels["daily_load"] == f"{OPEN}Daily load{CLOSE}"
    assert labels["running"] == f"{OPEN}Running (km){CLOSE}"


# The catalogues: compiled without gettext, checked for untranslated, fuzzy and stale messages ---------------

PO = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#: a.py:1
msgid "Save"
msgstr "Speichern"

#, fuzzy
msgid "Delete"
msgstr "Löschen"

msgid "Cancel"
msgstr ""

msgctxt "noun"
msgid "Run"
msgstr "Lauf"

msgid "%(count)d run"
msgid_plural "%(count)d runs"
msgstr[0] "%(count)d Lauf"
msgstr[1] "%(count)d Läufe"

msgid ""
"A long "
"message"
msgstr ""
"Eine lange "
"Nachricht"

#~ msgid "Gone"
#~ msgstr "Weg"
"""


def test_a_catalogue_compiles_as_gnu_gettext_reads_it(tmp_path):
    (tmp_path / "django.po").write_text(PO, encoding="utf-8")
    header, entries = parse_po(tmp_path / "django.po")

    write_mo(tmp_path / "django.mo", header, entries)
    catalogue = gnu_gettext.GNUTranslations((tmp_path / "django.mo").open("rb"))

    assert catalogue.gettext("Save") == "Speichern"
    assert catalogue.gettext("Delete") == "Delete"  # fuzzy: left out, as msgfmt does
    assert catalogue.gettext("Cancel") == "Cancel"
    assert catalogue.pgettext("noun", "Run") == "Lauf"
    assert catalogue.ngettext("%(count)d run", "%(count)d runs", 1) == "%(count)d Lauf"
    assert catalogue.ngettext("%(count)d run", "%(count)d runs", 3) == "%(count)d Läufe"
    assert catalogue.gettext("A long message") == "Eine lange Nachricht"
    assert catalogue.gettext("Gone") == "Gone"
    assert problems(header, entries) == {"untranslated": ["Cancel"], "fuzzy": ["Delete"]}


def complete_tree(root, languages=("de", "fr", "es", "nl")):
    for package in ("runlog", "injuries"):
        for language in languages:
            po = root / package / "locale" / language / "LC_MESSAGES" / "django.po"
            po.parent.mkdir(parents=True)
            po.write_text(PO.replace('msgstr ""\n\nmsgctxt', 'msgstr "Abbrechen"\n\nmsgctxt').replace("#, fuzzy\n", ""))


def test_the_catalogue_check_passes_only_when_every_language_is_complete(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    complete_tree(tmp_path)
    call_command("check_catalogues", no_stale_check=True, verbosity=0)

    fuzzy = tmp_path / "injuries" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    fuzzy.write_text(fuzzy.read_text().replace('msgid "Save"', '#, fuzzy\nmsgid "Save"'))
    (tmp_path / "runlog" / "locale" / "es" / "LC_MESSAGES" / "django.po").unlink()

    with pytest.raises(CommandError) as refused:
        call_command("check_catalogues", no_stale_check=True, verbosity=0)
    assert "injuries/locale/nl/LC_MESSAGES/django.po: 1 fuzzy ('Save')" in str(refused.value)
    assert "runlog/locale/es/LC_MESSAGES/django.po: missing" in str(refused.value)


def test_every_string_marked_in_the_code_is_in_the_catalogues():
    """The staleness half of check_catalogues: the code's strings, extracted afresh, are all catalogued."""
    from django.conf import settings

    from runlog.management.commands.check_catalogues import _fresh_keys

    fresh = _fresh_keys(settings.BASE_DIR)
    committed = {entry.key for entry in parse_po(settings.BASE_DIR / "runlog/locale/de/LC_MESSAGES/django.po")[1]}

    assert (None, "Save settings") in fresh[("runlog", "de")]
    assert ("count of runs", "Runs") in fresh[("runlog", "de")]
    assert fresh[("runlog", "de")] - committed == set(), "run `make messages`"


def test_the_pseudo_locale_holds_every_runlog_message(pseudo_locale_dir):
    catalogue = gnu_gettext.GNUTranslations((pseudo_locale_dir / "de" / "LC_MESSAGES" / "django.mo").open("rb"))
    from django.conf import settings

    ours = parse_po(settings.BASE_DIR / "runlog/locale/de/LC_MESSAGES/django.po")[1]
    assert all(isinstance(entry, Entry) for entry in ours)
    assert catalogue.gettext("Save settings") == f"{OPEN}Save settings{CLOSE}"
    assert catalogue.pgettext("count of runs", "Runs") == f"{OPEN}Runs{CLOSE}"


def test_settings_posted_without_a_language_keep_the_runner_s(alice, alice_client):
    set_language(alice, "fr")

    response = alice_client.post("/settings/", {key: value for key, value in SETTINGS.items() if key != "language"})

    assert response.status_code == 302
    assert Profile.objects.get(user=alice).language == "fr"
