"""The ISU's starting vocabulary of thematic tags, named in the six languages. The ISU
adds and renames tags in the admin afterwards."""

from django.db import migrations

TAGS = [
    ("gender-and-diversity", "Gender and diversity", "Genre et diversité", "Género y diversidad",
     "النوع الاجتماعي والتنوع", "Гендерные аспекты и разнообразие", "性别与多样性"),
    ("sdgs", "Sustainable Development Goals", "Objectifs de développement durable",
     "Objetivos de Desarrollo Sostenible", "أهداف التنمية المستدامة",
     "Цели в области устойчивого развития", "可持续发展目标"),
    ("capacity-building", "Capacity building", "Renforcement des capacités",
     "Fomento de la capacidad", "بناء القدرات", "Наращивание потенциала", "能力建设"),
    ("survivor-inclusion", "Survivor inclusion", "Inclusion des survivants",
     "Inclusión de los supervivientes", "إدماج الناجين", "Интеграция выживших", "幸存者融入"),
    ("land-release", "Land release", "Remise à disposition des terres", "Liberación de tierras",
     "الإفراج عن الأراضي", "Высвобождение земель", "土地释放"),
    ("socio-economic-development", "Socio-economic development", "Développement socio-économique",
     "Desarrollo socioeconómico", "التنمية الاجتماعية والاقتصادية",
     "Социально-экономическое развитие", "社会经济发展"),
    ("environment", "Environment", "Environnement", "Medio ambiente", "البيئة",
     "Окружающая среда", "环境"),
    ("information-management", "Information management", "Gestion de l'information",
     "Gestión de la información", "إدارة المعلومات", "Управление информацией", "信息管理"),
    ("national-ownership", "National ownership", "Appropriation nationale",
     "Implicación nacional", "الملكية الوطنية", "Национальная ответственность", "国家自主"),
    ("stabilisation", "Stabilisation", "Stabilisation", "Estabilización", "تحقيق الاستقرار",
     "Стабилизация", "稳定"),
    ("residual-contamination", "Residual contamination", "Contamination résiduelle",
     "Contaminación residual", "التلوث المتبقي", "Остаточное загрязнение", "残余污染"),
    ("improvised-mines", "Improvised mines", "Mines artisanales", "Minas improvisadas",
     "الألغام المرتجلة", "Самодельные мины", "简易地雷"),
]


def create_tags(apps, schema_editor):
    ThematicTag = apps.get_model("country_pages", "ThematicTag")
    for slug, en, fr, es, ar, ru, zh in TAGS:
        ThematicTag.objects.update_or_create(
            slug=slug,
            defaults={"name": en, "name_fr": fr, "name_es": es, "name_ar": ar, "name_ru": ru,
                      "name_zh_hans": zh},
        )


class Migration(migrations.Migration):
    dependencies = [("country_pages", "0001_initial")]

    operations = [migrations.RunPython(create_tags, migrations.RunPython.noop)]
