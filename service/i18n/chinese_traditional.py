"""Chinese (traditional, as in Taiwan) words of the values the rules compute."""

from service.i18n.words import Catalog, DeadlineWords

CHINESE_TRADITIONAL = Catalog(
    yes="是",
    no="否",
    list_separator="、",
    last_separator="及",
    reassignment_after="{activity}於{date}開始後的{days}個日曆天內。",
    turns_six="{child}於{date}年滿 6 歲",
    pregnancy_ends="懷孕預計於{date}結束",
    deadline=DeadlineWords(
        weekend="{date}為{weekday}，辦事處不辦公",
        holiday="{date}為郡政府假日（{holiday}），辦事處不辦公",
        observed="{holiday}補假",
        not_moved="{closed}；期限不予順延（依郡政府規定）。",
        moved_back="{closed}；期限提前至{date}。",
        moved_forward="{closed}；期限順延至下一個工作日，即{date}。",
    ),
    texts={
        "Job Search and Job Readiness Assistance": "求職及就業準備協助",
        "Work Experience": "工作經驗",
        "Community Service": "社區服務",
        "Subsidized Employment": "補助性就業",
        "Unsubsidized Employment": "非補助性就業",
        "On-the-Job Training": "在職訓練",
        "Vocational Education and Training": "職業教育及訓練",
        "Job Skills Training Directly Related to Employment": "與就業直接相關的職業技能訓練",
        "Education Directly Related to Employment": "與就業直接相關的教育",
        "Adult Basic Education": "成人基礎教育",
        "High School or GED Program": "高中或 GED 課程",
        "Self-Initiated Program (SIP)": "自行參加的課程 (SIP)",
        "Mental Health, Substance Abuse or Domestic Violence Services": (
            "心理健康、藥物濫用或家庭暴力服務"
        ),
        "Other": "其他",
        "two-parent family, combined between both parents": "雙親家庭，父母雙方時數合計",
        "two-parent family with a disabled parent, counted as one adult": (
            "雙親家庭，其中一方身心障礙，視為單一成人"
        ),
        "one adult with a child under 6": "單一成人，有未滿 6 歲的子女",
        "pregnant, with no other child": "懷孕中，沒有其他子女",
        "one adult with no child under 6": "單一成人，沒有未滿 6 歲的子女",
        "None: this plan has no training or education activity.": (
            "無：本計劃沒有訓練或教育活動。"
        ),
        "None: the participant has already used the one reassignment.": (
            "無：參加者已用過唯一一次的重新分派。"
        ),
        "None: the participant began a training or education activity under an earlier "
        "plan; the 30 days ran from that activity.": (
            "無：參加者已在先前的計劃下開始訓練或教育活動；30 天自該活動開始時起算。"
        ),
        "None assigned": "未分派活動",
        "Transitional CalFresh (TCF)": "過渡期 CalFresh (TCF)",
        "Non-Assistance CalFresh (NACF)": "非現金援助 CalFresh (NACF)",
        # The events the 90 days to sign a first plan run from (WIC 11325.21(a))
        "Eligibility for aid determined": "確定符合領取援助的資格",
        "Required to participate (WIC 11320.3)": "開始須參加本計劃 (WIC 11320.3)",
        "Job search completed": "求職階段完成",
        # County holidays, as the calendar names them
        "New Year's Day": "元旦",
        "Martin Luther King Jr. Day": "馬丁路德金恩紀念日",
        "Presidents' Day": "總統日",
        "Cesar Chavez Day": "凱薩查維斯紀念日",
        "Memorial Day": "陣亡將士紀念日",
        "Independence Day": "美國獨立紀念日",
        "Labor Day": "勞動節",
        "Veterans Day": "退伍軍人節",
        "Thanksgiving Day": "感恩節",
        "Day After Thanksgiving": "感恩節翌日",
        "Christmas Day": "聖誕節",
        "Lincoln's Birthday": "林肯誕辰紀念日",
        "Juneteenth": "六月節（黑奴解放紀念日）",
        "Columbus Day": "哥倫布日",
        "County holiday": "郡政府假日",
    },
)
