from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TaskforceConfig(AppConfig):
    name = "taskforce"
    verbose_name = "Task Force Operations"

    def ready(self):
        from .dataversion import install_triggers

        # After every migrate, so tables added by later migrations get the data-version triggers too.
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="taskforce.install_triggers")
