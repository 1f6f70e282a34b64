"""axe-core on every page and fragment a runner reaches, at desktop and phone width, in light and dark.

The list of pages comes from the URLconf: every route is a page, a fragment opened in its page, or
skipped with the reason (a download, JSON, a POST-only action). A new route that is in none of them
fails test_every_route_is_checked_or_skipped. axe-core comes from npm (node_modules, a dev
dependency) and is injected by the test: it is never served to users.

RUNLOG_AXE_REPORT=<folder> writes each walk's violations, per page and rule, as JSON (how the
before and after figures in docs/accessibility.md were counted).
"""

import datetime as dt
import importlib
import json
import os
from collections import Counter
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from playwright.sync_api import expect

from injuries.models import PainReport, ReturnPlan
from runlog.demo import seed_demo
from runlog.log.models import CrossTraining, Profile, Run, Shoe
from runlog.sharing.models import ClinicianShare
from tests.factories import ImportBatchFactory

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
# Pages kept as screenshots of each width and theme, to look at.
SHOWN = {"home", "run_detail", "calendar", "pain_new", "profile", "calendar_day (in the month)"}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The page background of each theme (site.css --bg): proof that the theme asked for is the one checked.
BACKGROUND = {"light": "rgb(246, 247, 249)", "dark": "rgb(15, 20, 27)"}
# The clinician's report is a printed document: black on white in either scheme (axe still checks it in both).
PRINTED = ("clinician_share",)
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# Full pages a signed-in runner opens; {run} and the like are the seeded runner's own objects.
PAGES = {
    "home": "/",
    "calendar": "/calendar/",
    "calendar_day": "/calendar/{day}/",
    "run_detail": "/runs/{recorded}/",
    "records": "/records/",
    "run_list": "/runs/",
    "run_new": "/runs/new/",
    "run_edit": "/runs/{run}/edit/",
    "run_delete": "/runs/{run}/delete/",
    "shoe_list": "/shoes/",
    "shoe_new": "/shoes/new/",
    "shoe_edit": "/shoes/{shoe}/edit/",
    "shoe_delete": "/shoes/{shoe}/delete/",
    "shoe_retire": "/shoes/{shoe}/retire/",
    "xt_list": "/cross-training/",
    "xt_new": "/cross-training/new/",
    "xt_edit": "/cross-training/{xt}/edit/",
    "xt_delete": "/cross-training/{xt}/delete/",
    "profile": "/settings/",
    "email_change": "/accounts/email/",
    "email_confirm": "/accounts/email/confirm/not-a-token/",
    "account_delete": "/accounts/delete/",
    "digest_unsubscribe": "/digest/unsubscribe/not-a-token/",
    "import_page": "/import/",
    "import_detail": "/import/{batch}/",
    "import_undo_confirm": "/import/{batch}/undo/confirm/",
    "pain_episodes": "/pain/episodes/",
    "pain_list": "/pain/",
    "pain_new": "/pain/new/",
    "pain_edit": "/pain/{pain}/edit/",
    "pain_delete": "/pain/{pain}/delete/",
    "plan_list": "/plans/",
    "plan_detail": "/plans/{plan}/",
    "session_pain": "/plans/session/{session}/pain/",
    "advice_list": "/advice/",
    "advice_detail": "{advice}",
    "api_tokens": "/settings/api-tokens/",
    "calendar_settings": "/settings/calendar/",
    "share_settings": "/settings/shares/",
    "password_change": "/accounts/password_change/",
    "password_change_done": "/accounts/password_change/done/",
}
# Pages without an account (the advice pages are in both lists).
ANONYMOUS = {
    "welcome": "/",
    "login": "/accounts/login/",
    "signup": "/accounts/signup/",
    "password_reset": "/accounts/password_reset/",
    "password_reset_done": "/accounts/password_reset/done/",
    "password_reset_confirm": "/accounts/reset/MQ/not-a-token/",
    "password_reset_complete": "/accounts/reset/done/",
    "advice_list": "/advice/",
    "offline": "/offline/",
    # The clinician's view: a share link opened without an account.
    "clinician_share": "/share/{share}/",
}
# htmx fragments, opened the way a runner opens them, in their page (see open_fragments).
FRAGMENTS = {
    "run_edit",
    "shoe_edit",
    "xt_edit",
    "pain_edit",
    "run_item",
    "calendar_day",
    "week_panel",
    "risk_panel",
    "charts_panel",
    "dashboard_panels",
    "plan_today",
    "run_new",
    "pain_episodes",
    "session_pain",
}
SKIPPED = {
    "favicon": "a redirect to the icon",
    "run_samples": "JSON for the run page's charts",
    "run_splits": "JSON",
    "run_original": "the uploaded file",
    "export_account_json": "a download",
    "export_account_zip": "a download",
    "export_runs_csv": "a download",
    "export_cross_training_csv": "a download",
    "calendar_feed": "an iCalendar feed",
    "shoe_item": "the list's row (after an inline edit: run_item)",
    "xt_item": "the list's row",
    "pain_item": "the list's row",
    "email_resend": "POST only",
    "import_undo": "POST only",
    "pain_morning": "POST only (its form is on the pain list)",
    "plan_pause": "POST only",
    "plan_resume": "POST only",
    "plan_end": "POST only",
    "api_token_revoke": "POST only",
    "logout": "POST only",
    "plan_start": "checked in its own walk step (needs no plan under way)",
    "share_revoke": "POST only",
    "clinician_share_pdf": "a PDF",
    "manifest": "the web app manifest (JSON)",
    "service_worker": "the service worker's script",
}


def all_route_names(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith(("admin/", "api/")):
                continue
            yield from all_route_names(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name and not (prefix + str(entry.pattern)).startswith("api/"):
            yield entry.name


def test_every_route_is_checked_or_skipped():
    known = set(PAGES) | set(ANONYMOUS) | FRAGMENTS | set(SKIPPED)

    assert set(all_route_names()) - known == set(), "add the new route to the accessibility walk"


def seeded_runner(theme="auto"):
    # The advice library comes with the migrations, which a transactional test's flush empties.
    for migration in ("0002_seed_advice", "0006_seed_form_and_plan_advice"):
        importlib.import_module(f"injuries.migrations.{migration}").seed(apps, None)
    seed_demo()
    user = get_user_model().objects.get(username="demo")
    Profile.objects.filter(user=user).update(theme=theme)
    batch = ImportBatchFactory(user=user)
    today = timezone.localdate()
    plan = ReturnPlan.objects.filter(user=user).order_by("-started_on").first()
    ids = {
        "run": Run.objects.filter(user=user, plan_session=False).order_by("-start").first().pk,
        "recorded": Run.objects.filter(user=user, recording__isnull=False).get().pk,
        "session": Run.objects.filter(user=user, plan_session=True).order_by("-start").first().pk,
        "shoe": Shoe.objects.filter(user=user).order_by("pk").first().pk,
        "xt": CrossTraining.objects.filter(user=user).order_by("-start").first().pk,
        "pain": PainReport.objects.filter(user=user).order_by("-date").first().pk,
        "batch": batch.pk,
        "plan": plan.pk,
        "day": (today - dt.timedelta(days=1)).isoformat(),
    }
    _, ids["share"] = ClinicianShare.create(
        user,
        start_date=today - dt.timedelta(weeks=12) + dt.timedelta(days=1),
        end_date=today,
        expires_at=timezone.now() + dt.timedelta(days=14),
    )
    return user, ids


def new_context(browser, viewport, scheme):
    # The site's CSP allows no inline script: the context lets the test add axe-core's script tag.
    return browser.new_context(viewport=viewport, color_scheme=scheme, bypass_csp=True)


def signed_in(browser, live_server, user, viewport, scheme):
    client = Client()
    client.force_login(user)
    context = new_context(browser, viewport, scheme)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def settled(page):
    page.wait_for_function(
        "() => window.htmx === undefined || !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')"
    )


class Walk:
    """Runs axe on each state of a page, in each colour scheme, and keeps what it found.

    One walk per width: each page state is checked light and dark by switching the emulated
    prefers-color-scheme (the charts redraw on that switch, as on a device).
    """

    def __init__(self, page, label, schemes=("light", "dark"), themes=None):
        self.page = page
        self.label = label
        self.schemes = schemes
        self.themes = themes or {}  # device scheme → the theme the runner's setting shows instead
        self.found = {scheme: {} for scheme in schemes}

    def check(self, name):
        settled(self.page)
        self.page.add_script_tag(path=str(AXE))
        for scheme in self.schemes:
            self.page.emulate_media(color_scheme=scheme)
            if not name.startswith(PRINTED):
                assert self.background() == BACKGROUND[self.themes.get(scheme, scheme)], (name, scheme)
            result = self.page.evaluate(
                """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
                    .then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map((n) => ({target: n.target.join(' '), summary: n.failureSummary}))})))""",
                TAGS,
            )
            if result:
                self.found[scheme][name] = result
            if name in SHOWN:
                SHOTS.mkdir(parents=True, exist_ok=True)
                file = "".join(c if c.isalnum() else "-" for c in f"a11y-{self.label}-{scheme}-{name}")
                self.page.screenshot(path=str(SHOTS / f"{file}.png"), full_page=True)

    def background(self):
        return self.page.evaluate("getComputedStyle(document.documentElement).backgroundColor")

    def visit(self, base, path, name):
        response = self.page.goto(base + path)
        assert response.status < 500, (name, response.status)
        self.check(name)

    def violations(self):
        return any(self.found.values())

    def report(self):
        folder = os.environ.get("RUNLOG_AXE_REPORT")
        lines = []
        for scheme, pages in self.found.items():
            if folder:
                Path(folder).mkdir(parents=True, exist_ok=True)
                counts = {page: {v["id"]: len(v["nodes"]) for v in found} for page, found in pages.items()}
                (Path(folder) / f"{self.label}-{scheme}.json").write_text(json.dumps(counts, indent=1, sort_keys=True))
            per_rule = Counter(v["id"] for found in pages.values() for v in found)
            lines.append(f"{self.label}, {scheme}: pages per rule {dict(per_rule)}")
            for page, found in pages.items():
                for violation in found:
                    lines.append(f"{page} [{scheme}]: {violation['id']} ({violation['impact']}) {violation['help']}")
                    for node in violation["nodes"][:4]:
                        lines.append(f"    {node['target']}: {node['summary'].splitlines()[-1].strip()}")
                    if len(violation["nodes"]) > 4:
                        lines.append(f"    … and {len(violation['nodes']) - 4} more")
        return "\n".join(lines)


def open_fragments(walk, base, ids):
    """The htmx fragments, opened in their page the way a runner opens them."""
    page = walk.page
    # An inline edit form of each list, then the row it turns back into (Cancel).
    for section, path in (("run", "/runs/"), ("shoe", "/shoes/"), ("xt", "/cross-training/"), ("pain", "/pain/")):
        page.goto(base + path)
        row = page.locator(f"#{section}-{ids[section]}")
        row.get_by_role("link", name="Edit").click()
        expect(page.locator(f"#{section}-{ids[section]} form")).to_be_visible()
        walk.check(f"{section}_edit (inline)")
        if section == "run":
            page.locator(f"#run-{ids['run']}").get_by_role("link", name="Cancel").click()
            expect(page.locator(f"#run-{ids['run']} form")).to_have_count(0)
            walk.check("run_item (after Cancel)")
    # The calendar's day detail, opened from its month.
    page.goto(base + "/calendar/")
    page.locator(f"a[href='/calendar/{ids['day']}/']").click()
    expect(page.locator("#day-detail")).not_to_be_empty()
    walk.check("calendar_day (in the month)")
    # The quick log on home: refused with its errors, then a run logged; the week, the risk panel, the
    # charts and today's plan session come back as fragments.
    page.goto(base + "/")
    page.locator("#run-new-form button[type=submit]").click()
    expect(page.locator("#run-new-form .errorlist").first).to_be_visible()
    walk.check("run_new (errors on home)")
    page.locator("#run-new-form #id_distance").fill("5")
    page.locator("#run-new-form #id_duration").fill("30:00")
    page.locator("#run-new-form button[type=submit]").click()
    expect(page.locator("#followup")).to_be_visible()
    walk.check("week, risk, charts and plan panels (after logging a run)")


def walk_everything(browser, live_server, viewport, label):
    base = live_server.url
    user, ids = seeded_runner()
    page = signed_in(browser, live_server, user, viewport, "light")
    walk = Walk(page, label)
    page.goto(base + "/advice/")
    ids["advice"] = page.locator("main a[href^='/advice/']").first.get_attribute("href")
    for name, path in PAGES.items():
        walk.visit(base, path.format(**ids), name)
    open_fragments(walk, base, ids)
    ReturnPlan.objects.filter(user=user).update(ended_on=timezone.localdate())
    walk.visit(base, "/plans/start/", "plan_start")
    page.context.close()

    anonymous = new_context(browser, viewport, "light")
    walk.page = anonymous.new_page()
    for name, path in ANONYMOUS.items():
        walk.visit(base, path.format(**ids), f"{name} (signed out)")
    walk.page.goto(base + ANONYMOUS["password_reset"])
    walk.page.locator("main button[type=submit]").click()  # sent empty
    walk.check("password_reset (sent empty, signed out)")
    anonymous.close()
    return walk


@pytest.mark.parametrize("width", WIDTHS)
def test_no_wcag_violations_on_any_page_light_or_dark(live_server, browser, width):
    walk = walk_everything(browser, live_server, WIDTHS[width], width)
    found = walk.report()

    assert not walk.violations(), found


def test_the_theme_setting_overrides_the_device(live_server, browser):
    """Dark chosen in Settings on a light device, and light on a dark one: the pages follow the setting."""
    base = live_server.url
    for theme, device in (("dark", "light"), ("light", "dark")):
        user, ids = seeded_runner(theme)
        page = signed_in(browser, live_server, user, WIDTHS["desktop"], device)
        walk = Walk(page, f"setting-{theme}", schemes=(device,), themes={device: theme})
        for name in ("home", "pain_new", "profile", "calendar", "run_detail"):
            walk.visit(base, PAGES[name].format(**ids), name)
        assert page.locator("html").get_attribute("data-theme") == theme
        page.context.close()
        found = walk.report()
        assert not walk.violations(), found
        get_user_model().objects.all().delete()
