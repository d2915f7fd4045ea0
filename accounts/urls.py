from django.contrib.auth import views as auth_views
from django.urls import path

from taskforce.permissions import ANYONE, MEMBER_ONLY, access

from . import views

urlpatterns = [
    path("login/", access(ANYONE)(views.LoginView.as_view()), name="login"),
    path("logout/", access(ANYONE)(auth_views.LogoutView.as_view()), name="logout"),
    path(
        "password_change/",
        access(MEMBER_ONLY)(auth_views.PasswordChangeView.as_view()),
        name="password_change",
    ),
    path(
        "password_change/done/",
        access(MEMBER_ONLY)(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
    path("password_reset/", access(ANYONE)(views.PasswordResetView.as_view()), name="password_reset"),
    path(
        "password_reset/done/",
        access(ANYONE)(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        access(ANYONE)(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        access(ANYONE)(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
]
