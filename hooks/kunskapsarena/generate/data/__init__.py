"""Open data, feeds and calendars."""
