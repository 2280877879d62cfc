from django.urls import path

from quiz import views

app_name = "quiz"
urlpatterns = [
    path("quiz/", views.StartView.as_view(), name="start"),
    path("quiz/page/<int:page>/", views.PageView.as_view(), name="page"),
    path("results/<uuid:uuid>/", views.ResultView.as_view(), name="result"),
    path("results/<uuid:uuid>/json/", views.result_json, name="result_json"),
    path("results/<uuid:uuid>/delete/", views.ResultDeleteView.as_view(), name="result_delete"),
]
