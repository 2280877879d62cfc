from django.urls import path

from professions import views

app_name = "professions"
urlpatterns = [
    path("<slug:slug>/", views.ProfessionDetailView.as_view(), name="detail"),
]
