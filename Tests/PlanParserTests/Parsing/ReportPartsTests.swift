import Testing
@testable import PlanParser

/// A report in parts written out (`Phần thứ nhất` / `KẾT QUẢ …`, `Phần thứ hai` / `PHƯƠNG
/// HƯỚNG, NHIỆM VỤ …`): each part opens a node, so the numbering starts again under it.
@Suite struct ReportPartsTests {
    static let document = """
        ỦY BAN NHÂN DÂN
        HUYỆN SƠN TRÀ MỚI
        Số: 412/BC-UBND
        Sơn Trà Mới, ngày 20 tháng 11 năm 2026
        BÁO CÁO
        Kết quả cải cách hành chính năm 2026 và phương hướng, nhiệm vụ năm 2027
        Phần thứ nhất
        KẾT QUẢ THỰC HIỆN NĂM 2026
        I. CÔNG TÁC CHỈ ĐẠO
        1. Cải cách thủ tục hành chính: đã tiếp nhận 12.450 hồ sơ.
        2. Chuyển đổi số: 100% xã sử dụng hệ thống quản lý văn bản.
        PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027
        1. Tiếp tục rà soát thủ tục hành chính nội bộ; Phòng Nội vụ chủ trì, hoàn thành trong Quý II/2027.
        2. Phòng Văn hóa và Thông tin chủ trì, phối hợp với các xã đẩy mạnh tuyên truyền, thực hiện thường xuyên.
        """

    @Test func partsOpenNodes() throws {
        let d = try Fixtures.parse(Self.document)
        #expect(d.header.title == "Kết quả cải cách hành chính năm 2026 và phương hướng, nhiệm vụ năm 2027")
        #expect(d.sections.map(\.kind) == [.part, .part])
        #expect(d.sections.map(\.title) == ["KẾT QUẢ THỰC HIỆN NĂM 2026", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027"])
        #expect(d.sections.map(\.number) == ["nhất", "HAI"])
        #expect(d.sections[1].children.map(\.number) == ["1", "2"])
        #expect(d.warnings.isEmpty, "no numbering slip: 1. after 2. is under a new part")
        #expect(d.tasks.map(\.id) == ["P2.1", "P2.2"])
        #expect(d.tasks.map { $0.lead.map(\.name) } == [["Phòng Nội vụ"], ["Phòng Văn hóa và Thông tin"]])
    }

    @Test(arguments: [
        ("Phần thứ nhất", 1), ("PHẦN THỨ HAI", 2), ("Phần thứ ba:", 3), ("Phần thứ tư.", 4), ("PHẦN THỨ NĂM", 5),
        ("PHẦN THỨ HAI PHƯƠNG HƯỚNG, NHIỆM VỤ", 2),
    ])
    func ordinalMarkers(_ line: String, _ ordinal: Int) {
        let m: MarkerScanner.Marker? = Array(line.utf8).withUnsafeBufferPointer { MarkerScanner.scan($0, from: 0, to: $0.count) }
        #expect(m?.style == .part)
        #expect(m?.ordinal == ordinal)
    }

    /// `Phần thứ hai của …` is a sentence, not a marker.
    @Test(arguments: ["Phần thứ hai của báo cáo nêu rõ kết quả.", "Phần thứ nhấtx", "Phần thứ mười"])
    func notMarkers(_ line: String) {
        let m: MarkerScanner.Marker? = Array(line.utf8).withUnsafeBufferPointer { MarkerScanner.scan($0, from: 0, to: $0.count) }
        #expect(m?.style != .part)
    }
}
