"""Titles and introductions of the home page and the States Parties index, in the six
languages. English is the source; the others are its translations."""

HOME = {
    "slug": "home",
    "title": {
        "en": "Anti-Personnel Mine Ban Convention",
        "fr": "Convention sur l'interdiction des mines antipersonnel",
        "es": "Convención sobre la Prohibición de las Minas Antipersonal",
        "ar": "اتفاقية حظر الألغام المضادة للأفراد",
        "ru": "Конвенция о запрещении противопехотных мин",
        "zh-hans": "禁止杀伤人员地雷公约",
    },
    "intro": {
        "en": "Every State Party to the Convention has a page here. Mine-affected States show "
        "what they still have to do to be free of mines, what they need to do it and who "
        "already helps them, so that States and organisations able to assist can find them.",
        "fr": "Chaque État partie à la Convention dispose ici d'une page. Les États touchés par "
        "les mines y indiquent ce qu'il leur reste à faire pour en être libérés, ce dont ils "
        "ont besoin pour y parvenir et qui les aide déjà, afin que les États et les "
        "organisations en mesure de leur prêter assistance puissent les trouver.",
        "es": "Cada Estado parte en la Convención tiene aquí su página. Los Estados afectados "
        "por las minas muestran lo que aún les queda por hacer para quedar libres de minas, lo "
        "que necesitan para lograrlo y quién los ayuda ya, para que los Estados y las "
        "organizaciones que están en condiciones de prestar asistencia puedan encontrarlos.",
        "ar": "لكل دولة طرف في الاتفاقية صفحة هنا. وتبيّن الدول المتضررة من الألغام ما تبقّى "
        "عليها من عمل لتتخلص من الألغام، وما تحتاج إليه لإنجازه، ومن يساعدها بالفعل، حتى "
        "تتمكن الدول والمنظمات القادرة على تقديم المساعدة من الوصول إليها.",
        "ru": "У каждого государства — участника Конвенции здесь есть своя страница. "
        "Затронутые минами государства показывают, что им еще предстоит сделать, чтобы "
        "избавиться от мин, что им для этого нужно и кто им уже помогает, чтобы государства и "
        "организации, способные оказать помощь, могли их найти.",
        "zh-hans": "公约每个缔约国都在此设有专页。受地雷影响的国家在专页上说明为实现无雷仍需完成"
        "哪些工作、为此需要什么，以及已有哪些方面提供帮助，以便有能力提供援助的国家和组织找到它们。",
    },
}

STATES_INDEX = {
    "slug": "states-parties",
    "title": {
        "en": "States Parties",
        "fr": "États parties",
        "es": "Estados partes",
        "ar": "الدول الأطراف",
        "ru": "Государства-участники",
        "zh-hans": "缔约国",
    },
    "intro": {
        "en": "The page of each State Party, written by its national focal points and "
        "published after review by the Implementation Support Unit.",
        "fr": "La page de chaque État partie, rédigée par ses points focaux nationaux et "
        "publiée après examen par l'Unité d'appui à l'application.",
        "es": "La página de cada Estado parte, redactada por sus coordinadores nacionales y "
        "publicada tras su examen por la Dependencia de Apoyo para la Aplicación.",
        "ar": "صفحة كل دولة طرف، يكتبها منسقوها الوطنيون وتُنشر بعد أن تراجعها وحدة دعم التنفيذ.",
        "ru": "Страница каждого государства-участника, подготовленная его национальными "
        "координаторами и опубликованная после рассмотрения Группой имплементационной поддержки.",
        "zh-hans": "每个缔约国的专页，由其国家联络人撰写，经执行支助股审核后发布。",
    },
}
