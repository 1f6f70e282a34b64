"""Creating, checking and revoking API tokens; the per-token rate limit."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja.throttling import SimpleRateThrottle

from runlog.api.models import ApiToken

log = logging.getLogger("runlog.security")

PREFIX = "rl_"
# 32 random bytes: 256 bits, far past guessing; URL-safe so it fits a header or a shell variable.
SECRET_BYTES = 32
# Last use is written at most this often per token, not on every request.
LAST_USE_PRECISION_S = 60


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user, name: str, scope: str = ApiToken.Scope.READ) -> tuple[ApiToken, str]:
    """A new token and its secret (shown once, never stored)."""
    secret = PREFIX + secrets.token_urlsafe(SECRET_BYTES)
    token = ApiToken.objects.create(user=user, name=name, scope=scope, digest=digest_of(secret), prefix=secret[:8])
    log.info("api token created user=%s token=%s scope=%s", user.pk, token.pk, scope)
    return token, secret


def token_for(secret: str) -> ApiToken | None:
    """The live token with this secret, or None. The lookup is by the secret's hash (never the secret), and
    the stored hash is compared again in constant time."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    digest = digest_of(secret)
    token = (
        ApiToken.objects.select_related("user", "user__profile").filter(digest=digest, revoked_at__isnull=True).first()
    )
    if token is None or not hmac.compare_digest(token.digest, digest) or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= LAST_USE_PRECISION_S:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def revoke(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log.info("api token revoked user=%s token=%s", token.user_id, token.pk)


class TokenRateThrottle(SimpleRateThrottle):
    """At most settings.API_RATE_LIMIT requests ("120/min") per token; beyond it 429 with Retry-After."""

    def __init__(self) -> None:
        super().__init__(settings.API_RATE_LIMIT)

    def allow_request(self, request: HttpRequest) -> bool:
        # The setting is read on each request: an operator's change applies without a new process.
        self.rate = settings.API_RATE_LIMIT
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str | None:
        token = getattr(request, "auth", None)
        return f"api-rate:{token.pk}" if isinstance(token, ApiToken) else None

    def throttle_failure(self) -> bool:
        log.info("api rate limited key=%s", self.key)
        return super().throttle_failure()
