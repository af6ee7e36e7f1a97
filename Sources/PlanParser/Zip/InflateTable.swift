/// Lookup tables that decode one Huffman code of a DEFLATE stream in one or two steps.
///
/// A table is indexed by the next `rootBits` input bits (DEFLATE sends Huffman codes
/// most-significant bit first, so the index is the bit-reversed code). Codes longer than
/// `rootBits` go through a pointer entry to a subtable indexed by the following bits.
///
/// Entry layout (`UInt32`): bits 0–7 the number of bits the code takes (for a pointer, the
/// root bits); bits 8–11 the number of extra bits (length and distance codes) or the
/// subtable's index bits (pointers); bits 12–15 the kind flags below; bits 16–31 the value:
/// the literal byte, the base length or distance, the code-length symbol, or the
/// subtable's offset.
enum InflateTable {
    static let literalFlag: UInt32 = 0x8000
    static let pointerFlag: UInt32 = 0x4000
    static let endOfBlockFlag: UInt32 = 0x2000
    static let invalidFlag: UInt32 = 0x1000

    /// What the symbols of a table stand for.
    enum Kind {
        case literalLength, distance, codeLength
    }

    static let literalLengthRootBits = 10
    static let distanceRootBits = 8
    static let codeLengthRootBits = 7

    /// Entries to allocate: the root table plus the most subtables any code can need (at most
    /// one per long code, each of at most 2^(15 - root) entries).
    static let literalLengthCapacity = (1 << 10) + 288 * (1 << 5)
    static let distanceCapacity = (1 << 8) + 32 * (1 << 7)
    static let codeLengthCapacity = 1 << 7

    /// Base lengths of length symbols 257…285 and their extra bits.
    static let lengthBase: [UInt16] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
        35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    static let lengthExtra: [UInt8] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
        3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    /// Base distances of distance symbols 0…29 and their extra bits.
    static let distanceBase: [UInt16] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
        257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra: [UInt8] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    /// The code lengths of the fixed literal/length code (RFC 1951 §3.2.6).
    static let fixedLiteralLengths: [UInt8] =
        [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112)
        + [UInt8](repeating: 7, count: 24) + [UInt8](repeating: 8, count: 8)

    /// The order in which a dynamic block sends the code-length code's lengths.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The decoded meaning of `symbol` as an entry without its length.
    @inline(__always)
    private static func meaning(of symbol: Int, kind: Kind) -> UInt32 {
        switch kind {
        case .codeLength:
            return UInt32(symbol) << 16
        case .literalLength:
            if symbol < 256 { return literalFlag | UInt32(symbol) << 16 }
            if symbol == 256 { return endOfBlockFlag }
            if symbol > 285 { return invalidFlag }
            let k = symbol - 257
            return UInt32(lengthBase[k]) << 16 | UInt32(lengthExtra[k]) << 8
        case .distance:
            if symbol > 29 { return invalidFlag }
            return UInt32(distanceBase[symbol]) << 16 | UInt32(distanceExtra[symbol]) << 8
        }
    }

    /// Fills `table` for the code with the given code lengths (0 = symbol unused).
    ///
    /// Rejects an oversubscribed set and an incomplete one, except the two incomplete sets
    /// RFC 1951 allows: a distance code with no codes at all (a block of literals only)
    /// and a code with a single code of length 1 (the other bit pattern then decodes to an
    /// invalid entry).
    /// - Returns: nil on success, else what is wrong.
    static func build(
        _ lengths: UnsafeBufferPointer<UInt8>, kind: Kind, rootBits: Int, into table: UnsafeMutablePointer<UInt32>
    ) -> ZipError.DeflateProblem? {
        var count = [Int](repeating: 0, count: 16)
        var maxLength = 0
        for l in lengths where l != 0 {
            count[Int(l)] += 1
            maxLength = max(maxLength, Int(l))
        }
        let rootSize = 1 << rootBits
        // Takes no bits, so that errors point at the start of the bad code. Zero bits padded
        // in after the end never reach one: in a complete code (and in the one-code set) the
        // all-zero pattern is always a code.
        let invalid = invalidFlag
        table.update(repeating: invalid, count: rootSize)
        if maxLength == 0 {
            return kind == .distance ? nil : .incomplete
        }
        var left = 1
        for l in 1...15 {
            left = (left << 1) - count[l]
            if left < 0 { return .oversubscribed }
        }
        if left > 0 && (kind == .codeLength || maxLength != 1) { return .incomplete }

        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for l in 1...15 {
            code = (code + count[l - 1]) << 1
            nextCode[l] = code
        }
        nextCode[0] = 0
        let subBits = max(0, maxLength - rootBits)
        var nextSubtable = rootSize
        for (symbol, l8) in lengths.enumerated() where l8 != 0 {
            let l = Int(l8)
            let reversed = reverse(nextCode[l], bits: l)
            nextCode[l] += 1
            let entry = meaning(of: symbol, kind: kind) | UInt32(l)
            if l <= rootBits {
                var k = reversed
                while k < rootSize {
                    table[k] = entry
                    k += 1 << l
                }
            } else {
                let prefix = reversed & (rootSize - 1)
                var pointer = table[prefix]
                if pointer & pointerFlag == 0 {
                    pointer = pointerFlag | UInt32(nextSubtable) << 16 | UInt32(subBits) << 8 | UInt32(rootBits)
                    table[prefix] = pointer
                    (table + nextSubtable).update(repeating: invalid, count: 1 << subBits)
                    nextSubtable += 1 << subBits
                }
                let base = Int(pointer >> 16)
                var k = reversed >> rootBits
                while k < 1 << subBits {
                    table[base + k] = entry
                    k += 1 << (l - rootBits)
                }
            }
        }
        return nil
    }

    /// The lowest `bits` bits of `code` in reverse order.
    @inline(__always)
    static func reverse(_ code: Int, bits: Int) -> Int {
        var r = 0
        var c = code
        for _ in 0..<bits {
            r = r << 1 | c & 1
            c >>= 1
        }
        return r
    }
}
