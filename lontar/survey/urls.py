from django.urls import path

from lontar.survey import views

app_name = "survey"

urlpatterns = [
    path("", views.survey_index, name="index"),
    path("hasil/", views.results, name="results"),
    path("hasil/<int:period_id>/laporan.pdf", views.report_pdf, name="report_pdf"),
    path("hasil/<int:period_id>/laporan.xlsx", views.report_xlsx, name="report_xlsx"),
    path("hasil/<int:period_id>/jawaban.csv", views.responses_csv, name="responses_csv"),
    path("umpan-balik/<int:page_id>/", views.page_feedback, name="page_feedback"),
    path("<slug:unit_slug>/", views.questionnaire, name="questionnaire"),
    path("<slug:unit_slug>/terima-kasih/", views.thanks, name="thanks"),
]
