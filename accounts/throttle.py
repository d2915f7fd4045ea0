"""Who is knocking: the client's address (behind trusted proxies only) and the limits on logins and resets."""

import hashlib
import ipaddress

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum

# A username tried from one address locks after this many failures; an address locks after
# ADDRESS_FAILURE_LIMIT failures across all usernames (an office behind one address shares it).
USERNAME_FAILURE_LIMIT = 5
ADDRESS_FAILURE_LIMIT = 20
# Password reset requests per hour: from one address, and for one email address (known or not).
RESETS_PER_ADDRESS = 10
RESETS_PER_EMAIL = 3
RESET_WINDOW_SECONDS = 60 * 60


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _is_trusted_proxy(address) -> bool:
    return any(address in network for network in settings.TRUSTED_PROXIES)


def client_address(request) -> str | None:
    """The client's address: REMOTE_ADDR, unless it is a proxy named in TRUSTED_PROXIES.

    Then X-Forwarded-For is read from the right (each proxy appends the address it saw), skipping the
    trusted proxies: the first other address is the client. Anyone else's X-Forwarded-For is ignored.
    """
    remote = request.META.get("REMOTE_ADDR")
    seen = _address(remote or "")
    if seen is None or not _is_trusted_proxy(seen):
        return remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:
            break
        seen = address
        if not _is_trusted_proxy(address):
            break
    return str(seen)


def failure_limit(request, credentials) -> int:
    """AXES_FAILURE_LIMIT: axes compares one limit with the larger of its two counts (this username from
    this address; this address across usernames). The address count is never the smaller, so the limit
    is the username's once that username reached it, and the address's otherwise."""
    per_username = AxesProxyHandler.get_implementation().get_user_attempts(request, credentials)[0]
    failures = per_username.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
    return USERNAME_FAILURE_LIMIT if failures >= USERNAME_FAILURE_LIMIT else ADDRESS_FAILURE_LIMIT


def _counted(key: str) -> int:
    """One more request under key this hour; how many so far."""
    cache.add(key, 0, timeout=RESET_WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RESET_WINDOW_SECONDS)
        return 1


def too_many_resets(request, email: str) -> bool:
    """Count a password reset request; whether its address or its email asked too often this hour."""
    by_address = _counted(f"password-reset:address:{client_address(request)}")
    email_key = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    by_email = _counted(f"password-reset:email:{email_key}")
    return by_address > RESETS_PER_ADDRESS or by_email > RESETS_PER_EMAIL
