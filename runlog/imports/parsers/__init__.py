"""Activity files read into records: GPX, TCX, FIT and CSV, through hardened XML and size limits."""
