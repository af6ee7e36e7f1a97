import Testing

@testable import PlanParser

@Suite struct ListSplitterTests {
    // MARK: - Units

    @Test(
        arguments: [
            // Separate items: ";", list dashes, line breaks.
            (
                "- Phòng Quản lý KH&CN; - Chi cục Tiêu chuẩn, Đo lường, Chất lượng",
                ["Phòng Quản lý KH&CN", "Chi cục Tiêu chuẩn, Đo lường, Chất lượng"]
            ),
            (
                "Văn phòng Sở; Trung tâm Thông tin, thống kê và ứng dụng KHCN;",
                ["Văn phòng Sở", "Trung tâm Thông tin, thống kê và ứng dụng KHCN"]
            ),
            (
                "Trung tâm Thông tin, thống kê, ứng dụng KH&CN; Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
                ["Trung tâm Thông tin, thống kê, ứng dụng KH&CN", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng"]
            ),
            ("– Văn phòng Sở\n– Thanh tra Sở", ["Văn phòng Sở", "Thanh tra Sở"]),
            ("- Phòng Quản lý KH&CN;", ["Phòng Quản lý KH&CN"]),
            // One name each, commas and "và" inside.
            ("Trung tâm Thông tin, thống kê và ứng dụng KHCN", ["Trung tâm Thông tin, thống kê và ứng dụng KHCN"]),
            ("Chi cục Tiêu chuẩn, Đo lường, Chất lượng", ["Chi cục Tiêu chuẩn, Đo lường, Chất lượng"]),
            ("Các phòng, đơn vị thuộc Sở", ["Các phòng, đơn vị thuộc Sở"]),
            ("Các phòng đơn vị thuộc Sở", ["Các phòng đơn vị thuộc Sở"]),
            ("Phòng Hành chính - Tổng hợp", ["Phòng Hành chính - Tổng hợp"]),
            ("Phòng Thanh tra – Hành chính tổng hợp", ["Phòng Thanh tra – Hành chính tổng hợp"]),
            (
                "Trung tâm Ứng dụng và Dịch vụ khoa học công nghệ",
                ["Trung tâm Ứng dụng và Dịch vụ khoa học công nghệ"]
            ),
            ("Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"]),
            ("Sở Thông tin và Truyền thông", ["Sở Thông tin và Truyền thông"]),
            ("Đơn vị được giao chủ trì", ["Đơn vị được giao chủ trì"]),
            ("Sở Nội vụ, Ban hành văn bản", ["Sở Nội vụ, Ban hành văn bản"]),
            (
                "Văn phòng UBND tỉnh (qua Sở Nội vụ, Sở Tài chính)",
                ["Văn phòng UBND tỉnh (qua Sở Nội vụ, Sở Tài chính)"]
            ),
            // Several names joined by "," or "và".
            ("Văn phòng Sở, Thanh tra Sở", ["Văn phòng Sở", "Thanh tra Sở"]),
            (
                "Phòng Quản lý Chuyên ngành, Các phòng đơn vị thuộc Sở",
                ["Phòng Quản lý Chuyên ngành", "Các phòng đơn vị thuộc Sở"]
            ),
            (
                "Phòng Hành chính - Tổng hợp và Trung tâm Ứng dụng và Dịch vụ khoa học công nghệ",
                ["Phòng Hành chính - Tổng hợp", "Trung tâm Ứng dụng và Dịch vụ khoa học công nghệ"]
            ),
            (
                "Phòng Hành chính - Tổng hợp và các phòng, đơn vị liên quan.",
                ["Phòng Hành chính - Tổng hợp", "các phòng, đơn vị liên quan"]
            ),
            (
                "Phòng Hành chính - Tổng hợp, Trung tâm Ứng dụng và dịch vụ khoa học công nghệ.",
                ["Phòng Hành chính - Tổng hợp", "Trung tâm Ứng dụng và dịch vụ khoa học công nghệ"]
            ),
            ("Thanh tra Sở, Phòng Hành chính - Tổng hợp", ["Thanh tra Sở", "Phòng Hành chính - Tổng hợp"]),
            ("HĐND và UBND tỉnh", ["HĐND", "UBND tỉnh"]),
            ("UBND tỉnh và các sở, ban, ngành", ["UBND tỉnh", "các sở, ban, ngành"]),
            (
                "Các phòng, đơn vị thuộc Sở; tổ chức, cá nhân có liên quan đến việc thực hiện TTHC.",
                ["Các phòng, đơn vị thuộc Sở", "tổ chức, cá nhân có liên quan đến việc thực hiện TTHC"]
            ),
            // 003: a label before ":" is dropped.
            (
                "Các phòng, đơn vị thuộc Sở; các cơ quan, đơn vị: Sở Nội vụ; các sở, ban, ngành; UBND các huyện, thị xã, thành phố.",
                ["Các phòng, đơn vị thuộc Sở", "Sở Nội vụ", "các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]
            ),
            // Nothing left.
            ("", []),
            (" ; - ;", []),
        ] as [(String, [String])])
    func units(text: String, expected: [String]) {
        #expect(ListSplitter.units(text) == expected)
    }

    // MARK: - Products

    @Test(
        arguments: [
            // 002, row II.1, joined with its page-break continuation.
            (
                "- Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%. - Tỷ lệ kết quả xử lý hồ sơ TTHC được đồng bộ trên Cổng dịch vụ công quốc gia là 100%. - Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC tối thiểu là 90%. - Tỷ lệ thanh toán trực tuyến trên Cổng dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công tối thiểu là 95%. - Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện trên Cổng Dịch vụ công quốc gia tối thiểu là 95%.",
                [
                    "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%",
                    "Tỷ lệ kết quả xử lý hồ sơ TTHC được đồng bộ trên Cổng dịch vụ công quốc gia là 100%",
                    "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC tối thiểu là 90%",
                    "Tỷ lệ thanh toán trực tuyến trên Cổng dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công tối thiểu là 95%",
                    "Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện trên Cổng Dịch vụ công quốc gia tối thiểu là 95%",
                ]
            ),
            ("- A. - B.", ["A", "B"]),
            ("Kế hoạch, Công văn", ["Kế hoạch, Công văn"]),
            ("Kế hoạch, Công văn; Báo cáo, Biên bản,...", ["Kế hoạch, Công văn", "Báo cáo, Biên bản,..."]),
            (
                "Quyết định, thông báo, biên bản, báo cáo, kết luận...",
                ["Quyết định, thông báo, biên bản, báo cáo, kết luận..."]
            ),
            (
                "Kế hoạch của Giám đốc Sở; báo cáo kết quả thực hiện.",
                ["Kế hoạch của Giám đốc Sở", "báo cáo kết quả thực hiện"]
            ),
            ("Xây dựng định mức kinh tế - kỹ thuật", ["Xây dựng định mức kinh tế - kỹ thuật"]),
            ("Mức độ hài lòng đạt từ 80% - 90%", ["Mức độ hài lòng đạt từ 80% - 90%"]),
            ("Công văn cử công chức phụ trách kiểm soát TTHC.", ["Công văn cử công chức phụ trách kiểm soát TTHC"]),
            ("Quyết định,", ["Quyết định"]),
            ("Quyết định của Chủ tịch UBND tỉnh (*nếu có*)", ["Quyết định của Chủ tịch UBND tỉnh (*nếu có*)"]),
            (
                "Kế hoạch kiểm tra; báo cáo kết quả kiểm tra; kiến nghị xử lý các vấn đề phát hiện qua kiểm tra.",
                ["Kế hoạch kiểm tra", "báo cáo kết quả kiểm tra", "kiến nghị xử lý các vấn đề phát hiện qua kiểm tra"]
            ),
            (
                "+ Kế hoạch của Sở; báo cáo kết quả.\n+ Báo cáo kết quả rà soát, đánh giá TTHC.",
                ["Kế hoạch của Sở", "báo cáo kết quả", "Báo cáo kết quả rà soát, đánh giá TTHC"]
            ),
            ("", []),
            ("; ;", []),
        ] as [(String, [String])])
    func products(text: String, expected: [String]) {
        #expect(ListSplitter.products(text) == expected)
    }
}
