"""English as the pages have always shown it: "December 14, 2016", not Django's "Dec. 14, 2016"."""

DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, g:i a"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
# Staff tables' short dates, as they always read: "Dec 14, 2016" (Django's own is "12/14/2016").
SHORT_DATE_FORMAT = "M j, Y"
