/// Escapes control characters in a stream of terminal text as it is written (`\u{1B}`), so a
/// text output never drives the terminal, whichever exporter made it.
///
/// The library's text exporters escape document text themselves; this is the CLI's second
/// line, for any that does not (or a new one). Line feeds pass; so do colour codes
/// (`ESC [ digits ; m`) when the output is coloured on purpose — they only colour, never move
/// the cursor, clear the screen or set the title. C1 controls are caught in their UTF-8 form
/// (`C2 80`…`C2 9F`). A sequence cut by a chunk boundary waits for the next chunk.
struct TerminalFilter {
    let allowsColour: Bool
    private var pending: [UInt8] = []

    init(allowsColour: Bool) {
        self.allowsColour = allowsColour
    }

    /// The bytes to write for `raw`; an incomplete sequence at its end is held back.
    mutating func filter(_ raw: UnsafeRawBufferPointer) -> [UInt8] {
        let input = pending + raw
        pending.removeAll()
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let b = input[i]
            if b == 0x0A || (b >= 0x20 && b != 0x7F && b != 0xC2) {
                out.append(b)
                i += 1
                continue
            }
            if b == 0xC2 {
                guard i + 1 < input.count else {
                    pending = [b]
                    break
                }
                let next = input[i + 1]
                if (0x80...0x9F).contains(next) {
                    out += Self.escape(UInt32(next))
                } else {
                    out += [b, next]
                }
                i += 2
                continue
            }
            if b == 0x1B, allowsColour {
                switch Self.colourCode(in: input, at: i) {
                case .some(let end):
                    out += input[i..<end]
                    i = end
                    continue
                case nil where input.count - i < 16 && Self.couldBeColourCode(input[i...]):
                    pending = Array(input[i...])
                    return out
                case nil:
                    break
                }
            }
            out += Self.escape(UInt32(b))
            i += 1
        }
        return out
    }

    /// What is still held back, escaped (at the end of the output).
    mutating func finish() -> [UInt8] {
        var out: [UInt8] = []
        for b in pending { out += b < 0x20 || b == 0x7F ? Self.escape(UInt32(b)) : [b] }
        pending.removeAll()
        return out
    }

    private static func escape(_ value: UInt32) -> [UInt8] {
        Array(("\\u{" + String(value, radix: 16, uppercase: true) + "}").utf8)
    }

    /// The end of `ESC [ (digit | ;)* m` starting at `i`, or `nil`.
    private static func colourCode(in bytes: [UInt8], at i: Int) -> Int? {
        guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else { return nil }
        var j = i + 2
        while j < bytes.count, (0x30...0x39).contains(bytes[j]) || bytes[j] == UInt8(ascii: ";") { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: "m") else { return nil }
        return j + 1
    }

    /// Whether `rest` (to the end of the chunk) is a colour code not finished yet.
    private static func couldBeColourCode(_ rest: ArraySlice<UInt8>) -> Bool {
        for (k, b) in rest.enumerated() {
            switch k {
            case 0: if b != 0x1B { return false }
            case 1: if b != UInt8(ascii: "[") { return false }
            default: if !((0x30...0x39).contains(b) || b == UInt8(ascii: ";")) { return false }
            }
        }
        return true
    }
}
