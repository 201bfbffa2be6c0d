# UN style: "3 December 1997" rather than Django's US default "Dec. 3, 1997".
from django.conf.locale.en.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
MONTH_DAY_FORMAT = "j F"
