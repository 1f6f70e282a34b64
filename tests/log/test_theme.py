"""The Colours setting: light or dark pages, or as the device is set (the default)."""

import json
import re

import pytest

from runlog.log.models import Profile
from tests.log.test_edit_conflicts import opened

pytestmark = pytest.mark.django_db
SETTINGS = {"units": "km", "timezone": "Europe/Berlin", "digest_weekday": "0", "digest_enabled": "on"}


def save(client, **fields):
    return client.post("/settings/", {**SETTINGS, **fields, "version": opened(client, "/settings/")})


def html_tag(client, url="/"):
    return re.search(r"<html[^>]*>", client.get(url).content.decode()).group(0)


def test_pages_follow_the_device_until_a_theme_is_chosen(alice_client):
    assert "data-theme" not in html_tag(alice_client)
    assert "data-theme" not in html_tag(alice_client, "/runs/")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_theme_chosen_in_settings_is_on_every_page(alice_client, alice, theme):
    response = save(alice_client, theme=theme)

    assert response.status_code == 302
    assert Profile.objects.get(user=alice).theme == theme
    assert f'data-theme="{theme}"' in html_tag(alice_client)
    assert f'data-theme="{theme}"' in html_tag(alice_client, "/calendar/")


def test_back_to_the_device_setting_drops_the_attribute(alice_client, alice):
    Profile.objects.filter(user=alice).update(theme="dark")

    save(alice_client, theme="auto")

    assert "data-theme" not in html_tag(alice_client)


def test_a_settings_form_without_the_field_keeps_the_choice(alice_client, alice):
    Profile.objects.filter(user=alice).update(theme="dark")

    response = save(alice_client, units="mi")

    assert response.status_code == 302
    assert (Profile.objects.get(user=alice).units, Profile.objects.get(user=alice).theme) == ("mi", "dark")


def test_an_unknown_theme_is_refused_with_the_forms_message(alice_client, alice):
    response = save(alice_client, theme="sepia")

    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    assert Profile.objects.get(user=alice).theme == "auto"


def test_signed_out_pages_follow_the_device(client):
    assert "data-theme" not in html_tag(client, "/accounts/login/")


def test_the_theme_is_not_part_of_the_account_export(alice_client, alice):
    Profile.objects.filter(user=alice).update(theme="dark")

    exported = json.loads(b"".join(alice_client.get("/export/account.json").streaming_content))

    assert "theme" not in json.dumps(exported)
