"""Words of Django's own that the public pages show and that Django ships no Filipino (tl) translation for.

Listing them here carries them into the project's catalogues (makemessages), where locale/tl translates them;
the Spanish and Chinese catalogues may leave them empty, since Django's own catalogues translate them.
"""

from django.utils.translation import gettext_noop

DJANGO_WORDS = [
    # Month and weekday names (the date filter and taskforce/formats/tl).
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
    # The login and password forms.
    gettext_noop("Username"),
    gettext_noop("Password"),
    gettext_noop("Email"),
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Please enter a correct %(username)s and password. Note that both fields may be case-sensitive."),
    gettext_noop("This account is inactive."),
    gettext_noop("username"),
    gettext_noop("New password"),
    gettext_noop("New password confirmation"),
    gettext_noop("Old password"),
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
]
