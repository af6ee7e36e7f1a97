/// Headings as web pages flatten them: a heading whose title went to the next line after a
/// blank one (`Phần II` / `NHIỆM VỤ, GIẢI PHÁP`), and a heading that swallowed the list under
/// it (`I. CĂN CỨ LẬP KẾ HOẠCH - Quyết định số 749/… - Nghị quyết số …`).
enum HeadingShapes {
    /// Whether text line `t` is the title of heading `node`, which has none yet.
    static func takesNextLineAsTitle(_ node: SectionStore.Node, _ t: LineToken) -> Bool {
        guard node.title.isEmpty, t.keyword == .none, t.fieldRole == nil, t.content.count <= 240 else { return false }
        switch node.kind {
        case .part, .roman, .group, .arabic, .article: return true
        default: return false
        }
    }

    /// A heading's title that runs into a flattened list: the uppercase title (at least two
    /// words) and the rest after ` - `, when what follows the dash is sentence case.
    static func flattenedHeading(_ kind: Section.Kind, _ content: Range<Int32>, _ storage: [UInt8]) -> (Range<Int32>, Range<Int32>)? {
        guard kind == .roman || kind == .part || kind == .group, content.count > 60 else { return nil }
        let lo = Int(content.lowerBound)
        let hi = Int(content.upperBound)
        var i = lo
        var words = 1
        while i + 2 < hi {
            let b = storage[i]
            if b == 0x20 {
                // ` - ` or ` – ` after an uppercase run, then a capitalized word with lowercase letters.
                var j = i + 1
                var dash = 0
                if storage[j] == UInt8(ascii: "-") { dash = 1 } else if j + 2 < hi, storage[j] == 0xE2, storage[j + 1] == 0x80, storage[j + 2] == 0x93 { dash = 3 }
                if dash > 0, j + dash < hi, storage[j + dash] == 0x20 {
                    j += dash + 1
                    let title = storage[lo..<i]
                    let rest = storage[j..<hi]
                    guard words >= 2, TextShape.isUppercase(title), let first = TextShape.firstScalar(rest),
                        VietnameseText.isUppercase(first), !TextShape.isUppercase(rest.prefix(40))
                    else { return nil }
                    return (Int32(lo)..<Int32(i), Int32(j)..<Int32(hi))
                }
                words += 1
            }
            i += 1
        }
        return nil
    }
}
