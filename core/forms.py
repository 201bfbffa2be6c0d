"""Forms shared by the public views."""

from django import forms


class FilterForm(forms.Form):
    """The GET parameters that filter a public listing (the States Parties index, the
    explorer): every field optional, and a value that does not validate is ignored."""

    def filters(self) -> dict:
        """The valid filters, by field name; an invalid value is reported on the form and
        ignored."""
        if self.is_bound:
            self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}
