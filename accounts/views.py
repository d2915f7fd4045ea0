"""Account pages that need more than Django's own views: a password reset that is rate-limited."""

from django.contrib.auth import views as auth_views
from django.utils.translation import gettext

from .throttle import too_many_resets


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, limited per address and per email; the answer is the same whether the email is known."""

    def form_valid(self, form):
        if too_many_resets(self.request, form.cleaned_data["email"]):
            form.add_error(
                "email",
                gettext("Too many reset requests from here or for this email address. Try again in an hour."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)
