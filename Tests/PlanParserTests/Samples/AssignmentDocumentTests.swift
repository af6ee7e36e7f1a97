import Testing
@testable import PlanParser

/// The test documents of `samples/assignments/`, written for this in the styles of real
/// directive letters, meeting conclusions, decisions and district plans: every task, its lead,
/// support and time, exactly.
@Suite struct AssignmentDocumentTests {
    /// One expected task: id, title, lead, support, and its milestones as (kind, end date).
    struct Expected: CustomTestStringConvertible, Sendable {
        var id: String
        var title: String
        var lead: [String]
        var support: [String] = []
        var time: [(TimeMilestone.Kind, String?)] = []
        var origin: PlanTask.Origin = .assignment
        var leadSource: LeadSource.Kind? = .stated

        var testDescription: String { id }
    }

    static let directiveLetter: [Expected] = [
        Expected(id: "1", title: "Rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro",
                 lead: ["Sở Nông nghiệp và Phát triển nông thôn"], support: ["các đơn vị, địa phương liên quan"],
                 time: [(.deadline, "2024-06-10")]),
        Expected(id: "2", title: "Theo dõi chặt chẽ diễn biến thời tiết, kịp thời cung cấp thông tin cảnh báo cho các địa phương",
                 lead: ["Sở Tài nguyên và Môi trường"], support: ["Đài Khí tượng Thủy văn tỉnh"]),
        Expected(id: "3", title: "Chuẩn bị lực lượng, phương tiện sẵn sàng tham gia cứu hộ, cứu nạn khi có tình huống",
                 lead: ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"]),
        Expected(id: "4", title: "Kiểm tra an toàn các công trình đang thi công, cầu, cống yếu; báo cáo kết quả trong tháng 6/2024",
                 lead: ["UBND các huyện, thị xã, thành phố"], support: ["Sở Xây dựng", "Sở Giao thông vận tải"],
                 time: [(.month, "2024-06-30")]),
        Expected(id: "5", title: "Tuyên truyền kỹ năng phòng, tránh thiên tai cho người dân; định kỳ hằng quý báo cáo kết quả về UBND tỉnh",
                 lead: ["Sở Văn hóa, Thể thao và Du lịch"], support: ["Đài Phát thanh và Truyền hình tỉnh"],
                 time: [(.periodic, "2024-12-31")]),
        Expected(id: "6.s1", title: "Tham mưu UBND tỉnh bố trí kinh phí dự phòng cho công tác phòng, chống thiên tai",
                 lead: ["Sở Tài chính"]),
        Expected(id: "6.s2", title: "Rà soát các hộ nghèo ở vùng có nguy cơ sạt lở, đề xuất hỗ trợ trước ngày 30/6",
                 lead: ["Sở Lao động - Thương binh và Xã hội"], time: [(.deadline, "2024-06-30")]),
        Expected(id: "6.s3", title: "Theo dõi, tổng hợp tình hình thực hiện, tham mưu Chủ tịch UBND tỉnh chỉ đạo xử lý",
                 lead: ["Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"]),
        Expected(id: "7", title: "Tham mưu kiện toàn Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn cấp huyện, hoàn thành trong tháng 5/2024",
                 lead: ["UBND các huyện, thị xã, thành phố"], time: [(.month, "2024-05-31")]),
    ]

    static let meetingConclusion: [Expected] = [
        Expected(id: "2.a", title: "Tham mưu UBND huyện ban hành kế hoạch tuyên truyền Đại hội trước ngày 25/10/2024",
                 lead: ["Phòng Văn hóa và Thông tin"], support: ["Ban Tuyên giáo Huyện ủy", "các cơ quan, đơn vị có liên quan"],
                 time: [(.deadline, "2024-10-25")]),
        Expected(id: "2.b", title: "Khẩn trương hoàn thiện danh sách vận động viên các môn thi đấu; chuẩn bị cơ sở vật chất, sân bãi phục vụ Đại hội, hoàn thành trong tháng 11/2024",
                 lead: ["Trung tâm Văn hóa Thông tin và Thể thao"], time: [(.month, "2024-11-30")]),
        Expected(id: "2.c", title: "Thẩm định dự toán kinh phí tổ chức Đại hội, trình UBND huyện phê duyệt",
                 lead: ["Phòng Tài chính - Kế hoạch"]),
        Expected(id: "2.d", title: "Tăng cường kiểm tra, đôn đốc các xã, thị trấn tổ chức Đại hội Thể dục thể thao cấp cơ sở",
                 lead: ["các cơ quan, đơn vị"]),
        Expected(id: "3", title: "Theo dõi, đôn đốc việc thực hiện; định kỳ hằng tuần báo cáo Chủ tịch UBND huyện tiến độ chuẩn bị Đại hội",
                 lead: ["Văn phòng HĐND và UBND huyện"], time: [(.periodic, "2024-12-31")]),
        Expected(id: "3.s1", title: "Xây dựng phương án bảo đảm an ninh, trật tự, an toàn giao thông trong thời gian diễn ra Đại hội",
                 lead: ["Công an huyện"]),
        Expected(id: "3.s2", title: "Bố trí lực lượng y tế trực tại các địa điểm thi đấu", lead: ["Trung tâm Y tế huyện"]),
    ]

    static let decision: [Expected] = [
        Expected(id: "D2.1", title: "Triển khai Kế hoạch; định kỳ 6 tháng, năm báo cáo UBND tỉnh kết quả thực hiện",
                 lead: ["Sở Văn hóa, Thể thao và Du lịch"], support: ["các sở, ngành, địa phương"], time: [(.periodic, "2024-12-31")]),
        Expected(id: "D2.2", title: "Cân đối, bố trí kinh phí thực hiện Kế hoạch theo quy định", lead: ["Sở Tài chính"]),
        Expected(id: "D2.3", title: "Lồng ghép nội dung phát triển du lịch cộng đồng vào Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
                 lead: ["Sở Văn hóa, Thể thao và Du lịch"], support: ["Sở Nông nghiệp và Phát triển nông thôn"]),
        Expected(id: "D2.4", title: "Lựa chọn các thôn, bản có tiềm năng để xây dựng mô hình du lịch cộng đồng, hoàn thành trước ngày 30/9/2024",
                 lead: ["UBND huyện Minh Hóa", "UBND huyện Bố Trạch"], time: [(.deadline, "2024-09-30")]),
    ]

    static let districtPlan: [Expected] = [
        Expected(id: "II.1.s1", title: "Tham mưu UBND huyện xây dựng kế hoạch tuyên truyền chuyển đổi số năm 2025",
                 lead: ["Phòng Văn hóa và Thông tin"], support: ["Ban Tuyên giáo Huyện ủy", "các cơ quan, đơn vị có liên quan"],
                 time: [(.month, "2025-02-28")]),
        Expected(id: "II.1.s2", title: "Tổ chức tuyên truyền trên hệ thống truyền thanh cơ sở, trang thông tin điện tử huyện; định kỳ hằng tháng đăng tải tin, bài về chuyển đổi số",
                 lead: ["Trung tâm Văn hóa, Thông tin và Thể thao huyện"], time: [(.periodic, "2025-12-31")]),
        Expected(id: "II.2.1", title: "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của UBND huyện.",
                 lead: ["Văn phòng HĐND và UBND huyện"], origin: .prose, leadSource: .inferred),
        Expected(id: "II.2.2", title: "Duy trì hoạt động của Bộ phận Một cửa huyện, bảo đảm 100% hồ sơ được giải quyết đúng hạn.",
                 lead: ["Văn phòng HĐND và UBND huyện"], origin: .prose, leadSource: .inferred),
        Expected(id: "II.3.1", title: "Triển khai nền tảng họp trực tuyến đến 100% xã, thị trấn.",
                 lead: ["Phòng Văn hóa và Thông tin"], origin: .prose, leadSource: .inferred),
        Expected(id: "II.3.2", title: "Hướng dẫn các xã xây dựng Tổ công nghệ số cộng đồng", lead: ["Phòng Văn hóa và Thông tin"]),
        Expected(id: "III.s1", title: "Tổ chức vận động Nhân dân tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc", lead: ["Công an huyện"]),
        Expected(id: "III.s2", title: "Tổ chức diễn tập phương án phòng cháy, chữa cháy và cứu nạn, cứu hộ tại các khu dân cư trong quý III năm 2025",
                 lead: ["Ban Chỉ huy Quân sự huyện", "Công an huyện"], time: [(.quarter, "2025-09-30")]),
        Expected(id: "III.1.1", title: "Tham mưu UBND huyện bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 15/3/2025",
                 lead: ["Phòng Tài chính - Kế hoạch"], time: [(.deadline, "2025-03-15")]),
        Expected(id: "III.1.2", title: "Thẩm định vị trí việc làm của các đơn vị sự nghiệp",
                 lead: ["Phòng Nội vụ"], support: ["Phòng Tài chính - Kế hoạch"]),
        Expected(id: "III.2.s1", title: "Xây dựng chương trình văn nghệ chào mừng các ngày lễ lớn của huyện",
                 lead: ["Trung tâm Văn hóa Thông tin và Thể thao"]),
        Expected(id: "III.2.s2", title: "Tổ chức Giải bóng đá thanh niên huyện trong quý II năm 2025",
                 lead: ["Trung tâm Văn hóa Thông tin và Thể thao"], time: [(.quarter, "2025-06-30")]),
        Expected(id: "III.3", title: "Xây dựng kế hoạch thu gom, xử lý rác thải sinh hoạt ở khu dân cư tập trung; trình UBND huyện trước ngày 30/4/2025",
                 lead: ["Phòng Tài nguyên và Môi trường huyện"], time: [(.deadline, "2025-04-30")]),
        Expected(id: "III.4.1", title: "Căn cứ Kế hoạch này xây dựng kế hoạch của địa phương", lead: ["Ủy ban nhân dân các xã, thị trấn"]),
        Expected(id: "III.4.2", title: "Định kỳ hằng quý báo cáo kết quả thực hiện về UBND huyện (qua Phòng Nội vụ)",
                 lead: ["Ủy ban nhân dân các xã, thị trấn"], time: [(.periodic, "2025-12-31")]),
    ]

    static let directive: [Expected] = [
        Expected(id: "1", title: "Tổ chức kiểm tra an toàn phòng cháy, chữa cháy tại các cơ sở có nguy cơ cháy, nổ cao",
                 lead: ["Công an tỉnh"], support: ["các sở, ngành, địa phương"], time: [(.deadline, "2024-06-30")]),
        Expected(id: "2", title: "Hướng dẫn các chợ, trung tâm thương mại rà soát, bổ sung phương án chữa cháy tại chỗ",
                 lead: ["Sở Công Thương"]),
        Expected(id: "3.1", title: "Tuyên truyền, hướng dẫn Nhân dân các biện pháp phòng cháy trong sinh hoạt",
                 lead: ["Chủ tịch UBND các huyện, thị xã, thành phố"]),
        Expected(id: "3.2", title: "Kiện toàn lực lượng dân phòng, đội phòng cháy, chữa cháy cơ sở trong quý II năm 2024",
                 lead: ["Chủ tịch UBND các huyện, thị xã, thành phố"], time: [(.quarter, "2024-06-30")]),
        Expected(id: "4", title: "Mở chuyên mục tuyên truyền về phòng cháy, chữa cháy",
                 lead: ["Đài Phát thanh và Truyền hình tỉnh", "Báo Thái Hòa"]),
    ]

    static let resolution: [Expected] = [
        Expected(id: "D2.1", title: "Tổ chức triển khai thực hiện Nghị quyết; báo cáo kết quả tại kỳ họp cuối năm 2025",
                 lead: ["Ủy ban nhân dân tỉnh"]),
        Expected(id: "D2.2", title: "Giám sát việc thực hiện Nghị quyết",
                 lead: ["Thường trực HĐND tỉnh", "các Ban HĐND tỉnh", "các Tổ đại biểu và đại biểu HĐND tỉnh"]),
        Expected(id: "D2.3", title: "Tuyên truyền, vận động Nhân dân tham gia thực hiện Nghị quyết",
                 lead: ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội"]),
    ]

    static let programme: [Expected] = [
        Expected(id: "II.1.a", title: "Xây dựng kế hoạch chuyển đổi cơ cấu cây trồng năm 2025, hoàn thành trong tháng 02/2025",
                 lead: ["Phòng Nông nghiệp và Phát triển nông thôn"], time: [(.month, "2025-02-28")]),
        Expected(id: "II.1.b", title: "Nhân rộng mô hình sản xuất lúa hữu cơ tại các xã.",
                 lead: ["Phòng Nông nghiệp và Phát triển nông thôn"], origin: .prose, leadSource: .inferred),
        Expected(id: "II.2.s1", title: "Hoàn thành cấp giấy chứng nhận quyền sử dụng đất lần đầu trước ngày 30/11/2025",
                 lead: ["Phòng Tài nguyên và Môi trường"], support: ["UBND các xã, thị trấn"], time: [(.deadline, "2025-11-30")]),
    ]

    static let scheme: [Expected] = [
        Expected(id: "P2.I.1", title: "Tổ chức tư vấn thành lập mới 60 hợp tác xã, hoàn thành trong năm 2026",
                 lead: ["Liên minh Hợp tác xã tỉnh"], time: [(.year, "2026-12-31")]),
        Expected(id: "P2.I.2", title: "Hướng dẫn đăng ký hợp tác xã theo quy định", lead: ["Sở Kế hoạch và Đầu tư"]),
    ]

    static let workingGroupDecision: [Expected] = [
        Expected(id: "D2.1", title: "Kiểm tra tình hình thực hiện và giải ngân vốn của các dự án chậm tiến độ; đề xuất Chủ tịch UBND tỉnh biện pháp xử lý, hoàn thành trong quý III/2024",
                 lead: ["Tổ công tác"], time: [(.quarter, "2024-09-30")]),
        Expected(id: "D2.2", title: "Tổng hợp kết quả, báo cáo Chủ tịch UBND tỉnh định kỳ hằng tháng", lead: ["Sở Kế hoạch và Đầu tư"],
                 time: [(.periodic, "2024-12-31")]),
        Expected(id: "D2.3", title: "Rà soát các khoản tạm ứng quá hạn, thu hồi trước ngày 30/9/2024", lead: ["Sở Tài chính"],
                 support: ["Kho bạc Nhà nước tỉnh"], time: [(.deadline, "2024-09-30")]),
    ]

    static let districtConclusion: [Expected] = [
        Expected(id: "1.s1", title: "Kiểm tra các trường hợp chuyển mục đích sử dụng đất trái phép; báo cáo UBND huyện trước ngày 15/10/2024",
                 lead: ["Phòng Tài nguyên và Môi trường"], support: ["UBND xã Đạ Nhim"], time: [(.deadline, "2024-10-15")]),
        Expected(id: "1.s2", title: "Hướng dẫn UBND xã lập danh mục các công trình vi phạm trật tự xây dựng, xử lý dứt điểm trong quý IV/2024",
                 lead: ["Phòng Kinh tế và Hạ tầng"], time: [(.quarter, "2024-12-31")]),
        Expected(id: "2.1", title: "Khẩn trương hoàn thiện hồ sơ quyết toán công trình đường giao thông thôn Đưng K'Si",
                 lead: ["Ban Quản lý dự án đầu tư xây dựng huyện"]),
        Expected(id: "2.2", title: "Cân đối, bố trí vốn đối ứng cho các công trình nông thôn mới của xã", lead: ["Phòng Tài chính - Kế hoạch"]),
        Expected(id: "3.a", title: "Đẩy nhanh tiến độ thu ngân sách, phấn đấu hoàn thành chỉ tiêu được giao", lead: ["UBND các xã Đạ Nhim, Đạ Chais"]),
        Expected(id: "3.b", title: "Tổ chức tuyên truyền về phòng, chống cháy rừng trong mùa khô",
                 lead: ["Trung tâm Văn hóa - Thể thao và Truyền thông huyện"]),
        Expected(id: "4", title: "Tập trung chỉ đạo các thôn rà soát hộ nghèo, hộ cận nghèo; định kỳ hằng quý báo cáo UBND huyện",
                 lead: ["UBND xã Đạ Nhim"], time: [(.periodic, "2024-12-31")]),
    ]

    /// The letterheads as web pages render them (`web-*.txt`): their tasks too.
    static let web: [(String, [Expected])] = [
        ("assignments/web-escapes.txt", [
            Expected(id: "1", title: "Hoàn thành hồ sơ thu hồi đất trước ngày 20/12", lead: ["Phòng Tài nguyên và Môi trường"],
                     support: ["UBND xã Tân Lập"], time: [(.deadline, "2023-12-20")]),
            Expected(id: "2", title: "Thẩm định phương án bồi thường, hỗ trợ trong tháng 12/2023", lead: ["Phòng Tài chính - Kế hoạch"],
                     time: [(.month, "2023-12-31")]),
        ]),
        ("assignments/web-flattened-heading.txt", [
            Expected(id: "P2.1.a", title: "Triển khai phủ sóng di động 4G đến 100% thôn, bản", lead: ["Sở Thông tin và Truyền thông"],
                     support: ["các doanh nghiệp viễn thông"], time: [(.quarter, "2024-09-30")]),
            Expected(id: "P2.1.b", title: "Nâng cấp Trung tâm dữ liệu tỉnh.", lead: [], origin: .prose, leadSource: nil),
        ]),
        ("assignments/web-long-title.txt", [
            Expected(id: "I.1", title: "Tham mưu UBND tỉnh bố trí nguồn lực thực hiện Chương trình",
                     lead: ["Sở Nông nghiệp và Phát triển nông thôn"], support: ["các sở, ngành, địa phương"], time: [(.quarter, "2024-06-30")]),
            Expected(id: "I.2", title: "Cân đối, bố trí kinh phí thực hiện Kế hoạch", lead: ["Sở Tài chính"]),
        ]),
        ("assignments/web-metadata-block.txt", [
            Expected(id: "III.s1", title: "Xây dựng chương trình ngày hội", lead: ["Phòng Văn hóa và Thông tin"],
                     support: ["Trung tâm Văn hóa, Thông tin và Thể thao huyện"], time: [(.deadline, "2024-04-05")]),
        ]),
        ("assignments/web-no-kind-line.txt", [
            Expected(id: "1", title: "Theo dõi chặt chẽ tình hình dịch bệnh, bảo đảm thuốc, vật tư phục vụ điều trị; định kỳ hằng tuần báo cáo UBND tỉnh",
                     lead: ["Sở Y tế"], support: ["các đơn vị liên quan"], time: [(.periodic, "2024-12-31")]),
            Expected(id: "2", title: "Chỉ đạo các trường học tăng cường vệ sinh lớp học, theo dõi sức khỏe học sinh", lead: ["Sở Giáo dục và Đào tạo"]),
            Expected(id: "3", title: "Chỉ đạo UBND các xã, phường, thị trấn tuyên truyền để người dân chủ động phòng bệnh",
                     lead: ["UBND các huyện, thành phố"]),
        ]),
        ("assignments/web-portal-title-only.txt", [
            Expected(id: "I.1", title: "Tổ chức vận động Nhân dân tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc", lead: ["Công an xã"],
                     support: ["Đoàn Thanh niên xã"]),
            Expected(id: "I.2", title: "Tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12/2024", lead: ["Văn phòng - Thống kê xã"],
                     time: [(.deadline, "2024-12-15")]),
        ]),
        ("assignments/web-portal-title.txt", [
            Expected(id: "I.1", title: "Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ Nhân dân tại Bộ phận một cửa.",
                     lead: [], origin: .prose, leadSource: nil),
            Expected(id: "I.2", title: "Tổ chức vận động Nhân dân tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc", lead: ["Công an xã"]),
        ]),
        ("assignments/web-split-kind.txt", [
            Expected(id: "D2", title: "Xây dựng kế hoạch kiểm tra, trình Chủ tịch UBND tỉnh trước ngày 20/4/2024", lead: ["Văn phòng UBND tỉnh"],
                     support: ["Sở Nội vụ"], time: [(.deadline, "2024-04-20")]),
        ]),
        ("assignments/web-split-place.txt", [
            Expected(id: "s1", title: "Tăng cường tuần tra, kiểm soát, xử lý nghiêm các hành vi vi phạm; hoàn thành báo cáo kết quả trước ngày 15/02/2024",
                     lead: ["UBND các huyện, thị xã, thành phố"], support: ["Sở Giao thông vận tải", "Công an tỉnh"],
                     time: [(.deadline, "2024-02-15")]),
        ]),
    ]

    @Test(arguments: web)
    func webTasks(file: String, expected: [Expected]) throws {
        try check(file, expected, leftovers: file.hasSuffix("web-split-place.txt") ? 1 : 0)
    }

    /// Units written before a verb the frames did not know (`Sở X rút ngắn …`), `X: Chủ trì …`,
    /// `Giao X chủ trì, phối hợp với Y …`, `Đối với X:` and a unit heading over lettered items.
    static let unitDutiesDecision: [Expected] = [
        Expected(id: "D1.1", title: "Chủ trì theo dõi, tổng hợp kết quả thực hiện các chỉ số thành phần của Chỉ số năng lực cạnh tranh cấp tỉnh (PCI); báo cáo UBND tỉnh trước ngày 15 tháng 12 năm 2025",
                 lead: ["Sở Kế hoạch và Đầu tư"], time: [(.deadline, "2025-12-15")]),
        Expected(id: "D1.2", title: "Tham mưu sắp xếp, kiện toàn Bộ phận tiếp nhận và trả kết quả cấp huyện, hoàn thành trước ngày 30/6/2025",
                 lead: ["Sở Nội vụ"], support: ["Sở Tài chính", "các cơ quan liên quan"], time: [(.deadline, "2025-06-30")]),
        Expected(id: "D1.3", title: "Rút ngắn thời gian giải quyết thủ tục đất đai xuống còn không quá 15 ngày làm việc; định kỳ hằng quý báo cáo kết quả về Sở Kế hoạch và Đầu tư",
                 lead: ["Sở Tài nguyên và Môi trường"], time: [(.periodic, "2025-12-31")]),
        Expected(id: "D1.4", title: "Công khai quy hoạch xây dựng trên Cổng thông tin điện tử của tỉnh, hoàn thành trong quý II/2025",
                 lead: ["Sở Xây dựng"], time: [(.quarter, "2025-06-30")]),
        Expected(id: "D1.5.a", title: "Tổ chức đối thoại với doanh nghiệp trên địa bàn ít nhất 02 lần trong năm",
                 lead: ["UBND các huyện, thị xã, thành phố"], time: [(.year, "2025-12-31")]),
        Expected(id: "D1.5.b", title: "Khảo sát mức độ hài lòng của doanh nghiệp, hoàn thành trước ngày 31/10/2025",
                 lead: ["Sở Kế hoạch và Đầu tư"], support: ["UBND các huyện, thị xã, thành phố"], time: [(.deadline, "2025-10-31")]),
        Expected(id: "D2.1", title: "Theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Quyết định này", lead: ["Văn phòng UBND tỉnh"]),
    ]

    static let unitColonLetter: [Expected] = [
        Expected(id: "1.1", title: "Tăng cường giám sát, phát hiện sớm các ca bệnh sốt xuất huyết, tay chân miệng; xử lý triệt để ổ dịch, không để dịch lan rộng",
                 lead: ["Sở Y tế"], support: ["các cơ quan liên quan"]),
        Expected(id: "1.2", title: "Bảo đảm đủ thuốc, vật tư, hóa chất phục vụ công tác phòng, chống dịch; tổng hợp, báo cáo UBND tỉnh trước ngày 30/9/2025",
                 lead: ["Sở Y tế"], time: [(.deadline, "2025-09-30")]),
        Expected(id: "2", title: "Tổ chức tuyên truyền phòng, chống dịch bệnh trong trường học trước khi bắt đầu năm học mới",
                 lead: ["Sở Y tế"], support: ["Sở Giáo dục và Đào tạo"]),
        Expected(id: "3", title: "Tham mưu bố trí kinh phí phòng, chống dịch theo quy định", lead: ["Sở Tài chính"]),
        Expected(id: "4", title: "Chỉ đạo các xã, phường, thị trấn tổ chức chiến dịch vệ sinh môi trường, diệt loăng quăng, bọ gậy, hoàn thành trong tháng 6/2025",
                 lead: ["UBND các huyện, thành phố"], time: [(.month, "2025-06-30")]),
    ]

    /// A plan whose task items are duty sentences: enterprises as supports (`Viễn thông Ninh
    /// Thuận`, `Viettel …`, `Bưu điện tỉnh`, `Công ty Điện lực …`), a frame followed by an inline
    /// `thời gian thực hiện:` field, and the letterhead's date wrapped before its year.
    static let dutySentencesPlan: [Expected] = [
        Expected(id: "II.1.a", title: "Rà soát các văn bản quy phạm pháp luật do tỉnh ban hành có quy định về giấy tờ công dân để sửa đổi, bổ sung phù hợp với việc khai thác dữ liệu dân cư.",
                 lead: ["Sở Tư pháp"], support: ["Công an tỉnh", "các sở, ban, ngành"], time: [(.quarter, "2025-06-30")], origin: .fields),
        Expected(id: "II.1.b", title: "Tham mưu UBND tỉnh ban hành Quy chế khai thác, sử dụng dữ liệu dân cư trong giải quyết thủ tục hành chính, hoàn thành trước ngày 30/6/2025",
                 lead: ["Sở Nội vụ"], support: ["Sở Tài chính", "các cơ quan liên quan"], time: [(.deadline, "2025-06-30")]),
        Expected(id: "II.2.a", title: "Chủ trì nâng cấp Trung tâm tích hợp dữ liệu tỉnh bảo đảm kết nối với Cơ sở dữ liệu quốc gia về dân cư; báo cáo UBND tỉnh trước ngày 15 tháng 12 năm 2025",
                 lead: ["Sở Thông tin và Truyền thông"], time: [(.deadline, "2025-12-15")]),
        Expected(id: "II.2.b", title: "Triển khai thu nhận hồ sơ cấp căn cước và kích hoạt tài khoản định danh điện tử mức độ 2 cho người dân, hoàn thành trong quý III/2025",
                 lead: ["Công an tỉnh"], support: ["Viễn thông Ninh Thuận", "Viettel Ninh Thuận"], time: [(.quarter, "2025-09-30")]),
        Expected(id: "II.2.c", title: "Triển khai thanh toán không dùng tiền mặt đối với dịch vụ điện, bưu chính",
                 lead: ["Sở Công Thương"], support: ["Bưu điện tỉnh", "Công ty Điện lực Ninh Thuận"], time: [(.year, "2025-12-31")]),
        Expected(id: "II.3.a", title: "Mở chuyên trang, chuyên mục tuyên truyền về lợi ích của định danh điện tử",
                 lead: ["Đài Phát thanh và Truyền hình tỉnh", "Báo Ninh Thuận"], time: [(.continuous, "2025-12-31")]),
        Expected(id: "II.3.b", title: "Tổ chức hội nghị tập huấn kỹ năng sử dụng dịch vụ công trực tuyến cho cán bộ, công chức cấp xã.",
                 lead: [], origin: .prose, leadSource: nil),
        Expected(id: "PL.I.1", title: "Rà soát các văn bản quy phạm pháp luật của tỉnh có quy định về giấy tờ công dân",
                 lead: ["Sở Tư pháp"], support: ["Công an tỉnh", "Các sở, ban, ngành"], time: [(.quarter, "2025-06-30")], origin: .table),
        Expected(id: "PL.I.2", title: "Tham mưu ban hành Quy chế khai thác, sử dụng dữ liệu dân cư trong giải quyết thủ tục hành chính",
                 lead: ["Sở Nội vụ"], support: ["Sở Tài chính", "Công an tỉnh"], time: [(.deadline, "2025-06-30")], origin: .table),
        Expected(id: "PL.II.1", title: "Nâng cấp Trung tâm tích hợp dữ liệu tỉnh, kết nối Cơ sở dữ liệu quốc gia về dân cư",
                 lead: ["Sở Thông tin và Truyền thông"], support: ["Công an tỉnh"], time: [(.month, "2025-09-30"), (.month, "2025-12-31")],
                 origin: .table),
        Expected(id: "PL.II.2", title: "Thu nhận hồ sơ cấp căn cước, kích hoạt tài khoản định danh điện tử mức độ 2",
                 lead: ["Công an tỉnh"], support: ["Viễn thông Ninh Thuận", "Viettel Ninh Thuận", "UBND các huyện, thành phố"],
                 time: [(.quarter, "2025-09-30")], origin: .table),
        Expected(id: "PL.III.1", title: "Mở chuyên trang, chuyên mục tuyên truyền về lợi ích của định danh điện tử",
                 lead: ["Đài Phát thanh và Truyền hình tỉnh"], support: ["Báo Ninh Thuận"], time: [(.continuous, "2025-12-31")], origin: .table),
        Expected(id: "PL.III.2", title: "Tập huấn kỹ năng sử dụng dịch vụ công trực tuyến cho cán bộ, công chức cấp xã",
                 lead: ["Sở Thông tin và Truyền thông"], support: ["UBND các huyện, thành phố"], time: [(.quarter, "2025-06-30")], origin: .table),
    ]

    @Test func accountabilityIsNoDuty() throws {
        // `Thủ trưởng các cơ quan, đơn vị được giao nhiệm vụ tại Điều 1 chịu trách nhiệm trước Chủ
        // tịch UBND tỉnh về kết quả thực hiện.`: who answers to whom, not a task.
        let d = try Fixtures.sample("assignments/decision-unit-duties.txt")
        #expect(d.sections[1].children.count == 2)
        #expect(!d.tasks.contains { $0.id.hasPrefix("D2.2") || $0.title.contains("chịu trách nhiệm trước") })
        #expect(d.header.date == DocumentDate(day: 12, month: 3, year: 2025))
        #expect(d.warnings.isEmpty)
    }

    @Test func dutySentencesPlanHeader() throws {
        let d = try Fixtures.sample("assignments/plan-duty-sentences.txt")
        #expect(d.header.kind == "KẾ HOẠCH")
        #expect(d.header.number == "87/KH-UBND")
        #expect(d.header.place == "Ninh Thuận")
        // `Ninh Thuận, ngày 24 tháng 02 năm` / `2025`: the year on the next line is the date's.
        #expect(d.header.date == DocumentDate(day: 24, month: 2, year: 2025))
        #expect(d.header.title == "Triển khai ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số trên địa bàn tỉnh năm 2025")
        #expect(d.warnings.isEmpty)
        #expect(d.furniture.isEmpty)
        #expect(d.task("PL.II.1")?.products == ["Hệ thống được nâng cấp", "Báo cáo kết quả vận hành"])
    }

    @Test(arguments: [
        ("assignments/working-group-decision.txt", workingGroupDecision),
        ("assignments/district-conclusion.txt", districtConclusion),
        ("assignments/directive.txt", directive),
        ("assignments/resolution.txt", resolution),
        ("assignments/programme.txt", programme),
        ("assignments/scheme.txt", scheme),
        ("assignments/directive-letter.txt", directiveLetter),
        ("assignments/meeting-conclusion.txt", meetingConclusion),
        ("assignments/decision-articles.txt", decision),
        ("assignments/district-plan.txt", districtPlan),
        ("assignments/decision-unit-duties.txt", unitDutiesDecision),
        ("assignments/letter-unit-colon.txt", unitColonLetter),
        ("assignments/plan-duty-sentences.txt", dutySentencesPlan),
    ])
    func everyTask(file: String, expected: [Expected]) throws {
        try check(file, expected)
    }

    private func check(_ file: String, _ expected: [Expected], leftovers: Int = 0) throws {
        let d = try Fixtures.sample(file)
        #expect(d.tasks.map(\.id) == expected.map(\.id), "\(file)")
        for e in expected {
            guard let t = d.tasks.first(where: { $0.id == e.id }) else { continue }
            #expect(t.origin == e.origin, "\(e.id)")
            #expect(t.title == e.title, "\(e.id)")
            #expect(t.lead.map(\.name) == e.lead, "\(e.id)")
            #expect(t.support.map(\.name) == e.support, "\(e.id)")
            #expect(t.leadSource?.kind == e.leadSource, "\(e.id)")
            #expect(t.time.count == e.time.count, "\(e.id)")
            for (m, (kind, end)) in zip(t.time, e.time) {
                #expect(m.kind == kind, "\(e.id)")
                #expect(m.end?.iso == end, "\(e.id)")
            }
        }
        // `(Theo Công văn số …)` after a signature stays a leftover.
        #expect(d.leftovers.count == leftovers, "\(file)")
    }

    /// Every kind: its header and its sections.
    @Test(arguments: [
        ("assignments/directive.txt", "CHỈ THỊ", "08/CT-UBND", "Về tăng cường công tác phòng cháy, chữa cháy trên địa bàn tỉnh",
         ["1.", "2.", "3.", "4."]),
        ("assignments/resolution.txt", "NGHỊ QUYẾT", "25/NQ-HĐND", "Về nhiệm vụ phát triển kinh tế - xã hội năm 2025",
         ["Điều 1.", "Điều 2.", "Điều 3."]),
        ("assignments/programme.txt", "CHƯƠNG TRÌNH", "04/CTr-UBND", "Công tác trọng tâm của UBND huyện năm 2025",
         ["I.", "II.", "III."]),
        ("assignments/scheme.txt", "ĐỀ ÁN", "11/ĐA-UBND", "Phát triển hợp tác xã kiểu mới giai đoạn 2024 - 2026",
         ["Phần I", "Phần II", "Phần III"]),
        ("assignments/decision-articles.txt", "QUYẾT ĐỊNH", "1520/QĐ-UBND",
         "Về việc ban hành Kế hoạch thực hiện Đề án phát triển du lịch cộng đồng tỉnh Quảng Bình năm 2024", ["Điều 1.", "Điều 2.", "Điều 3."]),
        ("assignments/working-group-decision.txt", "QUYẾT ĐỊNH", "618/QĐ-UBND",
         "Về việc thành lập Tổ công tác tháo gỡ khó khăn, vướng mắc trong giải ngân vốn đầu tư công năm 2024", ["Điều 1.", "Điều 2.", "Điều 3."]),
        ("assignments/district-conclusion.txt", "THÔNG BÁO", "141/TB-UBND",
         "Kết luận của Chủ tịch UBND huyện tại buổi làm việc với UBND xã Đạ Nhim", ["1.", "2.", "3.", "4."]),
        ("assignments/meeting-conclusion.txt", "THÔNG BÁO", "215/TB-VP",
         "Kết luận của Chủ tịch UBND huyện tại cuộc họp về công tác chuẩn bị Đại hội Thể dục thể thao huyện lần thứ VII", ["1.", "2.", "3."]),
    ])
    func kinds(file: String, kind: String, number: String, title: String, markers: [String]) throws {
        let d = try Fixtures.sample(file)
        #expect(d.header.kind == kind)
        #expect(d.header.number == number)
        #expect(d.header.title == title)
        #expect(d.sections.map(\.marker) == markers)
        #expect(d.closing != nil)
        #expect(d.header.signer?.name != nil)
    }

    /// `Yêu cầu … nghiêm túc triển khai thực hiện Chỉ thị này`: the closing call, no task; a
    /// resolution's `… có hiệu lực …` article neither.
    @Test func closingCalls() throws {
        #expect(!(try Fixtures.sample("assignments/directive.txt")).tasks.contains { $0.title.contains("Chỉ thị này") })
        #expect(!(try Fixtures.sample("assignments/resolution.txt")).tasks.contains { $0.id.hasPrefix("D3") })
        #expect(TaskExtractor.isCallToImplement("Nghiêm túc triển khai thực hiện Chỉ thị này"))
        #expect(!TaskExtractor.isCallToImplement("Theo dõi, đôn đốc việc thực hiện Chỉ thị này"))
    }

    @Test func directiveLetterHeader() throws {
        let h = try Fixtures.sample("assignments/directive-letter.txt").header
        #expect(h.kind == "CÔNG VĂN")
        #expect(h.number == "2468/UBND-NN")
        #expect(h.issuer == "ỦY BAN NHÂN DÂN - TỈNH HÀ NAM")
        #expect(h.place == "Hà Nam")
        #expect(h.date == DocumentDate(day: 15, month: 5, year: 2024))
        #expect(h.title == "V/v triển khai các giải pháp phòng, chống thiên tai mùa mưa bão năm 2024")
        #expect(h.addressee == "Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố")
        #expect(h.signer == Signer(title: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", name: "Trần Văn Hòa"))
    }

    @Test func meetingConclusionHeader() throws {
        let d = try Fixtures.sample("assignments/meeting-conclusion.txt")
        #expect(d.header.kind == "THÔNG BÁO")
        #expect(d.header.number == "215/TB-VP")
        #expect(d.header.issuer == "UBND HUYỆN ĐỨC TRỌNG - VĂN PHÒNG HĐND VÀ UBND")
        #expect(d.header.title == "Kết luận của Chủ tịch UBND huyện tại cuộc họp về công tác chuẩn bị Đại hội Thể dục thể thao huyện lần thứ VII")
        // The narrative (`… chủ trì cuộc họp …`), the evaluation and the closing line are no tasks.
        #expect(!d.tasks.contains { $0.title.contains("cuộc họp") || $0.title.contains("thông báo") })
        // Item 2 introduces its letters: its units lead the item without a unit of its own.
        #expect(d.task("2.d")?.leadSource == LeadSource(kind: .stated, line: 19))
    }

    @Test func decisionArticles() throws {
        let d = try Fixtures.sample("assignments/decision-articles.txt")
        #expect(d.header.kind == "QUYẾT ĐỊNH")
        #expect(d.header.title == "Về việc ban hành Kế hoạch thực hiện Đề án phát triển du lịch cộng đồng tỉnh Quảng Bình năm 2024")
        #expect(d.sections.map(\.kind) == [.article, .article, .article])
        #expect(d.sections.map(\.marker) == ["Điều 1.", "Điều 2.", "Điều 3."])
        #expect(d.sections[1].title == "Tổ chức thực hiện")
        #expect(d.sections[1].children.count == 4)
        #expect(d.preamble.first?.text == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH")
        #expect(d.warnings.isEmpty)
    }

    @Test func districtPlanResponsibilities() throws {
        let d = try Fixtures.sample("assignments/district-plan.txt")
        #expect(d.responsibilities.map { "\($0.unit.name)|\($0.role.rawValue)|\($0.line)" } == [
            "Văn phòng HĐND và UBND huyện|lead|73", "các cơ quan liên quan|support|73",
            "Phòng Văn hóa và Thông tin|lead|77", "Phòng Văn hóa và Thông tin|lead|77",
            "Phòng Nội vụ|lead|81",
            "Các cơ quan chuyên môn thuộc UBND huyện|lead|85", "UBND các xã, thị trấn|lead|85",
        ])
        #expect(d.responsibilities[0].duty == "Theo dõi, hướng dẫn công tác cải cách thủ tục hành chính trên địa bàn huyện")
        #expect(d.responsibilities[0].areas == ["cải cách thủ tục hành chính"])
        #expect(d.responsibilities[2].areas == ["chuyển đổi số"])
        // TỔ CHỨC THỰC HIỆN gives responsibilities, never tasks; MỤC ĐÍCH, YÊU CẦU neither.
        #expect(!d.tasks.contains { $0.line >= 69 || $0.line < 20 })
        #expect(d.task("II.2.1")?.leadSource == LeadSource(kind: .inferred, line: 73))
        #expect(d.task("III.1.1")?.leadSource == LeadSource(kind: .stated, line: 45))
    }
}
