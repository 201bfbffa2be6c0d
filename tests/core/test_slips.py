"""Small slips in wording seen by visitors and editors."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.translation import trans_real

from country_pages.templatetags.country_tags import rounded_duration, time_left

pytestmark = pytest.mark.django_db


def test_relative_times_are_rounded_as_people_say_them():
    today = timezone.localdate()
    # "passed 10 months, 4 weeks ago" was shown for a deadline 332 days ago.
    assert time_left(today - dt.timedelta(days=332)) == "passed 11 months ago"
    assert time_left(today + dt.timedelta(days=365 + 122)) == "in 1 year, 4 months"
    assert time_left(today + dt.timedelta(days=730)) == "in 2 years"
    assert rounded_duration(40) == "6 weeks"
    assert rounded_duration(3) == "3 days"
    assert rounded_duration(1) == "1 day"


def test_chinese_time_left_is_one_phrase():
    """Not "还剩4 月" (Django's own Chinese unit): the site's catalog writes "4个月"."""
    today = timezone.localdate()
    with translation.override("zh-hans"):
        text = time_left(today + dt.timedelta(days=122))
    assert text.endswith("4个月") and " 月" not in text


@pytest.mark.parametrize(
    "day, expected", [(dt.date(2026, 3, 1), "1er mars 2026"), (dt.date(2026, 3, 2), "2 mars 2026")]
)
def test_french_first_day_of_the_month_is_an_ordinal(day, expected):
    template = Template('{{ day|date:"DATE_FORMAT" }}|{{ day|date:"SHORT_DATE_FORMAT" }}')
    with translation.override("fr"):
        long_form, short_form = template.render(Context({"day": day})).split("|")
    assert long_form == expected
    assert short_form == day.strftime("%d/%m/%Y")  # numeric dates unchanged
    with translation.override("en"):
        english = Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": day}))
    assert "er" not in english.split()[0]  # English is left alone


def test_french_login_page_is_in_french(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    label = html.split('id="id_password-label">')[1].split("</label>")[0]
    assert "Mot de passe" in label and "Password" not in label


def test_workflow_name_is_shown_in_the_editors_language(client, sudan, fp_sudan):
    """ "Soumettre à ISU review": the workflow's stored name was shown as it is."""
    from django.urls import reverse
    from wagtail.models import Workflow
    from wagtail.users.models import UserProfile

    from focal_points.roles import REVIEW_WORKFLOW_NAME
    from tests.conftest import login

    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW_NAME)  # still found by its name
    assert workflow.name == REVIEW_WORKFLOW_NAME
    profile = UserProfile.get_for_user(fp_sudan)
    profile.preferred_language = "fr"
    profile.save()
    login(client, fp_sudan)
    catalog = trans_real.translation("fr")._catalog
    saved = catalog.get("ISU review")
    catalog["ISU review"] = "l’examen de l’ISU"  # as the French catalog will have it
    try:
        html = client.get(reverse("wagtailadmin_pages:edit", args=[sudan.pk])).content.decode()
        with translation.override("fr"):
            shown = str(Workflow.objects.get(pk=workflow.pk).name)
    finally:
        catalog._catalogs[0].pop("ISU review", None)
        if saved is not None:
            catalog["ISU review"] = saved
    assert shown == "l’examen de l’ISU"
    assert "examen de l’ISU" in html and "ISU review" not in html
    workflow.refresh_from_db()
    assert workflow.name == REVIEW_WORKFLOW_NAME  # stored unchanged


@pytest.mark.parametrize("language", ["ar", "ru"])
def test_untranslated_page_falls_back_to_its_source_language_not_french(
    client, states_index, language
):
    from tests.conftest import make_country

    make_country(states_index, "SDN", languages=("fr", "es"))
    html = client.get(f"/{language}/states-parties/sudan/").content.decode()
    assert '<div class="annex-section__content" lang="en" dir="ltr">' in html
    assert 'lang="fr"' not in html.split("<main", 1)[-1].split("</main>")[0]
