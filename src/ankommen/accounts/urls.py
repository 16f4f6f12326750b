from django.urls import path

from ankommen.accounts import views

app_name = "accounts"

urlpatterns = [
    path("konto/profil/", views.profile, name="profile"),
    path("konto/meine-daten/", views.my_data, name="my_data"),
    path("konto/meine-daten/herunterladen/", views.my_data_download, name="my_data_download"),
    path("konto/loeschen/", views.erase_account, name="erase_account"),
    path("mitmachen/", views.join, name="join"),
    path("einladung/<str:token>/", views.invitation, name="invitation"),
    path("verwaltung/mitglieder/", views.members, name="members"),
    path("verwaltung/mitglieder/<int:pk>/", views.member_edit, name="member_edit"),
    path("verwaltung/mitglieder/<int:pk>/deaktivieren/", views.member_deactivate, name="member_deactivate"),
    path("verwaltung/mitglieder/<int:pk>/reaktivieren/", views.member_reactivate, name="member_reactivate"),
    path("verwaltung/einladungen/neu/", views.invite, name="invite"),
    path("verwaltung/beitritte/", views.join_requests, name="join_requests"),
    path("verwaltung/beitritte/einstellung/", views.joining, name="joining"),
    path("verwaltung/beitritte/<int:pk>/annehmen/", views.join_request_accept, name="join_request_accept"),
    path("verwaltung/beitritte/<int:pk>/ablehnen/", views.join_request_decline, name="join_request_decline"),
    path("verwaltung/einladungen/<int:pk>/zurueckziehen/", views.invitation_revoke, name="invitation_revoke"),
]
