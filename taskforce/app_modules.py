"""Each app may offer optional modules (dashboard, demo, scale, bench) that the project gathers."""

import importlib

# The apps, ground floor first: their panels, demo data and scale data come in this order.
APPS = ["members", "meetings", "goals", "reports"]


def app_modules(name):
    """Yield `<app>.<name>` for every app that has such a module, in APPS order."""
    for app in APPS:
        try:
            yield importlib.import_module(f"{app}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.{name}":
                raise
