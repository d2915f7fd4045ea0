#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taskforce.settings")
    # A machine without a production key is a developer's: commands such as `makemigrations --check`
    # run on a fresh clone. A server has SECRET_KEY in its environment and gets production settings,
    # and the app server (taskforce/wsgi.py) is production unless DEBUG=true, whatever this says.
    if "SECRET_KEY" not in os.environ:
        os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
