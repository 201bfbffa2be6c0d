# As in UN Chinese documents: digits grouped by thousands ("14,500,000").
from django.conf.locale.zh_Hans.formats import *  # noqa: F403

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
