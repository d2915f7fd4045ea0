from django.apps import AppConfig


class TaskforceConfig(AppConfig):
    name = "taskforce"
    verbose_name = "Task Force Operations"
