from django.urls import path

from . import views

app_name = "cooperation"

urlpatterns = [
    path("", views.CooperateView.as_view(), name="cooperate"),
    path("thanks/", views.thanks, name="thanks"),
]
