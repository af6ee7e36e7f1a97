/// A DEFLATE encoder (RFC 1951) for the zip writer: LZ77 over a 32 KiB window, then one
/// Huffman block per batch of symbols.
///
/// Matches are found through hash chains over 4-byte prefixes, walking at most
/// `maxChain` candidates, with one step of lazy matching (a match is put off by one byte when
/// the next position has a longer one). Every block is written in whichever of the three
/// forms is smallest: dynamic Huffman codes built from the block's own frequencies (limited
/// to 15 bits, the code-length code to 7), the fixed codes, or stored.
/// The output is deterministic: the same input always gives the same bytes.
enum Deflater {
    /// Candidates examined per position; more finds better matches, slower.
    static let maxChain = 32
    /// A match this long ends the search at once.
    static let niceLength = 128
    /// Matches shorter than this are put off by one byte when the next position has a longer one.
    static let lazyLength = 32
    /// Symbols (literals and matches) per block: one stored block's worth, so that a block
    /// of incompressible bytes is stored in one piece.
    static let blockSymbols = 0xFFFF
    /// Positions are 32-bit: longer inputs are cut into segments this long, each with fresh
    /// hash chains (a match never reaches back into the previous segment).
    static let segmentLength = 1 << 30

    static let windowSize = 1 << 15
    static let hashBits = 15
    static let minMatch = 4
    static let maxMatch = 258

    /// The DEFLATE stream of `input` (raw, no zlib wrapper).
    /// - Parameter segmentLength: see `Deflater.segmentLength` (tests pass a small one).
    static func deflate(_ input: UnsafeBufferPointer<UInt8>, segmentLength: Int = Deflater.segmentLength) -> [UInt8] {
        var encoder = Encoder(input: input, segmentLength: segmentLength)
        defer { encoder.release() }
        encoder.run()
        return encoder.writer.finish()
    }

    /// The DEFLATE stream of `input` (raw, no zlib wrapper).
    static func deflate(_ input: [UInt8], segmentLength: Int = Deflater.segmentLength) -> [UInt8] {
        input.withUnsafeBufferPointer { deflate($0, segmentLength: segmentLength) }
    }

    // MARK: - Symbol tables

    /// `lengthCode[len]` for 3…258: the length symbol minus 257.
    static let lengthCode: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 259)
        for code in 0..<29 {
            let base = Int(InflateTable.lengthBase[code])
            let span = 1 << Int(InflateTable.lengthExtra[code])
            for len in base..<min(259, base + span) { t[len] = UInt8(code) }
        }
        t[258] = 28
        return t
    }()

    /// The distance symbol of `d` (1…32768).
    @inline(__always)
    static func distanceCode(_ d: Int) -> Int {
        // Symbols pair up: two per power of two above 4, split by the second-highest bit.
        if d <= 4 { return d - 1 }
        let v = d - 1
        let high = (Int.bitWidth - 1) - v.leadingZeroBitCount
        return 2 * high + ((v >> (high - 1)) & 1)
    }

    /// The state of one compression.
    private struct Encoder {
        let src: UnsafePointer<UInt8>
        let n: Int
        var writer: BitWriter
        let head: UnsafeMutablePointer<Int32>
        let chain: UnsafeMutablePointer<Int32>

        /// The pending block: `dist << 16 | length` for a match, the byte for a literal.
        var symbols: [UInt32] = []
        var literalFrequency = [Int](repeating: 0, count: 286)
        var distanceFrequency = [Int](repeating: 0, count: 30)
        var extraBits = 0
        var blockStart = 0

        /// A chain entry no position can reach: `pos - far > windowSize` for every `pos ≥ 0`.
        static let far = Int32(-windowSize - 1)

        let segmentLength: Int

        init(input: UnsafeBufferPointer<UInt8>, segmentLength: Int) {
            n = input.count
            self.segmentLength = min(max(segmentLength, 1 << 16), Deflater.segmentLength)
            head = .allocate(capacity: 1 << hashBits)
            chain = .allocate(capacity: windowSize)
            src = input.baseAddress ?? UnsafePointer(UnsafeRawPointer(head).assumingMemoryBound(to: UInt8.self))
            writer = BitWriter(capacity: n / 3 + 64)
            symbols.reserveCapacity(blockSymbols)
        }

        func release() {
            head.deallocate()
            chain.deallocate()
        }

        mutating func run() {
            if n == 0 {
                // One final fixed block with only the end-of-block code.
                writer.write(0b011, 3)
                writer.write(0, 7)
                return
            }
            var segment = 0
            while segment < n {
                let end = min(n, segment + segmentLength)
                compress(from: segment, to: end)
                segment = end
            }
        }

        @inline(__always)
        func hash(_ p: UnsafePointer<UInt8>) -> Int {
            let v = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
            return Int((v &* 0x9E37_79B1) >> UInt32(32 - hashBits))
        }

        /// LZ77 over `src[start..<end]`, flushing a block whenever the symbol buffer is full.
        mutating func compress(from start: Int, to end: Int) {
            head.update(repeating: Self.far, count: 1 << hashBits)
            chain.update(repeating: Self.far, count: windowSize)
            let base = src + start
            let count = end - start
            let lastHashable = count - minMatch  // positions past this have no 4-byte hash
            let mask = windowSize - 1
            var inserted = 0  // positions below this are in the chains
            var pos = 0

            @inline(__always) func insert(upTo limit: Int) {
                let stop = min(limit, lastHashable + 1)
                while inserted < stop {
                    let h = hash(base + inserted)
                    chain[inserted & mask] = head[h]
                    head[h] = Int32(inserted)
                    inserted += 1
                }
                if inserted < limit { inserted = limit }
            }

            /// The longest match for `p` (already inserted): (length, distance), length 0 if none.
            @inline(__always) func longestMatch(at p: Int, atLeast previous: Int) -> (Int, Int) {
                let limit = min(maxMatch, count - p)
                guard limit >= minMatch else { return (0, 0) }
                let here = base + p
                var best = max(previous, minMatch - 1)
                var bestDistance = 0
                var candidate = Int(chain[p & mask])
                var budget = previous >= 16 ? maxChain >> 2 : maxChain
                while p - candidate <= windowSize && budget > 0 {
                    let there = base + candidate
                    if best < limit && there[best] == here[best] && there[0] == here[0] {
                        var l = 0
                        while l + 8 <= limit {
                            let x =
                                UnsafeRawPointer(there + l).loadUnaligned(as: UInt64.self)
                                ^ UnsafeRawPointer(here + l).loadUnaligned(as: UInt64.self)
                            if x != 0 {
                                l += x.trailingZeroBitCount >> 3
                                break
                            }
                            l += 8
                        }
                        if l + 8 > limit { while l < limit && there[l] == here[l] { l += 1 } }
                        if l > best {
                            best = l
                            bestDistance = p - candidate
                            if l >= niceLength || l >= limit { break }
                        }
                    }
                    candidate = Int(chain[candidate & mask])
                    budget -= 1
                }
                return bestDistance == 0 ? (0, 0) : (best, bestDistance)
            }

            while pos < count {
                insert(upTo: pos + 1)
                var (length, distance) = pos <= lastHashable ? longestMatch(at: pos, atLeast: 0) : (0, 0)
                if length == 0 {
                    literal(base[pos], at: start + pos)
                    pos += 1
                    continue
                }
                // One step of lazy evaluation.
                while length < lazyLength && pos + 1 <= lastHashable {
                    insert(upTo: pos + 2)
                    let (next, nextDistance) = longestMatch(at: pos + 1, atLeast: length)
                    guard next > length else { break }
                    literal(base[pos], at: start + pos)
                    pos += 1
                    (length, distance) = (next, nextDistance)
                }
                match(length: length, distance: distance, at: start + pos)
                pos += length
                insert(upTo: pos)
            }
            flush(upTo: end, isFinal: end == n)
        }

        @inline(__always)
        mutating func literal(_ byte: UInt8, at position: Int) {
            symbols.append(UInt32(byte))
            literalFrequency[Int(byte)] += 1
            if symbols.count >= blockSymbols { flush(upTo: position + 1, isFinal: false) }
        }

        @inline(__always)
        mutating func match(length: Int, distance: Int, at position: Int) {
            symbols.append(UInt32(distance) << 16 | UInt32(length))
            let lc = Int(lengthCode[length])
            literalFrequency[257 + lc] += 1
            let dc = distanceCode(distance)
            distanceFrequency[dc] += 1
            extraBits += Int(InflateTable.lengthExtra[lc]) + Int(InflateTable.distanceExtra[dc])
            if symbols.count >= blockSymbols { flush(upTo: position + length, isFinal: false) }
        }

        // MARK: Blocks

        /// Writes the pending symbols, which encode `src[blockStart..<end]`, as one block.
        mutating func flush(upTo end: Int, isFinal: Bool) {
            if symbols.isEmpty && !isFinal { return }
            literalFrequency[256] = 1
            let final: UInt32 = isFinal ? 1 : 0

            var literalLengths = HuffmanCode.lengths(literalFrequency, maxBits: 15)
            var distanceLengths = HuffmanCode.lengths(distanceFrequency, maxBits: 15)
            Self.ensureTwoCodes(&literalLengths, spare: 0)
            Self.ensureTwoCodes(&distanceLengths, spare: 0)
            let header = DynamicHeader(literalLengths: literalLengths, distanceLengths: distanceLengths)

            var dynamicBits = 3 + header.bitCount + extraBits
            var fixedBits = 3 + extraBits
            for (s, f) in literalFrequency.enumerated() where f != 0 {
                dynamicBits += f * Int(literalLengths[s])
                fixedBits += f * Int(InflateTable.fixedLiteralLengths[s])
            }
            for (s, f) in distanceFrequency.enumerated() where f != 0 {
                dynamicBits += f * Int(distanceLengths[s])
                fixedBits += f * 5
            }
            let raw = end - blockStart
            let storedBits = raw * 8 + max(1, (raw + 0xFFFE) / 0xFFFF) * (3 + 7 + 32)

            if storedBits <= min(dynamicBits, fixedBits) {
                writeStored(from: blockStart, to: end, isFinal: isFinal)
            } else if fixedBits <= dynamicBits {
                writer.write(final | 0b010, 3)
                let lengths = InflateTable.fixedLiteralLengths
                writeSymbols(
                    literalCodes: HuffmanCode.codes(lengths), literalLengths: lengths,
                    distanceCodes: HuffmanCode.codes([UInt8](repeating: 5, count: 30)),
                    distanceLengths: [UInt8](repeating: 5, count: 30))
            } else {
                writer.write(final | 0b100, 3)
                header.write(to: &writer)
                writeSymbols(
                    literalCodes: HuffmanCode.codes(literalLengths), literalLengths: literalLengths,
                    distanceCodes: HuffmanCode.codes(distanceLengths), distanceLengths: distanceLengths)
            }
            symbols.removeAll(keepingCapacity: true)
            for i in literalFrequency.indices { literalFrequency[i] = 0 }
            for i in distanceFrequency.indices { distanceFrequency[i] = 0 }
            extraBits = 0
            blockStart = end
        }

        /// Gives a second symbol a code when only one (or none) has one, so that every code
        /// is complete (a one-code set is legal DEFLATE, but not every decoder takes it).
        static func ensureTwoCodes(_ lengths: inout [UInt8], spare: Int) {
            let used = lengths.indices.filter { lengths[$0] != 0 }
            guard used.count < 2 else { return }
            let first = used.first ?? spare
            lengths[first] = 1
            lengths[first == spare ? spare + 1 : spare] = 1
        }

        mutating func writeStored(from start: Int, to end: Int, isFinal: Bool) {
            var p = start
            repeat {
                let chunk = min(0xFFFF, end - p)
                let last = isFinal && p + chunk == end
                writer.write(last ? 1 : 0, 3)
                writer.alignToByte()
                writer.write(UInt32(chunk) | UInt32(~chunk & 0xFFFF) << 16, 32)
                writer.append(UnsafeBufferPointer(start: src + p, count: chunk))
                p += chunk
            } while p < end
        }

        mutating func writeSymbols(
            literalCodes: [UInt16], literalLengths: [UInt8], distanceCodes: [UInt16], distanceLengths: [UInt8]
        ) {
            // Code and length packed per symbol: the code in the high half.
            var lit = [UInt32](repeating: 0, count: 286)
            for s in 0..<286 { lit[s] = UInt32(literalCodes[s]) << 16 | UInt32(literalLengths[s]) }
            var dist = [UInt32](repeating: 0, count: 30)
            for s in 0..<30 { dist[s] = UInt32(distanceCodes[s]) << 16 | UInt32(distanceLengths[s]) }
            let lengthCode = Deflater.lengthCode
            for symbol in symbols {
                let distance = Int(symbol >> 16)
                if distance == 0 {
                    let e = lit[Int(symbol)]
                    writer.write(e >> 16, Int(e & 0xFF))
                    continue
                }
                let length = Int(symbol & 0xFFFF)
                let lc = Int(lengthCode[length])
                let e = lit[257 + lc]
                let lengthExtra = Int(InflateTable.lengthExtra[lc])
                let extraValue = UInt32(length - Int(InflateTable.lengthBase[lc]))
                writer.write(e >> 16 | extraValue << (e & 0xFF), Int(e & 0xFF) + lengthExtra)
                let dc = distanceCode(distance)
                let d = dist[dc]
                let distanceExtra = Int(InflateTable.distanceExtra[dc])
                let dExtraValue = UInt32(distance - Int(InflateTable.distanceBase[dc]))
                writer.write(d >> 16 | dExtraValue << (d & 0xFF), Int(d & 0xFF) + distanceExtra)
            }
            let eob = lit[256]
            writer.write(eob >> 16, Int(eob & 0xFF))
        }
    }

    /// The header of a dynamic block: HLIT, HDIST, HCLEN, the code-length code and the
    /// run-length-coded code lengths (symbols 16, 17, 18 for repeats).
    private struct DynamicHeader {
        var literalCount: Int
        var distanceCount: Int
        var codeLengthCount: Int
        /// Code-length symbols with their extra bits: `extra << 8 | symbol`.
        var runs: [UInt32] = []
        var codeLengthLengths: [UInt8]
        var codeLengthCodes: [UInt16]
        var bitCount: Int

        init(literalLengths: [UInt8], distanceLengths: [UInt8]) {
            var lc = 286
            while lc > 257 && literalLengths[lc - 1] == 0 { lc -= 1 }
            var dc = 30
            while dc > 1 && distanceLengths[dc - 1] == 0 { dc -= 1 }
            literalCount = lc
            distanceCount = dc
            let all = Array(literalLengths[0..<lc]) + Array(distanceLengths[0..<dc])

            var frequency = [Int](repeating: 0, count: 19)
            var i = 0
            while i < all.count {
                let value = all[i]
                var run = 1
                while i + run < all.count && all[i + run] == value { run += 1 }
                i += run
                if value == 0 {
                    while run >= 11 {
                        let r = min(run, 138)
                        runs.append(UInt32(r - 11) << 8 | 18)
                        run -= r
                    }
                    if run >= 3 {
                        runs.append(UInt32(run - 3) << 8 | 17)
                        run = 0
                    }
                } else {
                    runs.append(UInt32(value))
                    run -= 1
                    while run >= 3 {
                        let r = min(run, 6)
                        runs.append(UInt32(r - 3) << 8 | 16)
                        run -= r
                    }
                }
                for _ in 0..<run { runs.append(UInt32(value)) }
            }
            for r in runs { frequency[Int(r & 0xFF)] += 1 }
            var lengths = HuffmanCode.lengths(frequency, maxBits: 7)
            Encoder.ensureTwoCodes(&lengths, spare: 0)
            codeLengthLengths = lengths
            codeLengthCodes = HuffmanCode.codes(lengths)
            var hclen = 19
            while hclen > 4 && lengths[InflateTable.codeLengthOrder[hclen - 1]] == 0 { hclen -= 1 }
            codeLengthCount = hclen

            var bits = 5 + 5 + 4 + 3 * hclen
            for r in runs {
                let symbol = Int(r & 0xFF)
                bits += Int(lengths[symbol]) + (symbol == 16 ? 2 : symbol == 17 ? 3 : symbol == 18 ? 7 : 0)
            }
            bitCount = bits
        }

        func write(to writer: inout BitWriter) {
            writer.write(UInt32(literalCount - 257), 5)
            writer.write(UInt32(distanceCount - 1), 5)
            writer.write(UInt32(codeLengthCount - 4), 4)
            for i in 0..<codeLengthCount {
                writer.write(UInt32(codeLengthLengths[InflateTable.codeLengthOrder[i]]), 3)
            }
            for r in runs {
                let symbol = Int(r & 0xFF)
                writer.write(UInt32(codeLengthCodes[symbol]), Int(codeLengthLengths[symbol]))
                switch symbol {
                case 16: writer.write(r >> 8, 2)
                case 17: writer.write(r >> 8, 3)
                case 18: writer.write(r >> 8, 7)
                default: break
                }
            }
        }
    }
}
