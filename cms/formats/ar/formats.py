# As in UN Arabic documents: Western digits grouped by thousands ("14,500,000").
from django.conf.locale.ar.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
