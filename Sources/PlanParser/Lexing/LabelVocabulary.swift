/// The words that say what a value is — one table for field bullets (`- Đơn vị chủ trì: …`),
/// inline fields (`… Cơ quan phối hợp: …`) and table column headers (`Đơn vị chủ trì`).
///
/// Entries are tried in order; the first that matches decides. Words are lowercase NFC.
enum LabelVocabulary {
    /// How an entry's words must appear in a label or header cell (both lowercased).
    enum Match {
        /// Anywhere in it.
        case anywhere
        /// At its start.
        case prefix
        /// At its start, followed by its end, a space, `/` or `,` (a whole word: `tt` but not `ttr`).
        case word
    }

    struct Entry {
        /// The column role; field labels use the four roles a field can have.
        let role: TableColumn.Role
        let words: [UInt8]
        /// Another word the label must also contain (`đơn vị` … `thực hiện`).
        let requires: [UInt8]?
        /// How the words are matched in a field label, or `nil` when they never make one.
        let field: Match?
        /// How the words are matched in a header cell, or `nil` when they never make one.
        let header: Match?
        /// A field label with more words than this is a sentence, not this label.
        let fieldWordLimit: Int

        init(_ role: TableColumn.Role, _ words: String, requires: String? = nil, field: Match?, header: Match?,
             fieldWordLimit: Int = FieldLabel.maxLabelWords) {
            self.role = role
            self.words = Array(words.utf8)
            self.requires = requires.map { Array($0.utf8) }
            self.field = field
            self.header = header
            self.fieldWordLimit = fieldWordLimit
        }
    }

    static let entries: [Entry] = [
        Entry(.number, "stt", field: nil, header: .word),  // "no." (số thứ tự)
        Entry(.number, "tt", field: nil, header: .word),  // "no."
        Entry(.number, "số tt", field: nil, header: .word),  // "no."
        Entry(.number, "số thứ tự", field: nil, header: .word),  // "ordinal number"
        Entry(.lead, "chủ trì", field: .anywhere, header: .anywhere),  // "lead"
        Entry(.support, "phối hợp", field: .anywhere, header: .anywhere),  // "cooperate"
        Entry(.lead, "chịu trách nhiệm", field: .anywhere, header: .anywhere),  // "answerable" (đơn vị chịu trách nhiệm)
        Entry(.lead, "trách nhiệm thực hiện", field: .prefix, header: .word, fieldWordLimit: 4),  // "responsible for carrying out"
        Entry(.lead, "trách nhiệm", field: .prefix, header: .word, fieldWordLimit: 2),  // "responsibility" (alone: not `trách nhiệm của …`)
        Entry(.product, "sản phẩm", field: .prefix, header: .anywhere, fieldWordLimit: 6),  // "product"
        Entry(.product, "kết quả", field: .prefix, header: .anywhere, fieldWordLimit: 6),  // "result"
        Entry(.time, "thời gian", field: .prefix, header: .word, fieldWordLimit: 6),  // "time"
        Entry(.time, "thời hạn", field: .prefix, header: .word, fieldWordLimit: 6),  // "deadline"
        Entry(.time, "tiến độ", field: .prefix, header: .word, fieldWordLimit: 6),  // "schedule"
        Entry(.time, "thời điểm", field: .prefix, header: .word, fieldWordLimit: 6),  // "point in time"
        // "agency / unit / division … carrying out": the lead.
        Entry(.lead, "cơ quan", requires: "thực hiện", field: .prefix, header: .anywhere, fieldWordLimit: 6),
        Entry(.lead, "đơn vị", requires: "thực hiện", field: .prefix, header: .anywhere, fieldWordLimit: 6),
        Entry(.lead, "bộ phận", requires: "thực hiện", field: .prefix, header: .anywhere, fieldWordLimit: 6),
        Entry(.lead, "cơ quan", requires: "tham mưu", field: nil, header: .anywhere),  // "advising body" (drafts and submits)
        Entry(.lead, "đơn vị", requires: "tham mưu", field: nil, header: .anywhere),  // "advising unit"
        Entry(.product, "hình thức văn bản", field: nil, header: .word),  // "form of the document" (Quyết định, Kế hoạch …)
        Entry(.time, "mốc thời gian", field: nil, header: .word),  // "milestone date"
        Entry(.time, "lộ trình", field: nil, header: .word),  // "roadmap" (when each step is done)
        Entry(.notes, "ghi chú", field: nil, header: .word),  // "notes"
        Entry(.title, "nhiệm vụ", field: nil, header: .word),  // "task"
        Entry(.title, "nội dung", field: nil, header: .word),  // "content"
        Entry(.title, "tên nhiệm vụ", field: nil, header: .word),  // "task name"
        Entry(.title, "công việc", field: nil, header: .word),  // "work"
        Entry(.title, "hoạt động", field: nil, header: .word),  // "activity"
        Entry(.title, "tên đề án", field: nil, header: .word),  // "scheme name"
        Entry(.title, "giải pháp", field: nil, header: .word),  // "solution"
        Entry(.title, "tên", field: nil, header: .word),  // "name"
    ]

    /// An entry with its words as ranges of ``Table/bytes``: read in place, it holds no array to
    /// retain (a copy of an ``Entry`` retains two).
    private struct Compiled {
        let role: TableColumn.Role
        let words: Range<Int>
        let requires: Range<Int>?
        let field: Match?
        let header: Match?
        let fieldWordLimit: Int
    }

    /// ``entries`` compiled, their words back to back.
    private struct Table {
        var entries: [Compiled] = []
        var bytes: [UInt8] = []

        init(_ list: [Entry]) {
            for e in list {
                let words = bytes.count..<(bytes.count + e.words.count)
                bytes += e.words
                var requires: Range<Int>?
                if let r = e.requires {
                    requires = bytes.count..<(bytes.count + r.count)
                    bytes += r
                }
                entries.append(Compiled(role: e.role, words: words, requires: requires, field: e.field, header: e.header,
                                        fieldWordLimit: e.fieldWordLimit))
            }
        }
    }

    private static let table = Table(entries)

    /// The role of a field label (lowercased, `words` words long); `.unknown` for a label
    /// that names no known field.
    static func fieldRole(ofLabel label: UnsafeBufferPointer<UInt8>, words: Int) -> Field.Role {
        let table = Self.table
        return table.bytes.withUnsafeBufferPointer { bytes in
            table.entries.withUnsafeBufferPointer { list in
                for k in list.indices {
                    guard let match = list[k].field, words <= list[k].fieldWordLimit, matches(label, list[k], match, bytes) else {
                        continue
                    }
                    switch list[k].role {
                    case .lead: return .lead
                    case .support: return .support
                    case .product: return .product
                    case .time: return .time
                    default: continue
                    }
                }
                return .unknown
            }
        }
    }

    /// The role of a table header cell (lowercased); `.other` when no entry names it.
    static func columnRole(ofHeader cell: UnsafeBufferPointer<UInt8>) -> TableColumn.Role {
        guard !cell.isEmpty else { return .other }
        let table = Self.table
        return table.bytes.withUnsafeBufferPointer { bytes in
            table.entries.withUnsafeBufferPointer { list in
                for k in list.indices {
                    if let match = list[k].header, matches(cell, list[k], match, bytes) { return list[k].role }
                }
                return .other
            }
        }
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, _ e: Compiled, _ match: Match,
                                _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = UnsafeBufferPointer(rebasing: bytes[e.words])
        let found: Bool
        switch match {
        case .anywhere:
            found = ByteSearch.contains(text, words)
        case .prefix:
            found = ByteSearch.hasPrefix(text, words)
        case .word:
            guard ByteSearch.hasPrefix(text, words) else { return false }
            if text.count == words.count { return true }
            let next = text[words.count]
            found = next == 0x20 || next == UInt8(ascii: "/") || next == UInt8(ascii: ",")
        }
        guard found else { return false }
        return e.requires.map { ByteSearch.contains(text, UnsafeBufferPointer(rebasing: bytes[$0])) } ?? true
    }
}
