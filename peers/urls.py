from django.urls import path

from . import views

app_name = "peers"

urlpatterns = [
    path("", views.index, name="index"),
    path("practices/<slug:practice>/write/", views.write, name="ask"),
    path("members/<slug:member>/write/", views.write, name="write"),
    path("messages/<int:pk>/", views.sent, name="sent"),
]
