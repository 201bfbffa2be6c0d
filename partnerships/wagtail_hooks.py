"""The partnerships under Action #21 in Wagtail's admin: their URLs, a menu item for focal
points and the ISU, and a focal point's dashboard panel of the partnerships waiting for
their State's confirmation."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from focal_points.roles import is_isu, states_of

from . import admin_views

PARTNERSHIP = "partnerships/<uuid:translation_key>/<str:block_id>/"


@hooks.register("register_admin_urls")
def partnership_admin_urls():
    return [
        path("partnerships/", admin_views.partnership_index, name="partnerships"),
        path(PARTNERSHIP, admin_views.partnership_detail, name="partnership"),
        path(
            PARTNERSHIP + "confirm/<int:state_id>/",
            admin_views.partnership_confirm,
            name="partnership_confirm",
        ),
        path(
            PARTNERSHIP + "withdraw/<int:state_id>/",
            admin_views.partnership_withdraw,
            name="partnership_withdraw",
        ),
    ]


class PartnershipsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_isu(request.user) or bool(states_of(request.user))


@hooks.register("register_admin_menu_item")
def partnerships_menu_item():
    return PartnershipsMenuItem(
        _("Partnerships (Action #21)"), reverse("partnerships"), icon_name="link", order=253
    )


class AwaitingConfirmationPanel(Component):
    name = "partnerships_awaiting"
    template_name = "partnerships/admin/awaiting_panel.html"
    order = 86

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["items"] = self.items
        return context


@hooks.register("construct_homepage_panels")
def awaiting_confirmation_panel(request, panels):
    items = admin_views.awaiting(request.user)
    if items:
        panels.append(AwaitingConfirmationPanel(items))
