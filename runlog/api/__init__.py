"""The HTTP API, version 1: personal tokens and the log's resources as JSON at /api/v1/."""
