"""The runner's overview: the home page, this week, the charts and the calendar."""
