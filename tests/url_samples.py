"""URL arguments and expected answers for tests/test_access.py.

Each app's tests/<app>/url_samples.py defines SAMPLES: url name -> Sample. A URL with
arguments needs a sample or the access test fails; so does any URL whose view has no
access rule.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sample:
    """How to call one URL: its arguments (built from the test world) and what success looks like."""

    kwargs: Callable = lambda world: {}
    ok: frozenset = field(default_factory=lambda: frozenset({200}))
    query: str = ""


SAMPLES = {
    "login": Sample(ok=frozenset({200, 302})),
    "logout": Sample(ok=frozenset({405})),  # log out is a POST
    "set_language": Sample(ok=frozenset({405})),  # the language switcher posts
    "password_reset_confirm": Sample(kwargs=lambda world: {"uidb64": "MQ", "token": "set-password"}),
}
