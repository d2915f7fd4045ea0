"""Background work of the meetings app (Django's tasks framework; `manage.py db_worker` runs it)."""

from django.tasks import task

from . import packet


@task
def render_packet_pdf(pdf_id: int) -> None:
    packet.run_pdf_rendering(pdf_id=pdf_id)
