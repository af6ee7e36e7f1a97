import Testing
@testable import PlanParser

/// Leads inferred from `TỔ CHỨC THỰC HIỆN`: by the area a task's section names, by a duty
/// phrase in its title; never on a tie, never a collective.
@Suite struct LeadInferenceTests {
    static func plan(_ organization: String, tasks: String = """
        2. Cải cách thể chế

        - Rà soát văn bản quy phạm pháp luật của tỉnh.

        3. Cải cách tài chính công

        - Thực hiện cơ chế tự chủ của đơn vị sự nghiệp công lập.
        """) -> String {
        """
        KẾ HOẠCH

        Cải cách hành chính năm 2025

        I. NHIỆM VỤ

        \(tasks)

        II. TỔ CHỨC THỰC HIỆN

        \(organization)
        """
    }

    @Test func bySectionArea() throws {
        let d = try Fixtures.parse(Self.plan("""
            1. Sở Tư pháp

            - Chủ trì, phối hợp với các cơ quan liên quan tham mưu UBND tỉnh các biện pháp triển khai công tác cải cách thể chế.

            2. Sở Tài chính

            - Chủ trì tham mưu UBND tỉnh thực hiện các nhiệm vụ về cải cách tài chính công.
            """))
        #expect(d.task("I.2.1")?.lead.map(\.name) == ["Sở Tư pháp"])
        #expect(d.task("I.2.1")?.leadSource == LeadSource(kind: .inferred, line: 19))
        #expect(d.task("I.3.1")?.lead.map(\.name) == ["Sở Tài chính"])
        #expect(d.task("I.3.1")?.leadSource == LeadSource(kind: .inferred, line: 23))
    }

    @Test func tieInfersNothing() throws {
        let d = try Fixtures.parse(Self.plan("""
            1. Sở Tư pháp

            - Chủ trì triển khai công tác cải cách thể chế.

            2. Sở Nội vụ

            - Chủ trì triển khai công tác cải cách thể chế của ngành.
            """))
        #expect(d.task("I.2.1")?.lead.isEmpty == true)
        #expect(d.task("I.2.1")?.leadSource == nil)
    }

    @Test func collectivesAndSupportersAreNoLead() throws {
        let d = try Fixtures.parse(Self.plan("""
            1. Các sở, ban, ngành

            - Triển khai công tác cải cách thể chế.

            2. Sở Tài chính

            - Phối hợp với Sở Kế hoạch và Đầu tư triển khai công tác cải cách tài chính công.
            """))
        #expect(d.task("I.2.1")?.lead.isEmpty == true)
        // `Sở Tài chính phối hợp với Sở Kế hoạch và Đầu tư …`: the plan names the latter as lead.
        #expect(d.task("I.3.1")?.lead.map(\.name) == ["Sở Kế hoạch và Đầu tư"])
        #expect(d.responsibilities.map { "\($0.unit.name)|\($0.role.rawValue)" } == [
            "Các sở, ban, ngành|lead", "Sở Kế hoạch và Đầu tư|lead", "Sở Tài chính|support",
        ])
    }

    @Test func byTitlePhrase() throws {
        let d = try Fixtures.parse(Self.plan("""
            1. Giao Thanh tra Sở chủ trì tiếp công dân theo quy định. Tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, cá nhân về thủ tục hành chính.
            """, tasks: """
            1. Công tác chỉ đạo, điều hành

            - Thực hiện việc tiếp nhận, xử lý phản ánh, kiến nghị của doanh nghiệp về thủ tục hành chính.

            - Tổ chức hội nghị sơ kết công tác năm 2025.
            """))
        #expect(d.task("I.1.1")?.lead.map(\.name) == ["Thanh tra Sở"])
        #expect(d.task("I.1.2")?.lead.isEmpty == true)
    }

    /// A stated lead is never replaced.
    @Test func statedLeadStays() throws {
        let d = try Fixtures.parse(Self.plan("""
            1. Sở Tư pháp

            - Chủ trì triển khai công tác cải cách thể chế.
            """, tasks: """
            2. Cải cách thể chế

            - Sở Nội vụ rà soát văn bản quy phạm pháp luật của tỉnh.
            """))
        #expect(d.task("I.2.1")?.lead.map(\.name) == ["Sở Nội vụ"])
        #expect(d.task("I.2.1")?.leadSource?.kind == .stated)
    }

    /// Comparison words: hashes of the lowercase words, the old tone placement and
    /// abbreviations the same as written out, `và` dropped.
    @Test func vocabulary() {
        var v = LeadInference.Vocabulary()
        let plain = ["sở", "văn", "hóa", "thể", "thao", "du", "lịch"].map { Int(truncatingIfNeeded: TextWords.hash(Array($0.utf8))) }
        #expect(v.words("Sở Văn hoá, Thể thao và Du lịch") == plain)
        #expect(v.words("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH") == plain)
        #expect(v.words("Sở KH&CN") == v.words("sở khoa học công nghệ"))
        #expect(v.words("công tác CCHC") == v.words("công tác cải cách hành chính"))
        #expect(v.words("thuỷ lợi") == v.words("thủy lợi"))
    }
}
