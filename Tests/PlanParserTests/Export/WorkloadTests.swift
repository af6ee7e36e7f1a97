import Testing
@testable import PlanParser

@Suite struct WorkloadTests {
    @Test func unitsWrittenTwoWaysCountOnce() throws {
        let d = try Fixtures.parse("""
            II. NHIỆM VỤ

            a) Việc một.
            - Đơn vị chủ trì: Phòng Quản lý KH&CN
            - Đơn vị phối hợp: Văn phòng Sở

            b) Việc hai.
            - Đơn vị chủ trì: Phòng Quản lý Khoa học và Công nghệ
            - Đơn vị phối hợp: Thanh tra Sở, Văn phòng Sở

            c) Việc ba.
            - Đơn vị chủ trì: Phòng Quản lý KH&CN; Văn phòng Sở
            """)
        let units = UnitWorkload.compute(d)
        #expect(units.map(\.name) == ["Phòng Quản lý KH&CN", "Văn phòng Sở", "Thanh tra Sở"])
        #expect(units[0].spellings == ["Phòng Quản lý KH&CN", "Phòng Quản lý Khoa học và Công nghệ"])
        #expect(units[0].leads == ["II.a", "II.b", "II.c"])
        #expect(units[1].leads == ["II.c"])
        #expect(units[1].supports == ["II.a", "II.b"])
        #expect(Exports.units(d, as: "csv", tasks: true).hasPrefix(
            "unit,key,lead,support,lead_tasks,support_tasks\r\nPhòng Quản lý KH&CN,"))
        #expect(Exports.units(d, as: "text") == """
            Unit                  Lead  Support
            Phòng Quản lý KH&CN      3        0
            Văn phòng Sở             1        2
            Thanh tra Sở             0        1

            """)
    }

    @Test(.enabled(if: Fixtures.seedsAvailable, Fixtures.skipMessage))
    func seed000() throws {
        let units = UnitWorkload.compute(try Fixtures.seed("000"))
        #expect(units.first?.name == "Văn phòng Sở")
        #expect(units.first?.leads.count == 24)
        let centre = try #require(units.first { $0.name.hasPrefix("Trung tâm Thông tin") })
        #expect(centre.spellings == ["Trung tâm Thông tin, thống kê và ứng dụng KHCN", "Trung tâm Thông tin, thống kê, ứng dụng KH&CN"])
    }
}
