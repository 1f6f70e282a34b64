"""URLs of one activity's pages."""

urlpatterns: list = []
