"""Spanish (es-US) words of the values the rules compute (see service.i18n.catalog)."""

from service.i18n.words import Catalog, DeadlineWords

SPANISH = Catalog(
    yes="Sí",
    no="No",
    list_separator=", ",
    last_separator=" y ",
    reassignment_after="{days} días naturales después de que comience {activity}, el {date}.",
    turns_six="{child} cumple 6 años el {date}",
    pregnancy_ends="Se prevé que el embarazo termine el {date}",
    deadline=DeadlineWords(
        weekend="El {date} es {weekday}, día en que la oficina está cerrada",
        holiday="El {date} es día feriado del condado ({holiday})",
        observed="{holiday}, feriado trasladado",
        not_moved="{closed}; la fecha límite no se cambia (norma del condado).",
        moved_back="{closed}; la fecha límite se adelanta al {date}.",
        moved_forward="{closed}; la fecha límite pasa al siguiente día hábil, el {date}.",
    ),
    texts={
        "Job Search and Job Readiness Assistance": (
            "Búsqueda de empleo y preparación para el empleo"
        ),
        "Work Experience": "Experiencia laboral",
        "Community Service": "Servicio comunitario",
        "Subsidized Employment": "Empleo subsidiado",
        "Unsubsidized Employment": "Empleo no subsidiado",
        "On-the-Job Training": "Capacitación en el trabajo",
        "Vocational Education and Training": "Educación y capacitación vocacional",
        "Job Skills Training Directly Related to Employment": (
            "Capacitación en destrezas laborales directamente relacionada con el empleo"
        ),
        "Education Directly Related to Employment": (
            "Educación directamente relacionada con el empleo"
        ),
        "Adult Basic Education": "Educación básica para adultos",
        "High School or GED Program": "Programa de escuela secundaria (high school) o GED",
        "Self-Initiated Program (SIP)": "Programa por iniciativa propia (SIP)",
        "Mental Health, Substance Abuse or Domestic Violence Services": (
            "Servicios de salud mental, abuso de sustancias o violencia doméstica"
        ),
        "Other": "Otra",
        "two-parent family, combined between both parents": (
            "familia con dos padres, sumando las horas de ambos"
        ),
        "two-parent family with a disabled parent, counted as one adult": (
            "familia con dos padres, uno de ellos con discapacidad, contada como un solo adulto"
        ),
        "one adult with a child under 6": "un adulto con un niño menor de 6 años",
        "pregnant, with no other child": "embarazada, sin otros hijos",
        "one adult with no child under 6": "un adulto sin niños menores de 6 años",
        "None: this plan has no training or education activity.": (
            "Ninguna: este plan no tiene ninguna actividad de capacitación o educación."
        ),
        "None: the participant has already used the one reassignment.": (
            "Ninguna: el participante ya usó su única reasignación."
        ),
        "None: the participant began a training or education activity under an earlier "
        "plan; the 30 days ran from that activity.": (
            "Ninguna: el participante comenzó una actividad de capacitación o educación con un "
            "plan anterior; los 30 días se contaron a partir de esa actividad."
        ),
        "None assigned": "Ninguna asignada",
        "Transitional CalFresh (TCF)": "CalFresh de Transición (TCF)",
        "Non-Assistance CalFresh (NACF)": "CalFresh sin Asistencia en Efectivo (NACF)",
        # The events the 90 days to sign a first plan run from (WIC 11325.21(a))
        "Eligibility for aid determined": "Determinación de elegibilidad para la asistencia",
        "Required to participate (WIC 11320.3)": "Obligación de participar (WIC 11320.3)",
        "Job search completed": "Fin de la búsqueda de empleo",
        # County holidays, as the calendar names them
        "New Year's Day": "Día de Año Nuevo",
        "Martin Luther King Jr. Day": "Día de Martin Luther King Jr.",
        "Presidents' Day": "Día de los Presidentes",
        "Cesar Chavez Day": "Día de César Chávez",
        "Memorial Day": "Día de los Caídos (Memorial Day)",
        "Independence Day": "Día de la Independencia",
        "Labor Day": "Día del Trabajo",
        "Veterans Day": "Día de los Veteranos",
        "Thanksgiving Day": "Día de Acción de Gracias",
        "Day After Thanksgiving": "Día después de Acción de Gracias",
        "Christmas Day": "Día de Navidad",
        "Lincoln's Birthday": "Natalicio de Lincoln",
        "Juneteenth": "Juneteenth (Día de la Emancipación)",
        "Columbus Day": "Día de Colón",
        "County holiday": "Día feriado del condado",
    },
)
