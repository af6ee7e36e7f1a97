/// Finds tables that a converter flattened beyond repair — LibreOffice's "Save as Text",
/// docx2txt and plain `pdftotext` write one cell per line with nothing to tell where a row or
/// the table ends — so that their loss is said (`table-lost`) instead of passing silently.
///
/// A section looks like such a table when, with no table read in it, its paragraphs hold a
/// table's header cells one by one (`STT`, `Nhiệm vụ`, `Kết quả/ Sản phẩm`, `Đơn vị chủ trì`, …:
/// three kinds of column among a few lines, one of them the task), or when an appendix holds
/// row numbers on lines of their own (`1`, `2`, `3`, which the furniture detector took for page
/// numbers).
enum LostTableDetector {
    /// The warning code, one of ``PlanDocument/strictWarningCodes``.
    static let code = "table-lost"

    /// A paragraph of header cells run together has at most this many bytes.
    static let longestHeaderBytes = 160

    /// Header cells this close together (in paragraphs) are one header row.
    static let headerWindow = 10
    /// The number column's headers, one starting a paragraph of cells run together.
    static let numberHeaders = [
        "STT ",  // "STT": number in order
        "TT ",  // "TT": order
    ].map { Array($0.utf8) }

    /// At least this many `|` in the paragraphs of an appendix are cells run together.
    static let minRunPipes = 8
    /// At least this many row numbers alone on their lines make an appendix a lost table.
    static let minRowNumbers = 3

    /// - Parameter furniture: the lines taken out as page furniture — a row number alone on
    ///   its line looks like a page number and is among them.
    static func check(_ store: SectionStore, furniture: [SourceLine] = []) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let numbers = furniture.filter { TableParser.rowNumber($0.text) != nil && $0.text.utf8.count <= 3 }.map(\.line)
        for root in store.rootViews { visit(root, store, insideAppendix: false, loneNumbers: numbers, into: &found) }
        return found
    }

    /// - Parameter store: `s.store`, held: the children are read through it (a view's reference
    ///   to its store is retained and released at every read).
    /// - Returns: whether the subtree holds a table that was read (rows beyond its header).
    @discardableResult
    private static func visit(_ s: SectionView, _ store: SectionStore, insideAppendix: Bool, loneNumbers: [Int],
                              into found: inout [Diagnostic]) -> Bool
    {
        let appendix = insideAppendix || s.kind == .appendix
        // In an appendix, a table counts as read when it has task columns: a grid a converter
        // garbled into one- or two-column scraps (antiword on some tables) is no table read.
        var hasTable = s.tables.contains { t in
            t.rows.contains { $0.kind != .header && $0.kind != .other }
                && (!appendix || (t.columns.contains { $0.role == .title }
                    && t.columns.contains { [.lead, .support, .time, .product].contains($0.role) }))
        }
        // The children's warnings go straight into `found`, after `mark` (no array per node); a
        // lost table here takes them back.
        let mark = found.count
        // Most nodes are leaves: asked first, without the slice of child positions (which retains).
        if s.hasChildren {
            for k in s.children.indices {
                let c = SectionView(store: store, index: Int(store.childIndex[k]))
                if visit(c, store, insideAppendix: appendix, loneNumbers: loneNumbers, into: &found) { hasTable = true }
            }
        }
        if appendix, let t = s.tables.first(where: isGarbledGrid), s.hasParagraphs,
            s.storedParagraphs.contains(where: { startsRunTogetherRow(StoredText(store: s.store, range: $0.text)) })
        {
            // Beside a table that was read, another the converter ran together (antiword: a
            // row's cells and the next row's number on one line): said, even so.
            found.append(Diagnostic(line: t.line, code: code, message: message(from: t.line, to: t.endLine, how: "cells run together")))
        }
        if hasTable { return true }
        let childrenFound = found.count > mark
        // The header cells and row numbers in this section's own paragraphs.
        var header: (line: Int, roles: ColumnRoles, hasTitle: Bool)?
        var headerAt = -1
        var start: Int?
        var numbers = 0
        var ranTogether = false
        let paragraphs = s.hasParagraphs ? s.storedParagraphs : []
        // Header cells make a lost header only beside the task column's: in a section no
        // paragraph of which could name that column (most), the short ones are read for row
        // numbers alone.
        let mayHoldHeader = paragraphs.contains { p in
            StoredText(store: s.store, range: p.text).withBytes(mayNameTaskColumn)
        }
        for (k, p) in paragraphs.enumerated() {
            // Only short paragraphs can be a row number or header cells — or the start of a
            // table whose cells ran together into one paragraph (`STT Nhiệm vụ Đơn vị chủ trì …
            // 1 Cập nhật …`: a layout table printed too narrow to part its columns).
            let roles = StoredText(store: s.store, range: p.text).withBytes { bytes -> ColumnRoles in
                if bytes.count <= 4, TableParser.rowNumber(String(decoding: bytes, as: UTF8.self)) != nil { return .rowNumber }
                if bytes.count <= Self.longestHeaderBytes { return mayHoldHeader ? headerRoles(bytes) : [] }
                guard Self.numberHeaders.contains(where: { ByteSearch.hasPrefix(bytes, $0) }) else { return [] }
                var end = Self.longestHeaderBytes
                while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // a whole scalar
                return headerRoles(UnsafeBufferPointer(rebasing: bytes[..<end]))
            }
            if roles == .rowNumber {
                numbers += 1
                if start == nil { start = Int(p.line) }
                continue
            }
            guard !roles.isEmpty else { continue }
            if p.text.count > Self.longestHeaderBytes { ranTogether = true }
            if header == nil || k - headerAt > headerWindow { header = (Int(p.line), [], false) }
            header!.roles.formUnion(roles)
            if roles.contains(.title) { header!.hasTitle = true }
            headerAt = k
            if header!.hasTitle, header!.roles.count >= 3, start == nil || start! > header!.line { start = header!.line }
        }
        // Row numbers taken for page numbers: many, close together, inside an appendix.
        if s.kind == .appendix {
            let inside = loneNumbers.filter { $0 >= s.line && $0 <= s.endLine }
            if inside.count >= minRowNumbers, (inside.last! - inside.first!) / (inside.count - 1) < 15 {
                numbers += inside.count
                if start == nil || start! > inside[0] { start = start ?? inside[0] }
            }
        }
        let lostHeader = header.map { $0.hasTitle && $0.roles.count >= 3 } ?? false
        if lostHeader || (appendix && numbers >= minRowNumbers) {
            let first = start ?? s.line
            found.removeSubrange(mark...)
            found.append(Diagnostic(line: first, code: code,
                                    message: message(from: first, to: s.endLine, how: ranTogether ? Self.tooClose : "one cell per line")))
            // One warning per lost table: the sections inside it are part of it.
            return false
        }
        if s.kind == .appendix, !childrenFound {
            // Cells run together with their `|` separators in running text (`1 |Giao quyền … |Phòng
            // Kế hoạch - Tài chính |…`): a grid the converter could not lay out.
            var pipes = 0
            var first: Int?
            for p in s.storedParagraphs {
                let n = StoredText(store: s.store, range: p.text).withBytes { $0.reduce(0) { $1 == UInt8(ascii: "|") ? $0 + 1 : $0 } }
                if n > 0, first == nil { first = Int(p.line) }
                pipes += n
            }
            if pipes >= minRunPipes, let first {
                found.append(Diagnostic(line: first, code: code, message: message(from: first, to: s.endLine, how: "cells run together")))
                return false
            }
        }
        if s.kind == .appendix, !childrenFound, subtreeRoles(s).count >= 3 {
            // Plain `pdftotext` scatters the header over the appendix (`ST` / `Nhiệm vụ` / `T`, the
            // group rows `I. …` taken for headings, then `Đơn vị chủ trì`, `Sản phẩm` … further on):
            // in an appendix with no table read, column names anywhere in it are the lost header.
            found.append(Diagnostic(line: s.line, code: code, message: message(from: s.line, to: s.endLine)))
            return false
        }
        return false
    }

    /// `3 |Số hóa hồ sơ … |Phòng Tư pháp |…`: a paragraph that starts with a row number and its
    /// cells' `|` — a row the converter could not lay out.
    private static func startsRunTogetherRow(_ text: StoredText) -> Bool {
        text.withBytes { b in
            var i = 0
            while i < b.count, i < 3, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > 0 else { return false }
            while i < b.count, b[i] == 0x20 { i += 1 }
            return i < b.count && b[i] == UInt8(ascii: "|") && b[(i + 1)...].contains(UInt8(ascii: "|"))
        }
    }

    /// A grid no row of which was read (no header, no task) where a row number sits inside a
    /// row, between cells, with text after it: the rows of a table run into each other.
    private static func isGarbledGrid(_ t: TableView) -> Bool {
        guard t.width >= 3, t.rowCount >= 2, t.rows.allSatisfy({ $0.kind == .other }) else { return false }
        for row in t.rows {
            for c in 1..<(t.width - 1) {
                let number = row.cell(c).withBytes { $0.count <= 3 && !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
                if number, row.cell(c + 1).withBytes({ $0.count >= 12 }), !row.cell(c - 1).isEmpty || c >= 2 { return true }
            }
        }
        return false
    }

    /// The column kinds named by short paragraphs of `s` and its subsections, without a colon
    /// (`Cơ quan chủ trì: …` is a field), cells run together counting from two (`STT Nhiệm vụ`).
    private static func subtreeRoles(_ s: SectionView) -> ColumnRoles {
        var roles: ColumnRoles = []
        for p in s.storedParagraphs where p.text.count <= Self.longestHeaderBytes {
            roles.formUnion(StoredText(store: s.store, range: p.text).withBytes { bytes -> ColumnRoles in
                guard !bytes.contains(UInt8(ascii: ":")) else { return [] }
                return headerRoles(bytes, runTogether: 2)
            })
        }
        for c in s.children { roles.formUnion(subtreeRoles(c)) }
        return roles
    }

    /// A set of column kinds, as bits; ``rowNumber`` marks a paragraph that is a row number.
    struct ColumnRoles: OptionSet, Equatable {
        let rawValue: UInt16
        static let rowNumber = ColumnRoles(rawValue: 1 << 15)
        static let title = ColumnRoles(.title)

        init(rawValue: UInt16) { self.rawValue = rawValue }
        init(_ role: TableColumn.Role) {
            rawValue = 1 << UInt16(TableColumn.Role.allCases.firstIndex(of: role) ?? 0)
        }

        var count: Int { (rawValue & 0x7FFF).nonzeroBitCount }
    }

    /// The words of one column's header cells, looked for inside a paragraph that joined several.
    private struct HeaderWords {
        var role: ColumnRoles
        var words: [[UInt8]]
    }

    // A column kind each: the count of kinds found is the count of groups with a word found.
    private static let headerWords: [HeaderWords] = ([
        (.number, ["stt"]),  // row number
        (.title, ["nhiệm vụ", "nội dung"]),  // task, content
        (.product, ["sản phẩm", "kết quả"]),  // product, result
        (.lead, ["chủ trì"]),  // leads
        (.support, ["phối hợp"]),  // supports
        (.time, ["thời gian", "thời hạn"]),  // time, deadline
    ] as [(TableColumn.Role, [String])]).map { HeaderWords(role: ColumnRoles($0.0), words: $0.1.map { Array($0.utf8) }) }

    /// The column kinds a paragraph names as header cells: a whole cell (`Đơn vị chủ trì`), or
    /// several cells run together (`Nhiệm vụ Kết quả/ Sản phẩm Đơn vị chủ trì …`, no colon:
    /// inline fields are `Chủ trì: …`).
    static func headerRoles(_ text: String) -> Set<TableColumn.Role> {
        let bits = text.withUTF8Bytes { headerRoles($0) }
        return Set(TableColumn.Role.allCases.filter { bits.contains(ColumnRoles($0)) })
    }

    private static func headerRoles(_ bytes: UnsafeBufferPointer<UInt8>, runTogether: Int = 3) -> ColumnRoles {
        VietnameseText.withLowercased(bytes) { folded -> ColumnRoles in
            // At most 30 letters (90 bytes): one cell.
            if folded.count <= 90, DisplayColumns.width(folded) <= 30 {
                let role = LabelVocabulary.columnRole(ofHeader: folded)
                if role != .other { return ColumnRoles(role) }
            }
            guard !folded.contains(UInt8(ascii: ":")) else { return [] }
            // A sentence that names columns (`… xác định rõ nhiệm vụ, thời gian hoàn thành và sản
            // phẩm.`) ends as a sentence; a header row run together does not.
            if let last = folded.last(where: { $0 != 0x20 }), last == UInt8(ascii: ".") || last == UInt8(ascii: ";") { return [] }
            var roles: ColumnRoles = []
            var found = 0
            // By index: a `for` over the groups would copy each (and retain its words).
            let groups = headerWords
            for g in groups.indices {
                // The groups left cannot make up `runTogether` kinds: the paragraph names none.
                if found + (groups.count - g) < runTogether { return [] }
                for w in groups[g].words.indices where ByteSearch.find(folded, groups[g].words[w]) != nil {
                    roles.insert(groups[g].role)
                    found += 1
                    break
                }
            }
            return found >= runTogether ? roles : []
        }
    }

    /// Whether a paragraph's header cells could name the task column (``ColumnRoles/title``):
    /// its lowercase starts with a task column's header word, or holds one found anywhere (the
    /// task group's words run together), as ``LabelVocabulary`` and ``headerRoles(_:runTogether:)``
    /// match them. A long paragraph that starts like cells run together counts as one that could.
    private static func mayNameTaskColumn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count > Self.longestHeaderBytes { return Self.numberHeaders.contains(where: { ByteSearch.hasPrefix(bytes, $0) }) }
        let words = taskColumnWords
        // The start, lowercased alone: a whole scalar's bytes, as many as the longest prefix word.
        var head = min(bytes.count, words.longestPrefix)
        while head < bytes.count, head > 0, bytes[head] & 0xC0 == 0x80 { head -= 1 }
        let starts = VietnameseText.withLowercased(UnsafeBufferPointer(rebasing: bytes[..<head])) { folded in
            words.prefixes.contains { ByteSearch.hasPrefix(folded, $0) }
        }
        if starts { return true }
        // Lowercasing keeps ASCII bytes in place and every other byte above ASCII: a word's run
        // of ASCII bytes is in the raw bytes, case aside, wherever the word is in the lowercase.
        guard words.anywhere.indices.contains(where: { containsFoldingCase(bytes, words.anywhere[$0].run) }) else { return false }
        return VietnameseText.withLowercased(bytes) { folded in words.anywhere.contains { ByteSearch.contains(folded, $0.word) } }
    }

    /// Whether `bytes` hold `run` (ASCII, each byte with its case bit set) in any case.
    private static func containsFoldingCase(_ bytes: UnsafeBufferPointer<UInt8>, _ run: [UInt8]) -> Bool {
        guard !run.isEmpty, run.count <= bytes.count else { return run.isEmpty }
        return run.withUnsafeBufferPointer { r in
            let first = r[0]
            // Both sides with the case bit set: an ASCII letter's two cases meet, other bytes stay.
            for i in 0...(bytes.count - r.count) where bytes[i] | 0x20 == first {
                var k = 1
                while k < r.count, bytes[i + k] | 0x20 == r[k] { k += 1 }
                if k == r.count { return true }
            }
            return false
        }
    }

    /// The words that name the task column in a header cell: those it starts with (the
    /// vocabulary's header words for it) and those found anywhere (the task group's words), each
    /// of these with its longest run of ASCII bytes.
    private struct TaskColumnWords {
        var prefixes: [[UInt8]] = []
        var anywhere: [(word: [UInt8], run: [UInt8])] = []
        var longestPrefix = 0

        init() {
            var found: [[UInt8]] = []
            for e in LabelVocabulary.entries where e.role == .title {
                guard let match = e.header else { continue }
                if match == .anywhere { found.append(e.words) } else { prefixes.append(e.words) }
            }
            for g in LostTableDetector.headerWords where g.role == .title { found += g.words }
            longestPrefix = prefixes.map(\.count).max() ?? 0
            anywhere = found.map { w in
                let runs = w.split(whereSeparator: { $0 >= 0x80 })
                return (w, (runs.max(by: { $0.count < $1.count }) ?? []).map { $0 | 0x20 })
            }
        }
    }

    private static let taskColumnWords = TaskColumnWords()

    /// How a layout table printed too narrow is lost.
    static let tooClose = "its columns printed too close together"

    static func message(from first: Int, to last: Int, how: String = "one cell per line") -> String {
        // Columns too close in a layout text: pdftotext -layout is what gave it.
        let instead = how == tooClose ? "the .docx, or the web page itself (.html)" : "the .docx, or the PDF's text from pdftotext -layout"
        return "the table at lines \(first)–\(last) was not read: its columns were lost in conversion (\(how)); give \(instead)"
    }
}
