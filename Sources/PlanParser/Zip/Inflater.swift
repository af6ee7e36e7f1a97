#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A decoder of raw DEFLATE data (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Huffman codes are decoded through lookup tables (`InflateTable`), one or two lookups per
/// symbol; input is read 64 bits at a time. Every malformed stream ends in a `ZipError`
/// (`.badDeflate` with the byte offset in the input, or `.tooLarge`), never in a crash or an
/// unbounded allocation: the output buffer starts at most at `min(expectedSize, limit)`
/// bytes and grows geometrically, never past `limit`.
enum Inflater {
    /// Decompresses `input`, a complete raw DEFLATE stream (no zlib or gzip wrapper).
    ///
    /// Bytes after the final block are ignored.
    /// - Parameters:
    ///   - expectedSize: the size the output should have, if known; only a hint for the
    ///     first allocation (a wrong value costs a reallocation, nothing more).
    ///   - limit: the largest output accepted.
    ///   - name: the zip entry the data belongs to, for error messages.
    /// - Throws: `.badDeflate` for a malformed stream, `.tooLarge` the moment the output
    ///   would exceed `limit`.
    static func inflate(
        _ input: UnsafeBufferPointer<UInt8>, expectedSize: Int?, limit: Int, name: String = ""
    ) throws(ZipError) -> [UInt8] {
        let guess = expectedSize ?? max(input.count.multipliedReportingOverflow(by: 4).partialValue, 1 << 15)
        let capacity = max(0, min(guess, limit))
        var decoder = Decoder(input: input, limit: limit)
        defer { decoder.release() }
        // Decode straight into the array's storage; only if that turns out too small does
        // the output move to a growing buffer of its own, copied out at the end.
        var failure: ZipError?
        let direct = [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { storage, count in
            decoder.out = storage.baseAddress!
            decoder.capacity = capacity
            do throws(ZipError) {
                try decoder.run()
            } catch {
                failure = error
            }
            count = decoder.ownsOutput || failure != nil ? 0 : decoder.produced
        }
        if let failure { throw failure.naming(name) }
        if !decoder.ownsOutput { return direct }
        return [UInt8](UnsafeBufferPointer(start: decoder.out, count: decoder.produced))
    }

    /// Decompresses `input` (see the buffer-pointer form).
    static func inflate(
        _ input: [UInt8], expectedSize: Int? = nil, limit: Int, name: String = ""
    ) throws(ZipError) -> [UInt8] {
        let result: Result<[UInt8], ZipError> = input.withUnsafeBufferPointer { buffer in
            do throws(ZipError) {
                return .success(try inflate(buffer, expectedSize: expectedSize, limit: limit, name: name))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The state of one decompression: input position and bit buffer, output buffer, tables.
    private struct Decoder {
        let src: UnsafePointer<UInt8>
        let n: Int
        /// Next input byte to load into `bits`; may run past `n` by the zero bytes padded in
        /// at the end (`checkOverrun` tells when padding was consumed).
        var pos = 0
        var bits: UInt64 = 0
        var bitCount = 0

        /// The output: first the result array's storage, after a `reserve` that had to grow
        /// it a buffer of our own (`ownsOutput`), freed by `release`.
        var out: UnsafeMutablePointer<UInt8>
        var capacity = 0
        var ownsOutput = false
        var produced = 0
        let limit: Int

        let literalTable: UnsafeMutablePointer<UInt32>
        let distanceTable: UnsafeMutablePointer<UInt32>
        let codeLengthTable: UnsafeMutablePointer<UInt32>
        let fixedLiteral: UnsafeMutablePointer<UInt32>
        let fixedDistance: UnsafeMutablePointer<UInt32>
        var fixedBuilt = false

        init(input: UnsafeBufferPointer<UInt8>, limit: Int) {
            n = input.count
            self.limit = limit
            literalTable = .allocate(capacity: InflateTable.literalLengthCapacity)
            out = UnsafeMutableRawPointer(literalTable).assumingMemoryBound(to: UInt8.self)
            // Empty input has no base address; `src` is then never read (`n` is 0).
            src = input.baseAddress ?? UnsafePointer(out)
            distanceTable = .allocate(capacity: InflateTable.distanceCapacity)
            codeLengthTable = .allocate(capacity: InflateTable.codeLengthCapacity)
            fixedLiteral = .allocate(capacity: InflateTable.literalLengthCapacity)
            fixedDistance = .allocate(capacity: InflateTable.distanceCapacity)
        }

        func release() {
            if ownsOutput { free(out) }
            literalTable.deallocate()
            distanceTable.deallocate()
            codeLengthTable.deallocate()
            fixedLiteral.deallocate()
            fixedDistance.deallocate()
        }

        /// The input byte in which the next unread bit lies (for error offsets).
        var offset: Int { min(n, (pos * 8 - bitCount) >> 3) }

        func failure(_ problem: ZipError.DeflateProblem) -> ZipError {
            .badDeflate(name: "", offset: problem == .endOfInput ? n : offset, reason: problem)
        }

        // MARK: Bits

        /// Tops `bits` up to at least 56 bits, padding with zero bytes past the end.
        @inline(__always)
        mutating func refill() {
            if pos &+ 8 <= n {
                let word = UInt64(littleEndian: UnsafeRawPointer(src + pos).loadUnaligned(as: UInt64.self))
                bits |= word << UInt64(bitCount)
                pos &+= (63 &- bitCount) >> 3
                bitCount |= 56
            } else {
                while bitCount <= 56 {
                    let byte: UInt64 = pos < n ? UInt64(src[pos]) : 0
                    bits |= byte << UInt64(bitCount)
                    pos &+= 1
                    bitCount &+= 8
                }
            }
        }

        /// Throws when bits padded in after the end of the input have been consumed.
        @inline(__always)
        func checkOverrun() throws(ZipError) {
            if pos > n && (pos - n) * 8 > bitCount { throw failure(.endOfInput) }
        }

        /// The next `count` (≤ 32) bits, as a number.
        mutating func take(_ count: Int) throws(ZipError) -> Int {
            if bitCount < count { refill() }
            let value = Int(bits & ((1 << UInt64(count)) - 1))
            bits >>= UInt64(count)
            bitCount -= count
            try checkOverrun()
            return value
        }

        // MARK: Output

        /// Makes room for `extra` more output bytes, or throws `.tooLarge`.
        mutating func reserve(_ extra: Int) throws(ZipError) {
            let needed = produced + extra
            guard needed > capacity else { return }
            guard needed <= limit else { throw .tooLarge(name: "", size: needed, limit: limit) }
            let grown = min(limit, max(needed, capacity < limit / 2 ? capacity * 2 : limit, 1 << 16))
            if ownsOutput {
                guard let p = realloc(out, grown) else { throw .tooLarge(name: "", size: needed, limit: limit) }
                out = p.assumingMemoryBound(to: UInt8.self)
            } else {
                guard let p = malloc(grown) else { throw .tooLarge(name: "", size: needed, limit: limit) }
                let own = p.assumingMemoryBound(to: UInt8.self)
                own.update(from: out, count: produced)
                out = own
                ownsOutput = true
            }
            capacity = grown
        }

        // MARK: Blocks

        mutating func run() throws(ZipError) {
            var isFinal = false
            while !isFinal {
                let header = try take(3)
                isFinal = header & 1 != 0
                switch header >> 1 {
                case 0: try storedBlock()
                case 1:
                    if !fixedBuilt {
                        buildFixed()
                        fixedBuilt = true
                    }
                    try codes(literal: fixedLiteral, distance: fixedDistance)
                case 2:
                    try dynamicHeader()
                    try codes(literal: literalTable, distance: distanceTable)
                default: throw failure(.badBlockType)
                }
            }
        }

        mutating func storedBlock() throws(ZipError) {
            // To the byte boundary, then back to reading bytes directly.
            let drop = bitCount & 7
            bits >>= UInt64(drop)
            bitCount -= drop
            var p = pos - bitCount / 8
            bits = 0
            bitCount = 0
            pos = p
            guard p + 4 <= n else { throw failure(.endOfInput) }
            let length = Int(src[p]) | Int(src[p + 1]) << 8
            let complement = Int(src[p + 2]) | Int(src[p + 3]) << 8
            guard length == complement ^ 0xFFFF else { throw failure(.storedLengthMismatch) }
            p += 4
            pos = p
            guard p + length <= n else { throw failure(.endOfInput) }
            try reserve(length)
            (out + produced).update(from: src + p, count: length)
            produced += length
            pos = p + length
        }

        mutating func buildFixed() {
            InflateTable.fixedLiteralLengths.withUnsafeBufferPointer {
                _ = InflateTable.build(
                    $0, kind: .literalLength, rootBits: InflateTable.literalLengthRootBits, into: fixedLiteral)
            }
            let five = [UInt8](repeating: 5, count: 32)
            five.withUnsafeBufferPointer {
                _ = InflateTable.build(
                    $0, kind: .distance, rootBits: InflateTable.distanceRootBits, into: fixedDistance)
            }
        }

        mutating func dynamicHeader() throws(ZipError) {
            let literalCount = try take(5) + 257
            let distanceCount = try take(5) + 1
            let codeLengthCount = try take(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw failure(.tooManyCodes) }

            var codeLengthLengths = [UInt8](repeating: 0, count: 19)
            for i in 0..<codeLengthCount {
                codeLengthLengths[InflateTable.codeLengthOrder[i]] = UInt8(try take(3))
            }
            let problem = codeLengthLengths.withUnsafeBufferPointer {
                InflateTable.build(
                    $0, kind: .codeLength, rootBits: InflateTable.codeLengthRootBits, into: codeLengthTable)
            }
            if let problem { throw failure(problem) }

            let total = literalCount + distanceCount
            var lengths = [UInt8](repeating: 0, count: total)
            var i = 0
            while i < total {
                if bitCount < 7 { refill() }
                let entry = codeLengthTable[Int(bits & 0x7F)]
                let used = Int(entry & 0xFF)
                bits >>= UInt64(used)
                bitCount -= used
                try checkOverrun()
                let symbol = Int(entry >> 16)
                if symbol < 16 {
                    lengths[i] = UInt8(symbol)
                    i += 1
                    continue
                }
                let value: UInt8
                let repeats: Int
                switch symbol {
                case 16:
                    guard i > 0 else { throw failure(.repeatWithoutLength) }
                    value = lengths[i - 1]
                    repeats = 3 + (try take(2))
                case 17:
                    value = 0
                    repeats = 3 + (try take(3))
                default:
                    value = 0
                    repeats = 11 + (try take(7))
                }
                guard i + repeats <= total else { throw failure(.codeLengthsOverrun) }
                for k in i..<(i + repeats) { lengths[k] = value }
                i += repeats
            }
            guard lengths[256] != 0 else { throw failure(.missingEndOfBlock) }

            let built = lengths.withUnsafeBufferPointer { all -> ZipError.DeflateProblem? in
                if let p = InflateTable.build(
                    UnsafeBufferPointer(rebasing: all[0..<literalCount]), kind: .literalLength,
                    rootBits: InflateTable.literalLengthRootBits, into: literalTable)
                {
                    return p
                }
                return InflateTable.build(
                    UnsafeBufferPointer(rebasing: all[literalCount..<total]), kind: .distance,
                    rootBits: InflateTable.distanceRootBits, into: distanceTable)
            }
            if let built { throw failure(built) }
        }

        /// Decodes literals and matches until the end-of-block code.
        mutating func codes(literal: UnsafeMutablePointer<UInt32>, distance: UnsafeMutablePointer<UInt32>)
            throws(ZipError)
        {
            let literalMask = UInt64((1 << InflateTable.literalLengthRootBits) - 1)
            let distanceMask = UInt64((1 << InflateTable.distanceRootBits) - 1)
            let literalRoot = UInt64(InflateTable.literalLengthRootBits)
            let distanceRoot = UInt64(InflateTable.distanceRootBits)
            let literalFlag = InflateTable.literalFlag
            let pointerFlag = InflateTable.pointerFlag
            let stopFlags = InflateTable.endOfBlockFlag | InflateTable.invalidFlag

            while true {
                refill()
                var entry = literal[Int(bits & literalMask)]
                if entry & pointerFlag != 0 {
                    let sub = UInt64((entry >> 8) & 0xF)
                    entry = literal[Int(entry >> 16) + Int((bits >> literalRoot) & ((1 << sub) - 1))]
                }
                let used = Int(entry & 0xFF)
                bits >>= UInt64(used)
                bitCount &-= used

                if entry & literalFlag != 0 {
                    if produced >= capacity { try reserve(1) }
                    out[produced] = UInt8(truncatingIfNeeded: entry >> 16)
                    produced &+= 1
                    // A refill leaves at least 56 bits: enough for a second literal (≤ 15).
                    let next = literal[Int(bits & literalMask)]
                    if next & literalFlag != 0 && produced < capacity {
                        let nextUsed = Int(next & 0xFF)
                        bits >>= UInt64(nextUsed)
                        bitCount &-= nextUsed
                        out[produced] = UInt8(truncatingIfNeeded: next >> 16)
                        produced &+= 1
                    }
                    if pos > n { try checkOverrun() }
                    continue
                }
                if entry & stopFlags != 0 {
                    try checkOverrun()
                    if entry & InflateTable.endOfBlockFlag != 0 { return }
                    throw failure(.badLiteralLength)
                }

                let lengthExtra = UInt64((entry >> 8) & 0xF)
                let length = Int(entry >> 16) &+ Int(bits & ((1 << lengthExtra) - 1))
                bits >>= lengthExtra
                bitCount &-= Int(lengthExtra)

                var d = distance[Int(bits & distanceMask)]
                if d & pointerFlag != 0 {
                    let sub = UInt64((d >> 8) & 0xF)
                    d = distance[Int(d >> 16) + Int((bits >> distanceRoot) & ((1 << sub) - 1))]
                }
                let dUsed = Int(d & 0xFF)
                bits >>= UInt64(dUsed)
                bitCount &-= dUsed
                if d & InflateTable.invalidFlag != 0 {
                    try checkOverrun()
                    throw failure(.badDistance)
                }
                let distanceExtra = UInt64((d >> 8) & 0xF)
                let dist = Int(d >> 16) &+ Int(bits & ((1 << distanceExtra) - 1))
                bits >>= distanceExtra
                bitCount &-= Int(distanceExtra)
                if pos > n { try checkOverrun() }
                guard dist <= produced else { throw failure(.distanceTooFar) }

                if produced &+ length &+ 8 > capacity {
                    try reserve(length)
                    copySlowly(length: length, distance: dist)
                    continue
                }
                let to = out + produced
                let from = to - dist
                if dist >= 8 {
                    var k = 0
                    repeat {
                        UnsafeMutableRawPointer(to + k).storeBytes(
                            of: UnsafeRawPointer(from + k).loadUnaligned(as: UInt64.self), as: UInt64.self)
                        k &+= 8
                    } while k < length
                } else if dist == 1 {
                    to.update(repeating: from.pointee, count: length)
                } else {
                    for k in 0..<length { to[k] = from[k] }
                }
                produced &+= length
            }
        }

        /// Copies a match byte by byte (near the end of the output buffer).
        mutating func copySlowly(length: Int, distance: Int) {
            let to = out + produced
            let from = to - distance
            for k in 0..<length { to[k] = from[k] }
            produced += length
        }
    }
}
