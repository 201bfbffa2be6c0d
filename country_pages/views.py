from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import CountryPage


@csrf_exempt  # Read-only: it changes nothing, and cached public pages carry no CSRF token.
@require_POST  # Crawlers and harvesters follow links, not forms.
def reveal_contact(request, page_id: int, contact_id: str):
    """Show one contact's email address. Pages never print addresses, so robots that
    harvest them from HTML find none."""
    # By "id", not "pk": a country page's pk is its link to Page, on which an id beyond
    # the database's integers (/contact/99999999999999999999/…) is an error, not a 404.
    page = get_object_or_404(CountryPage.objects.live().public(), id=page_id)
    for section in page.body:
        contact = section.block.find_contact(section.value, contact_id)
        if contact is not None:
            return TemplateResponse(
                request,
                "country_pages/contact_revealed.html",
                {"page": page, "contact": contact, "contact_id": contact_id},
                headers={"X-Robots-Tag": "noindex", "Cache-Control": "private, no-store"},
            )
    raise Http404
