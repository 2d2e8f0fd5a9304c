"""Vietnamese words of the WTW 2 and 63-62 templates: plain, official-notice register."""

STRINGS: dict[str, str] = {
    # Shared by both forms
    "Participant: {{ participant.name }}\tCase No.: {{ case_number }}": (
        "Người tham gia: {{ participant.name }}\tSố hồ sơ: {{ case_number }}"
    ),
    "Page {PAGE} of {NUMPAGES}": "Trang {PAGE} trên {NUMPAGES}",
    "DRAFT TRANSLATION, not yet approved by the county": (
        "BẢN DỊCH NHÁP, chưa được Quận phê duyệt"
    ),
    "Case number": "Số hồ sơ",
    "CIN": "CIN",
    "Office": "Văn phòng",
    "Office address": "Địa chỉ văn phòng",
    "Printed name": "Họ tên viết in",
    "Date": "Ngày",
    "Yes": "Có",
    "No": "Không",
    "None listed.": "Không có mục nào được ghi.",
    # 63-62
    "CALFRESH EMPLOYMENT AND TRAINING": "CHƯƠNG TRÌNH VIỆC LÀM VÀ ĐÀO TẠO CALFRESH",
    "OPTION TO CONTINUE EMPLOYMENT SERVICES": "LỰA CHỌN TIẾP TỤC NHẬN DỊCH VỤ VIỆC LÀM",
    "{{ office.name }} Office": "Văn phòng {{ office.name }}",
    "{{ office.address }}    Telephone {{ office.phone }}": (
        "{{ office.address }}    Điện thoại {{ office.phone }}"
    ),
    "Notice date": "Ngày thông báo",
    "Your phone": "Điện thoại của quý vị",
    "Preferred language": "Ngôn ngữ ưa dùng",
    "Language of this notice": "Ngôn ngữ của thông báo này",
    "Your benefits": "Quyền lợi của quý vị",
    "Your CalWORKs cash aid ended on {{ cash_aid_ended|us_date }}. "
    "You now receive {{ computed.calfresh_label }}."
    "{% if calfresh_type == 'tcf' %} Transitional CalFresh lasts up to 5 months after cash "
    "aid ends; yours ends on {{ computed.tcf_ends|us_date }}.{% endif %}": (
        "Trợ cấp tiền mặt CalWORKs của quý vị đã chấm dứt vào ngày "
        "{{ cash_aid_ended|local_date }}. Hiện nay quý vị nhận {{ computed.calfresh_label }}."
        "{% if calfresh_type == 'tcf' %} CalFresh Chuyển Tiếp kéo dài tối đa 5 tháng sau khi "
        "trợ cấp tiền mặt chấm dứt; CalFresh Chuyển Tiếp của quý vị chấm dứt vào ngày "
        "{{ computed.tcf_ends|local_date }}.{% endif %}"
    ),
    "You receive": "Quý vị nhận",
    "Transitional CalFresh (TCF)": "CalFresh Chuyển Tiếp (TCF)",
    "Non-Assistance CalFresh (NACF)": "CalFresh Không Kèm Trợ Cấp Tiền Mặt (NACF)",
    "Cash aid ended": "Ngày chấm dứt trợ cấp tiền mặt",
    "Transitional CalFresh ends": "Ngày chấm dứt CalFresh Chuyển Tiếp",
    "Respond by": "Hạn chót trả lời",
    "You may keep getting employment services": ("Quý vị có thể tiếp tục nhận dịch vụ việc làm"),
    "Even though your cash aid has ended, you may keep getting employment services "
    "through the CalFresh Employment and Training program (CalFresh E&T). "
    "CalFresh E&T can help you with:": (
        "Dù trợ cấp tiền mặt của quý vị đã chấm dứt, quý vị vẫn có thể tiếp tục nhận dịch vụ "
        "việc làm qua Chương trình Việc làm và Đào tạo CalFresh (CalFresh E&T). "
        "CalFresh E&T có thể giúp quý vị:"
    ),
    "\u2022  Job search: help finding and applying for jobs": (
        "\u2022  Tìm việc: giúp tìm việc làm và nộp đơn xin việc"
    ),
    "\u2022  Training and education to build your job skills": (
        "\u2022  Đào tạo và giáo dục để nâng cao kỹ năng làm việc của quý vị"
    ),
    "\u2022  Supportive services, such as help with transportation and other costs of "
    "taking part": (
        "\u2022  Dịch vụ hỗ trợ, chẳng hạn như giúp trả chi phí đi lại và các chi phí khác "
        "khi tham gia"
    ),
    "CalFresh E&T is voluntary. You do not have to take part, and your CalFresh "
    "benefits will not stop or go down if you choose not to.": (
        "CalFresh E&T là chương trình tự nguyện. Quý vị không bắt buộc phải tham gia, và quyền "
        "lợi CalFresh của quý vị sẽ không bị ngưng hay bị giảm nếu quý vị chọn không tham gia."
    ),
    "How to respond": "Cách trả lời",
    "If you want to keep getting employment services, contact your Employment "
    "Counselor by {{ computed.respond_by|us_date }}. You may call, send an email, visit "
    "the office, or mail or bring the bottom part of this notice to the office.": (
        "Nếu quý vị muốn tiếp tục nhận dịch vụ việc làm, hãy liên lạc với Cố vấn Việc làm của "
        "quý vị chậm nhất là ngày {{ computed.respond_by|local_date }}. Quý vị có thể gọi điện "
        "thoại, gửi email, đến văn phòng, hoặc gửi qua bưu điện hay mang phần dưới của thông "
        "báo này đến văn phòng."
    ),
    "Your Employment Counselor": "Cố vấn Việc làm của quý vị",
    "Telephone": "Điện thoại",
    "Email": "Email",
    "Worker no.": "Số nhân viên",
    "Office telephone": "Điện thoại văn phòng",
    "YOUR ANSWER: RETURN THIS PART BY {{ computed.respond_by|us_date }}": (
        "TRẢ LỜI CỦA QUÝ VỊ: GỬI LẠI PHẦN NÀY CHẬM NHẤT LÀ NGÀY "
        "{{ computed.respond_by|local_date }}"
    ),
    "Name: {{ participant.name }}    Case number: {{ case_number }}": (
        "Họ tên: {{ participant.name }}    Số hồ sơ: {{ case_number }}"
    ),
    "Yes, I want to keep getting employment services through CalFresh E&T.": (
        "Có, tôi muốn tiếp tục nhận dịch vụ việc làm qua CalFresh E&T."
    ),
    "No, not at this time.": "Không, lúc này tôi chưa muốn.",
    "Signature of recipient": "Chữ ký của người nhận trợ cấp",
    # WTW 2
    "WELFARE-TO-WORK PLAN – ACTIVITY ASSIGNMENT": (
        "KẾ HOẠCH WELFARE-TO-WORK – PHÂN CÔNG HOẠT ĐỘNG"
    ),
    "Plan": "Kế hoạch",
    "Initial plan": "Kế hoạch ban đầu",
    "Amended plan": "Kế hoạch sửa đổi",
    "Exempt volunteer (takes part by choice)": (
        "Người được miễn nhưng tự nguyện tham gia (tham gia theo ý muốn)"
    ),
    "Plan date (date signed)": "Ngày lập kế hoạch (ngày ký)",
    "Amends the plan dated": "Sửa đổi kế hoạch ngày",
    "Appraisal date": "Ngày thẩm định ban đầu",
    "Reason for amendment": "Lý do sửa đổi",
    "90 days to sign run from": "Thời hạn 90 ngày để ký được tính từ",
    "First plan due by (WIC 11325.21)": "Hạn chót của kế hoạch đầu tiên (WIC 11325.21)",
    "Reason signed late": "Lý do ký trễ",
    "Participant and case": "Người tham gia và hồ sơ",
    "Participant name": "Họ tên người tham gia",
    "Case name": "Tên hồ sơ",
    "Participant phone": "Điện thoại người tham gia",
    "County": "Quận",
    "Office phone": "Điện thoại văn phòng",
    "Written language": "Ngôn ngữ viết",
    "Weekly participation requirement": "Số giờ tham gia bắt buộc mỗi tuần",
    "Household": "Hộ gia đình",
    "Two-parent family": "Gia đình có cả cha lẫn mẹ",
    "A parent is disabled": "Cha hoặc mẹ bị khuyết tật",
    "Child under 6": "Có con dưới 6 tuổi",
    "Pregnant, no other child": "Đang mang thai, không có con nào khác",
    "Child in the household": "Trẻ em trong hộ",
    "Birth date": "Ngày sinh",
    "No children listed.": "Không có trẻ em nào được ghi.",
    "Expected delivery date": "Ngày dự sinh",
    "Other parent": "Người cha/mẹ kia",
    "Other parent's CIN": "CIN của người cha/mẹ kia",
    "Other parent's hours per week": "Số giờ mỗi tuần của người cha/mẹ kia",
    "Other parent's hours from": "Số giờ của người cha/mẹ kia lấy từ",
    "{% if household.other_parent.hours_from == 'plan' %}their plan dated "
    "{{ household.other_parent.plan_date|us_date }}{% elif household.other_parent.name %}"
    "typed by the EC{% endif %}": (
        "{% if household.other_parent.hours_from == 'plan' %}kế hoạch của người đó ngày "
        "{{ household.other_parent.plan_date|local_date }}"
        "{% elif household.other_parent.name %}do Cố vấn Việc làm ghi{% endif %}"
    ),
    "Hours required per week": "Số giờ bắt buộc mỗi tuần",
    "Basis (WIC 11322.8)": "Căn cứ (WIC 11322.8)",
    "Requirement changes on": "Yêu cầu thay đổi vào ngày",
    "Hours required": "Số giờ bắt buộc",
    "Basis": "Căn cứ",
    "Because": "Lý do",
    "No change during the plan.": "Không thay đổi trong thời gian kế hoạch.",
    "Activity assignment": "Phân công hoạt động",
    "No.": "STT",
    "Activity": "Hoạt động",
    "Description": "Mô tả",
    "Provider or employer / location": "Nơi cung cấp hoặc chủ thuê / địa điểm",
    "Hrs/wk": "Giờ/tuần",
    "Days and times": "Ngày và giờ",
    "Start and end": "Bắt đầu và kết thúc",
    "Concurrent with": "Cùng lúc với",
    "{{ a.start_date|us_date }} to\n{{ a.end_date|us_date or 'ongoing' }}": (
        "{{ a.start_date|local_date }} đến\n{{ a.end_date|local_date or 'không có ngày kết thúc' }}"
    ),
    "No activity assigned.": "Không có hoạt động nào được phân công.",
    "T/E: a training or education activity. Employment counts as an activity; its employer "
    "is the provider. Activities that run at the same time are concurrent: their hours are "
    "added together against the requirement.": (
        "T/E: hoạt động đào tạo hoặc giáo dục (training/education). Việc làm được tính là một "
        "hoạt động; chủ thuê là nơi cung cấp. Các hoạt động diễn ra trong cùng thời gian là "
        "hoạt động đồng thời: số giờ của các hoạt động này được cộng lại để so với số giờ bắt "
        "buộc."
    ),
    "From": "Từ",
    "To": "Đến",
    "Concurrent activities": "Các hoạt động đồng thời",
    "Total hours per week": "Tổng số giờ mỗi tuần",
    "Requirement met": "Đạt yêu cầu",
    "{{ p.end|us_date or 'Ongoing' }}": ("{{ p.end|local_date or 'Không có ngày kết thúc' }}"),
    "{{ (not p.short)|yes_no }}{% if p.partial_week %} (partial week){% endif %}": (
        "{{ (not p.short)|yes_no }}{% if p.partial_week %} (không trọn tuần){% endif %}"
    ),
    "Total weekly hours (lowest period)": "Tổng số giờ mỗi tuần (giai đoạn thấp nhất)",
    "With the other parent's hours": "Cộng với số giờ của người cha/mẹ kia",
    "{{ computed.meets_requirement|yes_no }}{% if exempt_volunteer and not "
    "computed.meets_requirement %} (exempt volunteer){% endif %}": (
        "{{ computed.meets_requirement|yes_no }}{% if exempt_volunteer and not "
        "computed.meets_requirement %} (được miễn nhưng tự nguyện tham gia){% endif %}"
    ),
    "Supportive services": "Dịch vụ hỗ trợ",
    "Child care": "Giữ trẻ",
    "Child care provider": "Nơi giữ trẻ",
    "Child needing care": "Trẻ cần được giữ",
    "Transportation": "Đi lại",
    "Mode of transportation": "Phương tiện đi lại",
    "Monthly amount": "Số tiền hằng tháng",
    "Ancillary item": "Khoản chi phụ trợ",
    "Amount": "Số tiền",
    "No ancillary items.": "Không có khoản chi phụ trợ nào.",
    "Total ancillary": "Tổng chi phí phụ trợ",
    "Your right to ask for changes": "Quyền yêu cầu thay đổi của quý vị",
    "You may ask for changes to this plan within 3 working days after you sign it. If this "
    "plan assigns your first training or education activity, you may also ask, once, to be "
    "reassigned to another activity within 30 days after that activity starts.": (
        "Quý vị có thể yêu cầu thay đổi kế hoạch này trong vòng 3 ngày làm việc sau khi ký. "
        "Nếu kế hoạch này phân công cho quý vị hoạt động đào tạo hoặc giáo dục đầu tiên, quý "
        "vị cũng có thể yêu cầu, một lần, được đổi sang hoạt động khác trong vòng 30 ngày sau "
        "khi hoạt động đó bắt đầu."
    ),
    "Last day to ask for changes": "Ngày chót để yêu cầu thay đổi",
    "Last day to ask for reassignment": "Ngày chót để yêu cầu đổi hoạt động",
    "{{ computed.reassignment_deadline|us_date or 'None' }}"
    "{% if computed.reassignment_deadline_note %} "
    "({{ computed.reassignment_deadline_note }}){% endif %}": (
        "{{ computed.reassignment_deadline|local_date or 'Không có' }}"
        "{% if computed.reassignment_deadline_note %} "
        "({{ computed.reassignment_deadline_note }}){% endif %}"
    ),
    "Reassignment": "Đổi hoạt động",
    "Began training or education under an earlier plan": (
        "Đã bắt đầu đào tạo hoặc giáo dục theo kế hoạch trước"
    ),
    "One-time reassignment already used": "Đã dùng lần đổi hoạt động duy nhất",
    "Notes": "Ghi chú",
    "Signatures": "Chữ ký",
    "I have read this plan, or it was read to me. I agree to take part in the activities "
    "above and understand the supportive services the county will provide.": (
        "Tôi đã đọc kế hoạch này, hoặc đã có người đọc cho tôi nghe. Tôi đồng ý tham gia các "
        "hoạt động nêu trên và hiểu các dịch vụ hỗ trợ mà Quận sẽ cung cấp."
    ),
    "Signature of participant": "Chữ ký của người tham gia",
    "Signature of Employment Counselor": "Chữ ký của Cố vấn Việc làm",
    "Employment Counselor": "Cố vấn Việc làm",
    "EC worker no.": "Số nhân viên của Cố vấn",
    "EC phone": "Điện thoại của Cố vấn",
    "EC email": "Email của Cố vấn",
}
