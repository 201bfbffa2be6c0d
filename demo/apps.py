from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demonstration site: the content and accounts `make run` and `make serve` load
    (`load_demo_content`, `load_demo_accounts`). It depends on the production apps; none of
    them imports it."""

    name = "demo"
    label = "demo"
    # Not translated: the app has no models, so its name is never shown.
    verbose_name = "Demonstration content"
