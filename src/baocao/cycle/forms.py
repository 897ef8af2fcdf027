from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from baocao.cycle.models import Outline, PeriodKind


class OpenPeriodForm(forms.Form):
    outline = forms.ModelChoiceField(Outline.objects.none(), label=_("Mẫu đề cương"))
    kind = forms.ChoiceField(choices=PeriodKind.choices, label=_("Loại kỳ"))
    year = forms.IntegerField(min_value=2000, max_value=2100, label=_("Năm"))
    number = forms.IntegerField(min_value=1, max_value=12, label=_("Tháng / quý"), initial=1)
    cutoff = forms.DateField(
        required=False, label=_("Ngày chốt số liệu"), widget=forms.DateInput(attrs={"type": "date"})
    )
    deadline = forms.DateField(
        required=False, label=_("Hạn đơn vị gửi"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, body=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outline"].queryset = Outline.objects.filter(
            body=body
        ) | Outline.objects.filter(body__isnull=True)

    def clean(self):
        data = super().clean()
        kind, number = data.get("kind"), data.get("number")
        limit = {"month": 12, "quarter": 4}.get(kind or "", 1)
        if number and number > limit:
            self.add_error("number", _("Số kỳ không hợp lệ cho loại kỳ này."))
        return data


class SaveTextForm(forms.Form):
    text = forms.CharField(required=False, widget=forms.Textarea, strip=False)
    version = forms.IntegerField(min_value=0)


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}))


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp .docx, .doc, .pdf, .txt"))
    item = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > settings.BAOCAO_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn."))
        return f


class CommentForm(forms.Form):
    quote = forms.CharField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 2}))


class IssueForm(forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=100)
    date = forms.DateField(label=_("Ngày ban hành"), widget=forms.DateInput(attrs={"type": "date"}))


class TaskReportForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            ("open", _("Chưa thực hiện")),
            ("in_progress", _("Đang thực hiện")),
            ("done", _("Đã hoàn thành")),
        ]
    )
    progress = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
