"""FastSelect renders exactly what Django's Select renders, only faster."""

from html.parser import HTMLParser

import pytest
from django import forms

from runlog.site.widgets import FastSelect

CHOICES = [("", "—"), ("easy", "Easy"), ("race", "Race & <b>PB</b>"), (7, 'Seven "quoted"')]
GROUPED = [("Road", [("road", "Road"), ("track", "Track")]), ("Off-road", [("trail", "Trail <x>")]), ("", "None")]


class Markup(HTMLParser):
    """Tags with their attributes as sets, and text, in document order: attribute order does not matter."""

    def __init__(self, html: str):
        super().__init__()
        self.items: list = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.items.append(("start", tag, frozenset(attrs)))

    def handle_endtag(self, tag):
        self.items.append(("end", tag))

    def handle_data(self, data):
        if data.strip():
            self.items.append(("text", data.strip()))


def squash(html: str) -> list:
    return Markup(str(html)).items


@pytest.mark.parametrize("choices", [CHOICES, GROUPED])
@pytest.mark.parametrize("value", [None, "", "race", 7, "trail", "missing"])
@pytest.mark.parametrize("attrs", [None, {"id": "id_kind", "required": True, "class": "x"}, {"disabled": False}])
def test_same_markup_as_django(choices, value, attrs):
    expected = forms.Select(choices=choices).render("kind", value, attrs)
    actual = FastSelect(choices=choices).render("kind", value, attrs)

    assert squash(actual) == squash(str(expected))


def test_labels_and_values_are_escaped():
    html = FastSelect(choices=CHOICES).render("kind", None)

    assert "Race &amp; &lt;b&gt;PB&lt;/b&gt;" in html
    assert "<b>" not in html
