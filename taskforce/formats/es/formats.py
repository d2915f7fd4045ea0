"""Spanish: Django's own formats, and a chart axis's short month ("dic 2016", lowercase as Spanish writes it)."""

SHORT_YEAR_MONTH_FORMAT = "b Y"
