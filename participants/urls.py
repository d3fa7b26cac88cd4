from django.urls import path

from . import views

app_name = "participants"

urlpatterns = [
    path("", views.SignInView.as_view(), name="index"),
    path("link-sent/", views.link_sent, name="sent"),
    path("sign-in/", views.link, name="link"),
    path("choose/", views.choose, name="choose"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.profile_edit, name="profile-edit"),
    path("profile/changes/<int:pk>/", views.change_request, name="change-request"),
    path("practices/", views.practice_list, name="practices"),
    path("practices/new/", views.practice_create, name="practice-create"),
    path("practices/<int:pk>/", views.practice_detail, name="practice"),
    path("practices/<int:pk>/edit/", views.practice_edit, name="practice-edit"),
    path("practices/<int:pk>/submit/", views.practice_submit, name="practice-submit"),
    path("practices/<int:pk>/preview/", views.practice_preview, name="practice-preview"),
    path("practices/<int:pk>/files/<int:file_pk>/", views.practice_file, name="practice-file"),
    path("directory/", views.directory, name="directory"),
    path("news/", views.news_list, name="news"),
    path("news/<slug:slug>/", views.article_detail, name="article"),
    path("library/<slug:slug>/<str:language>/", views.document_file, name="document-file"),
    path("my-data/", views.my_data, name="my-data"),
    path("my-data/directory/", views.directory_listing, name="directory-listing"),
    path("my-data/export.json", views.my_data_export, name="my-data-export"),
]
