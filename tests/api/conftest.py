"""API fixtures: alice's write and read tokens, bob's write token, and a client that sends one."""

import pytest
from django.core.cache import cache
from django.test import Client

from runlog.api.models import ApiToken
from runlog.api.tokens import create_token


class ApiClient:
    """A test client that authenticates every request with one bearer token and speaks JSON."""

    def __init__(self, secret: str):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"}

    def get(self, path, data=None):
        return self.client.get(path, data, headers=self.headers)

    def post(self, path, body=None, **kwargs):
        if "data" in kwargs:  # multipart
            return self.client.post(path, kwargs["data"], headers=self.headers)
        return self.client.post(path, body or {}, content_type="application/json", headers=self.headers)

    def patch(self, path, body):
        return self.client.patch(path, body, content_type="application/json", headers=self.headers)

    def delete(self, path):
        return self.client.delete(path, headers=self.headers)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def alice_api(alice) -> ApiClient:
    return ApiClient(create_token(alice, "phone", ApiToken.Scope.WRITE)[1])


@pytest.fixture
def alice_read_api(alice) -> ApiClient:
    return ApiClient(create_token(alice, "spreadsheet", ApiToken.Scope.READ)[1])


@pytest.fixture
def bob_api(bob) -> ApiClient:
    return ApiClient(create_token(bob, "bob's script", ApiToken.Scope.WRITE)[1])
