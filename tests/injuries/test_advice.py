"""The advice library: seeded for every rule code and topic, rendered safely, edited in the admin."""

import pytest

from injuries.advice import render_markdown
from injuries.models import Advice
from tests.injuries.test_risk_report_command import CODES

TOPICS = {
    "warm_up",
    "cross_training",
    "rest",
    "footwear",
    "strength",
    "running_form",
    "nutrition",
    "rest_ice",
    "brace",
    "physiotherapy",
    "clinician",
}


def test_every_rule_code_has_published_advice_with_an_evidence_note(db):
    advice = {a.key: a for a in Advice.objects.published()}

    for code in CODES:
        assert code in advice, code
        assert advice[code].body.strip()
        assert advice[code].slug == code.replace(".", "-").replace("_", "-")
    graded = {code: advice[code].evidence_grade for code in CODES}
    assert graded["prevention.strength"] == "A"
    assert graded["overtraining.session_spike"] == "B"
    assert graded["pain.red_flag"] == "C"


def test_every_prevention_and_treatment_topic_is_seeded(db):
    keys = set(Advice.objects.exclude(kind="rule").values_list("key", flat=True))

    assert {f"topic.{t}" for t in TOPICS} <= keys


def test_the_advice_page_renders_markdown(client, db):
    html = client.get("/advice/prevention-strength/").content.decode()

    assert "<strong>Two 20–30 minute sessions a week</strong>" in html
    assert "Lauersen JB" in html


def test_raw_html_in_advice_is_stripped():
    html = render_markdown("Hello <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))")

    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert "Hello" in html


def test_unpublished_advice_is_not_shown(client, db):
    Advice.objects.filter(key="prevention.warm_up").update(published=False)

    assert client.get("/advice/prevention-warm-up/").status_code == 404
    assert "Warming up" not in client.get("/advice/").content.decode()


def test_an_edit_in_the_admin_reaches_the_runner(admin_client):
    advice = Advice.objects.get(key="pain.red_flag")
    response = admin_client.post(
        f"/admin/injuries/advice/{advice.pk}/change/",
        {
            "key": advice.key,
            "slug": advice.slug,
            "kind": advice.kind,
            "title": "See a doctor today",
            "summary": advice.summary,
            "body": "Call your GP.",
            "evidence_grade": "C",
            "references": "",
            "published": "on",
        },
    )

    assert response.status_code == 302
    assert "See a doctor today" in admin_client.get("/advice/pain-red-flag/").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/injuries/advice/",
        "/admin/injuries/painreport/",
        "/admin/runlog/run/",
        "/admin/runlog/shoe/",
        "/admin/runlog/crosstraining/",
        "/admin/runlog/profile/",
        "/admin/injuries/advice/?q=knee",
    ],
)
def test_admin_pages_render(admin_client, path):
    assert admin_client.get(path).status_code == 200


def test_the_step_rate_and_return_to_run_advice_carry_their_evidence(db):
    advice = {a.key: a for a in Advice.objects.published()}

    assert advice["form.cadence"].evidence_grade == "B-"
    assert "not injury outcomes" in advice["form.cadence"].body
    assert "180" in advice["form.cadence"].body
    assert "Heiderscheit" in advice["form.cadence"].references
    assert advice["plan.return_to_run"].evidence_grade == "C"
    assert "Silbernagel" in advice["plan.return_to_run"].references
    assert advice["topic.step_rate"].kind == "prevention"
    assert advice["topic.return_to_run"].kind == "treatment"
