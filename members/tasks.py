"""Background work of the members app (Django's tasks framework; `manage.py db_worker` runs it)."""

from django.tasks import task

from . import pamphlet


@task
def render_pamphlet_pdf(pdf_id: int) -> None:
    pamphlet.run_pdf_rendering(pdf_id=pdf_id)
