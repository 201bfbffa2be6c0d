"""What a visitor sees of the site's addresses and languages: absolute links built from
PUBLIC_BASE_URL, relative in-page links, every language in the switcher, the error pages,
the print line, and the States Parties index sorted by last update."""

import re

from tests.conftest import make_country


def listed_names(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)


def test_sort_by_last_update_puts_the_newest_first(client, states_index):
    sudan = make_country(states_index, "SDN", languages=())
    make_country(states_index, "ZWE", languages=())
    make_country(states_index, "AFG", languages=())
    # Afghanistan was published last, then Sudan is published again: Sudan is the newest.
    sudan.save_revision().publish()
    html = client.get("/en/states-parties/?sort=updated").content.decode()
    assert listed_names(html) == ["Sudan", "Afghanistan", "Zimbabwe"]


# --- Absolute URLs from PUBLIC_BASE_URL -----------------------------------------------------

PUBLIC = "https://mine-ban.example.org"


def attribute_values(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html)


def test_absolute_urls_use_the_public_base_url(client, sudan, settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    html = client.get("/fr/states-parties/sudan/").content.decode()
    assert f'<link rel="canonical" href="{PUBLIC}/fr/states-parties/sudan/">' in html
    assert f'<meta property="og:url" content="{PUBLIC}/fr/states-parties/sudan/">' in html
    hreflang = attribute_values(html, r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"')
    assert hreflang and all(url.startswith(f"{PUBLIC}/") for url in hreflang)
    # Views that are not Wagtail pages too.
    html = client.get("/es/search/").content.decode()
    assert f'<link rel="canonical" href="{PUBLIC}/es/search/">' in html

    xml = client.get("/sitemap.xml").content.decode()
    locations = attribute_values(xml, r"<loc>([^<]+)</loc>")
    assert f"{PUBLIC}/fr/states-parties/sudan/" in locations
    assert all(url.startswith(f"{PUBLIC}/") for url in locations)
    assert all(url.startswith(f"{PUBLIC}/") for url in attribute_values(xml, r'href="([^"]+)"'))

    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots.splitlines()

    pages = client.get("/api/v2/pages/?iso3=SDN").json()["items"]
    assert {item["meta"]["html_url"] for item in pages} == {
        f"{PUBLIC}/en/states-parties/sudan/",
        f"{PUBLIC}/fr/states-parties/sudan/",
    }


def test_api_links_use_the_public_base_url(client, sudan, settings):
    # WAGTAILAPI_BASE_URL is PUBLIC_BASE_URL, set with it in the settings.
    assert settings.WAGTAILAPI_BASE_URL == settings.PUBLIC_BASE_URL
    items = client.get("/api/v2/pages/?iso3=SDN").json()["items"]
    for item in items:
        assert item["meta"]["detail_url"].startswith(f"{settings.PUBLIC_BASE_URL}/api/v2/pages/")
        assert item["meta"]["html_url"].startswith(f"{settings.PUBLIC_BASE_URL}/")


def test_the_admin_address_and_invitation_emails_follow_the_public_base_url(db, settings):
    from django.core import mail

    from focal_points.accounts import assign_focal_point
    from registry.models import StateParty

    # Not set separately: derived from PUBLIC_BASE_URL (cms/settings/base.py).
    assert settings.WAGTAILADMIN_BASE_URL == settings.PUBLIC_BASE_URL
    assign_focal_point(StateParty.objects.get(iso3="SDN"), "new.focal.point@example.org")
    links = re.findall(r"https?://\S+", mail.outbox[-1].body)
    assert links and all(link.startswith(f"{settings.PUBLIC_BASE_URL}/admin/") for link in links)


def test_the_site_record_follows_the_public_base_url_and_loading_again_changes_nothing(
    states_index, settings
):
    from wagtail.models import Site

    from core.public_url import apply_to_site
    from demo.loader import DemoReport, ensure_home

    settings.PUBLIC_BASE_URL = PUBLIC
    ensure_home(DemoReport())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("mine-ban.example.org", 443)
    # Wagtail's own absolute URLs (its moderation emails use page.full_url) agree.
    assert states_index.full_url == f"{PUBLIC}/en/states-parties/"
    assert apply_to_site() is False  # already in step: nothing written


# --- The language switcher ----------------------------------------------------------------


def switcher(html: str) -> str:
    return html.split('<nav class="language-switcher"')[1].split("</nav>")[0]


def switcher_links(html: str) -> dict[str, str]:
    return dict(re.findall(r'<a href="([^"]+)" lang="([^"]+)"', switcher(html)))


def test_switcher_links_are_relative_and_list_every_language(client, sudan, settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    for url in ("/en/", "/fr/states-parties/", "/fr/states-parties/sudan/", "/ar/search/?q=x"):
        html = client.get(url).content.decode()
        links = switcher_links(html)
        assert len(links) == len(settings.LANGUAGES), url
        assert all(href.startswith("/") and not href.startswith("//") for href in links), url
        nav = html.split('<nav class="site-nav"')[1].split("</nav>")[0]
        assert "http" not in nav


def test_untranslated_languages_stay_in_the_switcher_marked_but_not_in_hreflang(client, sudan):
    # Sudan's page exists in English and French only.
    html = client.get("/en/states-parties/sudan/").content.decode()
    hreflang = set(re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html))
    assert hreflang == {"en", "fr", "x-default"}

    nav = switcher(html)
    links = {lang: href for href, lang in switcher_links(html).items()}
    assert set(links) == {"en", "fr", "es", "ar", "ru", "zh-Hans"}
    # Each note names English in its own entry's language (tests/core/test_language_fallback.py).
    english_in = {"es": "inglés", "ar": "الإنجليزيّة", "ru": "английский", "zh-Hans": "英语"}
    for lang in ("es", "ar", "ru", "zh-Hans"):
        item = nav.split(f'lang="{lang}"')[1].split("</li>")[0]
        assert "language-switcher__note" in item and english_in[lang] in item
    for lang in ("en", "fr"):
        assert "language-switcher__note" not in nav.split(f'lang="{lang}"')[1].split("</li>")[0]

    # The Russian link leads to the page, in Russian's frame, with the notice.
    russian = client.get(links["ru"])
    assert russian.status_code == 200
    page = russian.content.decode()
    assert '<html lang="ru"' in page
    current = re.findall(r"<li>(.*?)</li>", switcher(page), re.S)
    assert [item for item in current if 'aria-current="page"' in item] == [
        item for item in current if 'lang="ru"' in item.split(">")[0]
    ]


# --- Error pages and the favicon ----------------------------------------------------------


def test_unknown_address_in_french_gives_a_french_not_found_page_in_the_site_frame(client, home):
    response = client.get("/fr/pas-de-page-ici/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert '<header class="site-header">' in html
    from django.utils import translation

    with translation.override("fr"):
        title = translation.gettext("Page not found")
    assert title != "Page not found" and f"<h1>{title}</h1>" in html
    assert ">Accueil</a>" in html
    # Its language switcher offers the same address in the other languages.
    assert 'href="/en/pas-de-page-ici/"' in html


def test_server_error_page_needs_no_database_or_request():
    from django.template.loader import render_to_string
    from django.utils import translation

    # No database fixture: any query would fail the test.
    with translation.override("fr"):
        html = render_to_string("500.html")  # as Django's server_error renders it
    assert '<html lang="fr"' in html
    assert '<header class="site-header">' in html
    assert "Erreur du serveur" in html


def test_favicon(client, home):
    html = client.get("/en/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html).group(1)
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == icon
    svg = b"".join(client.get(icon).streaming_content)
    assert svg.startswith(b"<svg")


# --- Print ------------------------------------------------------------------------------------


def test_printout_line_names_the_site_the_address_and_the_date(client, sudan, settings):
    from django.utils import formats, timezone, translation

    settings.PUBLIC_BASE_URL = PUBLIC
    html = client.get("/fr/states-parties/sudan/?section=x").content.decode()
    line = re.search(r"<p class=\"print-line\" hidden data-print-line>(.*?)</p>", html).group(1)
    with translation.override("fr"):
        today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    assert "Convention" in line
    assert f"{PUBLIC}/fr/states-parties/sudan/?section=x" in line
    assert today in line
