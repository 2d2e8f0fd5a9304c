"""Program rules shared by every form: calendars, dates and participation hours."""
