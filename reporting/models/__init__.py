"""The online Article 7 report: the catalogue of mine types, the report (header, versions,
cover page) and one table per form (A–J)."""

from modelcluster.models import get_all_child_relations

from .choices import MAX_AREA_M2, CoverStatus, FormLetter, Progress, ReportKind, Visibility
from .cover import FormStatus
from .form_c import FormCAreaMine, FormCLandRelease, FormCMinedArea
from .form_j import FormJCasualties, FormJCooperation, FormJVictimService
from .forms_a_b import FormAMeasure, FormBStockpile
from .forms_d_e_f import FormDRetained, FormEFacility, FormFProgramme
from .forms_g_h_i import FormGDestroyed, FormHCharacteristics, FormIWarning
from .mine_types import MineType
from .proposals import RegistryProposal
from .reminders import ReminderSent
from .report import Article7Report

__all__ = [
    "MAX_AREA_M2",
    "Article7Report",
    "CoverStatus",
    "FormAMeasure",
    "FormBStockpile",
    "FormCAreaMine",
    "FormCLandRelease",
    "FormCMinedArea",
    "FormDRetained",
    "FormEFacility",
    "FormFProgramme",
    "FormGDestroyed",
    "FormHCharacteristics",
    "FormIWarning",
    "FormJCasualties",
    "FormJCooperation",
    "FormJVictimService",
    "FormLetter",
    "FormStatus",
    "MineType",
    "Progress",
    "RegistryProposal",
    "ReminderSent",
    "ReportKind",
    "Visibility",
    "form_tables",
]


def form_tables(letter: str) -> list[str]:
    """The report's child relations (accessor names) that hold a form's rows."""
    return [
        rel.get_accessor_name()
        for rel in get_all_child_relations(Article7Report)
        if getattr(rel.related_model, "form_letter", None) == letter
    ]
