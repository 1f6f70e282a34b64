"""From flags to what the runner reads: published advice per rule code (one query), safe Markdown."""

from __future__ import annotations

from dataclasses import dataclass

import markdown
import nh3

from injuries.models import Advice
from injuries.risk import Assessment, Flag
from injuries.texts import plain_english

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "h2", "h3", "h4", "blockquote", "code", "pre", "br", "hr"}


def render_markdown(text: str) -> str:
    """Markdown to HTML with every raw tag and attribute outside a small safe list removed."""
    html = markdown.markdown(text or "", output_format="html")
    return nh3.clean(
        html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}}, url_schemes={"http", "https", "mailto"}
    )


def slug_for(code: str) -> str:
    return code.replace(".", "-").replace("_", "-")


class ShownAdvice:
    """An advice as the runner reads it: its title, summary and body in the active language when shown (each
    falling back to the English where not translated); everything else is the Advice's own."""

    def __init__(self, advice: Advice):
        self.advice = advice

    def __getattr__(self, name):
        return getattr(self.advice, name)

    @property
    def title(self) -> str:
        return self.advice.translated("title")

    @property
    def summary(self) -> str:
        return self.advice.translated("summary")

    @property
    def body(self) -> str:
        return self.advice.translated("body")

    def get_absolute_url(self) -> str:
        return self.advice.get_absolute_url()

    def __str__(self) -> str:
        return self.title


def advice_for(codes) -> dict[str, ShownAdvice]:
    """Published advice keyed by rule code, with every translation, in one query."""
    found = Advice.objects.published().with_translations().filter(key__in=set(codes))
    return {a.key: ShownAdvice(a) for a in found}


@dataclass(frozen=True)
class ShownFlag:
    flag: Flag
    advice: ShownAdvice | None

    @property
    def code(self):
        return self.flag.code

    @property
    def severity(self):
        return self.flag.severity


def with_advice(assessment: Assessment) -> list[ShownFlag]:
    advice = advice_for(f.code for f in assessment.flags)
    return [ShownFlag(f, advice.get(f.code)) for f in assessment.flags]


def report_dict(username: str, assessment: Assessment) -> dict:
    """The public `risk_report --format json` document (docs/product.md): English, whatever the language."""
    advice = advice_for(f.code for f in assessment.flags)
    return plain_english(
        {
            "user": username,
            "on": assessment.on.isoformat(),
            "metrics": dict(assessment.metrics),
            "flags": [
                {
                    "code": f.code,
                    "severity": f.severity,
                    "title": f.title,
                    "message": f.message,
                    "evidence": f.evidence,
                    "advice": advice[f.code].get_absolute_url() if f.code in advice else None,
                }
                for f in assessment.flags
            ],
            "plan": None if assessment.plan is None else assessment.plan.document(),
            "episodes": [episode.document() for episode in assessment.episodes],
        }
    )
