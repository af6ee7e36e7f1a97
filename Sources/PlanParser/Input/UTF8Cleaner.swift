/// The single pass over UTF-8 text that every document goes through.
///
/// In one pass it validates UTF-8 (rejecting stray continuation bytes, overlong forms,
/// surrogates, values above U+10FFFF and sequences cut off by the end), and
/// - turns CRLF and lone CR into LF, and counts line feeds;
/// - turns form feed and vertical tab into a space (a line break would shift line numbers),
///   noting the lines where a form feed (a new page) was;
/// - turns NBSP, U+1680, U+2000–U+200A, U+202F, U+205F and U+3000 into an ASCII space;
/// - drops U+200B–U+200D, U+2060 and U+FEFF;
/// - notes whether a combining mark U+0300–U+036F (lead byte 0xCC or 0xCD) occurs.
///
/// Clean text is only validated: nothing is copied until the first byte that has to
/// change, and after that unchanged runs are copied in bulk. Text that needs no change
/// comes back as the same array, without a copy.
enum UTF8Cleaner {
    /// What the pass produced.
    struct Output {
        var bytes: [UInt8]
        /// The number of `"\n"` in `bytes`: the line breaks of the input.
        var lineFeeds: Int
        /// A combining mark occurs, so the text may need NFC composition.
        var hasCombiningMarks: Bool
        /// The (0-based) lines that held a form feed: a new page starts there.
        var formFeedLines: [Int32] = []
    }

    /// Where and why the pass stopped.
    struct Failure: Error {
        enum Kind { case invalidUTF8, nul }
        var kind: Kind
        /// Offset in the array given to `clean`.
        var byteOffset: Int
    }

    /// Cleans `data[start...]` (`start` skips a BOM).
    /// - Complexity: O(n), one pass; allocates only when something changes.
    static func clean(_ data: [UInt8], from start: Int) throws(Failure) -> Output {
        var out: [UInt8] = []
        var changed = false
        var tally = Tally()
        try data.withUnsafeBufferPointer { (src) throws(Failure) in
            var copied = start  // src[copied..<stop.offset] is unchanged and not yet in `out`
            while true {
                let stop = nextStop(in: src, from: copied, tally: &tally)
                switch stop.kind {
                case .end where !changed:
                    return
                case .end, .replace:
                    if !changed {
                        changed = true
                        out.reserveCapacity(src.count - start)  // the output is never longer
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: src[copied..<stop.offset]))
                    if stop.kind == .end { return }
                    if src[stop.offset] == 0x0C, tally.formFeedLines.last != Int32(tally.lineFeeds) {
                        tally.formFeedLines.append(Int32(tally.lineFeeds))
                    }
                    if stop.replacement != 0 { out.append(stop.replacement) }
                    if stop.replacement == 0x0A { tally.lineFeeds += 1 }
                    copied = stop.offset + stop.length
                case .nul:
                    throw Failure(kind: .nul, byteOffset: stop.offset)
                case .invalid:
                    throw Failure(kind: .invalidUTF8, byteOffset: stop.offset)
                }
            }
        }
        if !changed {
            out = start == 0 ? data : Array(data[start...])
        }
        return Output(bytes: out, lineFeeds: tally.lineFeeds, hasCombiningMarks: tally.hasCombiningMarks,
                      formFeedLines: tally.formFeedLines)
    }

    /// What the scan has noticed so far.
    private struct Tally {
        var lineFeeds = 0
        var hasCombiningMarks = false
        var formFeedLines: [Int32] = []
    }

    /// The first place at or after `offset` where the text has to change or is refused.
    private struct Stop {
        enum Kind { case end, replace, nul, invalid }
        var kind: Kind
        var offset: Int
        /// How many bytes to replace.
        var length = 0
        /// What replaces them; 0 removes them.
        var replacement: UInt8 = 0
    }

    /// Validates forward from `offset` (a scalar boundary) up to the next `Stop`.
    ///
    /// `skipPlainWords` takes the bulk of the text 8 bytes at a time; whatever it is unsure
    /// of comes here, to the careful path, one byte or scalar at a time.
    private static func nextStop(
        in src: UnsafeBufferPointer<UInt8>, from offset: Int, tally: inout Tally
    ) -> Stop {
        let n = src.count
        var i = offset
        while i < n {
            i = skipPlainWords(in: src, from: i, tally: &tally)
            guard i < n else { break }

            let b0 = src[i]
            if b0 < 0x80 {
                // Everything but NUL, VT, FF and CR stays.
                if b0 >= 0x0E || (b0 != 0 && b0 < 0x0B) {
                    if b0 == 0x0A { tally.lineFeeds += 1 }
                    i += 1
                    continue
                }
                switch b0 {
                case 0x00: return Stop(kind: .nul, offset: i)
                case 0x0D:
                    let length = i + 1 < n && src[i + 1] == 0x0A ? 2 : 1
                    return Stop(kind: .replace, offset: i, length: length, replacement: 0x0A)
                default: return Stop(kind: .replace, offset: i, length: 1, replacement: 0x20)
                }
            }
            if b0 < 0xE0 {
                // C0 and C1 would be overlong; 80–BF cannot start a scalar.
                guard b0 >= 0xC2, i + 1 < n, src[i + 1] & 0xC0 == 0x80 else {
                    return Stop(kind: .invalid, offset: i)
                }
                if b0 == 0xC2 && src[i + 1] == 0xA0 {
                    return Stop(kind: .replace, offset: i, length: 2, replacement: 0x20)
                }
                if b0 == 0xCC || b0 == 0xCD { tally.hasCombiningMarks = true }
                i += 2
            } else if b0 < 0xF0 {
                guard i + 2 < n else { return Stop(kind: .invalid, offset: i) }
                let b1 = src[i + 1]
                let b2 = src[i + 2]
                // E0 80–9F would be overlong, ED A0–BF a surrogate.
                let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
                guard b1 >= low, b1 <= high, b2 & 0xC0 == 0x80 else { return Stop(kind: .invalid, offset: i) }
                if let replacement = replacement(b0, b1, b2) {
                    return Stop(kind: .replace, offset: i, length: 3, replacement: replacement)
                }
                i += 3
            } else {
                guard b0 <= 0xF4, i + 3 < n else { return Stop(kind: .invalid, offset: i) }
                let b1 = src[i + 1]
                // F0 80–8F would be overlong, F4 90–BF above U+10FFFF.
                let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
                guard b1 >= low, b1 <= high, src[i + 2] & 0xC0 == 0x80, src[i + 3] & 0xC0 == 0x80 else {
                    return Stop(kind: .invalid, offset: i)
                }
                i += 4
            }
        }
        return Stop(kind: .end, offset: n)
    }

    /// Skips 8-byte words that surely are valid and need no change, counting their line
    /// feeds, and returns the scalar boundary where the careful path has to take over.
    ///
    /// The 8 bytes of a word are checked at once (SWAR: the answer for each byte is its
    /// bit 7), each against its two predecessors, loaded as the same word 1 and 2 bytes
    /// earlier. No byte waits for the decoding of the one before, so the loop runs at the
    /// speed of the arithmetic instead of the latency of a chain of loads; this doubles the
    /// speed on Vietnamese text, where every fifth character is multi-byte. A word is plain
    /// when
    /// - continuation bytes sit exactly where 2- and 3-byte lead bytes announced them;
    /// - it has no NUL, VT, FF or CR (tab and LF are fine);
    /// - it has no lead byte that is invalid (C0, C1, F5–FF), needs a narrower second byte
    ///   (E0, ED, F0, F4), or may start a scalar that changes (C2, E2, E3, EF, E1 9A). 4-byte
    ///   scalars are rare, so they take the careful path too; the fourth byte of one is
    ///   "unannounced" here, which only sends it to the careful path as well.
    /// The careful path decides exactly; this only has to be right when it says "plain".
    private static func skipPlainWords(
        in src: UnsafeBufferPointer<UInt8>, from offset: Int, tally: inout Tally
    ) -> Int {
        guard let base = src.baseAddress else { return offset }
        let n = src.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        /// Bit 7 of each byte that is zero (exact: no carry crosses bytes).
        func zero(_ x: UInt64) -> UInt64 { ~(((x & ~high) &+ ~high) | x) & high }
        /// Bit 7 of each byte equal to `byte`.
        func equal(_ x: UInt64, _ byte: UInt8) -> UInt64 { zero(x ^ (ones &* UInt64(byte))) }
        /// Bit 7 of each byte whose top `count` bits are set (2: ≥ C0, 3: ≥ E0, 4: ≥ F0).
        func top(_ x: UInt64, _ count: Int) -> UInt64 {
            var r = x
            for k in 1..<count { r &= x &<< UInt64(k) }
            return r & high
        }
        /// How many bytes have bit 7 set in `mask` (a multiply sums the bytes; `popcnt` is
        /// not in the x86-64 baseline).
        func count(_ mask: UInt64) -> Int { Int(((mask &>> 7) &* ones) &>> 56) }
        func load(_ at: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
        }

        var i = offset
        var lineFeeds = 0
        var marks: UInt64 = 0
        // `offset` is a scalar boundary: the complete scalars before it announce nothing
        // at or after it, so reading back past it is harmless. Index arithmetic cannot
        // overflow here; `&+` spares the checks.
        // The bulk goes 16 bytes at a time; the words below find the exact place in the
        // block where that stopped (the same tests), and take the last few bytes.
        i = skipPlainBlocks(base, n, from: i, lineFeeds: &lineFeeds, hasMarks: &tally.hasCombiningMarks)
        while i >= 2 && i &+ 8 <= n {
            let x = load(i)
            let back1 = load(i &- 1)
            let continuation = x & ~(x &<< 1) & high
            let announced = top(back1, 2) | top(load(i &- 2), 3)
            // ASCII bytes 0B–0D: at least 0B and not at least 0E.
            let low = x & ~high
            let verticalSpace = (low &+ ones &* 0x75) & ~(low &+ ones &* 0x72) & ~x & high
            let unusual =
                zero(x) | verticalSpace | (continuation ^ announced)
                | equal(x & ~ones, 0xC0) | equal(x, 0xC2) | equal(x, 0xE0) | equal(x & ~ones, 0xE2)
                | equal(x, 0xED) | equal(x, 0xEF) | top(x, 4) | (equal(x, 0x9A) & equal(back1, 0xE1))
            marks |= equal(x & ~ones, 0xCC)
            let newlines = equal(x, 0x0A)
            if unusual != 0 {
                let first = unusual.trailingZeroBitCount  // bit 7 of the first unusual byte
                lineFeeds &+= count(newlines & (1 &<< UInt64(first) &- 1))
                i &+= first &>> 3
                break
            }
            lineFeeds &+= count(newlines)
            i &+= 8
        }
        tally.lineFeeds += lineFeeds
        if marks != 0 { tally.hasCombiningMarks = true }

        // If a scalar starting before `i` reaches `i` (or was cut off by the end), start
        // over at its lead byte: the careful path reports the error or takes the scalar.
        var k = 1
        while k <= 3 && i - k >= offset && src[i - k] >= 0x80 {
            let b = src[i - k]
            if b >= 0xC0 {
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                if length > k { i -= k }
                break
            }
            k += 1
        }
        return i
    }

    /// ``skipPlainWords(in:from:tally:)``'s tests on 16 bytes at once (the standard library's
    /// SIMD vectors, compiled to SSE2 compares): skips blocks that surely are plain and returns
    /// the start of the first one that may not be (or where fewer than 16 bytes are left). It
    /// may stop inside a scalar; its caller steps back to the scalar's lead byte.
    @inline(__always)
    private static func skipPlainBlocks(
        _ base: UnsafePointer<UInt8>, _ n: Int, from offset: Int, lineFeeds: inout Int, hasMarks: inout Bool
    ) -> Int {
        typealias Block = SIMD16<UInt8>
        typealias Mask = SIMDMask<SIMD16<Int8>>
        func load(_ at: Int) -> Block { UnsafeRawPointer(base + at).loadUnaligned(as: Block.self) }
        func splat(_ b: UInt8) -> Block { Block(repeating: b) }
        /// A mask as two words, each byte FF or 00: the standard library's `any` is a reduction
        /// it does not inline here, the words are two register moves.
        func words(_ m: Mask) -> (UInt64, UInt64) {
            let w = unsafeBitCast(m, to: SIMD2<UInt64>.self)
            return (w[0], w[1])
        }
        func isEmpty(_ m: Mask) -> Bool {
            let (a, b) = words(m)
            return a | b == 0
        }
        var i = offset
        var marks = Mask(repeating: false)
        // Line feeds are counted per lane (a match is FF, minus one) and the lanes summed every
        // 255 blocks and at the end, not block by block.
        var feeds = Block(repeating: 0)
        var blocks = 0
        while i >= 2 && i &+ 16 <= n {
            let x = load(i)
            let back1 = load(i &- 1)
            let back2 = load(i &- 2)
            let continuation = x & splat(0xC0) .== splat(0x80)
            let announced = (back1 .>= splat(0xC0)) .| (back2 .>= splat(0xE0))
            // NUL, VT, FF, CR; the lead bytes C0–C2, E0, E2, E3, ED, EF, F0–FF, and E1 9A.
            let unusual = (continuation .^ announced) .| (x .== splat(0)) .| (x &- splat(0x0B) .< splat(3))
                .| (x &- splat(0xC0) .< splat(3)) .| (x .== splat(0xE0)) .| (x & splat(0xFE) .== splat(0xE2))
                .| (x .== splat(0xED)) .| (x .== splat(0xEF)) .| (x .>= splat(0xF0))
                .| ((x .== splat(0x9A)) .& (back1 .== splat(0xE1)))
            if !isEmpty(unusual) { break }
            marks .|= x & splat(0xFE) .== splat(0xCC)
            feeds &+= unsafeBitCast(x .== splat(0x0A), to: Block.self)
            blocks &+= 1
            if blocks == 255 {
                lineFeeds &+= ByteSearch.sum(of: 0 &- feeds)
                feeds = Block(repeating: 0)
                blocks = 0
            }
            i &+= 16
        }
        lineFeeds &+= ByteSearch.sum(of: 0 &- feeds)
        if !isEmpty(marks) { hasMarks = true }
        return i
    }

    /// What replaces the 3-byte scalar `b0 b1 b2`: a space (0x20), nothing (0), or `nil`
    /// when it stays.
    private static func replacement(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> UInt8? {
        switch (b0, b1, b2) {
        case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F): return 0x20
        case (0xE1, 0x9A, 0x80), (0xE3, 0x80, 0x80): return 0x20
        case (0xE2, 0x80, 0x8B...0x8D), (0xE2, 0x81, 0xA0), (0xEF, 0xBB, 0xBF): return 0
        default: return nil
        }
    }
}
