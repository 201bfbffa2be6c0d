"""The reports' admin: one permission policy scoping every view to the user's State, the
viewsets that register the reports and the mine-type catalogue, and the report editor."""
