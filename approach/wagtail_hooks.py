"""The requests to start the individualised approach in Wagtail's admin: their URLs, a menu
item for focal points and the ISU, and the ISU's dashboard panel of open requests."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from focal_points.roles import is_isu, states_of

from . import admin_views


@hooks.register("register_admin_urls")
def approach_admin_urls():
    return [
        path("approach/requests/", admin_views.request_index, name="approach_requests"),
        path("approach/requests/new/", admin_views.request_create, name="approach_request_new"),
        path(
            "approach/requests/<int:approach_request_id>/",
            admin_views.request_detail,
            name="approach_request",
        ),
        path(
            "approach/requests/<int:approach_request_id>/answer/",
            admin_views.request_answer,
            name="approach_request_answer",
        ),
    ]


class RequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_isu(request.user) or bool(states_of(request.user))


@hooks.register("register_admin_menu_item")
def approach_requests_menu_item():
    return RequestsMenuItem(
        _("Individualised approach"),
        reverse("approach_requests"),
        icon_name="calendar",
        order=252,
    )


class OpenRequestsPanel(Component):
    name = "approach_open_requests"
    template_name = "approach/admin/open_requests_panel.html"
    order = 85

    def __init__(self, requests):
        self.requests = requests

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["requests"] = self.requests
        return context


@hooks.register("construct_homepage_panels")
def open_requests_panel(request, panels):
    if is_isu(request.user):
        requests = list(admin_views.open_requests().order_by("created_at", "pk"))
        if requests:
            panels.append(OpenRequestsPanel(requests))
