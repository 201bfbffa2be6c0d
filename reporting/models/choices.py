"""The choices the report and its forms share."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# An area of 100,000 km²: more than any State has reported as mined or released.
MAX_AREA_M2 = 100_000_000_000


class FormLetter(models.TextChoices):
    """The forms of the Article 7 reporting format (Article 7(1)(a)–(i), and J)."""

    A = "A", _("A. National implementation measures")
    B = "B", _("B. Stockpiled anti-personnel mines")
    C = "C", _("C. Mined areas and land release")
    D = "D", _("D. Mines retained or transferred")
    E = "E", _("E. Conversion or decommissioning of production facilities")
    F = "F", _("F. Programmes for the destruction of mines")
    G = "G", _("G. Mines destroyed")
    H = "H", _("H. Technical characteristics of each type of mine")
    I = "I", _("I. Measures to warn the population")  # noqa: E741 (the form's letter)
    J = "J", _("J. Other relevant matters")


class ReportKind(models.TextChoices):
    INITIAL = "initial", _("Initial report")
    ANNUAL = "annual", _("Annual report")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    PARTIES = "parties", _("States Parties and the ISU only")


class CoverStatus(models.TextChoices):
    CHANGED = "changed", _("Changed: the form is filled in")
    UNCHANGED = "unchanged", _("Unchanged since the report of a given year")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Progress(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
