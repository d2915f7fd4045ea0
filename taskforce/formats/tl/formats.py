"""Filipino, which Django ships no formats for: "Disyembre 14, 2016" (the month's name from the catalogue),
12-hour clock, and numbers written as in English (1,234.5), as Philippine government style does."""

DATE_FORMAT = "F j, Y"
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "F j, Y, g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
SHORT_DATE_FORMAT = "m/d/Y"
SHORT_DATETIME_FORMAT = "m/d/Y g:i A"
FIRST_DAY_OF_WEEK = 0  # Sunday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
# A chart axis's month: "Dec 2016", the English abbreviation Philippine usage shares.
SHORT_YEAR_MONTH_FORMAT = "M Y"
