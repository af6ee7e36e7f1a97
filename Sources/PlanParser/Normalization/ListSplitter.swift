/// Splits a lead/support unit cell or a product cell into its items.
///
/// Units: `;`, line breaks and list dashes always separate; `,` and ` và ` separate only
/// when the next words start a new unit name (`Văn phòng Sở, Thanh tra Sở` is two units,
/// `Chi cục Tiêu chuẩn, Đo lường, Chất lượng` one). A label before `:` that introduces
/// units (`các cơ quan, đơn vị: Sở Nội vụ`) is dropped. Nothing inside parentheses splits.
///
/// Products: `;`, line breaks and list dashes separate; commas stay inside a product.
///
/// A list dash (`-`, `–`, `—` or `+`, then a space) opens the text or follows `.`, `;` or
/// `:`; a dash between words (`kinh tế - kỹ thuật`, `Hành chính - Tổng hợp`) is no list.
///
/// - Precondition: the text is NFC.
/// - Postcondition: items are trimmed, never empty, in printed order and spelling.
enum ListSplitter {
    /// Unit names in a lead/support cell or field value, e.g.
    /// `- Phòng Quản lý KH&CN; - Chi cục Tiêu chuẩn, Đo lường, Chất lượng` → 2 names.
    /// Trailing `.`, `,`, `;`, `:` are dropped.
    static func units(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { split($0, units: true) }
    }

    /// Products in a product cell or field. Trailing `;` and `,` are dropped, and so is a
    /// single final `.`: it ends the sentence, not the product (an ellipsis `...` stays).
    static func products(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { split($0, units: false) }
    }

    /// ``units(_:)`` of a text's UTF-8 bytes.
    static func units(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] { split(bytes, units: true) }

    /// ``products(_:)`` of a text's UTF-8 bytes.
    static func products(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] { split(bytes, units: false) }

    // MARK: - Splitting

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, units: Bool) -> [String] {
        // Names whose field holds commas or `và` (`Sở Văn hóa, Thể thao và Du lịch`) never split;
        // the lexicon is asked only when a split is about to happen.
        var protected: [Range<Int>]?
        func isProtected(_ i: Int) -> Bool {
            if protected == nil { protected = UnitNameReader.protectedRanges(in: bytes) }
            return protected!.contains { $0.contains(i) }
        }
        var items: [String] = []
        var start = 0
        var depth = 0
        var i = 0
        let count = bytes.count
        func cut(_ end: Int) {
            if let item = trimmed(bytes, start, end, units: units) { items.append(item) }
        }
        while i < count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth = max(0, depth - 1)
            case UInt8(ascii: ";"), 0x0A, 0x0D:
                if depth == 0 || b != UInt8(ascii: ";") {
                    cut(i)
                    start = i + 1
                }
            case UInt8(ascii: ","):
                if units, depth == 0, startsUnit(bytes, at: i + 1, afterAnd: false), !isProtected(i) {
                    cut(i)
                    start = i + 1
                }
            case UInt8(ascii: ":"):
                // "các cơ quan, đơn vị: Sở Nội vụ": the label before the colon names no unit.
                if units, depth == 0, startsUnit(bytes, at: i + 1, afterAnd: false) {
                    start = i + 1
                }
            case UInt8(ascii: " "):
                // " và " (and) before a new unit name.
                if units, depth == 0, i + 4 < count, bytes[i + 1] == UInt8(ascii: "v"), bytes[i + 2] == 0xC3,
                    bytes[i + 3] == 0xA0, bytes[i + 4] == UInt8(ascii: " "),
                    startsUnit(bytes, at: i + 5, afterAnd: true), !isProtected(i + 1)
                {
                    cut(i)
                    start = i + 5
                    i += 5
                    continue
                }
            default:
                if depth == 0, let length = listDashLength(bytes, at: i), opensItem(bytes, start, i) {
                    cut(i)
                    start = i + length
                    i += length
                    continue
                }
            }
            i += 1
        }
        cut(count)
        return items
    }

    /// The byte length of a dash or `+` at `i` followed by a space (a list marker candidate).
    @inline(__always)
    private static func listDashLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let length: Int
        switch bytes[i] {
        case UInt8(ascii: "-"), UInt8(ascii: "+"): length = 1
        // – (U+2013) and — (U+2014) are E2 80 93 / E2 80 94.
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94):
            length = 3
        default: return nil
        }
        guard i + length < bytes.count, bytes[i + length] == UInt8(ascii: " ") else { return nil }
        return length
    }

    /// Whether a dash at `i` opens an item: nothing but spaces since `start`, or a space
    /// after `.`, `;` or `:`.
    private static func opensItem(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ i: Int) -> Bool {
        var k = i - 1
        var sawSpace = false
        while k >= start, bytes[k] == UInt8(ascii: " ") || bytes[k] == 0x09 {
            sawSpace = true
            k -= 1
        }
        if k < start { return true }
        switch bytes[k] {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"): return sawSpace
        default: return false
        }
    }

    /// The item `start..<end` trimmed of spaces, list markers and trailing punctuation;
    /// `nil` when nothing is left.
    private static func trimmed(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, units: Bool
    ) -> String? {
        var a = start
        var b = end
        while true {
            while a < b, isSpace(bytes[a]) { a += 1 }
            guard a < b else { return nil }
            // A leading list marker: "-", "+", "•", "–", "—".
            if bytes[a] == UInt8(ascii: "-") || bytes[a] == UInt8(ascii: "+") {
                a += 1
            } else if b - a >= 3, bytes[a] == 0xE2, bytes[a + 1] == 0x80,
                bytes[a + 2] == 0x93 || bytes[a + 2] == 0x94 || bytes[a + 2] == 0xA2
            {
                a += 3
            } else {
                break
            }
        }
        while b > a {
            let c = bytes[b - 1]
            if isSpace(c) || c == UInt8(ascii: ";") || c == UInt8(ascii: ",") {
                b -= 1
            } else if units, c == UInt8(ascii: ".") || c == UInt8(ascii: ":") {
                b -= 1
            } else if !units, c == UInt8(ascii: "."), b - 2 < a || bytes[b - 2] != UInt8(ascii: ".") {
                // One final full stop goes, and only one: "Báo cáo." → "Báo cáo".
                b -= 1
                while b > a, isSpace(bytes[b - 1]) { b -= 1 }
                break
            } else {
                break
            }
        }
        guard a < b else { return nil }
        // A String's own bytes, cut at ASCII marks and whole dashes: valid UTF-8, not checked again.
        return String(validUTF8: UnsafeBufferPointer(rebasing: bytes[a..<b]))
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    // MARK: - Unit names

    /// Whether the words from `i` (after spaces) begin a unit name. After a comma the name
    /// must be capitalized (`, Thanh tra Sở`); after `và` it may also be a lowercase group
    /// (`và các phòng, đơn vị liên quan`).
    private static func startsUnit(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, afterAnd: Bool) -> Bool {
        var k = i
        while k < bytes.count, isSpace(bytes[k]) { k += 1 }
        guard k < bytes.count else { return false }
        let (first, _) = VietnameseText.scalar(in: bytes, at: k)
        let capitalized = VietnameseText.isUppercase(first)
        // A lowercase word after a comma or colon starts no unit: nothing to read.
        guard capitalized || afterAnd else { return false }
        // Lowercase the next few words: enough for the longest entry plus the word after.
        // At most 35 bytes and one more scalar (4 bytes): a buffer on the stack.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var length = 0
            var words = 0
            var j = k
            while j < bytes.count, length < 36 {
                let (s, n) = VietnameseText.scalar(in: bytes, at: j)
                if s == 0x20 {
                    words += 1
                    if words == 3 { break }
                }
                // As `VietnameseText.appendUTF8` writes it.
                let l = VietnameseText.lowercase(s)
                switch l {
                case 0..<0x80:
                    buffer[length] = UInt8(l)
                    length += 1
                case 0x80..<0x800:
                    buffer[length] = UInt8(0xC0 | (l >> 6))
                    buffer[length + 1] = UInt8(0x80 | (l & 0x3F))
                    length += 2
                case 0x800..<0x10000:
                    buffer[length] = UInt8(0xE0 | (l >> 12))
                    buffer[length + 1] = UInt8(0x80 | ((l >> 6) & 0x3F))
                    buffer[length + 2] = UInt8(0x80 | (l & 0x3F))
                    length += 3
                default:
                    buffer[length] = UInt8(0xF0 | (l >> 18))
                    buffer[length + 1] = UInt8(0x80 | ((l >> 12) & 0x3F))
                    buffer[length + 2] = UInt8(0x80 | ((l >> 6) & 0x3F))
                    buffer[length + 3] = UInt8(0x80 | (l & 0x3F))
                    length += 4
                }
                j += n
            }
            let lower = UnsafeBufferPointer(rebasing: buffer[..<length])
            for entry in notUnits where hasWordPrefix(lower, entry) { return false }
            if capitalized {
                for entry in unitWords where hasWordPrefix(lower, entry) { return true }
            }
            if afterAnd {
                for entry in unitGroups where hasWordPrefix(lower, entry) { return true }
            }
            return false
        }
    }

    /// Whether `text` starts with the words `prefix`, ending at a word boundary.
    private static func hasWordPrefix(_ text: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard text.count >= prefix.count else { return false }
        for k in prefix.indices where text[k] != prefix[k] { return false }
        guard text.count > prefix.count else { return true }
        let next = text[prefix.count]
        // A boundary is any ASCII non-letter, non-digit (space, comma, "&"…).
        return next < 0x80 && !((next | 0x20) &- 0x61 < 26) && !(next &- 0x30 < 10)
    }

    /// First words of unit names (lowercased; they must be capitalized in the text).
    private static let unitWords: [[UInt8]] = [
        "phòng",  // office / division
        "văn phòng",  // office (of a department)
        "thanh tra",  // inspectorate
        "trung tâm",  // centre
        "chi cục",  // sub-department
        "sở",  // provincial department
        "ban",  // board
        "tổ",  // team
        "ubnd",  // people's committee (abbreviation)
        "ủy ban", "uỷ ban",  // committee
        "bộ",  // ministry
        "cục",  // department (national)
        "công an",  // police
        "hđnd",  // people's council (abbreviation)
        "hội đồng",  // council
        "hội",  // association
        "đài",  // broadcasting station
        "báo",  // newspaper
        "đoàn",  // delegation / youth union
        "viện",  // institute
        "học viện",  // academy
        "trường",  // school
        "kho bạc",  // treasury
        "ngân hàng",  // bank
        "bệnh viện",  // hospital
        "cơ quan",  // agency
        "đơn vị",  // unit
        "tỉnh ủy", "tỉnh uỷ",  // provincial party committee
        "mặt trận",  // fatherland front
        "liên đoàn",  // federation
        "hiệp hội",  // association
        "các phòng",  // the offices
        "các đơn vị",  // the units
        "các sở",  // the departments
        "các cơ quan",  // the agencies
        "các ban",  // the boards
    ].map { Array($0.utf8) }

    /// Groups that may follow a lowercase `và` (and).
    private static let unitGroups: [[UInt8]] = [
        "các phòng",  // the offices
        "các đơn vị",  // the units
        "các cơ quan",  // the agencies
        "các sở",  // the departments
    ].map { Array($0.utf8) }

    /// Words that start like a unit but are not one.
    private static let notUnits: [[UInt8]] = [
        "ban hành",  // to issue
        "tổ chức",  // organization / to organize
        "báo cáo",  // report
        "trường hợp",  // case
        "hội nghị",  // conference
        "hội thảo",  // workshop
        "sở hữu",  // ownership
    ].map { Array($0.utf8) }
}
