"""No visible English is left on any page in another language.

Every page and fragment of the URLconf (a new page is walked without being listed here) is fetched in the
pseudo-locale, as the demo runner with a full log and as an anonymous visitor; each visible text and each
visible attribute (title, aria-label, placeholder, alt, a button's value, an htmx confirmation) must be
wrapped ⟦…⟧, or be the runner's own data, a number, a date or one of the few words of ALLOWED.
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from injuries.models import Advice, AdviceTranslation, PainReport, ReturnPlan
from runlog.activity.models import Recording
from runlog.api.models import ApiToken
from runlog.api.tokens import create_token
from runlog.demo import seed_demo
from runlog.imports.models import ImportBatch
from runlog.imports.tasks import import_now
from runlog.log.models import CrossTraining, Language, Profile, Run, Shoe
from runlog.sharing import views as share_views
from runlog.sharing.models import CalendarFeed, ClinicianShare
from tests.i18n.pseudo import CLOSE, OPEN

# Words that stay as they are in every language: the brand, units and file formats, symbols.
ALLOWED = {
    "Runlog",
    *("km", "mi", "m", "bpm", "min", "h", "s", "kB", "MB", "/km", "/mi", "%"),
    *("GPX", "TCX", "FIT", "CSV", "ZIP", "JSON", "RPE", "HTML", "PDF"),
    *("·", "—", "–", "-", "→", "←", "…", "/", "+", "×", "′"),
    # Each language is named in its own words in Settings.
    *(str(label) for _, label in Language.choices),
}
# Dates and numbers in any language: 10,5 · 1.234 · 07:00 · 4:35 · 2026-11-25 · 12 % · 3/10.
NUMBER = re.compile(r"^[+−-]?[\d.,:/–%′″×-]*\d[\d.,:/–%′″×-]*$")
INNER = re.compile(rf"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
VISIBLE_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "hx-confirm", "data-label"}


class VisibleText(HTMLParser):
    """The visible text of a whole page or fragment (base.html's navigation, the phone's bottom bar and the
    footer included): its text nodes outside script and style, joined (a translated sentence may hold a link
    or a <strong>), and apart from it the attributes a reader sees or hears. What is marked translate="no"
    (the brand) is left out, as a browser's page translation leaves it."""

    VOID = {"br", "input", "meta", "link", "img", "hr", "wbr", "circle", "path", "polyline", "ellipse", "rect"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.pieces: list[str] = []
        self.attributes: list[str] = []
        self.untranslatable: list[int] = []  # the depths of the open elements marked translate="no"

    def _counting(self) -> bool:
        return "script" not in self.stack and "style" not in self.stack and not self.untranslatable

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("translate") == "no" and tag not in self.VOID:
            self.untranslatable.append(len(self.stack))
        if tag == "wbr":
            self.pieces.append("\x00")  # a break inside a word (file names): joins, no space
        elif tag not in self.VOID:
            self.stack.append(tag)
        if self._counting():
            values = dict(attrs)
            for name in VISIBLE_ATTRIBUTES & set(values):
                self.attributes.append(values[name] or "")
            if tag == "input" and values.get("type") in ("submit", "button"):
                self.attributes.append(values.get("value") or "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        while self.untranslatable and self.untranslatable[-1] >= len(self.stack):
            self.untranslatable.pop()

    def handle_data(self, data):
        if self._counting():
            self.pieces.append(data)

    @property
    def text(self) -> str:
        return " ".join(self.pieces).replace(" \x00 ", "")


def bare_words(text: str, data: list[str]) -> list[str]:
    """What is left of a text once the wrapped parts, the runner's data, numbers and ALLOWED are removed."""
    while INNER.search(text):
        text = INNER.sub(" ", text)
    for value in data:
        text = text.replace(value, " ")
    words = []
    for word in text.split():
        word = word.strip(".,;:!?()[]“”\"'«»")
        if word and word not in ALLOWED and not NUMBER.match(word) and word not in ZONES:
            words.append(word)
    return words


ZONES = set(zoneinfo.available_timezones())


def untranslated(html: str, data: list[str]) -> list[str]:
    """The bare words of a page, each with a little of the text around it."""
    parser = VisibleText()
    parser.feed(html)
    found = []
    for text in [parser.text, *parser.attributes]:
        flat = " ".join(text.split())
        for word in bare_words(flat, data):
            at = flat.find(word)
            found.append(f"{word!r} in …{flat[max(0, at - 40) : at + 40]}…")
    return found


# Routes -----------------------------------------------------------------------------------------------

SKIPPED = {
    "favicon": "a redirect to the icon",
    "run_samples": "JSON for the charts",
    "run_splits": "JSON",
    "run_original": "the uploaded file as it was",
    "export_account_json": "the account export (English, a public contract)",
    "export_account_zip": "the account export (English, a public contract)",
    "export_runs_csv": "CSV columns (a public contract)",
    "export_cross_training_csv": "CSV columns (a public contract)",
    "calendar_feed": "iCalendar, walked in tests/sharing",
    "logout": "POST only",
    None: "the API's JSON (tests/i18n/test_languages.py checks its errors)",
}


def routes(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith(("admin/", "api/v1/")):
                continue
            yield from routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry.name, prefix + str(entry.pattern)


@pytest.fixture
def demo(db, settings, pseudo_locale):
    """The demo runner's whole log, in the pseudo-locale, with a token, a calendar feed, a clinician share (its
    link's token kept on the user for the walk) and an import."""
    seed_demo()
    user = get_user_model().objects.get(username="demo")
    Profile.objects.filter(user=user).update(language=pseudo_locale)
    create_token(user, "Phone shortcut")
    CalendarFeed.objects.create(user=user)
    # The advice library's translations are rows the translators write, not catalogue messages: wrapped
    # here like the catalogue, so that an advice left untranslated (shown in English) is found.
    for row in AdviceTranslation.objects.filter(language=pseudo_locale):
        for name in ("title", "summary", "body"):
            if getattr(row, name):
                setattr(row, name, f"{OPEN}{getattr(row, name).strip()}{CLOSE}")
        row.save()
    last_run = Run.objects.filter(user=user).latest("start").start
    _share, user.share_token = ClinicianShare.create(
        user,
        display_name="Dr Example",
        start_date=(last_run - timedelta(weeks=12)).date(),
        end_date=last_run.date(),
        include_notes=True,
        expires_at=timezone.now() + timedelta(days=14),
    )
    # An import with a file rejected: its reason is written in the runner's language when imported.
    import_now(user, [("broken.gpx", ContentFile(b"<gpx></gpx>", name="broken.gpx"))])
    return user


def user_data(user) -> list[str]:
    """Everything the runner (or a file) wrote, longest first: it is shown as written."""
    values = {
        user.username,
        user.email,
        *ClinicianShare.objects.filter(user=user).values_list("display_name", flat=True),
    }
    for shoe in Shoe.objects.filter(user=user):
        values |= {shoe.name, shoe.brand, shoe.model, f"{shoe.brand} {shoe.model}"}
    for model in (Run, CrossTraining, PainReport):
        for notes in model.objects.filter(user=user).values_list("notes", flat=True):
            values |= {line for line in notes.splitlines()}
    for batch in ImportBatch.objects.filter(user=user):
        values.add(batch.label)
        values |= {item["name"] for item in batch.report}
    values |= set(ApiToken.objects.filter(user=user).values_list("name", flat=True))
    values |= {f"{prefix}…" for prefix in ApiToken.objects.filter(user=user).values_list("prefix", flat=True)}
    values |= {
        f"/share/{prefix}…" for prefix in ClinicianShare.objects.filter(user=user).values_list("prefix", flat=True)
    }
    # Bibliographic references are cited as published.
    for references in Advice.objects.values_list("references", flat=True):
        values |= {line.strip() for line in references.splitlines()}
    values |= set(Recording.objects.filter(user=user).values_list("device", flat=True))
    values |= {"Garmin", "Strava", "Polar", "Suunto", "Coros", "Wahoo"}  # device makers, imported sources
    return sorted((value for value in values if value and value.strip()), key=len, reverse=True)


def paths_for(user) -> dict[str, str]:
    """Each walked route's path, with the demo runner's own objects for its ids."""
    run = Run.objects.filter(user=user, recording__isnull=False).first() or Run.objects.filter(user=user).first()
    ids = {
        "run": run.pk,
        "shoe": Shoe.objects.filter(user=user).first().pk,
        "xt": CrossTraining.objects.filter(user=user).first().pk,
        "pain": PainReport.objects.filter(user=user).first().pk,
        "import": ImportBatch.objects.filter(user=user).first().pk,
        "plan": ReturnPlan.objects.filter(user=user).first().pk,
        "api_token": ApiToken.objects.filter(user=user).first().pk,
        "session": run.pk,
        "share": ClinicianShare.objects.filter(user=user).first().pk,
    }
    paths = {}
    for name, route in routes():
        if name in SKIPPED:
            continue
        path = "/" + route
        if "<int:pk>" in path:
            prefix = name.split("_")[0] if not name.startswith("api_token") else "api_token"
            path = path.replace("<int:pk>", str(ids.get(prefix, ids["run"])))
        path = path.replace("<str:day>", Run.objects.filter(user=user).latest("start").start.date().isoformat())
        path = path.replace("<slug:slug>", "plan-return-to-run")
        if name.startswith("clinician_share"):
            path = path.replace("<str:token>", user.share_token)
        path = path.replace("<str:token>", "not-a-valid-token")
        path = path.replace("<uidb64>/<token>", "MQ/not-a-token")
        paths[name] = path
    return paths


def walk(client: Client, paths: dict[str, str], data: list[str]) -> dict[str, list[str]]:
    """Each route's bare texts, as a page and as an htmx fragment (GET; a POST-only route is skipped)."""
    found: dict[str, list[str]] = {}
    for name, path in paths.items():
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(path, **headers)
            if response.status_code in (301, 302, 405) or "text/html" not in response.get("Content-Type", ""):
                continue
            bare = untranslated(response.content.decode(), data)
            if bare:
                found.setdefault(name, []).extend(bare)
    return found


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}: {sorted(set(texts))[:12]}" for name, texts in sorted(found.items()))


@pytest.fixture
def walked(demo):
    client = Client()
    client.force_login(demo)
    found = walk(client, paths_for(demo), user_data(demo))
    anonymous = Client(HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9,en;q=0.5")
    anonymous_paths = {
        name: path
        for name, path in paths_for(demo).items()
        if name
        in (
            "home",
            "login",
            "signup",
            "password_reset",
            "password_reset_done",
            "password_reset_confirm",
            "password_reset_complete",
            "advice_list",
            "digest_unsubscribe",
        )
    }
    # The clinician opens the share without an account; a link that no longer opens shows its own page.
    anonymous_paths["clinician_share"] = paths_for(demo)["clinician_share"]
    anonymous_paths["clinician_share_gone"] = "/share/not-a-valid-token/"
    anonymous_paths["offline"] = "/offline/"
    for name, texts in walk(anonymous, anonymous_paths, user_data(demo)).items():
        found.setdefault(f"{name} (anonymous)", []).extend(texts)
    return found


def test_every_page_shows_only_translated_text(walked):
    assert not walked, "text that skipped the translation machinery:\n" + report(walked)


def test_the_clinician_share_s_pdf_shows_only_translated_text(demo):
    """The PDF is WeasyPrint's rendering of this HTML (its print variant): its text is the PDF's text."""
    share = ClinicianShare.for_token(demo.share_token)
    html = share_views._page(share, for_pdf=True)

    assert OPEN in html
    assert untranslated(html, user_data(demo)) == []


def test_form_errors_are_translated(demo):
    """Form errors come from Django's catalogue and the bounds module: both wrapped too."""
    client = Client()
    client.force_login(demo)
    data = user_data(demo)
    pages = [
        client.post("/runs/new/", {"date": "1900-01-01", "distance": "0,01", "duration": "5"}),
        client.post("/shoes/new/", {"name": "", "retire_distance": "99999"}),
        client.post("/cross-training/new/", {"date": "", "duration": "25:00:00"}),
        client.post("/settings/", {"timezone": "Mars/Olympus"}),
        client.post("/accounts/email/", {"email": "not an address", "password": "wrong"}),
        client.post("/settings/api-tokens/", {"name": "", "scope": "root"}),
        Client(HTTP_ACCEPT_LANGUAGE="de").post("/accounts/signup/", {"username": "", "password1": "x"}),
        Client(HTTP_ACCEPT_LANGUAGE="de").post("/accounts/login/", {"username": "demo", "password": "wrong"}),
    ]
    for page in pages:
        assert page.status_code in (200, 422), page.status_code
        assert 'class="errorlist' in page.content.decode()
        assert untranslated(page.content.decode(), data) == []


def test_messages_after_a_save_are_translated(demo):
    client = Client()
    client.force_login(demo)
    response = client.post(
        "/shoes/new/", {"name": "Wrapped", "support": "neutral", "retire_distance": "800"}, follow=True
    )

    assert f"{OPEN}Saved the shoe.{CLOSE}" in response.content.decode()


def test_the_pseudo_locale_wraps_django_s_own_messages(demo):
    """The walk would miss Django's own texts if only Runlog's catalogue were wrapped."""
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    response = client.post("/accounts/login/", {"username": "", "password": ""})

    assert f"{OPEN}This field is required.{CLOSE}" in response.content.decode()
    assert not mail.outbox
