from django.urls import path

from . import views

app_name = "declarations"

urlpatterns = [
    path("", views.declaration, name="declaration"),
    path("sign/", views.SignView.as_view(), name="sign"),
    path("sign/thanks/", views.sign_thanks, name="sign-thanks"),
]
