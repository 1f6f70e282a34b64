"""What every feature uses: the security log, emails, the disk cache, form rendering, local time, form tokens."""
