from django.urls import path

from professions import views

app_name = "professions"
urlpatterns = [
    path("", views.catalog, name="catalog"),
    path("compare/", views.compare_pick, name="compare_pick"),
    path("compare/<slug:slug_a>/<slug:slug_b>/", views.compare, name="compare"),
    path("<slug:slug>/", views.ProfessionDetailView.as_view(), name="detail"),
]
