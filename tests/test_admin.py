"""The admin, walked model by model as a superuser: every list, add and change page answers, and a change saves."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from injuries.models import Advice
from runlog.api.tokens import create_token
from runlog.digest.models import DigestDelivery
from tests.factories import (
    CrossTrainingFactory,
    ImportBatchFactory,
    PainReportFactory,
    ReturnPlanFactory,
    RunFactory,
    ShoeFactory,
    UserFactory,
)


def _task_result(alice):
    now = timezone.now()
    return DBTaskResult.objects.create(
        enqueued_at=now,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="runlog.imports.tasks.run_import",
        backend_name="default",
        run_after=now,
        exception_class_path="",
        traceback="",
    )


def _attempt(model):
    def make(alice):
        fields = {"user_agent": "curl", "ip_address": "192.0.2.7", "username": "alice", "http_accept": "*/*"}
        if model is AccessAttempt:
            fields.update(get_data="", post_data="", failures_since_start=1)
        return model.objects.create(path_info="/accounts/login/", **fields)

    return make


# One object per registered model, and the field the walk edits with the value it sets (a text field,
# so the posted value is the stored one); None where the admin offers no editable field.
MAKERS = {
    "auth.User": (lambda alice: alice, ("first_name", "Alice")),
    "auth.Group": (lambda alice: Group.objects.create(name="coaches"), ("name", "club coaches")),
    "django_tasks_database.DBTaskResult": (_task_result, None),
    "axes.AccessAttempt": (_attempt(AccessAttempt), None),
    "axes.AccessLog": (_attempt(AccessLog), None),
    "axes.AccessFailureLog": (_attempt(AccessFailureLog), None),
    "runlog.ApiToken": (lambda alice: create_token(alice, "phone")[0], None),  # read-only but for revoking
    "runlog.Profile": (lambda alice: alice.profile, ("timezone", "Europe/Paris")),
    "runlog.DigestDelivery": (
        lambda alice: DigestDelivery.objects.create(user=alice, week_start=dt.date(2026, 11, 16)),
        ("status", "failed"),
    ),
    "runlog.ImportBatch": (lambda alice: ImportBatchFactory(user=alice, label="watch"), ("label", "old watch")),
    "runlog.Run": (lambda alice: RunFactory(user=alice, shoe=ShoeFactory(user=alice)), ("notes", "felt easy")),
    "runlog.Shoe": (lambda alice: ShoeFactory(user=alice), ("name", "Cloudmonster")),
    "runlog.CrossTraining": (lambda alice: CrossTrainingFactory(user=alice), ("notes", "hills")),
    "injuries.PainReport": (lambda alice: PainReportFactory(user=alice, run=RunFactory(user=alice)), ("notes", "sore")),
    "injuries.Advice": (lambda alice: Advice.objects.order_by("pk").first(), ("title", "Build up gradually")),
    "injuries.ReturnPlan": (lambda alice: ReturnPlanFactory(user=alice), ("location", "kneecap")),
}


class ChangeFormValues(HTMLParser):
    """The values a browser would post back from the admin's change form, as the page rendered them."""

    def __init__(self):
        super().__init__()
        self.data: list[tuple[str, str]] = []
        self._in_form = False
        self._select: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("id") or "").endswith("_form"):
            self._in_form = True
        if not self._in_form or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file") or (kind in ("checkbox", "radio") and "checked" not in attrs):
                return
            self.data.append((attrs["name"], attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = attrs["name"], ""

    def handle_data(self, data):
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None


def posted_back(html: str, field: str | None, value: str | None) -> dict[str, list[str]]:
    parser = ChangeFormValues()
    parser.feed(html)
    data: dict[str, list[str]] = {}
    for name, current in parser.data:
        data.setdefault(name, []).append(current)
    if field:
        assert field in data, f"{field} is not on the change form"
        data[field] = [value]
    return data


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


def test_every_registered_model_lists_adds_changes_and_saves_in_the_admin(client, superuser, alice, settings):
    # Task results are shown through the backend that queued them: production's database backend.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(superuser)
    request = RequestFactory().get("/admin/")
    request.user = superuser
    assert sorted(MAKERS) == sorted(model._meta.label for model in admin.site._registry)  # a maker for each
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label
        make, change = MAKERS[label]
        obj = make(alice)
        info = (model._meta.app_label, model._meta.model_name)

        assert client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200, label
        add = client.get(reverse("admin:{}_{}_add".format(*info)))
        assert add.status_code == (200 if model_admin.has_add_permission(request) else 403), label
        url = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
        page = client.get(url)
        assert page.status_code == 200, label

        if not model_admin.has_change_permission(request, obj):
            continue
        # Login records have no editable field: their form posts back unchanged.
        field, value = change or (None, None)
        response = client.post(url, posted_back(page.content.decode(), field, value))
        assert response.status_code == 302, (label, response.context and response.context["adminform"].form.errors)
        if field:
            obj.refresh_from_db()
            assert getattr(obj, field) == value, label


def test_the_digest_preview_pages_answer_in_the_admin(client, superuser, alice):
    client.force_login(superuser)
    RunFactory(user=alice)
    profile = alice.profile
    assert client.get(reverse("admin:digest_preview", args=[profile.pk])).status_code == 200
    assert client.get(reverse("admin:digest_preview_html", args=[profile.pk])).status_code == 200
