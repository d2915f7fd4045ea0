"""The login account; a person in the registry may have one (members.Person.user)."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taskforce.dates import moment_in_range, validate_date


class User(AbstractUser):
    """A login. Who the user is in the task force lives on members.Person."""

    # Django's own fields, with the range every date in the app keeps (taskforce/dates.py): the admin edits them.
    last_login = models.DateTimeField(_("last login"), blank=True, null=True, validators=[validate_date])
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now, validators=[validate_date])
    # The language switcher's choice, kept with the account so that it follows the user to another browser.
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language the pages are shown in after logging in; blank follows the browser."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [moment_in_range("last_login"), moment_in_range("date_joined")]

    def __str__(self):
        return self.get_full_name() or self.username
