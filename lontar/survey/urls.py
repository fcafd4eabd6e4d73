from django.urls import path

from lontar.survey import views

app_name = "survey"

urlpatterns = [
    path("", views.survey_index, name="index"),
    path("hasil/", views.results, name="results"),
    path("<slug:unit_slug>/", views.questionnaire, name="questionnaire"),
    path("<slug:unit_slug>/terima-kasih/", views.thanks, name="thanks"),
]
