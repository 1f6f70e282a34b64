"""One activity in full: its samples, original file, splits, best efforts, detail page and records."""
