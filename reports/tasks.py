"""Background work of the reports app (Django's tasks framework; `manage.py db_worker` runs it)."""

from django.tasks import task

from . import pdf


@task
def render_report_pdf(pdf_id: int) -> None:
    pdf.run_pdf_rendering(pdf_id=pdf_id)
