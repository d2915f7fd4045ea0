"""Each login's reminder choices, and the one-click unsubscribe link of every reminder."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt

from .forms import ReminderPreferenceForm
from .models import ReminderPreference


def preferences(request):
    preference = ReminderPreference.of(request.user)
    form = ReminderPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, gettext("Your reminder choices are saved."))
        return redirect("reminders:preferences")
    return render(request, "reminders/preferences.html", {"form": form})


# Mail clients post the one-click unsubscribe (RFC 8058) without a session or a CSRF token: the signed token
# in the address is the credential. A GET only shows the button, so a link scanner never unsubscribes anyone.
@csrf_exempt
def unsubscribe(request, token):
    found = ReminderPreference.from_token(token)
    user = get_user_model().objects.filter(pk=found[0]).first() if found else None
    if user is None:
        raise Http404(gettext("This unsubscribe link is not valid."))
    kind = found[1]
    preference = ReminderPreference.of(user)
    if request.method == "POST":
        setattr(preference, kind, False)
        preference.save()
        return redirect("reminders:unsubscribe", token=token)
    done = not getattr(preference, kind)
    return render(request, "reminders/unsubscribe.html", {"kind": kind, "done": done})
