"""Partner organisations used by the demonstration pages, named in the six languages."""

from country_pages.models import Organisation

ORGANISATIONS = {
    "UNMAS": {
        "kind": Organisation.Kind.UN_ENTITY,
        "website": "https://www.unmas.org/",
        "name": {
            "en": "United Nations Mine Action Service",
            "fr": "Service de la lutte antimines de l'ONU",
            "es": "Servicio de las Naciones Unidas de Actividades relativas a las Minas",
            "ar": "دائرة الأمم المتحدة للإجراءات المتعلقة بالألغام",
            "ru": (
                "Служба Организации Объединенных Наций по вопросам деятельности, "
                "связанной с разминированием"
            ),
            "zh-hans": "联合国地雷行动处",
        },
        "acronym": {
            "en": "UNMAS",
            "fr": "SLAM",
            "es": "UNMAS",
            "ar": "",
            "ru": "ЮНМАС",
            "zh-hans": "",
        },
    },
    "UNDP": {
        "kind": Organisation.Kind.UN_ENTITY,
        "website": "https://www.undp.org/",
        "name": {
            "en": "United Nations Development Programme",
            "fr": "Programme des Nations Unies pour le développement",
            "es": "Programa de las Naciones Unidas para el Desarrollo",
            "ar": "برنامج الأمم المتحدة الإنمائي",
            "ru": "Программа развития Организации Объединенных Наций",
            "zh-hans": "联合国开发计划署",
        },
        "acronym": {
            "en": "UNDP",
            "fr": "PNUD",
            "es": "PNUD",
            "ar": "",
            "ru": "ПРООН",
            "zh-hans": "",
        },
    },
    "GICHD": {
        "kind": Organisation.Kind.OTHER,
        "website": "https://www.gichd.org/",
        "name": {
            "en": "Geneva International Centre for Humanitarian Demining",
            "fr": "Centre international de déminage humanitaire de Genève",
            "es": "Centro Internacional de Desminado Humanitario de Ginebra",
            "ar": "مركز جنيف الدولي لإزالة الألغام للأغراض الإنسانية",
            "ru": "Женевский международный центр по гуманитарному разминированию",
            "zh-hans": "日内瓦国际人道主义排雷中心",
        },
        "acronym": {
            "en": "GICHD",
            "fr": "CIDHG",
            "es": "CIDHG",
            "ar": "",
            "ru": "ЖМЦГР",
            "zh-hans": "",
        },
    },
    "HI": {
        "kind": Organisation.Kind.INTERNATIONAL_NGO,
        "website": "https://www.hi.org/",
        "name": {
            "en": "Humanity & Inclusion",
            "fr": "Handicap International",
            "es": "Humanidad & Inclusión",
            "ar": "منظمة الإنسانية والإدماج",
            "ru": "Гуманность и инклюзия",
            "zh-hans": "助残国际",
        },
        "acronym": {"en": "HI", "fr": "HI", "es": "HI", "ar": "", "ru": "", "zh-hans": ""},
    },
    "HALO": {
        "kind": Organisation.Kind.INTERNATIONAL_NGO,
        "website": "https://www.halotrust.org/",
        "name": {
            "en": "The HALO Trust",
            "fr": "The HALO Trust",
            "es": "The HALO Trust",
            "ar": "منظمة هالو ترست",
            "ru": "HALO Trust",
            "zh-hans": "哈洛信托",
        },
        "acronym": {"en": "", "fr": "", "es": "", "ar": "", "ru": "", "zh-hans": ""},
    },
    "NPA": {
        "kind": Organisation.Kind.INTERNATIONAL_NGO,
        "website": "https://www.npaid.org/",
        "name": {
            "en": "Norwegian People's Aid",
            "fr": "Aide populaire norvégienne",
            "es": "Ayuda Popular Noruega",
            "ar": "المساعدات الشعبية النرويجية",
            "ru": "Норвежская народная помощь",
            "zh-hans": "挪威人民援助会",
        },
        "acronym": {"en": "NPA", "fr": "NPA", "es": "APN", "ar": "", "ru": "", "zh-hans": ""},
    },
    "MAG": {
        "kind": Organisation.Kind.INTERNATIONAL_NGO,
        "website": "https://www.maginternational.org/",
        "name": {
            "en": "Mines Advisory Group",
            "fr": "Mines Advisory Group",
            "es": "Mines Advisory Group",
            "ar": "المجموعة الاستشارية المعنية بالألغام",
            "ru": "Консультативная группа по минам",
            "zh-hans": "地雷咨询小组",
        },
        "acronym": {"en": "MAG", "fr": "MAG", "es": "MAG", "ar": "", "ru": "", "zh-hans": ""},
    },
}
