import Testing
@testable import PlanParser

/// Pairing and classification on small inline plans (field-bullet layout).
@Suite struct PlanDiffTests {
    typealias Task = (title: String, lead: String)

    /// A plan for `year` (`nil`: no year in its title) with numbered groups of lettered tasks.
    static func plan(_ year: Int?, _ groups: [(String, [Task])], time: String? = nil) throws -> PlanDocument {
        var text = "KẾ HOẠCH\n\nCông tác" + (year.map { " năm \($0)" } ?? " thường kỳ") + "\n\nII. NHIỆM VỤ CỤ THỂ\n\n"
        let letters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"]
        for (g, (name, tasks)) in groups.enumerated() {
            text += "\(g + 1). \(name)\n\n"
            for (k, t) in tasks.enumerated() {
                text += "\(letters[k])) \(t.title):\n- Đơn vị chủ trì thực hiện: \(t.lead).\n"
                if let time { text += "- Thời gian thực hiện: \(time)\n" }
                text += "\n"
            }
        }
        return try Fixtures.parse(text)
    }

    private func kinds(_ d: PlanDiff) -> [String] {
        d.changes.map { c in
            "\(c.change.rawValue) \(c.old?.id ?? "-") \(c.new?.id ?? "-")"
                + (c.fields.isEmpty ? "" : " " + c.fields.map(\.rawValue).joined(separator: ","))
                + (c.relatedTo.map { " ~" + $0 } ?? "")
        }
    }

    @Test func repeatedTitlesPairBySection() throws {
        let report = "Báo cáo kết quả thực hiện"
        let old = try Self.plan(2024, [
            ("Công tác chỉ đạo", [(report, "Văn phòng Sở"), ("Ban hành kế hoạch năm 2024", "Văn phòng Sở")]),
            ("Cải cách thủ tục hành chính", [(report, "Văn phòng Sở"), ("Rà soát thủ tục hành chính", "Thanh tra Sở")]),
        ])
        let new = try Self.plan(2025, [
            ("Cải cách thủ tục hành chính", [(report, "Văn phòng Sở"), ("Rà soát thủ tục hành chính", "Thanh tra Sở")]),
            ("Công tác chỉ đạo", [(report, "Văn phòng Sở"), ("Ban hành kế hoạch năm 2025", "Văn phòng Sở")]),
        ])
        let d = PlanDiff.compare(old, new)
        #expect(kinds(d) == [
            "unchanged II.1.a II.2.a", "unchanged II.1.b II.2.b", "unchanged II.2.a II.1.a", "unchanged II.2.b II.1.b",
        ])
        #expect(!d.hasDifferences)
    }

    @Test func belowThresholdStaysUnpaired() throws {
        // Same section, same lead, but the titles share too little.
        let old = try Self.plan(2024, [("Công tác chỉ đạo", [("Tổ chức hội nghị sơ kết công tác cải cách hành chính", "Văn phòng Sở")])])
        let new = try Self.plan(2025, [("Công tác chỉ đạo", [("Xây dựng kế hoạch cải cách hành chính giai đoạn 2026 - 2030", "Văn phòng Sở")])])
        let d = PlanDiff.compare(old, new)
        #expect(kinds(d) == ["added - II.1.a", "removed II.1.a -"], "no pair precedes the added task: it comes first")
        #expect(d.summary == PlanDiff.Summary(added: 1, removed: 1))
    }

    @Test func rewordedTitle() throws {
        let old = try Self.plan(2024, [("Chính quyền số", [("Cập nhật cơ sở dữ liệu đất đai, kết nối với Cơ sở dữ liệu quốc gia về dân cư", "Văn phòng Đăng ký đất đai")])])
        let new = try Self.plan(2025, [("Chính quyền số", [("Cập nhật cơ sở dữ liệu đất đai và kết nối, chia sẻ với Cơ sở dữ liệu quốc gia về dân cư", "Văn phòng Đăng ký đất đai")])])
        let d = PlanDiff.compare(old, new)
        #expect(kinds(d) == ["modified II.1.a II.1.a title"])
        let c = try #require(d.changes.first)
        #expect(c.titleDiff == [
            WordRun(kind: .equal, text: "Cập nhật cơ sở dữ liệu đất đai"), WordRun(kind: .inserted, text: "và"),
            WordRun(kind: .equal, text: "kết nối,"), WordRun(kind: .inserted, text: "chia sẻ"),
            WordRun(kind: .equal, text: "với Cơ sở dữ liệu quốc gia về dân cư"),
        ])
        #expect((c.similarity ?? 0) > 0.6 && (c.similarity ?? 1) < 1)
    }

    @Test func yearShiftInTitlesAndTimes() throws {
        let old = try Self.plan(2024, [("Công tác chỉ đạo", [("Xây dựng Kế hoạch năm 2025", "Văn phòng Sở"), ("Tổng kết năm 2023", "Văn phòng Sở"), ("Thực hiện Đề án giai đoạn 2021 - 2025", "Văn phòng Sở")])], time: "Quý IV/2024")
        let new = try Self.plan(2025, [("Công tác chỉ đạo", [("Xây dựng Kế hoạch năm 2026", "Văn phòng Sở"), ("Tổng kết năm 2024", "Văn phòng Sở"), ("Thực hiện Đề án giai đoạn 2021 - 2025", "Văn phòng Sở")])], time: "Quý IV/2025")
        let d = PlanDiff.compare(old, new)
        #expect(d.old.planYear == 2024 && d.new.planYear == 2025)
        #expect(kinds(d) == ["unchanged II.1.a II.1.a", "unchanged II.1.b II.1.b", "unchanged II.1.c II.1.c"])
    }

    @Test func noShiftWithoutPlanYear() throws {
        let old = try Self.plan(nil, [("Công tác chỉ đạo", [("Xây dựng Kế hoạch kiểm tra năm 2024", "Văn phòng Sở")])])
        let new = try Self.plan(2025, [("Công tác chỉ đạo", [("Xây dựng Kế hoạch kiểm tra năm 2025", "Văn phòng Sở")])])
        let d = PlanDiff.compare(old, new)
        #expect(d.old.planYear == nil)
        #expect(kinds(d) == ["modified II.1.a II.1.a title"])
        #expect(d.changes.first?.titleDiff.map(\.kind) == [.equal, .removed, .inserted])
    }

    @Test func mergedIntoOne() throws {
        let old = try Self.plan(2024, [("Thủ tục hành chính", [
            ("Số hóa hồ sơ giải quyết thủ tục hành chính", "Văn phòng Đăng ký đất đai"),
            ("Số hóa kết quả giải quyết thủ tục hành chính", "Văn phòng Đăng ký đất đai"),
        ])])
        let new = try Self.plan(2025, [("Thủ tục hành chính", [("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Văn phòng Đăng ký đất đai")])])
        let d = PlanDiff.compare(old, new)
        #expect(d.summary == PlanDiff.Summary(removed: 1, modified: 1))
        let removed = try #require(d.changes.first { $0.change == .removed })
        #expect(removed.relatedTo == "II.1.a")
        #expect(d.text().contains("merged into II.1.a"))
    }

    @Test func movedAndModified() throws {
        let old = try Self.plan(2024, [
            ("Công tác chỉ đạo", [("Ban hành kế hoạch kiểm tra", "Văn phòng Sở")]),
            ("Tuyên truyền", [("Tuyên truyền cải cách hành chính trên Trang thông tin điện tử", "Văn phòng Sở")]),
        ])
        let new = try Self.plan(2025, [
            ("Công tác chỉ đạo", [("Ban hành kế hoạch kiểm tra", "Văn phòng Sở"),
                                  ("Tuyên truyền cải cách hành chính trên Trang thông tin điện tử", "Thanh tra Sở"),
                                  ("Triển khai ứng dụng tra cứu trên thiết bị di động", "Văn phòng Sở")]),
        ])
        let d = PlanDiff.compare(old, new)
        // The added task comes right after the pair whose new task precedes it.
        #expect(kinds(d) == ["unchanged II.1.a II.1.a", "moved II.2.a II.1.b lead,section", "added - II.1.c"])
    }

    @Test func emptyPlans() throws {
        let empty = try Fixtures.parse("KẾ HOẠCH\n\nKhông có nhiệm vụ năm 2025\n")
        let one = try Self.plan(2025, [("Công tác chỉ đạo", [("Ban hành kế hoạch", "Văn phòng Sở")])])
        #expect(PlanDiff.compare(empty, empty).changes.isEmpty)
        #expect(kinds(PlanDiff.compare(empty, one)) == ["added - II.1.a"])
        #expect(kinds(one.difference(from: empty)) == ["added - II.1.a"])
        #expect(kinds(PlanDiff.compare(one, empty)) == ["removed II.1.a -"])
    }

    @Test func deterministic() throws {
        let a = try Fixtures.sample("diff/plan-2024.txt")
        let b = try Fixtures.sample("diff/plan-2025.txt")
        let first = PlanDiff.compare(a, b)
        for _ in 0..<3 { #expect(PlanDiff.compare(a, b) == first) }
    }
}
