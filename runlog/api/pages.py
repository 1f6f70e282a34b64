"""Settings → API tokens: create one (its secret shown once), see each with its last use, revoke one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from runlog.api.models import ApiToken
from runlog.api.tokens import create_token, revoke
from runlog.site.ownership import owned_or_404

# Enough for every script and tool a runner uses; a runner past it revokes one first.
MAX_LIVE_TOKENS = 20


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80, help_text=_("What uses it, e.g. “Phone shortcut”"))
    scope = forms.ChoiceField(
        label=_("Scope"), choices=ApiToken.Scope.choices, initial=ApiToken.Scope.READ, widget=forms.RadioSelect
    )


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    live = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True)
    form = TokenForm(request.POST or None)
    secret = None
    status = 200
    if request.method == "POST":
        if form.is_valid() and live.count() >= MAX_LIVE_TOKENS:
            form.add_error(
                None,
                gettext("You have %(count)d tokens already; revoke one you no longer use first.")
                % {"count": MAX_LIVE_TOKENS},
            )
        if form.is_valid():
            token, secret = create_token(request.user, form.cleaned_data["name"], form.cleaned_data["scope"])
            form = TokenForm()
        else:
            status = 422
    context = {"form": form, "secret": secret, "tokens": ApiToken.objects.filter(user=request.user)[:50]}
    response = render(request, "api/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the page that shows a secret is never kept by a cache
    return response


@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = owned_or_404(ApiToken.objects.filter(user=request.user), request, pk, "token")
    if request.method != "POST":
        return redirect("api_tokens")
    revoke(token)
    messages.success(
        request, gettext("Revoked the token “%(name)s”: it no longer opens the API.") % {"name": token.name}
    )
    return redirect("api_tokens")
