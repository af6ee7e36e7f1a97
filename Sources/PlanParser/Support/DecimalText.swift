/// Decimal numbers as text, the one way every output writes them.
enum DecimalText {
    /// `value` rounded to `fractionDigits` places, never in exponent notation. With
    /// `trimZeros`, trailing zeros (and a bare point) are dropped: `0.912`, `1`.
    static func string(_ value: Double, fractionDigits: Int, trimZeros: Bool = true) -> String {
        var out: [UInt8] = []
        append(value, fractionDigits: fractionDigits, trimZeros: trimZeros, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the text of `value` (see ``string(_:fractionDigits:trimZeros:)``) to `out`;
    /// appends `null` for a value that is not finite.
    static func append(_ value: Double, fractionDigits: Int, trimZeros: Bool = true, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        let digits = max(0, min(fractionDigits, 15))
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value.magnitude * Double(scale)).rounded())
        if value < 0, scaled != 0 { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: String(scaled / scale).utf8)
        var fraction = scaled % scale
        var width = digits
        if trimZeros {
            guard fraction != 0 else { return }
            while fraction % 10 == 0 {
                fraction /= 10
                width -= 1
            }
        }
        guard width > 0 else { return }
        out.append(UInt8(ascii: "."))
        let text = String(fraction)
        for _ in 0..<(width - text.count) { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: text.utf8)
    }
}
