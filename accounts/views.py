"""Account pages that need more than Django's own views: a login that applies the user's language, and a
password reset that is rate-limited."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.utils import translation
from django.utils.translation import gettext

from .throttle import too_many_resets


class LoginView(auth_views.LoginView):
    """Django's login; a user who chose a language on another browser gets it on this one too (the cookie)."""

    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        language = form.get_user().language
        if language and translation.check_for_language(language):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


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
