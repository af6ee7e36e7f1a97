import Testing

@testable import PlanParser

@Suite struct UnitNormalizerTests {
    /// The exact key of a name: lowercase, abbreviations written out, `,` and `và` gone.
    @Test(
        arguments: [
            ("Phòng Thanh tra – Hành chính tổng hợp", "phòng thanh tra - hành chính tổng hợp"),
            ("phòng thanh tra-hành chính tổng hợp.", "phòng thanh tra - hành chính tổng hợp"),
            ("Phòng Quản lý KH&CN", "phòng quản lý khoa học công nghệ"),
            ("UBND tỉnh", "ủy ban nhân dân tỉnh"),
            ("Uỷ ban nhân dân tỉnh", "ủy ban nhân dân tỉnh"),
            ("HĐND tỉnh", "hội đồng nhân dân tỉnh"),
            ("Trung tâm CNTT", "trung tâm công nghệ thông tin"),
            ("Phòng Kiểm soát TTHC", "phòng kiểm soát thủ tục hành chính"),
            ("Sở TT&TT", "sở thông tin truyền thông"),
            ("VP Sở", "văn phòng sở"),
            ("Phòng VP", "phòng vp"),
            ("Văn phòng Sở", "văn phòng sở"),
            ("- Phòng Quản lý KH&CN;", "phòng quản lý khoa học công nghệ"),
            (" — Phòng A —", "phòng a"),
            ("Trung tâm  Hỗ trợ   toàn diện", "trung tâm hỗ trợ toàn diện"),
            ("Sở Văn hoá, Thể thao và Du lịch", "sở văn hóa thể thao du lịch"),
            ("Phòng Thuỷ lợi", "phòng thủy lợi"),
            ("Phòng Hoàn thiện", "phòng hoàn thiện"),
            ("Quỹ phát triển", "quỹ phát triển"),
            ("Khoẻ", "khỏe"),
            (
                "Trung tâm Thông tin, thống kê và ứng dụng KHCN",
                "trung tâm thông tin thống kê ứng dụng khoa học công nghệ"
            ),
            ("", ""),
        ] as [(String, String)])
    func key(name: String, expected: String) {
        #expect(UnitNormalizer.key(for: name) == expected)
    }

    /// Names that are the same unit written differently.
    @Test(
        arguments: [
            [
                "Phòng Thanh tra – Hành chính tổng hợp", "Phòng Thanh tra - Hành chính tổng hợp",
                "phòng thanh tra-hành chính tổng hợp.",
            ],
            [
                "Phòng Quản lý KH&CN", "Phòng Quản lý KHCN", "Phòng quản lý Khoa học và Công nghệ",
                "Phòng Quản lý KH và CN", "Phòng quản lý khoa học công nghệ",
            ],
            ["UBND tỉnh", "Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh", "ỦY BAN NHÂN DÂN TỈNH"],
            ["Sở Khoa học và Công nghệ", "Sở KH&CN", "Sở KH & CN", "Sở KHCN"],
            ["Sở Thông tin và Truyền thông", "Sở TT&TT", "Sở TTTT"],
            ["Trung tâm Thông tin, thống kê và ứng dụng KHCN", "Trung tâm Thông tin, thống kê, ứng dụng KH&CN"],
            ["Văn phòng Sở", "VP Sở", "Văn phòng Sở."],
            [
                "Phòng Hành chính - Tổng hợp", "Phòng Hành chính – Tổng hợp", "Phòng Hành chính-Tổng hợp",
                "Phòng Hành chính — Tổng hợp",
            ],
            ["Các phòng, đơn vị thuộc Sở", "Các phòng đơn vị thuộc Sở", "các phòng, đơn vị thuộc Sở"],
            ["Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"],
            ["Trung tâm Ứng dụng và Dịch vụ khoa học công nghệ", "Trung tâm Ứng dụng và dịch vụ khoa học công nghệ"],
            ["Chi cục Tiêu chuẩn, Đo lường, Chất lượng", "Chi cục Tiêu chuẩn Đo lường Chất lượng"],
            ["HĐND tỉnh", "Hội đồng nhân dân tỉnh"],
            ["Phòng Thủy lợi", "Phòng Thuỷ lợi"],
        ] as [[String]])
    func sameUnit(names: [String]) {
        let keys = Set(names.map(UnitNormalizer.key(for:)))
        #expect(keys.count == 1, "\(keys)")
    }

    /// Names of different units.
    @Test(
        arguments: [
            ("Văn phòng Sở", "Thanh tra Sở"),
            ("Phòng Quản lý KH&CN", "Phòng Quản lý Chuyên ngành"),
            ("Phòng Quản lý Công nghệ và Chuyên ngành", "Phòng Quản lý Chuyên ngành"),
            ("UBND tỉnh", "UBND huyện"),
            ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng"),
            ("Trung tâm Thông tin, thống kê và ứng dụng KHCN", "Trung tâm Ứng dụng và Dịch vụ khoa học công nghệ"),
            ("Phòng Hành chính - Tổng hợp", "Phòng Thanh tra – Hành chính tổng hợp"),
            ("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"),
            ("Văn phòng UBND tỉnh", "UBND tỉnh"),
            ("Phòng Hoàn thiện", "Phòng Hòa thiện"),
        ] as [(String, String)])
    func differentUnits(a: String, b: String) {
        #expect(UnitNormalizer.key(for: a) != UnitNormalizer.key(for: b))
    }
}
