"""The charts of a State's public Article 7 figures on its country page:
`{% state_charts page.state_id as charts %}` then
`{% include "reporting/includes/state_charts.html" %}`. The figures are the same for every
visitor (public reports only), so they are part of the cached article; accepting a report
invalidates the State's pages (publishing.receivers.report_changed), which changes the
article's fragment key."""

from __future__ import annotations

from django import template

from reporting.charts.figures import Figure, state_figures

register = template.Library()


@register.simple_tag
def state_charts(state) -> list[Figure]:
    """The charts of a State (a StateParty or its id), in the active language."""
    state_id = getattr(state, "pk", state)
    return state_figures(state_id) if state_id else []
