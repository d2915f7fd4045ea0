from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.index, name="index"),
    path("reports/<int:year>/", views.report, name="report"),
    path("reports/<int:year>/report.pdf", views.report_pdf, name="pdf"),
    path("reports/<int:year>/data.csv", views.report_csv, name="csv"),
    path("reports/<int:year>/pdf/prepare/", views.pdf_prepare, name="pdf_prepare"),
    path("reports/<int:year>/pdf/status/", views.pdf_status, name="pdf_status"),
    path("reports/<int:year>/settings/", views.year_settings, name="year_settings"),
    path("reports/<int:year>/case-summaries/", views.case_summaries, name="case_summaries"),
    path("reports/<int:year>/submissions/", views.submissions, name="submissions"),
    path("reports/<int:year>/submissions/<int:pk>/", views.submission, name="submission"),
    path("reports/<int:year>/unduplicated/", views.unduplicated, name="unduplicated"),
]
