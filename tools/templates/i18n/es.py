"""Spanish (es-US) words of the WTW 2 and 63-62 templates: plain, official-notice register."""

STRINGS: dict[str, str] = {
    # Shared by both forms
    "Participant: {{ participant.name }}\tCase No.: {{ case_number }}": (
        "Participante: {{ participant.name }}\tNúm. de caso: {{ case_number }}"
    ),
    "Page {PAGE} of {NUMPAGES}": "Página {PAGE} de {NUMPAGES}",
    "DRAFT TRANSLATION, not yet approved by the county": (
        "BORRADOR DE TRADUCCIÓN, aún no aprobado por el condado"
    ),
    "Case number": "Número de caso",
    "CIN": "CIN",
    "Office": "Oficina",
    "Office address": "Dirección de la oficina",
    "Printed name": "Nombre en letra de molde",
    "Date": "Fecha",
    "Yes": "Sí",
    "No": "No",
    "None listed.": "Ninguno anotado.",
    # 63-62
    "CALFRESH EMPLOYMENT AND TRAINING": "PROGRAMA DE EMPLEO Y CAPACITACIÓN DE CALFRESH",
    "OPTION TO CONTINUE EMPLOYMENT SERVICES": "OPCIÓN DE SEGUIR RECIBIENDO SERVICIOS DE EMPLEO",
    "{{ office.name }} Office": "Oficina de {{ office.name }}",
    "{{ office.address }}    Telephone {{ office.phone }}": (
        "{{ office.address }}    Teléfono {{ office.phone }}"
    ),
    "Notice date": "Fecha del aviso",
    "Your phone": "Su teléfono",
    "Preferred language": "Idioma preferido",
    "Language of this notice": "Idioma de este aviso",
    "Your benefits": "Sus beneficios",
    "Your CalWORKs cash aid ended on {{ cash_aid_ended|us_date }}. "
    "You now receive {{ computed.calfresh_label }}."
    "{% if calfresh_type == 'tcf' %} Transitional CalFresh lasts up to 5 months after cash "
    "aid ends; yours ends on {{ computed.tcf_ends|us_date }}.{% endif %}": (
        "Su asistencia en efectivo de CalWORKs terminó el {{ cash_aid_ended|local_date }}. "
        "Ahora recibe {{ computed.calfresh_label }}."
        "{% if calfresh_type == 'tcf' %} CalFresh de Transición dura hasta 5 meses después de "
        "que termina la asistencia en efectivo; el suyo termina el "
        "{{ computed.tcf_ends|local_date }}.{% endif %}"
    ),
    "You receive": "Usted recibe",
    "Transitional CalFresh (TCF)": "CalFresh de Transición (TCF)",
    "Non-Assistance CalFresh (NACF)": "CalFresh sin Asistencia en Efectivo (NACF)",
    "Cash aid ended": "Fin de la asistencia en efectivo",
    "Transitional CalFresh ends": "Fin de CalFresh de Transición",
    "Respond by": "Responda a más tardar el",
    "You may keep getting employment services": "Puede seguir recibiendo servicios de empleo",
    "Even though your cash aid has ended, you may keep getting employment services "
    "through the CalFresh Employment and Training program (CalFresh E&T). "
    "CalFresh E&T can help you with:": (
        "Aunque su asistencia en efectivo haya terminado, puede seguir recibiendo servicios de "
        "empleo por medio del Programa de Empleo y Capacitación de CalFresh (CalFresh E&T). "
        "CalFresh E&T le puede ayudar con:"
    ),
    "\u2022  Job search: help finding and applying for jobs": (
        "\u2022  Búsqueda de empleo: ayuda para encontrar empleos y presentar solicitudes"
    ),
    "\u2022  Training and education to build your job skills": (
        "\u2022  Capacitación y educación para mejorar sus destrezas laborales"
    ),
    "\u2022  Supportive services, such as help with transportation and other costs of "
    "taking part": (
        "\u2022  Servicios de apoyo, como ayuda con el transporte y otros gastos de participar"
    ),
    "CalFresh E&T is voluntary. You do not have to take part, and your CalFresh "
    "benefits will not stop or go down if you choose not to.": (
        "CalFresh E&T es voluntario. No tiene que participar, y sus beneficios de CalFresh no "
        "se suspenderán ni se reducirán si decide no hacerlo."
    ),
    "How to respond": "Cómo responder",
    "If you want to keep getting employment services, contact your Employment "
    "Counselor by {{ computed.respond_by|us_date }}. You may call, send an email, visit "
    "the office, or mail or bring the bottom part of this notice to the office.": (
        "Si quiere seguir recibiendo servicios de empleo, comuníquese con su Consejero de "
        "Empleo a más tardar el {{ computed.respond_by|local_date }}. Puede llamar, enviar un "
        "correo electrónico, ir a la oficina, o enviar por correo o traer a la oficina la parte "
        "de abajo de este aviso."
    ),
    "Your Employment Counselor": "Su Consejero de Empleo",
    "Telephone": "Teléfono",
    "Email": "Correo electrónico",
    "Worker no.": "Núm. de trabajador",
    "Office telephone": "Teléfono de la oficina",
    "YOUR ANSWER: RETURN THIS PART BY {{ computed.respond_by|us_date }}": (
        "SU RESPUESTA: DEVUELVA ESTA PARTE A MÁS TARDAR EL {{ computed.respond_by|local_date }}"
    ),
    "Name: {{ participant.name }}    Case number: {{ case_number }}": (
        "Nombre: {{ participant.name }}    Número de caso: {{ case_number }}"
    ),
    "Yes, I want to keep getting employment services through CalFresh E&T.": (
        "Sí, quiero seguir recibiendo servicios de empleo por medio de CalFresh E&T."
    ),
    "No, not at this time.": "No, por ahora no.",
    "Signature of recipient": "Firma del beneficiario",
    # WTW 2
    "WELFARE-TO-WORK PLAN – ACTIVITY ASSIGNMENT": (
        "PLAN DE WELFARE-TO-WORK – ASIGNACIÓN DE ACTIVIDADES"
    ),
    "Plan": "Plan",
    "Initial plan": "Plan inicial",
    "Amended plan": "Plan modificado",
    "Exempt volunteer (takes part by choice)": (
        "Voluntario exento (participa por decisión propia)"
    ),
    "Plan date (date signed)": "Fecha del plan (fecha de firma)",
    "Amends the plan dated": "Modifica el plan con fecha del",
    "Appraisal date": "Fecha de la evaluación inicial",
    "Reason for amendment": "Motivo de la modificación",
    "90 days to sign run from": "Los 90 días para firmar se cuentan desde",
    "First plan due by (WIC 11325.21)": "Fecha límite del primer plan (WIC 11325.21)",
    "Reason signed late": "Motivo de la firma tardía",
    "Participant and case": "Participante y caso",
    "Participant name": "Nombre del participante",
    "Case name": "Nombre del caso",
    "Participant phone": "Teléfono del participante",
    "County": "Condado",
    "Office phone": "Teléfono de la oficina",
    "Written language": "Idioma escrito",
    "Weekly participation requirement": "Requisito semanal de participación",
    "Household": "Hogar",
    "Two-parent family": "Familia con dos padres",
    "A parent is disabled": "Uno de los padres tiene una discapacidad",
    "Child under 6": "Niño menor de 6 años",
    "Pregnant, no other child": "Embarazada, sin otros hijos",
    "Child in the household": "Niño del hogar",
    "Birth date": "Fecha de nacimiento",
    "No children listed.": "No se anotó ningún niño.",
    "Expected delivery date": "Fecha prevista del parto",
    "Other parent": "El otro padre o madre",
    "Other parent's CIN": "CIN del otro padre o madre",
    "Other parent's hours per week": "Horas por semana del otro padre o madre",
    "Other parent's hours from": "Horas del otro padre o madre según",
    "{% if household.other_parent.hours_from == 'plan' %}their plan dated "
    "{{ household.other_parent.plan_date|us_date }}{% elif household.other_parent.name %}"
    "typed by the EC{% endif %}": (
        "{% if household.other_parent.hours_from == 'plan' %}su plan con fecha del "
        "{{ household.other_parent.plan_date|local_date }}"
        "{% elif household.other_parent.name %}anotadas por el Consejero de Empleo{% endif %}"
    ),
    "Hours required per week": "Horas requeridas por semana",
    "Basis (WIC 11322.8)": "Fundamento (WIC 11322.8)",
    "Requirement changes on": "El requisito cambia el",
    "Hours required": "Horas requeridas",
    "Basis": "Fundamento",
    "Because": "Motivo",
    "No change during the plan.": "Sin cambios durante el plan.",
    "Activity assignment": "Asignación de actividades",
    "No.": "Núm.",
    "Activity": "Actividad",
    "Description": "Descripción",
    "Provider or employer / location": "Proveedor o empleador / lugar",
    "Hrs/wk": "Hrs/sem",
    "Days and times": "Días y horario",
    "Start and end": "Inicio y fin",
    "Concurrent with": "Simultánea con",
    "{{ a.start_date|us_date }} to\n{{ a.end_date|us_date or 'ongoing' }}": (
        "{{ a.start_date|local_date }} al\n{{ a.end_date|local_date or 'sin fecha de fin' }}"
    ),
    "No activity assigned.": "No se asignó ninguna actividad.",
    "T/E: a training or education activity. Employment counts as an activity; its employer "
    "is the provider. Activities that run at the same time are concurrent: their hours are "
    "added together against the requirement.": (
        "T/E: actividad de capacitación o educación (training/education). El empleo cuenta como "
        "actividad; el empleador es el proveedor. Las actividades que se realizan al mismo "
        "tiempo son simultáneas: sus horas se suman para cumplir el requisito."
    ),
    "From": "Desde",
    "To": "Hasta",
    "Concurrent activities": "Actividades simultáneas",
    "Total hours per week": "Total de horas por semana",
    "Requirement met": "Cumple el requisito",
    "{{ p.end|us_date or 'Ongoing' }}": "{{ p.end|local_date or 'Sin fecha de fin' }}",
    "{{ (not p.short)|yes_no }}{% if p.partial_week %} (partial week){% endif %}": (
        "{{ (not p.short)|yes_no }}{% if p.partial_week %} (semana parcial){% endif %}"
    ),
    "Total weekly hours (lowest period)": "Total de horas semanales (período más bajo)",
    "With the other parent's hours": "Con las horas del otro padre o madre",
    "{{ computed.meets_requirement|yes_no }}{% if exempt_volunteer and not "
    "computed.meets_requirement %} (exempt volunteer){% endif %}": (
        "{{ computed.meets_requirement|yes_no }}{% if exempt_volunteer and not "
        "computed.meets_requirement %} (voluntario exento){% endif %}"
    ),
    "Supportive services": "Servicios de apoyo",
    "Child care": "Cuidado de niños",
    "Child care provider": "Proveedor de cuidado de niños",
    "Child needing care": "Niño que necesita cuidado",
    "Transportation": "Transporte",
    "Mode of transportation": "Medio de transporte",
    "Monthly amount": "Cantidad mensual",
    "Ancillary item": "Gasto auxiliar",
    "Amount": "Cantidad",
    "No ancillary items.": "Ningún gasto auxiliar.",
    "Total ancillary": "Total de gastos auxiliares",
    "Your right to ask for changes": "Su derecho a pedir cambios",
    "You may ask for changes to this plan within 3 working days after you sign it. If this "
    "plan assigns your first training or education activity, you may also ask, once, to be "
    "reassigned to another activity within 30 days after that activity starts.": (
        "Puede pedir cambios a este plan dentro de los 3 días hábiles después de firmarlo. Si "
        "este plan le asigna su primera actividad de capacitación o educación, también puede "
        "pedir, una sola vez, que se le asigne otra actividad dentro de los 30 días después de "
        "que comience esa actividad."
    ),
    "Last day to ask for changes": "Último día para pedir cambios",
    "Last day to ask for reassignment": "Último día para pedir una reasignación",
    "{{ computed.reassignment_deadline|us_date or 'None' }}"
    "{% if computed.reassignment_deadline_note %} "
    "({{ computed.reassignment_deadline_note }}){% endif %}": (
        "{{ computed.reassignment_deadline|local_date or 'Ninguno' }}"
        "{% if computed.reassignment_deadline_note %} "
        "({{ computed.reassignment_deadline_note }}){% endif %}"
    ),
    "Reassignment": "Reasignación",
    "Began training or education under an earlier plan": (
        "Comenzó capacitación o educación con un plan anterior"
    ),
    "One-time reassignment already used": "Ya usó su única reasignación",
    "Notes": "Notas",
    "Signatures": "Firmas",
    "I have read this plan, or it was read to me. I agree to take part in the activities "
    "above and understand the supportive services the county will provide.": (
        "He leído este plan, o me lo leyeron. Acepto participar en las actividades indicadas "
        "arriba y entiendo los servicios de apoyo que el condado me dará."
    ),
    "Signature of participant": "Firma del participante",
    "Signature of Employment Counselor": "Firma del Consejero de Empleo",
    "Employment Counselor": "Consejero de Empleo",
    "EC worker no.": "Núm. de trabajador del Consejero",
    "EC phone": "Teléfono del Consejero",
    "EC email": "Correo electrónico del Consejero",
}
