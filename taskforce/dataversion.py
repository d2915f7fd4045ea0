"""A number that moves whenever the task force's data changes, so a page can keep what it drew.

Some pages spend most of their time drawing the same thing again: the eligibility table, the goals
overview, the dashboard. They keep their HTML in Django's cache under this number; until someone
changes something, the next visit costs one small query instead of the whole drawing.

How the number moves (migration taskforce/0001 and ``install_triggers``): every table of the four
apps has two triggers.
- After each writing statement, a flag local to the transaction says "this transaction has
  changed data". Until it commits, its own reads must not come from the cache, so ``current()``
  returns None and pages draw afresh (this also keeps tests, which never commit, honest).
- At commit, once per transaction, a deferred trigger adds one to the number. The new number
  becomes visible in the same instant as the data, so whoever reads it also reads the new data;
  and its row lock is the last lock the transaction takes, so writers cannot deadlock over it.
Any change counts, whichever way it is made (a form, the admin, an import, psql), except the
user accounts table, which every login writes: callers put the user's roles in their key instead.

Time moves pages without any write (a meeting starts, a date passes): a caller gives the moment its
HTML stops being true (``valid_until``), and an entry past it is drawn again.
"""

import datetime
import hashlib
from collections.abc import Callable

from django.apps import apps
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

TRACKED_APPS = ("members", "meetings", "goals", "reports")
CHANGED_TRIGGER = "taskforce_data_changed"
VERSION_TRIGGER = "taskforce_data_version"
CACHE_SECONDS = 6 * 60 * 60


def tracked_tables() -> list[str]:
    """The tables whose rows pages draw: every model of the four apps, without edit-history copies."""
    tables = set()
    for label in TRACKED_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy and not hasattr(model, "instance_type"):
                tables.add(model._meta.db_table)
    return sorted(tables)


def install_triggers(using: str = DEFAULT_DB_ALIAS, **_) -> list[str]:
    """Give every tracked table that lacks them the two triggers (run after every migrate); returns the tables."""
    db = connections[using]
    quote = db.ops.quote_name
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE t.tgname IN (%s, %s)",
            [CHANGED_TRIGGER, VERSION_TRIGGER],
        )
        present = set(cursor.fetchall())
        cursor.execute("SELECT to_regclass('taskforce_data_version') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return []  # migrating backwards, or taskforce's migration not applied yet
        done = []
        for table in tracked_tables():
            if (table, CHANGED_TRIGGER) not in present:
                cursor.execute(
                    f"CREATE TRIGGER {CHANGED_TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {quote(table)}"
                    " FOR EACH STATEMENT EXECUTE FUNCTION taskforce_data_changed()"
                )
                done.append(table)
            if (table, VERSION_TRIGGER) not in present:
                cursor.execute(
                    f"CREATE CONSTRAINT TRIGGER {VERSION_TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {quote(table)}"
                    " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION taskforce_bump_data_version()"
                )
    return done


def current() -> int | None:
    """The data's version now, or None while this transaction holds changes not yet committed."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT version, current_setting('taskforce.data_changed', true) = 'on' FROM taskforce_data_version"
        )
        version, changed = cursor.fetchone()
    return None if changed else version


def cached_html(
    name: str,
    variant: tuple,
    draw: Callable[[], tuple[str, datetime.datetime | None]],
) -> SafeString:
    """The HTML ``draw()`` returns, kept per data version and variant (who is looking, the filters).

    ``draw`` returns the HTML and the moment it stops being true without any change to the data
    (None: not before the data changes). The variant must hold everything else the HTML depends on.
    """
    version = current()
    if version is None:
        return mark_safe(draw()[0])  # noqa: S308 (HTML our templates drew)
    digest = hashlib.sha256(repr(variant).encode()).hexdigest()[:24]
    key = f"page:{name}:{version}:{digest}"
    now = timezone.now()
    entry = cache.get(key)
    if entry is not None and (entry[1] is None or now < entry[1]):
        return mark_safe(entry[0])  # noqa: S308
    html, valid_until = draw()
    cache.set(key, (str(html), valid_until), CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308


def csrf_secret(request) -> str:
    """The browser's CSRF secret (made now if it has none): the key part of kept HTML that holds a form,
    so a kept token is only ever shown to the browser it belongs to."""
    get_token(request)
    return request.META["CSRF_COOKIE"]


def render_kept(request, page_template, *, name, variant, body_template, body_context, valid_until=None, context=None):
    """Render ``page_template`` with ``body``: ``body_template`` drawn with ``body_context()`` (and the
    request's context processors), kept per data version and ``variant``. ``valid_until()``, if given,
    says when the body stops being true without a change to the data."""

    def draw():
        # The limit first: if it passes while the body is drawn, the entry is simply drawn again.
        until = valid_until() if valid_until else None
        return render_to_string(body_template, body_context(), request=request), until

    body = cached_html(name, variant, draw)
    return render(request, page_template, {"body": body, **(context or {})})


def next_midnight(now: datetime.datetime | None = None) -> datetime.datetime:
    """The start of tomorrow where the task force is: when "today" moves on."""
    today = timezone.localdate(now)
    tomorrow = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    return timezone.make_aware(tomorrow)
