"""The demonstration Article 7 reports of the five States with full demonstration pages:
accepted annual reports for 2023, 2024 and 2025, with illustrative figures consistent with
their pages and the registry, loaded by demo/reports.py.

The years are fixed rather than counted back from today because the pages' figures they
agree with (casualties, remaining area) are given for those years."""

from . import senegal, serbia, sri_lanka, sudan, zimbabwe

DEMO_YEARS = (2023, 2024, 2025)
STATE_REPORTS = [sudan.REPORTS, zimbabwe.REPORTS, serbia.REPORTS, sri_lanka.REPORTS]
STATE_REPORTS += [senegal.REPORTS]

# How each report says that its figures are made up, in the report's own language (its
# answers stay in the language written): after the point of contact's organisation, and
# at the start of Form J's free text.
ORGANISATION_MARK = {
    "en": "(illustrative demonstration data)",
    "fr": "(données de démonstration fictives)",
}
FORM_J_NOTE = {
    "en": "Illustrative demonstration data: this report was written to demonstrate the "
    "online reporting tool. Its figures are examples, not the official information of "
    "{state}.",
    "fr": "Données de démonstration fictives : ce rapport a été rédigé pour présenter l'outil "
    "de rapport en ligne. Ses chiffres sont des exemples et non des informations officielles "
    "de l'État.",
}
