from django.urls import path

from baocao.cycle import period_views, views

app_name = "cycle"
urlpatterns = [
    path("co-quan/<int:body_id>/mo-ky/", period_views.open_period, name="open_period"),
    path("ky/<int:pk>/", period_views.period, name="period"),
    path("ky/<int:pk>/nhac-nho/", period_views.remind, name="remind"),
    path("ky/<int:pk>/tong-hop/", period_views.draft, name="draft"),
    path("ky/<int:pk>/tong-hop/lap/", period_views.consolidate, name="consolidate"),
    path("ky/<int:pk>/tong-hop/kiem-tra/", period_views.check_draft_text, name="check_draft"),
    path("ky/<int:pk>/tong-hop/xem/", period_views.preview, name="preview"),
    path("ky/<int:pk>/tong-hop/so-sanh/", period_views.compare, name="compare"),
    path("ky/<int:pk>/tong-hop/khoi-phuc/<int:hid>/", period_views.restore, name="restore"),
    path("ky/<int:pk>/y-kien/", period_views.comment, name="comment"),
    path("ky/<int:pk>/duyet/", period_views.approve, name="approve"),
    path("ky/<int:pk>/ban-hanh/", period_views.issue, name="issue"),
    path("ky/<int:pk>/tai/<str:fmt>/", period_views.download, name="download"),
    path("bai/<int:pk>/", views.submission, name="submission"),
    path("bai/<int:pk>/muc/<int:cid>/", views.save_contribution, name="save"),
    path(
        "bai/<int:pk>/muc/<int:cid>/khoi-phuc/<int:hid>/", views.restore_part, name="restore_part"
    ),
    path("bai/<int:pk>/kiem-tra/", views.check_submission_text, name="check"),
    path("bai/<int:pk>/gui/", views.submit, name="submit"),
    path("bai/<int:pk>/tra-lai/", views.return_submission, name="return"),
    path("bai/<int:pk>/tiep-nhan/", views.accept_submission, name="accept"),
    path("bai/<int:pk>/tai-len/", views.upload, name="upload"),
    path("bai/<int:pk>/nhiem-vu/<int:tid>/", views.report_task, name="report_task"),
]
