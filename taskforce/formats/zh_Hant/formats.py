"""Traditional Chinese: Django's own formats, but a month and day without a leading zero ("3月4日", not "03月4日"),
as its long date writes them."""

MONTH_DAY_FORMAT = "n月j日"
# A chart axis's month: "2016年12月".
SHORT_YEAR_MONTH_FORMAT = "Y年n月"
