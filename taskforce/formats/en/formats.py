"""English as the pages have always shown it: "December 14, 2016", not Django's "Dec. 14, 2016"."""

DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, g:i a"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
# Staff tables' short dates, as they always read: "Dec 14, 2016" (Django's own is "12/14/2016").
SHORT_DATE_FORMAT = "M j, Y"
# And with a time: "Dec 14, 2016, 1:30 p.m." (Django's own is "12/14/2016 1:30 p.m.").
SHORT_DATETIME_FORMAT = "M j, Y, g:i a"
# A chart axis's month, where a full month name does not fit: "Dec 2016". Not one of Django's names: every
# language in settings.LANGUAGES defines it here (tests/i18n/test_language_choice.py checks).
SHORT_YEAR_MONTH_FORMAT = "M Y"
