/// Fields written inside running text rather than as bullets:
/// `… thực hiện. Cơ quan chủ trì: X; cơ quan phối hợp: Y; thời gian hoàn thành: Z.` and
/// `Chủ trì: X. Phối hợp: Y. Thời gian: Z.`
enum InlineFields {
    struct Item: Equatable {
        var role: Field.Role
        var label: String
        var value: String
    }

    /// Splits `text` into the words before the first field label and the fields after it.
    /// A label counts only at the start or after `. `, `; ` or `, `, and only when it is a
    /// known field label (lead, support, product, time).
    static func split(_ text: String) -> (head: String, fields: [Item]) {
        return text.withUTF8Bytes { buf -> (String, [Item]) in
            let n = buf.count
            var found: [(start: Int, labelEnd: Int, valueStart: Int, role: Field.Role)] = []
            var p = 0
            while p < n {
                let atBoundary = p == 0
                    || (p >= 2 && buf[p - 1] == 0x20
                        && (buf[p - 2] == UInt8(ascii: ".") || buf[p - 2] == UInt8(ascii: ";") || buf[p - 2] == UInt8(ascii: ",")))
                if atBoundary, let (labelEnd, valueStart, role) = FieldLabel.match(buf, from: p, to: n),
                    role != .unknown
                {
                    found.append((p, labelEnd, valueStart, role))
                    p = valueStart
                    continue
                }
                p += 1
            }
            guard !found.isEmpty else { return (text, []) }
            func string(_ lo: Int, _ hi: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: buf[lo..<hi]), as: UTF8.self)
            }
            var headEnd = found[0].start
            while headEnd > 0, buf[headEnd - 1] == 0x20 || buf[headEnd - 1] == UInt8(ascii: ";")
                || buf[headEnd - 1] == UInt8(ascii: ",")
            {
                headEnd -= 1
            }
            var items: [Item] = []
            for (k, f) in found.enumerated() {
                var end = k + 1 < found.count ? found[k + 1].start : n
                while end > f.valueStart, buf[end - 1] == 0x20 || buf[end - 1] == UInt8(ascii: ";")
                    || buf[end - 1] == UInt8(ascii: ",") || buf[end - 1] == UInt8(ascii: ".")
                {
                    end -= 1
                }
                items.append(Item(role: f.role, label: string(f.start, f.labelEnd),
                                  value: string(f.valueStart, max(end, f.valueStart))))
            }
            return (string(0, headEnd), items)
        }
    }
}
