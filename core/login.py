"""The admin sign-in form.

Wagtail's LoginForm redefines Django's password field without a label, so the page showed
the field name, "Password", in every language. Django's own label (translated in Django's
catalogs) is put back."""

from django.contrib.auth.forms import AuthenticationForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = AuthenticationForm.base_fields["password"].label
