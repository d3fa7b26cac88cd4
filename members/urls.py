from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("members/", views.MemberListView.as_view(), name="directory"),
    path("members/map/", views.member_map, name="map"),
    path("members/<slug:slug>/", views.MemberDetailView.as_view(), name="detail"),
    path("join/", views.JoinView.as_view(), name="join"),
    path("join/thanks/", views.join_thanks, name="join-thanks"),
]
