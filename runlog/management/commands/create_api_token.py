"""manage.py create_api_token USERNAME --name NAME [--scope read|write]: a personal API token, printed once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from runlog.api.models import ApiToken
from runlog.api.tokens import create_token


class Command(BaseCommand):
    help = "Create a personal API token for a runner and print it (only the token, on one line)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="what the token is for, as the runner's Settings list it")
        parser.add_argument("--scope", choices=ApiToken.Scope.values, default=ApiToken.Scope.READ)

    def handle(self, *args, username, name, scope, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no runner called {username!r}")
        name = name.strip()
        if not name or len(name) > ApiToken._meta.get_field("name").max_length:
            raise CommandError("--name must be 1 to 80 characters")
        _, secret = create_token(user, name, scope)
        self.stdout.write(secret)
