"""Vietnamese words of the values the rules compute (see service.i18n.catalog)."""

from service.i18n.words import Catalog, DeadlineWords

VIETNAMESE = Catalog(
    yes="Có",
    no="Không",
    list_separator=", ",
    last_separator=" và ",
    reassignment_after="{days} ngày theo lịch kể từ khi {activity} bắt đầu vào ngày {date}.",
    turns_six="{child} tròn 6 tuổi vào ngày {date}",
    pregnancy_ends="Thai kỳ dự kiến kết thúc vào ngày {date}",
    deadline=DeadlineWords(
        weekend="Ngày {date} là {weekday}, ngày văn phòng đóng cửa",
        holiday="Ngày {date} là ngày lễ của Quận ({holiday})",
        observed="{holiday}, nghỉ bù",
        not_moved="{closed}; hạn chót không được dời (theo quy định của Quận).",
        moved_back="{closed}; hạn chót được dời lên sớm hơn, vào ngày {date}.",
        moved_forward="{closed}; hạn chót được dời sang ngày làm việc kế tiếp, ngày {date}.",
    ),
    texts={
        "Job Search and Job Readiness Assistance": "Tìm việc làm và hỗ trợ chuẩn bị đi làm",
        "Work Experience": "Kinh nghiệm làm việc",
        "Community Service": "Phục vụ cộng đồng",
        "Subsidized Employment": "Việc làm được trợ cấp",
        "Unsubsidized Employment": "Việc làm không được trợ cấp",
        "On-the-Job Training": "Đào tạo tại nơi làm việc",
        "Vocational Education and Training": "Giáo dục và đào tạo nghề",
        "Job Skills Training Directly Related to Employment": (
            "Đào tạo kỹ năng nghề liên quan trực tiếp đến việc làm"
        ),
        "Education Directly Related to Employment": "Giáo dục liên quan trực tiếp đến việc làm",
        "Adult Basic Education": "Giáo dục căn bản cho người lớn",
        "High School or GED Program": "Chương trình trung học (high school) hoặc GED",
        "Self-Initiated Program (SIP)": "Chương trình tự chọn tham gia (SIP)",
        "Mental Health, Substance Abuse or Domestic Violence Services": (
            "Dịch vụ sức khỏe tâm thần, lạm dụng chất gây nghiện hoặc bạo lực gia đình"
        ),
        "Other": "Khác",
        "two-parent family, combined between both parents": (
            "gia đình có cả cha lẫn mẹ, tính gộp số giờ của cả hai người"
        ),
        "two-parent family with a disabled parent, counted as one adult": (
            "gia đình có cả cha lẫn mẹ, trong đó một người bị khuyết tật, được tính như "
            "một người lớn"
        ),
        "one adult with a child under 6": "một người lớn có con dưới 6 tuổi",
        "pregnant, with no other child": "đang mang thai, không có con nào khác",
        "one adult with no child under 6": "một người lớn không có con dưới 6 tuổi",
        "None: this plan has no training or education activity.": (
            "Không có: kế hoạch này không có hoạt động đào tạo hoặc giáo dục nào."
        ),
        "None: the participant has already used the one reassignment.": (
            "Không có: người tham gia đã dùng lần đổi hoạt động duy nhất của mình."
        ),
        "None: the participant began a training or education activity under an earlier "
        "plan; the 30 days ran from that activity.": (
            "Không có: người tham gia đã bắt đầu một hoạt động đào tạo hoặc giáo dục theo một "
            "kế hoạch trước đây; thời hạn 30 ngày được tính từ hoạt động đó."
        ),
        "None assigned": "Không có hoạt động nào",
        "Transitional CalFresh (TCF)": "CalFresh Chuyển Tiếp (TCF)",
        "Non-Assistance CalFresh (NACF)": "CalFresh Không Kèm Trợ Cấp Tiền Mặt (NACF)",
        # The events the 90 days to sign a first plan run from (WIC 11325.21(a))
        "Eligibility for aid determined": "Xác định hội đủ điều kiện nhận trợ cấp",
        "Required to participate (WIC 11320.3)": "Bắt buộc phải tham gia (WIC 11320.3)",
        "Job search completed": "Hoàn tất giai đoạn tìm việc làm",
        # County holidays, as the calendar names them
        "New Year's Day": "Tết Dương lịch",
        "Martin Luther King Jr. Day": "Ngày Martin Luther King Jr.",
        "Presidents' Day": "Ngày Tổng thống",
        "Cesar Chavez Day": "Ngày Cesar Chavez",
        "Memorial Day": "Ngày Tưởng niệm Chiến sĩ Trận vong (Memorial Day)",
        "Independence Day": "Ngày Độc lập",
        "Labor Day": "Ngày Lao động",
        "Veterans Day": "Ngày Cựu chiến binh",
        "Thanksgiving Day": "Lễ Tạ ơn",
        "Day After Thanksgiving": "Ngày sau Lễ Tạ ơn",
        "Christmas Day": "Lễ Giáng sinh",
        "Lincoln's Birthday": "Ngày sinh của Tổng thống Lincoln",
        "Juneteenth": "Juneteenth (Ngày Giải phóng Nô lệ)",
        "Columbus Day": "Ngày Columbus",
        "County holiday": "Ngày lễ của Quận",
    },
)
