from django.urls import path

from . import feeds, views

app_name = "practices"

urlpatterns = [
    path("", views.PracticeListView.as_view(), name="list"),
    path("feed/", feeds.LatestPracticesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestPracticesAtomFeed(), name="feed-atom"),
    path("<slug:slug>/", views.PracticeDetailView.as_view(), name="detail"),
    path("<slug:slug>/files/<int:pk>/", views.attachment, name="attachment"),
]
