"""Reading the chart data a page carries, as the dashboard's script does."""

import html
import json
import re


def chart_json(page: str) -> dict:
    """The JSON in #chart-data's data-json attribute."""
    (value,) = re.findall(r'<div id="chart-data" hidden data-json="([^"]*)"></div>', page)
    return json.loads(html.unescape(value))
