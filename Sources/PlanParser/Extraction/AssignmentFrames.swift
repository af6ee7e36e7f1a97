/// The words that assign a duty in a sentence — the one table of assignment frames:
/// `giao X (chủ trì) …`, `X chủ trì(,) phối hợp (với) Y …`, `đề nghị X …`, `yêu cầu X …`,
/// `X có trách nhiệm …`, `X được giao (là cơ quan) chủ trì …`, `X phối hợp với Y …`,
/// `X tham mưu …`, and a unit followed by a duty verb (`Công an tỉnh tổ chức …`).
///
/// Words are lowercase NFC, new tone placement; ``Phrase`` adds the old spelling.
enum AssignmentFrames {
    /// Words that hand the duty to the units right after them.
    static let assigners = PhraseIndex([
        "giao nhiệm vụ cho",  // "assign the task to"
        "giao cho",  // "assign to"
        "giao",  // "assign"
        "đề nghị",  // "request" (to a body the issuer does not command)
        "yêu cầu",  // "require"
        "phân công",  // "allocate"
    ])

    /// After the lead: it leads (`chủ trì`), also written as its role (`là cơ quan chủ trì`).
    static let leads = PhraseIndex([
        "được giao là cơ quan chủ trì",  // "is assigned as the lead agency"
        "được giao là đơn vị chủ trì",  // "is assigned as the lead unit"
        "được giao làm cơ quan chủ trì",  // "is assigned as the lead agency"
        "được giao chủ trì",  // "is assigned to lead"
        "là cơ quan chủ trì",  // "as the lead agency"
        "là đơn vị chủ trì",  // "as the lead unit"
        "làm cơ quan chủ trì",  // "as the lead agency"
        "là cơ quan thường trực",  // "as the standing agency"
        "là cơ quan đầu mối",  // "as the focal agency"
        "chủ trì",  // "lead"
    ])

    /// Cooperation: the units after it lead, the subject supports (`X phối hợp với Y …`);
    /// after `chủ trì` the units after it support (`X chủ trì, phối hợp Y …`).
    static let cooperation = PhraseIndex([
        "phối hợp chặt chẽ với",  // "cooperate closely with"
        "phối hợp với",  // "cooperate with"
        "phối hợp cùng",  // "cooperate together with"
        "phối hợp",  // "cooperate (with)"
    ])

    /// Responsibility: the subject answers for the duty after it.
    static let responsibility = PhraseIndex([
        "có trách nhiệm",  // "is responsible for"
        "chịu trách nhiệm",  // "takes responsibility for"
        "được giao",  // "is assigned"
        "tiếp tục được giao",  // "is again assigned"
    ])

    /// Headings that name whose duties follow (`Trách nhiệm của Sở Nội vụ`, `Nhiệm vụ của Tổ
    /// công tác`): the unit after them is the agency of the items below.
    static let dutiesOf = PhraseIndex([
        "trách nhiệm của",  // "responsibilities of"
        "nhiệm vụ của",  // "duties of"
        "nhiệm vụ cụ thể của",  // "specific duties of"
        "nhiệm vụ, quyền hạn của",  // "duties and powers of"
        "nhiệm vụ và quyền hạn của",  // "duties and powers of"
        "trách nhiệm, quyền hạn của",  // "responsibilities and powers of"
        "trách nhiệm thực hiện của",  // "implementation responsibilities of"
        "đối với",  // "as for"
    ])

    /// Words after `X:` that list people, not a duty (`Các thành viên: Lãnh đạo các Sở …`,
    /// `Tổ trưởng: Ông Nguyễn Văn A`): a body's composition.
    static let members = PhraseIndex([
        "lãnh đạo",  // "the leaders of"
        "đại diện",  // "a representative of"
        "ông",  // "Mr"
        "bà",  // "Mrs"
        "đồng chí",  // "comrade"
        "đ/c",  // "comrade" (abbreviation)
    ])

    /// Words after the unit of such a heading (`Sở Nội vụ có nhiệm vụ:`).
    static let dutyHeadingEnds = PhraseIndex([
        "có nhiệm vụ",  // "has the duties"
        "thực hiện các nhiệm vụ sau",  // "carries out the following duties"
        "thực hiện một số nhiệm vụ sau",  // "carries out some duties as follows"
    ])

    /// Verbs a unit's duty starts with: a unit written before one of them is the duty's lead
    /// (`Công an tỉnh tổ chức vận động …`), and a unit name ends before them.
    static let dutyVerbs = PhraseIndex([
        "tham mưu",  // advise
        "tổ chức",  // organize
        "triển khai",  // deploy
        "thực hiện",  // carry out
        "xây dựng",  // build, draft
        "chỉ đạo",  // direct
        "hướng dẫn",  // guide
        "theo dõi",  // monitor
        "kiểm tra",  // inspect
        "rà soát",  // review
        "tăng cường",  // step up
        "đẩy mạnh",  // push forward
        "đẩy nhanh",  // speed up
        "phấn đấu",  // strive to
        "bàn giao",  // hand over
        "tích cực",  // actively
        "nghiêm cấm",  // strictly forbid
        "tiếp thu",  // take in (comments)
        "rút kinh nghiệm",  // learn lessons
        "thành lập",  // set up
        "dự thảo",  // draft
        "soạn thảo",  // draft
        "thẩm tra",  // verify
        "kiến nghị",  // recommend
        "tổng kết",  // review (at the end)
        "sơ kết",  // review (midway)
        "tiếp tục",  // continue
        "khẩn trương",  // urgently
        "chủ động",  // proactively
        "nghiên cứu",  // study
        "căn cứ",  // based on
        "theo chức năng",  // according to its functions
        "tập trung",  // concentrate on
        "quan tâm",  // pay attention to
        "đôn đốc",  // urge
        "phân công",  // allocate
        "bố trí",  // arrange
        "cung cấp",  // provide
        "cập nhật",  // update
        "báo cáo",  // report
        "tuyên truyền",  // publicize
        "vận động",  // mobilize
        "đề xuất",  // propose
        "ban hành",  // issue
        "lập",  // draw up
        "hoàn thiện",  // finalize
        "hoàn thành",  // complete
        "xem xét",  // consider
        "giải quyết",  // settle
        "tiếp nhận",  // receive
        "quản lý",  // manage
        "hỗ trợ",  // support
        "duy trì",  // maintain
        "thẩm định",  // appraise
        "tổng hợp",  // compile
        "phổ biến",  // disseminate
        "giám sát",  // supervise
        "bảo đảm",  // ensure
        "đảm bảo",  // ensure
        "kịp thời",  // promptly
        "nghiêm túc",  // strictly
        "thường xuyên",  // regularly
        "sớm",  // soon
        "kiện toàn",  // consolidate
        "xử lý",  // handle
        "thông báo",  // notify
        "gửi",  // send
        "chuẩn bị",  // prepare
        "cử",  // appoint
        "phát động",  // launch
        "lựa chọn",  // select
        "điều chỉnh",  // adjust
        "bổ sung",  // supplement
        "thống kê",  // take stock
        "làm việc",  // work with
        "nâng cao",  // raise
        "phát huy",  // promote
        "rà",  // review
        "phối hợp",  // cooperate
        "chủ trì",  // lead
        "tham gia",  // take part
        "chấn chỉnh",  // rectify
        "thanh tra",  // inspect
        "đánh giá",  // assess
        "phê duyệt",  // approve
        "trình",  // submit
        "giới thiệu",  // introduce
        "tạo điều kiện",  // facilitate
        "khắc phục",  // remedy
        "thu thập",  // collect
        "số hóa",  // digitize
        "công khai",  // publish
        "niêm yết",  // post publicly
        "đăng tải",  // post online
        "vận hành",  // operate
        "huy động",  // mobilize
        "bố trí",  // allocate
        "hoàn tất",  // finish
        "tiến hành",  // proceed with
        "nắm bắt",  // keep abreast of
        "quán triệt",  // instil
        "tập huấn",  // train
        "đào tạo",  // train
        "bồi dưỡng",  // train further
        "phát triển",  // develop
        "mở",  // open
        "cấp",  // grant
        "thu hồi",  // withdraw
        "tiếp",  // keep on
        "làm rõ",  // clarify
        "giải trình",  // explain
        "thống nhất",  // agree on
        "trả lời",  // answer
        "hoàn chỉnh",  // complete
        "rút ngắn",  // shorten (processing times)
        "cắt giảm",  // cut (procedures, costs)
        "đơn giản hóa",  // simplify
        "nâng cấp",  // upgrade
        "thúc đẩy",  // promote
        "củng cố",  // strengthen
        "sửa đổi",  // amend
        "phân bổ",  // allocate (funds)
        "ngăn chặn",  // prevent
    ])

    /// Words that end a unit name without starting a duty (function words).
    static let nameEnders = PhraseIndex([
        "có", "được", "là", "làm", "theo", "để", "nhằm", "về", "tại", "trong", "khi", "thì", "đã", "đang", "sẽ",
        "cần", "phải", "với", "cùng", "hoặc", "cho", "của", "đối với", "từ", "đến", "trước", "sau", "nếu", "và",
        "giao", "đề nghị", "yêu cầu", "chịu", "vẫn", "chưa", "không", "cũng", "đều", "ngày", "năm", "tháng",
        "bằng", "qua", "do", "như", "gồm", "trên", "dưới", "ra", "vào", "định kỳ", "hằng", "hàng", "chậm",
    ])

    /// What a unit answers for in an accountability clause, no duty of its own (`chịu trách
    /// nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện`).
    static let accountability = PhraseIndex([
        "kết quả",  // the results
        "việc thực hiện",  // the implementation
        "nhiệm vụ được giao",  // the duties assigned
        "các nhiệm vụ được giao",  // the duties assigned
        "quyết định của mình",  // its own decisions
        "toàn bộ",  // everything
    ])

    /// Words that make a clause report or evaluate rather than assign (`Sở đã ban hành …`,
    /// `UBND tỉnh đánh giá cao …`), checked right after the unit or the frame word.
    static let notDuties = PhraseIndex([
        "đã",  // has (done): a report
        "đang",  // is (doing)
        "vừa",  // has just
        "chưa",  // has not
        "không",  // does not
        "đánh giá cao",  // appreciates
        "ghi nhận",  // acknowledges
        "biểu dương",  // commends
        "nhất trí",  // agrees
        "cơ bản thống nhất",  // broadly agrees
        "có ý kiến",  // gives its opinion
        "kết luận",  // concludes
        "trình bày",  // presented
        "cho biết",  // said
        "báo cáo về",  // reported on
        "thông báo để",  // "announces so that …" (a notice's closing)
        "thông báo ý kiến",  // "conveys the opinion"
        "thông báo kết luận",  // "announces the conclusions"
        "trân trọng",  // "respectfully"
        "kính báo",  // "respectfully reports"
        "xin",  // "asks" (a request upward)
    ])

    /// Words skipped at the start of a clause before its frame (`Đồng thời, giao …`).
    static let openers = PhraseIndex([
        "đồng thời",  // at the same time
        "ngoài ra",  // besides
        "trong đó",  // among which
        "theo đó",  // accordingly
        "bên cạnh đó",  // in addition
        "mặt khác",  // on the other hand
        "trên cơ sở đó",  // on that basis
        "đối với",  // as for (`Đối với UBND xã: tập trung …`)
    ])

    /// What a narrative `chủ trì` leads: a meeting, not a duty (`… chủ trì cuộc họp …`).
    static let events = PhraseIndex([
        "cuộc họp", "hội nghị", "buổi làm việc", "phiên họp", "họp", "buổi họp", "đoàn công tác",
    ])

    /// Words of an enforcement clause, which is boilerplate, not a duty (`… chịu trách nhiệm
    /// thi hành Quyết định này`, `Quyết định này có hiệu lực …`).
    static let boilerplate = PhraseIndex([
        "thi hành quyết định này",  // "execute this decision"
        "thi hành quyết định",  // "execute the decision"
        "thi hành nghị quyết này",  // "execute this resolution"
        "thi hành chỉ thị này",  // "execute this directive"
        "có hiệu lực",  // "takes effect"
    ])

    /// Words before a time expression that make it the duty's time (`hoàn thành trong tháng
    /// 12`, `vào ngày 15/12`, `xong trước …`).
    static let timeCues = HashedByteSet([
        "vào", "trong", "từ", "đến", "trước", "thành", "xong", "hạn", "tới", "hết", "tất", "kể", "ngày",
    ])

    /// Words that may stand around a time expression in a clause that says only when
    /// (`hoàn thành trước ngày 10/12/2023`, `thời gian thực hiện: tháng 12`).
    static let timeClauseWords = HashedByteSet([
        "hoàn", "thành", "xong", "tất", "thời", "gian", "hạn", "thực", "hiện", "tiến", "độ", "kết", "thúc",
        "và", "trước", "chậm", "nhất", "là",
    ])

    /// Duties that say only "do it": a clause `giao Phòng X chủ trì thực hiện` after the duty
    /// names the duty's lead.
    static let trivialDuties = HashedByteSet([
        "thực hiện", "triển khai thực hiện", "tổ chức thực hiện", "triển khai", "theo dõi thực hiện",
        "thực hiện nội dung này", "thực hiện nhiệm vụ này",
    ])
}
