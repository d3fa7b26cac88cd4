from django.urls import path

from . import views

app_name = "declarations"

urlpatterns = [
    path("", views.declaration, name="declaration"),
    path("sign/", views.SignView.as_view(), name="sign"),
    path("sign/thanks/", views.sign_thanks, name="sign-thanks"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("confirm/<str:token>/resend/", views.resend_confirmation, name="confirm-resend"),
]
