from django.urls import path

from . import feeds, views

app_name = "library"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="list"),
    path("feed/", feeds.LatestDocumentsFeed(), name="feed"),
    path("<slug:slug>/", views.DocumentDetailView.as_view(), name="detail"),
    path("<slug:slug>/<str:language>/", views.document_file, name="file"),
]
