from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.choices, name="choices"),
    path("save/", views.save, name="save"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("unsubscribe/<str:token>/one-click/", views.one_click, name="one-click"),
    path("unsubscribed/", views.unsubscribed, name="unsubscribed"),
]
