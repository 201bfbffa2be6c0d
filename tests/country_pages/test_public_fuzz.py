"""Hostile and random input on every public URL: the site may refuse it (4xx) or ignore it
(2xx/3xx), never fail (5xx).

The URLs come from the URL resolver, so a new public view is fuzzed without anyone adding it
here; the Wagtail catch-all is fuzzed on real pages (home, States Parties index, a country
page with needs, partnerships and contacts, one shown in a language it is not translated
into) and on hostile paths. Values are a fixed list of hostile ones plus random ones from a
seeded generator: FUZZ_SEED=<n> replays (or varies) a run; the seed is printed and given in
every failure report.
"""

from __future__ import annotations

import os
import random
import re
import time
import traceback
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from tests.conftest import make_country

pytestmark = pytest.mark.django_db

SEED = int(os.environ.get("FUZZ_SEED", "20180607"))
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SKIPPED_PREFIXES = ("admin/", "documents/")  # admin input is fuzzed in test_admin_input.py
RANDOM_REQUESTS = 16  # random requests per target, on top of the hostile list
LONG = 10_001


def q(text: str) -> str:
    """Percent-encoded as a browser would (UTF-8)."""
    return quote(text, safe="")


# Hostile values, already percent-encoded for a query string or a path segment, so that
# invalid encodings (%ff, a lone %) reach the server as they would from a raw client.
HOSTILE: list[tuple[str, str]] = [
    ("empty", ""),
    ("long-ascii", "a" * LONG),
    ("long-arabic", q("ألغام" * (LONG // 5 + 1))),
    ("long-percent", "%ff" * (LONG // 3)),
    ("long-digits", "9" * 5000),  # longer than Python's int() accepts (4300 digits)
    ("sql-or", q("' OR 1=1 --")),
    ("sql-quote", "%27"),
    ("sql-quotes", q("''\"\"`;")),
    ("sql-union", q("1 UNION SELECT password FROM auth_user--")),
    ("sql-drop", q("x');DROP TABLE registry_stateparty;--")),
    ("like-wildcards", q("%_%\\")),
    ("traversal", q("../../../../etc/passwd")),
    ("traversal-raw", "..%2f..%2f..%2fetc%2fpasswd"),
    ("traversal-windows", q("..\\..\\windows\\win.ini")),
    ("null", "%00"),
    ("null-inside", "SDN%00x"),
    ("control", q("\x01\x02\x1b[31m\x7f\x08")),
    ("crlf", "%0d%0aSet-Cookie:%20x=1"),
    ("tab-newline", "%09%0a%0b%0c"),
    ("invalid-utf8", "%ff%fe"),
    ("overlong-utf8", "%c0%af"),
    ("surrogate-utf8", "%ed%a0%80"),
    ("truncated-utf8", "%e2%82"),
    ("lone-percent", "%"),
    ("bad-percent", "%zz%g%"),
    ("rtl-marks", q("\u202eSDN\u200f\u061c")),
    ("emoji", q("💣🧨👩🏽\u200d🦯")),
    ("arabic", q("السودان")),
    ("chinese", q("苏丹 排雷")),
    ("cyrillic", q("Судан")),
    ("zero-width", q("\u200b\ufeff\u2060")),
    ("fullwidth", q("ＳＤＮ１")),
    ("combining", q("e\u0301" * 60)),
    ("private-use", q("\ue000\U0010fffd")),
    ("minus-one", "-1"),
    ("zero", "0"),
    ("huge", "99999999999999999999"),
    ("int64-max-plus", "9223372036854775808"),
    ("overflow-float", "1e309"),
    ("nan", "NaN"),
    ("infinity", "-Infinity"),
    ("float", "1.5"),
    ("leading-zeros", "0000000001"),
    ("hex", "0x1F"),
    ("spaces", "%20%20+"),
    ("bool", "true"),
    ("json", q('{"$gt": "", "__proto__": {}}')),
    ("json-array", q("[1,2,3]")),
    ("html", q('"><img src=x onerror=alert(1)>')),
    ("script", q("<script>alert(document.cookie)</script>")),
    ("template", q("{{ request.user }}{% debug %}${7*7}")),
    ("format", q("%s%n{0}%d%x{}{!r}")),
    ("search-syntax", q('"unterminated AND ( OR NEAR(x y) * - ^ : +')),
    ("wildcards", q("*?")),
    ("list-syntax", q("a,b,,c,-title,*,")),
    ("dotted", q("wagtailcore.Page")),
    ("lookup", q("id__gt")),
    ("url", q("javascript:alert(1)//https://evil.example/")),
    ("backslashes", q("\\\\evil.example\\x")),
]

# The shape of a parameter, not only its value: given twice, as an array, without "=", …
SHAPES: list[tuple[str, str]] = [
    ("twice", "{name}=a&{name}=b"),
    ("array", "{name}[]=a&{name}[]=b"),
    ("array-index", "{name}[0]=a&{name}[x][y]=b"),
    ("bare", "{name}"),
    ("equals-only", "{name}="),
    ("double-equals", "{name}==a=b"),
    ("semicolons", "{name}=a;{name}=b;"),
    ("ampersands", "&&{name}=a&&"),
    ("encoded-name", "{encoded_name}=a"),
    ("case", "{upper_name}=a"),
]

# Parameters that views and the API read, by URL name; the Wagtail catch-all gets its own
# per page. Every target is also fuzzed with unknown parameters.
PARAMS = {
    "states_index": ["region", "status", "article5", "approach", "theme", "sort"],
    "explorer": ["theme", "region", "tag"],
    "needs_feed": ["theme", "region", "tag"],
    "search": ["q", "page"],
    # The API's listing: its query parameters and field filters, read from the view.
    "detail": ["fields", "type", "rich_text_format"],
    "find": ["id", "html_path", "fields"],
    # Another API endpoint's views, named after it (public_routes).
    "article7-reports.detail": ["fields", "type"],
    "article7-reports.find": ["id", "fields"],
    "wagtailcore_login": ["next", "username", "password"],
}
# Forms a visitor may post, by URL name: each field gets each hostile value.
POST_FIELDS = {
    "wagtailcore_login": ["username", "password", "next"],
    "wagtailcore_authenticate_with_password": ["password", "return_url"],
}
# The API answers 400 at the first parameter it refuses: there each one is tried alone,
# with the values of one of each kind, a few others drawn at random, and fewer shapes.
SEPARATE_PARAMS = {"listing", "detail", "find"}


def api_view(name: str) -> bool:
    """An API view: the pages' ("listing") or another endpoint's ("article7-reports.listing")."""
    return name.rpartition(".")[2] in SEPARATE_PARAMS


CORE = {
    "empty",
    "long-ascii",
    "long-digits",
    "sql-or",
    "null",
    "control",
    "invalid-utf8",
    "rtl-marks",
    "emoji",
    "minus-one",
    "huge",
    "overflow-float",
    "html",
    "search-syntax",
}
CORE_SHAPES = {"twice", "array", "bare"}
UNKNOWN_PARAMS = ["x", "format", "callback", "debug", "__proto__", "page[size]", q("ل")]


@dataclass
class Request:
    method: str
    path: str  # percent-encoded, as on the request line
    query: str = ""
    data: str | None = None  # a raw body, for POST
    content_type: str = "application/x-www-form-urlencoded"
    headers: dict = field(default_factory=dict)
    raw_path_info: str | None = None  # when the path is not even a parseable URL

    @property
    def url(self) -> str:
        path = self.raw_path_info if self.raw_path_info is not None else self.path
        return f"{path}?{self.query}" if self.query else path


@dataclass
class Failure:
    request: Request
    status: int | None
    error: str

    def __str__(self) -> str:
        url = self.request.url
        shown = url if len(url) <= 160 else f"{url[:150]}… ({len(url)} chars)"
        return f"{self.request.method} {shown} -> {self.status}\n{self.error}"


# --- The site --------------------------------------------------------------------------


def country_body():
    from tests.country_pages.test_public import needs_body

    body = needs_body(n_needs=6, n_partners=2, donors=("JPN", "NOR"))
    body.append(
        (
            "national_context",
            {
                "text": "<p>Mines block the roads.</p>",
                "casualties": [],
                "sdg_links": [],
                "tags": [],
            },
        )
    )
    body.append(
        (
            "contact_information",
            {
                "contacts": [
                    {
                        "role": "national_authority",
                        "organisation": "National Mine Action Centre",
                        "name": "Duty officer",
                        "position": "Coordinator",
                        "email": "nmac@example.org",
                        "phone": "+249 000 000",
                        "address": "",
                    }
                ]
            },
        )
    )
    return body


@dataclass
class Site:
    pages: dict[str, str]  # target name -> URL path under /en/ (language swapped per request)
    # URL converter name ("route.converter" for one route) -> real values: ids, slugs
    ids: dict[str, list]


@pytest.fixture(scope="module")
def fuzz_site(django_db_setup, django_db_blocker):
    """Sudan: needs, partnerships and a contact, in English, French, Spanish and Russian
    (so /ar/ and /zh-hans/ show the English page as a fallback); Japan, its donor, in
    English only; Norway, behind a password; the search index built, so that search has
    results to page through.

    Built once for the module (it takes seconds) inside a transaction that is rolled back
    at the end; each test runs in a savepoint within it."""
    from django.core.cache import cache
    from django.core.management import call_command
    from wagtail.models import PageViewRestriction

    from country_pages.models import CountryPage, StatesPartiesIndexPage

    with django_db_blocker.unblock(), transaction.atomic():
        states_index = StatesPartiesIndexPage.objects.get(locale__language_code="en")
        sudan = make_country(states_index, "SDN", languages=("fr", "es", "ru"), body=country_body())
        japan = make_country(states_index, "JPN", languages=(), body=[])
        private = make_country(states_index, "NOR", languages=(), body=[])
        restriction = PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="fuzz-pass"
        )
        call_command("update_index", verbosity=0)
        contact = next(
            item
            for section in sudan.body
            if section.block_type == "contact_information"
            for item in section.value["contacts"].bound_blocks
        )
        yield Site(
            pages={
                "home": "/en/",
                "states_index": states_index.url,
                "country": sudan.url,
                "country_fallback": sudan.url,  # requested in /ar/ and /zh-hans/ only
                "donor": japan.url,
                "private": private.url,
            },
            ids={
                "pk": list(
                    CountryPage.objects.filter(state__iso3="SDN").values_list("pk", flat=True)
                ),
                "page_id": [sudan.pk, private.pk],
                "contact_id": [contact.id],
                "page_view_restriction_id": [restriction.pk],
                "wagtailcore_authenticate_with_password.page_id": [private.pk],
                "country_feed.slug": [sudan.slug, private.slug],
            },
        )
        transaction.set_rollback(True)
    cache.clear()  # nothing rendered from the rolled-back pages outlives them


# --- The URLs, from the resolver ----------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str
    template: str  # "<lang>/contact/<int:page_id>/<slug:contact_id>/", "api/v2/pages/<int:pk>/"
    localized: bool
    api_params: tuple = ()  # for an API view: the query parameters and field filters


def api_params(view) -> tuple:
    """What an API view (Wagtail's, on Django REST framework) reads from the query: its
    known parameters and the fields it filters on."""
    viewset = getattr(view, "cls", None)
    if viewset is None or not hasattr(viewset, "known_query_parameters"):
        return ()
    fields = viewset.get_available_fields(viewset.model, db_fields_only=True)
    return tuple(sorted(set(viewset.known_query_parameters) | set(fields)))


def _pattern_text(pattern) -> str:
    if isinstance(pattern, RegexPattern):
        return str(pattern).lstrip("^").rstrip("$")
    return str(pattern)


def public_routes() -> list[Route]:
    """Every URL pattern of the site outside /admin/ and /documents/."""
    routes = []

    def walk(resolver, prefix: str, localized: bool, namespace: str = ""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                if isinstance(entry.pattern, LocalePrefixPattern):
                    walk(entry, prefix + "<lang>/", True)
                else:
                    inner = entry.namespace or namespace
                    walk(entry, prefix + _pattern_text(entry.pattern), localized, inner)
            elif isinstance(entry, URLPattern):
                template = prefix + _pattern_text(entry.pattern)
                if template.startswith(SKIPPED_PREFIXES):
                    continue
                assert isinstance(entry.pattern, RoutePattern | RegexPattern)
                params = api_params(entry.callback) if entry.name == "listing" else ()
                name = entry.name or template
                if namespace not in ("", "pages") and api_view(name):
                    name = f"{namespace}.{name}"  # the pages' views have the same names
                routes.append(Route(name, template, localized, params))

    walk(get_resolver(), "", False)
    return routes


ROUTES = public_routes()
PARAMS.update({route.name: list(route.api_params) for route in ROUTES if route.api_params})
# The Wagtail catch-all is fuzzed on real pages and on hostile paths.
PAGE_TARGETS = ["home", "states_index", "country", "country_fallback", "donor", "private"]
PARAMS_PER_TARGET = 7  # the API's parameters are tried one by one: split into several tests


def targets() -> list[str]:
    names = []
    for route in ROUTES:
        if route.name == "wagtail_serve":
            names.extend(PAGE_TARGETS + ["page_paths"])
        elif api_view(route.name) and len(PARAMS[route.name]) > PARAMS_PER_TARGET:
            count = -(-len(PARAMS[route.name]) // PARAMS_PER_TARGET)
            names.extend(f"{route.name}:{i + 1}/{count}" for i in range(count))
        else:
            names.append(route.name)
    return names + ["unprefixed_paths"]


# --- Requests for each target ----------------------------------------------------------


def random_text(rng: random.Random, max_length: int = 40) -> str:
    """Random characters from ASCII, controls, the six languages' scripts, marks and emoji,
    or random bytes (often invalid UTF-8), percent-encoded."""
    length = rng.choice([0, 1, 2, 5, 20, max_length, rng.randint(0, 4000)])
    kind = rng.random()
    if kind < 0.2:
        return "".join(f"%{rng.randrange(256):02x}" for _ in range(length))
    alphabets = [
        (0x20, 0x7E),
        (0x00, 0x1F),
        (0x0600, 0x06FF),  # Arabic
        (0x0400, 0x04FF),  # Cyrillic
        (0x4E00, 0x9FFF),  # CJK
        (0x00C0, 0x017F),  # Latin accents
        (0x2000, 0x206F),  # punctuation, bidi and zero-width marks
        (0x1F300, 0x1FAFF),  # emoji
        (0x0300, 0x036F),  # combining marks
    ]
    chars = []
    for _ in range(length):
        low, high = rng.choice(alphabets)
        chars.append(chr(rng.randint(low, high)))
    return q("".join(chars))


def random_number(rng: random.Random) -> str:
    return rng.choice(
        [
            str(rng.randint(-(2**70), 2**70)),
            str(rng.randint(-3, 3)),
            repr(rng.uniform(-1e308, 1e308)),
            str(rng.randint(0, 10**6)),
            rng.choice(["1e309", "-1e309", "nan", "inf", "+1", "1_000", " 1", "1 "]),
        ]
    )


def random_query(rng: random.Random, names: list[str], valid: dict[str, list[str]]) -> str:
    parts = []
    for _ in range(rng.choice([1, 2, 3, 6, 20])):
        name = rng.choice(names + UNKNOWN_PARAMS) if rng.random() < 0.9 else random_text(rng, 8)
        roll = rng.random()
        if roll < 0.25 and valid.get(name):
            value = q(rng.choice(valid[name]))
        elif roll < 0.5:
            value = rng.choice(HOSTILE)[1]
        elif roll < 0.7:
            value = random_number(rng)
        else:
            value = random_text(rng)
        parts.append(f"{name}={value}")
        if rng.random() < 0.15:
            parts.append(f"{name}[]={value}")
    return "&".join(parts)


def valid_values() -> dict[str, list[str]]:
    """Some valid values, so that random queries also combine real filters."""
    from country_pages.directory import need_theme_choices
    from registry.models import Region

    return {
        "region": [value for value, _label in Region.choices],
        "status": ["state_party", "withdrawn", "not_yet_in_force", "withdrawal_pending"],
        "article5": ["obligation", "completed"],
        "approach": ["on", "true", "1"],
        "theme": [value for value, _label in need_theme_choices()],
        "sort": ["name", "deadline", "entry_into_force", "updated"],
        "tag": ["gender-and-diversity"],
        "q": ["Need", "Sudan mines", "Soudan"],
        "page": ["1", "2", "last"],
        "iso3": ["SDN", "sdn", "JPN"],
        "locale": LANGUAGES,
        "type": ["country_pages.CountryPage", "wagtailcore.Page", "home.HomePage"],
        "fields": ["*", "body", "iso3,body", "-title", "_,id", "body(x)", "state_name"],
        "limit": ["1", "20", "21"],
        "offset": ["0", "1"],
        "order": ["title", "-title", "random", "id", "iso3", "-first_published_at"],
        "search": ["Sudan", "mines"],
        "search_operator": ["and", "or"],
    }


def with_language(path: str, language: str) -> str:
    return re.sub(r"^/[a-z-]+/", f"/{language}/", path, count=1)


def plan(target: str, site: Site, rng: random.Random) -> list[Request]:  # noqa: C901
    """The requests for one target: its parameters with each hostile value and in each
    shape, unknown parameters, random queries, other methods and bodies, hostile values in
    the path; the languages in turn."""
    if target == "page_paths":
        return page_path_requests(site, rng)
    if target == "unprefixed_paths":
        return unprefixed_requests()

    name, _, part = target.partition(":")
    names = PARAMS.get(name, [])
    if part:  # "listing:2/3": the second third of the listing's parameters
        index, count = map(int, part.split("/"))
        size = -(-len(names) // count)
        names = names[(index - 1) * size : index * size]
    if name in site.pages:
        real_path, hostile_paths = site.pages[name].replace("/en/", "/{lang}/", 1), []
    else:
        route = next(r for r in ROUTES if r.name == name)
        real_path, *hostile_paths = route_paths(route, site)

    languages = ["ar", "zh-hans"] if name == "country_fallback" else LANGUAGES
    turn = iter(range(10**9))

    def path(template: str = real_path) -> str:
        return template.replace("{lang}", languages[next(turn) % len(languages)])

    valid = valid_values()
    requests: list[Request] = []
    method = "POST" if name == "reveal_contact" else "GET"  # a POST-only view
    for template in hostile_paths:
        requests.append(Request(method, path(template)))

    # Each parameter with each hostile value. The API stops at the first parameter it
    # refuses, so there each parameter is tried alone; a page ignores what it does not
    # understand, so there one request carries every parameter, each with another value
    # (every parameter still meets every value).
    if api_view(name):
        for param in names:
            rest = [value for label, value in HOSTILE if label not in CORE]
            for value in [v for label, v in HOSTILE if label in CORE] + rng.sample(rest, 3):
                requests.append(Request(method, path(), f"{param}={value}"))
    elif names:
        for k in range(len(HOSTILE)):
            query = "&".join(
                f"{param}={HOSTILE[(k + 7 * i) % len(HOSTILE)][1]}" for i, param in enumerate(names)
            )
            requests.append(Request(method, path(), query))
    # Each shape (given twice, as an array, …): every parameter at once, on a page.
    for label, shape in SHAPES if names else []:
        shaped = [
            shape.format(name=n, encoded_name=q(n).replace("_", "%5F"), upper_name=n.upper())
            for n in names
        ]
        if api_view(name):
            if label in CORE_SHAPES:
                requests.extend(Request(method, path(), query) for query in shaped)
        else:
            requests.append(Request(method, path(), "&".join(shaped)))
    # Unknown parameters; every value at once in one long query; too many fields.
    for _label, value in rng.sample(HOSTILE, 6):
        requests.append(Request(method, path(), f"{rng.choice(UNKNOWN_PARAMS)}={value}"))
    everything = "&".join(f"{n}={v}" for n in names or UNKNOWN_PARAMS for _label, v in HOSTILE)
    requests.append(Request(method, path(), everything))
    requests.append(Request(method, path(), "&".join(f"f{i}=1" for i in range(10_001))))
    # Random combinations of known and unknown parameters and values.
    for _ in range(RANDOM_REQUESTS if names else RANDOM_REQUESTS // 4):
        requests.append(Request(method, path(), random_query(rng, names, valid)))
    # Forms: each field with each hostile value, in the body.
    fields = POST_FIELDS.get(name, [])
    for k in range(len(HOSTILE) if fields else 0):
        body = "&".join(
            f"{f}={HOSTILE[(k + 7 * i) % len(HOSTILE)][1]}" for i, f in enumerate(fields)
        )
        requests.append(Request("POST", path(), data=body))
    # Other methods; odd bodies.
    for other in ("HEAD", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"):
        requests.append(Request(other, path(), random_query(rng, names, valid)))
    requests.append(Request("POST", path(), data=random_query(rng, names + fields, valid)))
    requests.append(
        Request(
            "POST",
            path(),
            data="--x\r\nContent-Disposition: form-data; name=\x00\r\n\r\n%ff",
            content_type="multipart/form-data; boundary=",
        )
    )
    requests.append(Request("POST", path(), data='{"a": [1, 2', content_type="application/json"))
    requests.append(Request("POST", path(), data="%ff%fe=%00&" * 50))
    return requests


HOSTILE_IDS = [
    "0",
    "00",
    "99999999999999999999",
    "9223372036854775808",  # 2**63
    "2147483648",  # 2**31
    "9" * 5000,  # more digits than int() accepts
    "a" * LONG,
    "-",
    "_",
    "--1",
    "DROP_TABLE",
    # Not accepted by the converters: the resolver's 404.
    "-1",
    "%00",
    "%ff%fe",
    q("' OR 1=1 --"),
    "..",
    q("../etc"),
    q("ع"),
    "1e309",
    "",
]


def route_paths(route: Route, site: Site) -> list[str]:
    """The route's template with its converters filled in with real values, then with
    each hostile value in each converter in turn (the others real), then in all at once."""
    template = "/" + route.template.replace("<lang>", "{lang}")
    converter = re.compile(r"<(?:\w+:)?(\w+)>")
    names = converter.findall(template)

    def fill(values: dict) -> str:
        return converter.sub(lambda m: str(values.get(m.group(1), 1)), template)

    ids = {name: site.ids.get(f"{route.name}.{name}") or site.ids.get(name) for name in names}
    real = {name: values[0] for name, values in ids.items() if values}
    paths = [fill(real)]
    paths += [fill({**real, name: values[-1]}) for name, values in ids.items() if values]
    for value in HOSTILE_IDS:
        paths += [fill({**real, name: value}) for name in names]
        if len(names) > 1:
            paths.append(fill(dict.fromkeys(names, value)))
    return list(dict.fromkeys(paths))


HOSTILE_SEGMENTS = [
    "a" * LONG,
    q("ألغام" * 2000),
    "SUDAN",
    "sudan%00",
    "%00",
    "%ff%fe",
    "%c0%ae%c0%ae",
    "..",
    "%2e%2e",
    "..%2f..%2fetc%2fpasswd",
    q("' OR 1=1 --"),
    q("<script>alert(1)</script>"),
    q("السودان"),
    q("苏丹"),
    q("\u202esudan"),
    q("💣"),
    "%0d%0aX-Injected:%201",
    q("%s%n{0}"),
    "sudan%2f",
    "_",
    "-",
    "99999999999999999999",
]


def page_path_requests(site: Site, rng: random.Random) -> list[Request]:
    """Hostile path segments after /<lang>/states-parties/ and /<lang>/, and after a
    country page (which has no children)."""
    country = site.pages["country"]
    index = site.pages["states_index"]
    requests = []
    for i, segment in enumerate(HOSTILE_SEGMENTS + [random_text(rng, 30) for _ in range(8)]):
        language = LANGUAGES[i % len(LANGUAGES)]
        for base in (index, "/en/", country):
            requests.append(Request("GET", with_language(base, language) + segment + "/"))
        requests.append(Request("GET", with_language(index, language) + segment))  # no slash
        requests.append(Request("HEAD", with_language(index, language) + segment + "/x/"))
    for path in (
        index + "sudan//",
        index + "/sudan/",
        "/en//",
        "/en/states-parties/sudan/extra/more/",
        "/en/states-parties/sudan/sudan/",
        "/zh-hans/states-parties/japan/",
        "/ar/states-parties/%20japan/",
    ):
        requests.append(Request("GET", path))
    return requests


def unprefixed_requests() -> list[Request]:
    """Paths outside the language prefixes (redirected to one, or 404), hostile language
    prefixes, malformed request paths and language headers."""
    requests = []
    for path in [
        "/states-parties/sudan/",
        "/states-parties/",
        "/search/?q=x",
        "/xx/",
        "/EN/",
        "/en-us/",
        "/zh-hant/",
        "/zh-Hans/",
        "/zh/",
        "/ar-/",
        "/%00/",
        "/%ff%fe/",
        "/" + "a" * LONG,
        "/api/v2/",
        "/api/v2/pages",
        "/api/v2/pages/find/x/",
        "/api/v3/pages/",
        "/open-data/states-parties.xml",
        "/open-data/states-parties.csv/",
        "/sitemap.xml/",
        "/robots.txt%00",
        "/.env",
        "/static/../cms/settings/base.py",
        "/media/../db.sqlite3",
    ]:
        path, _, query = path.partition("?")
        requests.append(Request("GET", path, query))
    for raw in ["//[", "//evil.example/", "/\\evil.example", "///", "", "x", "/en/\x00/"]:
        requests.append(Request("GET", "/", raw_path_info=raw))
    for header in [
        "*",
        "xx",
        "ar;q=NaN",
        "zh-Hant-TW;q=0.9,zh;q=1e309",
        "en;q=" + "9" * 5000,
        ",".join(["fr"] * 3000),
        "\x00",
        "ä" * 100,
    ]:
        requests.append(Request("GET", "/states-parties/", headers={"accept-language": header}))
        requests.append(Request("GET", "/", headers={"accept-language": header}))
    for cookie in ["django_language=xx", "django_language=%00", "django_language=" + "a" * 5000]:
        requests.append(Request("GET", "/states-parties/", headers={"cookie": cookie}))
    return requests


# --- Running them ------------------------------------------------------------------------


def send(client: Client, request: Request):
    extra = {}
    if request.raw_path_info is not None:
        extra["PATH_INFO"] = request.raw_path_info
    # QUERY_STRING as a WSGI server passes it: the bytes of the request line, as latin-1.
    extra["QUERY_STRING"] = request.query.encode().decode("iso-8859-1")
    for header, value in request.headers.items():
        extra["HTTP_" + header.upper().replace("-", "_")] = value
    body = request.data.encode() if request.data is not None else ""
    return client.generic(
        request.method,
        request.path,
        data=body,
        content_type=request.content_type,
        **extra,
    )


def describe(exc_info) -> str:
    """The exception, where the project's code was last on the stack, and the innermost
    frames outside the database layer: enough to find the cause."""
    _type, value, tb = exc_info
    frames = traceback.extract_tb(tb)
    ours = [f for f in frames if "site-packages" not in f.filename]
    shown = (
        ours[-2:]
        + [f for f in frames if "/django/db/" not in f.filename and f not in ours[-2:]][-3:]
    )
    lines = [
        f"  {f.filename.split('site-packages/')[-1]}:{f.lineno} in {f.name}: {f.line}"
        for f in shown
    ]
    return f"  {type(value).__name__}: {str(value)[:300]}\n" + "\n".join(lines)


def check(client: Client, request: Request, failures: list[Failure]) -> int:
    """Send the request (and follow one local redirect); record a 5xx. Returns the number
    of requests sent."""
    response = send(client, request)
    error = describe(response.exc_info) if response.exc_info else ""
    if response.status_code >= 500 or error:
        failures.append(Failure(request, response.status_code, error))
        return 1
    location = response.headers.get("Location", "")
    if 300 <= response.status_code < 400 and location:
        target = urlsplit(location)
        if target.netloc in ("", "testserver", "localhost") and target.path.startswith("/"):
            follow = Request("GET", target.path, target.query)
            response = send(client, follow)
            if response.status_code >= 500 or response.exc_info:
                error = describe(response.exc_info) if response.exc_info else ""
                failures.append(
                    Failure(follow, response.status_code, f"  after {request.url[:200]}\n{error}")
                )
            return 2
    return 1


def run_fuzz(target: str, site: Site) -> tuple[int, list[Failure]]:
    rng = random.Random(f"{SEED}:{target}")
    client = Client(raise_request_exception=False)
    failures: list[Failure] = []
    sent = 0
    for request in plan(target, site, rng):
        sent += check(client, request, failures)
    return sent, failures


@pytest.mark.parametrize("target", targets())
def test_public_urls_never_answer_5xx(target, fuzz_site):
    start, cpu = time.monotonic(), time.process_time()
    sent, failures = run_fuzz(target, fuzz_site)
    elapsed, cpu = time.monotonic() - start, time.process_time() - cpu
    print(f"fuzz {target}: seed {SEED}, {sent} requests in {elapsed:.1f} s ({cpu:.1f} s CPU)")
    assert sent > 0
    if failures:
        pytest.fail(
            f"{len(failures)} of {sent} requests to {target} answered 5xx "
            f"(FUZZ_SEED={SEED} reproduces):\n\n" + "\n\n".join(map(str, failures)),
            pytrace=False,
        )


def test_every_public_route_is_fuzzed():
    """The resolver walk found the site's public views (a broken walk would make the fuzz
    pass by testing nothing), and /admin/ and /documents/ are left out."""
    names = {route.name for route in ROUTES}
    assert {
        "explorer",
        "search",
        "open_data",
        "reveal_contact",
        "wagtail_serve",
        "registry_csv",
        "registry_json",
        "robots_txt",
        "sitemap",
        "listing",
        "detail",
    } <= names
    assert not [r for r in ROUTES if r.template.startswith(SKIPPED_PREFIXES)]
    assert all(r.localized for r in ROUTES if r.name in {"explorer", "search", "reveal_contact"})


# --- What the fuzz found: one regression test per fix ----------------------------------


def test_contact_reveal_with_an_id_beyond_the_databases_integers_is_a_404(client, fuzz_site):
    # Was a 500: OverflowError ("Python int too large to convert to SQLite INTEGER").
    for page_id in ("99999999999999999999", "9223372036854775808"):
        response = client.post(f"/en/contact/{page_id}/{fuzz_site.ids['contact_id'][0]}/")
        assert response.status_code == 404
    response = client.post(f"/en/contact/{fuzz_site.ids['page_id'][0]}/x/")
    assert response.status_code == 404
    real = f"/en/contact/{fuzz_site.ids['page_id'][0]}/{fuzz_site.ids['contact_id'][0]}/"
    assert client.post(real).status_code == 200


def test_api_detail_with_an_id_beyond_the_databases_integers_is_a_404(client, fuzz_site):
    # Was a 500: OverflowError.
    for page_id in ("99999999999999999999", "9223372036854775808"):
        assert client.get(f"/api/v2/pages/{page_id}/").status_code == 404
    page_id = fuzz_site.ids["pk"][0]
    assert client.get(f"/api/v2/pages/{page_id}/").json()["id"] == page_id


def test_api_find_with_an_id_that_is_not_a_number_is_a_400(client, fuzz_site):
    # Was a 500: ValueError ("Field 'id' expected a number but got ''").
    for value in ("", "abc", "' OR 1=1 --", "9" * 5000, "1.5"):
        response = client.get("/api/v2/pages/find/", {"id": value})
        assert response.status_code == 400
        assert response.json() == {"message": "id must be an integer"}
    assert client.get("/api/v2/pages/find/", {"id": "99999999999999999999"}).status_code == 404
    page_id = fuzz_site.ids["pk"][0]
    response = client.get("/api/v2/pages/find/", {"id": str(page_id)})
    assert response.status_code == 302 and response["Location"].endswith(f"/pages/{page_id}/?")


def test_api_offset_beyond_the_databases_integers_is_a_400(client, fuzz_site):
    # Was a 500: IntegrityError ("datatype mismatch") from SQLite's OFFSET.
    for offset in ("99999999999999999999", "9223372036854775808", "2147483648"):
        response = client.get("/api/v2/pages/", {"offset": offset})
        assert response.status_code == 400
        assert response.json() == {"message": "offset cannot be higher than 2147483647"}
    data = client.get("/api/v2/pages/", {"offset": "2147483647"}).json()
    assert data["items"] == [] and data["meta"]["total_count"] > 0


SEARCHES_THAT_FAILED = [
    "\x00",  # OperationalError: unterminated string
    "SDN\x00x",
    '{"$gt": ""}',  # OperationalError: fts5: syntax error near "$"
    '"><img src=x onerror=alert(1)>',
    '"unterminated AND ( OR NEAR(x y)',
    "\t\n\x0b\x0c",  # AttributeError: 'NoneType' object has no attribute 'as_sql'
    "  ",
]


def test_site_search_takes_quotes_and_control_characters(client, fuzz_site):
    for query in SEARCHES_THAT_FAILED:
        assert client.get("/en/search/", {"q": query}).status_code == 200
    # Quotes and control characters are dropped; the words are still searched.
    html = client.get("/en/search/", {"q": '"Need\x00 number"'}).content.decode()
    assert fuzz_site.pages["country"] in html


def test_api_search_takes_quotes_and_control_characters(client, fuzz_site):
    for query in SEARCHES_THAT_FAILED:
        expected = 400 if "\x00" in query else 200  # NUL: refused in any parameter, below
        assert client.get("/api/v2/pages/", {"search": query}).status_code == expected
    data = client.get("/api/v2/pages/", {"search": '"Need\x1b number"', "locale": "en"}).json()
    assert [item["iso3"] for item in data["items"]] == ["SDN"]


def test_api_field_filters_refuse_values_their_field_cannot_take(client, fuzz_site):
    # Were 500s: ValidationError (a date that is not one) and OverflowError (an id beyond
    # the database's integers), raised by the database.
    for query in (
        {"first_published_at": "' OR 1=1 --"},
        {"first_published_at": ""},
        {"alias_of": "99999999999999999999"},
        {"id": "99999999999999999999"},
        {"body": '{"a": 1}'},
    ):
        response = client.get("/api/v2/pages/", query)
        assert response.status_code == 400
        assert response.json()["message"].startswith("field filter error")
    # Valid values still filter; booleans keep Wagtail's own syntax.
    page_id = fuzz_site.ids["pk"][0]
    data = client.get("/api/v2/pages/", {"id": str(page_id)}).json()
    assert [item["id"] for item in data["items"]] == [page_id]
    assert (
        client.get("/api/v2/pages/", {"first_published_at": "2018-06-07T00:00:00Z"}).status_code
        == 200
    )
    assert client.get("/api/v2/pages/", {"show_in_menus": "true"}).status_code == 200
    assert client.get("/api/v2/pages/", {"show_in_menus": "maybe"}).status_code == 400


def test_api_refuses_null_characters_in_the_query(client, fuzz_site):
    # Were 500s on PostgreSQL ("PostgreSQL text fields cannot contain NUL (0x00) bytes"),
    # from ?locale=, ?site=, ?iso3= and find's ?html_path=.
    page_id = fuzz_site.ids["pk"][0]
    for url in (
        "/api/v2/pages/?locale=%00",
        "/api/v2/pages/?site=%00",
        "/api/v2/pages/?iso3=SD%00",
        "/api/v2/pages/find/?html_path=/en/states-parties/%00/",
        f"/api/v2/pages/{page_id}/?fields=%00",
        "/api/v2/pages/?%00=1",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response.json() == {"message": "null characters are not allowed in the query"}
    assert client.get("/api/v2/pages/?locale=fr&iso3=SDN").json()["meta"]["total_count"] == 1
