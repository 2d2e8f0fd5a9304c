"""Traditional Chinese (zh-TW) words of the WTW 2 and 63-62 templates: official-notice register."""

STRINGS: dict[str, str] = {
    # Shared by both forms
    "Participant: {{ participant.name }}\tCase No.: {{ case_number }}": (
        "參加者：{{ participant.name }}\t案件編號：{{ case_number }}"
    ),
    "Page {PAGE} of {NUMPAGES}": "第 {PAGE} 頁，共 {NUMPAGES} 頁",
    "DRAFT TRANSLATION, not yet approved by the county": "翻譯草稿，尚未經郡政府核准",
    "Case number": "案件編號",
    "CIN": "CIN",
    "Office": "辦事處",
    "Office address": "辦事處地址",
    "Printed name": "正楷姓名",
    "Date": "日期",
    "Yes": "是",
    "No": "否",
    "None listed.": "未列出。",
    # 63-62
    "CALFRESH EMPLOYMENT AND TRAINING": "CALFRESH 就業與訓練計劃",
    "OPTION TO CONTINUE EMPLOYMENT SERVICES": "選擇繼續接受就業服務",
    "{{ office.name }} Office": "{{ office.name }} 辦事處",
    "{{ office.address }}    Telephone {{ office.phone }}": (
        "{{ office.address }}    電話 {{ office.phone }}"
    ),
    "Notice date": "通知日期",
    "Your phone": "您的電話",
    "Preferred language": "偏好語言",
    "Language of this notice": "本通知使用的語言",
    "Your benefits": "您的福利",
    "Your CalWORKs cash aid ended on {{ cash_aid_ended|us_date }}. "
    "You now receive {{ computed.calfresh_label }}."
    "{% if calfresh_type == 'tcf' %} Transitional CalFresh lasts up to 5 months after cash "
    "aid ends; yours ends on {{ computed.tcf_ends|us_date }}.{% endif %}": (
        "您的 CalWORKs 現金援助已於 {{ cash_aid_ended|local_date }} 終止。"
        "您現在領取{{ computed.calfresh_label }}。"
        "{% if calfresh_type == 'tcf' %}過渡期 CalFresh 在現金援助終止後最多持續 5 個月；"
        "您的過渡期 CalFresh 將於 {{ computed.tcf_ends|local_date }} 結束。{% endif %}"
    ),
    "You receive": "您領取",
    "Transitional CalFresh (TCF)": "過渡期 CalFresh (TCF)",
    "Non-Assistance CalFresh (NACF)": "非現金援助 CalFresh (NACF)",
    "Cash aid ended": "現金援助終止日",
    "Transitional CalFresh ends": "過渡期 CalFresh 結束日",
    "Respond by": "回覆期限",
    "You may keep getting employment services": "您可以繼續接受就業服務",
    "Even though your cash aid has ended, you may keep getting employment services "
    "through the CalFresh Employment and Training program (CalFresh E&T). "
    "CalFresh E&T can help you with:": (
        "即使您的現金援助已經終止，您仍可透過 CalFresh 就業與訓練計劃 (CalFresh E&T) "
        "繼續接受就業服務。CalFresh E&T 可在以下方面協助您："
    ),
    "\u2022  Job search: help finding and applying for jobs": (
        "\u2022  求職：協助您尋找及應徵工作"
    ),
    "\u2022  Training and education to build your job skills": (
        "\u2022  訓練與教育，提升您的工作技能"
    ),
    "\u2022  Supportive services, such as help with transportation and other costs of "
    "taking part": "\u2022  支援服務，例如協助支付交通費及參加活動的其他費用",
    "CalFresh E&T is voluntary. You do not have to take part, and your CalFresh "
    "benefits will not stop or go down if you choose not to.": (
        "CalFresh E&T 是自願參加的。您不一定要參加；如果您選擇不參加，"
        "您的 CalFresh 福利不會因此停止或減少。"
    ),
    "How to respond": "如何回覆",
    "If you want to keep getting employment services, contact your Employment "
    "Counselor by {{ computed.respond_by|us_date }}. You may call, send an email, visit "
    "the office, or mail or bring the bottom part of this notice to the office.": (
        "如果您想繼續接受就業服務，請在 {{ computed.respond_by|local_date }} "
        "之前與您的就業輔導員聯絡。您可以打電話、寄電子郵件、親自到辦事處，"
        "或將本通知下方的回條郵寄或送到辦事處。"
    ),
    "Your Employment Counselor": "您的就業輔導員",
    "Telephone": "電話",
    "Email": "電子郵件",
    "Worker no.": "員工編號",
    "Office telephone": "辦事處電話",
    "{{ computed.respond_by|us_date }}{% if computed.respond_by_note %} "
    "({{ computed.respond_by_note }}){% endif %}": (
        "{{ computed.respond_by|local_date }}{% if computed.respond_by_note %}"
        "（{{ computed.respond_by_note }}）{% endif %}"
    ),
    "YOUR ANSWER: RETURN THIS PART BY {{ computed.respond_by|us_date }}": (
        "您的回覆：請在 {{ computed.respond_by|local_date }} 之前交回此部分"
    ),
    "Name: {{ participant.name }}    Case number: {{ case_number }}": (
        "姓名：{{ participant.name }}    案件編號：{{ case_number }}"
    ),
    "Yes, I want to keep getting employment services through CalFresh E&T.": (
        "是，我想透過 CalFresh E&T 繼續接受就業服務。"
    ),
    "No, not at this time.": "否，目前不需要。",
    "Signature of recipient": "受助人簽名",
    # WTW 2
    "WELFARE-TO-WORK PLAN – ACTIVITY ASSIGNMENT": "WELFARE-TO-WORK 計劃 – 活動分派",
    "Plan": "計劃",
    "Initial plan": "初次計劃",
    "Amended plan": "修訂計劃",
    "Exempt volunteer (takes part by choice)": "獲豁免的自願參加者（自行選擇參加）",
    "Plan date (date signed)": "計劃日期（簽署日期）",
    "Amends the plan dated": "所修訂計劃的日期",
    "Appraisal date": "初步評估日期",
    "Reason for amendment": "修訂原因",
    "90 days to sign run from": "90 天簽署期限的起算事件",
    "First plan due by (WIC 11325.21)": "首份計劃截止日期 (WIC 11325.21)",
    "Reason signed late": "逾期簽署原因",
    "Participant and case": "參加者與案件",
    "Participant name": "參加者姓名",
    "Case name": "案件名稱",
    "Participant phone": "參加者電話",
    "County": "郡",
    "Office phone": "辦事處電話",
    "Written language": "書面語言",
    "Weekly participation requirement": "每週參加時數要求",
    "Household": "家庭",
    "Two-parent family": "雙親家庭",
    "A parent is disabled": "父母一方為身心障礙者",
    "Child under 6": "有未滿 6 歲的子女",
    "Pregnant, no other child": "懷孕中，沒有其他子女",
    "Child in the household": "家中子女",
    "Birth date": "出生日期",
    "No children listed.": "未列出任何子女。",
    "Expected delivery date": "預產期",
    "Other parent": "另一位家長",
    "Other parent's CIN": "另一位家長的 CIN",
    "Other parent's hours per week": "另一位家長每週時數",
    "Other parent's hours from": "另一位家長時數的來源",
    "{% if household.other_parent.hours_from == 'plan' %}their plan dated "
    "{{ household.other_parent.plan_date|us_date }}{% elif household.other_parent.name %}"
    "typed by the EC{% endif %}": (
        "{% if household.other_parent.hours_from == 'plan' %}其計劃（日期："
        "{{ household.other_parent.plan_date|local_date }}）"
        "{% elif household.other_parent.name %}由就業輔導員填寫{% endif %}"
    ),
    "Hours required per week": "每週要求時數",
    "Basis (WIC 11322.8)": "依據 (WIC 11322.8)",
    "Requirement changes on": "要求變更日期",
    "Hours required": "要求時數",
    "Basis": "依據",
    "Because": "原因",
    "No change during the plan.": "計劃期間沒有變更。",
    "Activity assignment": "活動分派",
    "No.": "編號",
    "Activity": "活動",
    "Description": "說明",
    "Provider or employer / location": "服務提供者或雇主／地點",
    "Hrs/wk": "每週時數",
    "Days and times": "日期與時間",
    "Start and end": "開始與結束",
    "Concurrent with": "同時進行的活動",
    "{{ a.start_date|us_date }} to\n{{ a.end_date|us_date or 'ongoing' }}": (
        "{{ a.start_date|local_date }} 至\n{{ a.end_date|local_date or '無結束日期' }}"
    ),
    "No activity assigned.": "未分派任何活動。",
    "T/E: a training or education activity. Employment counts as an activity; its employer "
    "is the provider. Activities that run at the same time are concurrent: their hours are "
    "added together against the requirement.": (
        "T/E：訓練或教育活動 (training/education)。就業也算是一項活動，雇主即為服務提供者。"
        "在同一期間進行的活動為同時進行的活動：其時數合計後與要求時數比較。"
    ),
    "From": "起",
    "To": "迄",
    "Concurrent activities": "同時進行的活動",
    "Total hours per week": "每週總時數",
    "Requirement met": "符合要求",
    "{{ p.end|us_date or 'Ongoing' }}": "{{ p.end|local_date or '無結束日期' }}",
    "{{ (not p.short)|yes_no }}{% if p.partial_week %} (partial week){% endif %}": (
        "{{ (not p.short)|yes_no }}{% if p.partial_week %}（不足一週）{% endif %}"
    ),
    "Total weekly hours (lowest period)": "每週總時數（最低期間）",
    "With the other parent's hours": "加上另一位家長的時數",
    "{{ computed.meets_requirement|yes_no }}{% if exempt_volunteer and not "
    "computed.meets_requirement %} (exempt volunteer){% endif %}": (
        "{{ computed.meets_requirement|yes_no }}{% if exempt_volunteer and not "
        "computed.meets_requirement %}（獲豁免的自願參加者）{% endif %}"
    ),
    "Supportive services": "支援服務",
    "Child care": "托兒",
    "Child care provider": "托兒服務提供者",
    "Child needing care": "需要托兒的子女",
    "Transportation": "交通",
    "Mode of transportation": "交通方式",
    "Monthly amount": "每月金額",
    "Ancillary item": "其他輔助項目",
    "Amount": "金額",
    "No ancillary items.": "沒有其他輔助項目。",
    "Total ancillary": "其他輔助項目總額",
    "Your right to ask for changes": "您要求變更的權利",
    "You may ask for changes to this plan within 3 working days after you sign it. If this "
    "plan assigns your first training or education activity, you may also ask, once, to be "
    "reassigned to another activity within 30 days after that activity starts.": (
        "您可以在簽署本計劃後 3 個工作天內要求變更本計劃。如果本計劃分派給您第一項訓練或"
        "教育活動，您也可以在該活動開始後 30 天內，要求重新分派到其他活動一次。"
    ),
    "Last day to ask for changes": "要求變更的最後一天",
    "Last day to ask for reassignment": "要求重新分派的最後一天",
    "{{ computed.reassignment_deadline|us_date or 'None' }}"
    "{% if computed.reassignment_deadline_note %} "
    "({{ computed.reassignment_deadline_note }}){% endif %}": (
        "{{ computed.reassignment_deadline|local_date or '無' }}"
        "{% if computed.reassignment_deadline_note %}"
        "（{{ computed.reassignment_deadline_note }}）{% endif %}"
    ),
    "Reassignment": "重新分派",
    "Began training or education under an earlier plan": "已在先前的計劃下開始訓練或教育",
    "One-time reassignment already used": "已用過唯一一次的重新分派",
    "Notes": "備註",
    "Signatures": "簽名",
    "I have read this plan, or it was read to me. I agree to take part in the activities "
    "above and understand the supportive services the county will provide.": (
        "我已閱讀本計劃，或已有人向我讀過本計劃。我同意參加上述活動，並了解郡政府將提供的支援服務。"
    ),
    "Signature of participant": "參加者簽名",
    "Signature of Employment Counselor": "就業輔導員簽名",
    "Employment Counselor": "就業輔導員",
    "EC worker no.": "就業輔導員員工編號",
    "EC phone": "就業輔導員電話",
    "EC email": "就業輔導員電子郵件",
}
