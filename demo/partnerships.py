"""A partnership under Action #21 for the demonstration: Zimbabwe with Norway and Japan,
2025–2027, with two years of progress; Norway's focal point has confirmed it, Japan's not
yet. Added to Zimbabwe's page (in its partnerships section) when the page states none, then
translated into the page's other languages, so that it reaches pages kept from an earlier
load too.

Illustrative: the section is flagged so (visitors see the notice); the targets, amounts
and progress are plausible for Zimbabwe's border minefields, not the States' actual
commitments."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.translation import (
    plain_strings,
    source_strings,
    strings_from_po,
    translate,
    translation_of,
)
from country_pages.models import CountryPage
from partnerships.models import PartnershipConfirmation, PublishedPartnership
from registry.models import StateParty

from .helpers import locales, publish

PAGE_KEY = "zimbabwe"
TITLE = "Clearing the last border minefields"
# The block's id: the same on every load, so a confirmation made on one load holds.
BLOCK_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "demo:zimbabwe:action21:border-minefields"))
CONFIRMED_BY = {"NOR": "focal.point.norway@example.org"}
CONFIRMED_ON = dt.datetime(2025, 3, 14, 10, 0, tzinfo=dt.UTC)


def _progress(date, status, note):
    return {"date": date, "status": status, "note": note}


def _commitment(year, iso3, kind, amount, description):
    return {
        "year": year,
        "party": iso3,
        "kind": kind,
        "amount": None if amount is None else Decimal(amount),
        "currency": "USD" if amount is not None else "",
        "description": description,
    }


NOBODY = {"women": None, "girls": None, "men": None, "boys": None}

PARTNERSHIP = {
    "title": TITLE,
    "start_year": 2025,
    "end_year": 2027,
    "own_responsibilities": (
        "Sets clearance priorities with the communities, deploys the army's engineer teams, "
        "accredits operators, manages quality and reports progress to the partners every "
        "six months."
    ),
    "partners": [
        (
            "NOR",
            "Funds clearance teams in the north-east and takes part in the six-monthly "
            "progress reviews.",
        ),
        ("JPN", "Provides demining machines and vehicles and trains their operators."),
    ],
    "targets": [
        {
            "description": "Release the remaining minefields along the north-eastern border.",
            "due_date": dt.date(2026, 12, 31),
            **NOBODY,
            "progress": [
                _progress(
                    dt.date(2025, 6, 30),
                    "on_track",
                    "Survey of the five remaining areas completed; clearance under way.",
                ),
                _progress(dt.date(2025, 12, 31), "on_track", "Two of the five areas released."),
                _progress(
                    dt.date(2026, 6, 30),
                    "delayed",
                    "Heavy rains halted clearance for six weeks.",
                ),
                _progress(
                    dt.date(2026, 11, 15),
                    "delayed",
                    "Four of the five areas released; the last one is expected in the "
                    "first quarter of 2027.",
                ),
            ],
        },
        {
            "description": (
                "Give mine risk education to the people living near the remaining minefields."
            ),
            "due_date": dt.date(2026, 12, 31),
            "women": 6000,
            "girls": 5000,
            "men": 5500,
            "boys": 5000,
            "progress": [
                _progress(
                    dt.date(2025, 12, 31),
                    "on_track",
                    "11,200 people reached, 52% of them women and girls.",
                ),
                _progress(dt.date(2026, 11, 15), "met", "21,800 people reached."),
            ],
        },
        {
            "description": (
                "Hand all released land over to the communities, with a survey of its use "
                "a year later."
            ),
            "due_date": dt.date(2027, 6, 30),
            **NOBODY,
            "progress": [
                _progress(
                    dt.date(2026, 11, 15),
                    "on_track",
                    "Land handed over in the Mudzi and Rushinga districts.",
                ),
            ],
        },
    ],
    "commitments": [
        _commitment(
            2025, "NOR", "financial", 4_000_000, "Clearance teams of an operator in the north-east."
        ),
        _commitment(2025, "JPN", "equipment", 1_200_000, "Demining machines and vehicles."),
        _commitment(
            2025,
            "ZWE",
            "technical",
            None,
            "Two army engineer demining teams and ZIMAC's quality management.",
        ),
        _commitment(2026, "NOR", "financial", 4_000_000, ""),
        _commitment(2026, "JPN", "training", None, "Training of machine operators."),
        _commitment(
            2026, "ZWE", "financial", 500_000, "National budget for ZIMAC and the army teams."
        ),
        _commitment(
            2027, "NOR", "financial", 2_000_000, "Subject to the progress reported for 2026."
        ),
    ],
}

# English text → its translation in the page's other languages.
TRANSLATIONS = {
    TITLE: {
        "fr": "Déminer les derniers champs de mines frontaliers",
        "es": "Despejar los últimos campos minados fronterizos",
    },
    PARTNERSHIP["own_responsibilities"]: {
        "fr": "Fixe les priorités de déminage avec les communautés, déploie les équipes du "
        "génie de l'armée, accrédite les opérateurs, gère la qualité et rend compte des "
        "progrès aux partenaires tous les six mois.",
        "es": "Fija las prioridades de desminado con las comunidades, despliega los equipos "
        "de ingenieros del ejército, acredita a los operadores, gestiona la calidad e informa "
        "de los avances a los asociados cada seis meses.",
    },
    PARTNERSHIP["partners"][0][1]: {
        "fr": "Finance des équipes de déminage dans le nord-est et participe aux revues "
        "semestrielles des progrès.",
        "es": "Financia equipos de desminado en el noreste y participa en los exámenes "
        "semestrales de los avances.",
    },
    PARTNERSHIP["partners"][1][1]: {
        "fr": "Fournit des machines de déminage et des véhicules et forme leurs opérateurs.",
        "es": "Proporciona máquinas de desminado y vehículos y forma a sus operadores.",
    },
    "Release the remaining minefields along the north-eastern border.": {
        "fr": "Remettre à disposition les derniers champs de mines le long de la frontière "
        "nord-est.",
        "es": "Liberar los últimos campos minados a lo largo de la frontera nororiental.",
    },
    "Survey of the five remaining areas completed; clearance under way.": {
        "fr": "Étude des cinq dernières zones achevée ; déminage en cours.",
        "es": "Estudio de las cinco últimas zonas terminado; desminado en curso.",
    },
    "Two of the five areas released.": {
        "fr": "Deux des cinq zones remises à disposition.",
        "es": "Dos de las cinco zonas liberadas.",
    },
    "Heavy rains halted clearance for six weeks.": {
        "fr": "De fortes pluies ont interrompu le déminage pendant six semaines.",
        "es": "Las fuertes lluvias interrumpieron el desminado durante seis semanas.",
    },
    "Four of the five areas released; the last one is expected in the first quarter of 2027.": {
        "fr": "Quatre des cinq zones remises à disposition ; la dernière est attendue au "
        "premier trimestre 2027.",
        "es": "Cuatro de las cinco zonas liberadas; la última se espera en el primer "
        "trimestre de 2027.",
    },
    PARTNERSHIP["targets"][1]["description"]: {
        "fr": "Sensibiliser aux risques des mines les personnes qui vivent près des derniers "
        "champs de mines.",
        "es": "Impartir educación sobre el riesgo de minas a las personas que viven cerca de "
        "los últimos campos minados.",
    },
    "11,200 people reached, 52% of them women and girls.": {
        "fr": "11 200 personnes atteintes, dont 52 % de femmes et de filles.",
        "es": "11.200 personas alcanzadas, el 52 % de ellas mujeres y niñas.",
    },
    "21,800 people reached.": {
        "fr": "21 800 personnes atteintes.",
        "es": "21.800 personas alcanzadas.",
    },
    PARTNERSHIP["targets"][2]["description"]: {
        "fr": "Remettre toutes les terres déminées aux communautés, avec une enquête sur leur "
        "usage un an plus tard.",
        "es": "Entregar todas las tierras desminadas a las comunidades, con un estudio de su "
        "uso un año después.",
    },
    "Land handed over in the Mudzi and Rushinga districts.": {
        "fr": "Terres remises dans les districts de Mudzi et de Rushinga.",
        "es": "Tierras entregadas en los distritos de Mudzi y Rushinga.",
    },
    "Clearance teams of an operator in the north-east.": {
        "fr": "Équipes de déminage d'un opérateur dans le nord-est.",
        "es": "Equipos de desminado de un operador en el noreste.",
    },
    "Demining machines and vehicles.": {
        "fr": "Machines de déminage et véhicules.",
        "es": "Máquinas de desminado y vehículos.",
    },
    "Two army engineer demining teams and ZIMAC's quality management.": {
        "fr": "Deux équipes de déminage du génie de l'armée et la gestion de la qualité par "
        "le ZIMAC.",
        "es": "Dos equipos de desminado de ingenieros del ejército y la gestión de la calidad "
        "del ZIMAC.",
    },
    "Training of machine operators.": {
        "fr": "Formation des opérateurs de machines.",
        "es": "Formación de los operadores de máquinas.",
    },
    "National budget for ZIMAC and the army teams.": {
        "fr": "Budget national du ZIMAC et des équipes de l'armée.",
        "es": "Presupuesto nacional para el ZIMAC y los equipos del ejército.",
    },
    "Subject to the progress reported for 2026.": {
        "fr": "Sous réserve des progrès rapportés pour 2026.",
        "es": "Sujeto a los avances comunicados para 2026.",
    },
}


def _value(states: dict[str, StateParty]) -> dict:
    return {
        **PARTNERSHIP,
        "partners": [
            {"state": states[iso3], "responsibilities": text}
            for iso3, text in PARTNERSHIP["partners"]
        ],
        "commitments": [
            {**item, "party": states[item["party"]]} for item in PARTNERSHIP["commitments"]
        ],
    }


def ensure_zimbabwe_partnership(report) -> bool:
    """Add the partnership to Zimbabwe's page (English, its source) when it states none,
    publish it and translate it into the page's other languages. False if nothing to do."""
    page = CountryPage.objects.filter(
        state__iso3="ZWE", locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if page is None:
        return False
    raw = list(page.body.raw_data)
    section = next((item for item in raw if item["type"] == "partnerships"), None)
    if section is None or section["value"].get("action21"):
        return False
    states = StateParty.objects.in_bulk(["NOR", "JPN", "ZWE"], field_name="iso3")
    block = CountryPage.body.field.stream_block.child_blocks["partnerships"]
    item_block = block.child_blocks["action21"].child_block
    value = item_block.get_prep_value(item_block.normalize(_value(states)))
    item = {"type": "item", "value": value, "id": BLOCK_ID}
    section["value"] = {**section["value"], "action21": [item]}
    page.body = raw
    publish(page)
    report.add(page)
    _translate(page)
    return True


def _translate(page: CountryPage) -> None:
    from .pages import po_path

    for language in ("fr", "es"):
        locale = locales()[language]
        if translation_of(page, locale) is None:
            continue
        strings = strings_from_po(po_path(PAGE_KEY, language))
        # The partnership's texts, as wagtail-localize stores plain text (HTML-escaped).
        ours = plain_strings(
            {("", english): texts[language] for english, texts in TRANSLATIONS.items()}
        )
        by_source = {source: text for (_context, source), text in ours.items()}
        for key in source_strings(page):
            if key not in strings and key[1] in by_source:
                strings[key] = by_source[key[1]]
        translate(page, locale, strings)


def ensure_demo_confirmations() -> int:
    """Norway's focal point confirmed the partnership's terms (Japan's has not yet): made
    after the accounts, once. Returns how many were made."""
    User = get_user_model()
    made = 0
    for iso3, email in CONFIRMED_BY.items():
        row = PublishedPartnership.objects.filter(
            block_id=BLOCK_ID, partners__state__iso3=iso3, page__published_index__is_source=True
        ).first()
        user = User.objects.filter(username=email).first()
        if row is None or user is None:
            continue
        _confirmation, created = PartnershipConfirmation.objects.get_or_create(
            translation_key=row.translation_key,
            block_id=row.block_id,
            state=StateParty.objects.get(iso3=iso3),
            defaults={
                "terms_digest": row.terms_digest,
                "confirmed_by": user,
                "confirmed_at": min(CONFIRMED_ON, timezone.now()),
            },
        )
        made += created
    return made
