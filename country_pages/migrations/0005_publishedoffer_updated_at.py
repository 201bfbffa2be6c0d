"""PublishedOffer.updated_at: when an organisation's offer was last added or changed, the
date of its entry in the offers' feed (explorer.feeds.OffersFeed). The organisations'
offers indexed before it are dated from this migration."""

from django.db import migrations, models
from django.utils import timezone


def date_organisations_offers(apps, schema_editor):
    PublishedOffer = apps.get_model("country_pages", "PublishedOffer")
    PublishedOffer.objects.filter(organisation__isnull=False, updated_at__isnull=True).update(
        updated_at=timezone.now()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("country_pages", "0004_offers"),
    ]

    operations = [
        migrations.AddField(
            model_name="publishedoffer",
            name="updated_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(date_organisations_offers, migrations.RunPython.noop),
    ]
