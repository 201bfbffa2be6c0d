"""No two accounts with the same email, whatever the case: the history names people by
their email, and an invitation goes to the account holding the address."""

from django.db import migrations

INDEX = "focal_points_user_email_ci_unique"


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("focal_points", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE UNIQUE INDEX {INDEX} ON auth_user (LOWER(email)) WHERE email <> ''",
            f"DROP INDEX {INDEX}",
        ),
    ]
