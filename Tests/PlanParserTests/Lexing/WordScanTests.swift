import Testing
@testable import PlanParser

/// The eight-bytes-at-a-time scans against the byte-by-byte answer, on many random lines.
@Suite struct WordScanTests {
    /// A fixed pseudo-random sequence (xorshift), so a failure repeats.
    struct Bytes {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        mutating func line(from alphabet: [[UInt8]], maxPieces: Int) -> [UInt8] {
            var out: [UInt8] = []
            for _ in 0..<next(maxPieces + 1) { out += alphabet[next(alphabet.count)] }
            return out
        }
    }

    @Test func findRunMatchesNaiveSearch() {
        var random = Bytes()
        let alphabet: [[UInt8]] = [[0x20], [0x20], [0x2D], [0x2D], [0x61], Array("ế".utf8), [0x0A]]
        for _ in 0..<3000 {
            let hay = random.line(from: alphabet, maxPieces: 40)
            for byte: UInt8 in [0x20, 0x2D] {
                for count in 1...3 {
                    let from = hay.isEmpty ? 0 : random.next(hay.count)
                    let found = hay.withUnsafeBufferPointer { ByteSearch.findRun(of: byte, count: count, in: $0, from: from) }
                    var expected: Int?
                    var i = from
                    while i + count <= hay.count {
                        if hay[i..<(i + count)].allSatisfy({ $0 == byte }) {
                            expected = i
                            break
                        }
                        i += 1
                    }
                    #expect(found == expected, "\(hay) \(byte) \(count) from \(from)")
                }
            }
        }
    }

    @Test func findPairOrTripleMatchesNaiveSearch() {
        var random = Bytes()
        let alphabet: [[UInt8]] = [[0x20], [0x20], [0x2D], [0x2D], [0x61], Array("ế".utf8), [0x0A]]
        for _ in 0..<3000 {
            let hay = random.line(from: alphabet, maxPieces: 60)
            let from = hay.isEmpty ? 0 : random.next(hay.count)
            let found = hay.withUnsafeBufferPointer { ByteSearch.findPairOrTriple(pair: 0x2D, triple: 0x20, in: $0, from: from) }
            var expected: Int?
            var i = from
            while i < hay.count {
                if i + 2 <= hay.count, hay[i] == 0x2D, hay[i + 1] == 0x2D { expected = i; break }
                if i + 3 <= hay.count, hay[i..<(i + 3)].allSatisfy({ $0 == 0x20 }) { expected = i; break }
                i += 1
            }
            #expect(found == expected, "\(hay) from \(from)")
        }
    }

    /// Runs far apart, so the thirty-two-byte rounds are passed through and a run is found in
    /// either half of one, or in the sixteen-byte tail.
    @Test func findPairOrTripleFindsSparseRuns() {
        var random = Bytes()
        let letters: [[UInt8]] = [[0x61], [0x20], Array("ế".utf8), [0x2D], [0x0A], Array("Đ".utf8)]
        for _ in 0..<3000 {
            var hay = random.line(from: letters, maxPieces: 120)
            let run: [UInt8] = random.next(2) == 0 ? [0x2D, 0x2D] : [0x20, 0x20, 0x20]
            if random.next(4) > 0 { hay.insert(contentsOf: run, at: hay.isEmpty ? 0 : random.next(hay.count)) }
            let from = hay.isEmpty ? 0 : random.next(min(hay.count, 40))
            let found = hay.withUnsafeBufferPointer { ByteSearch.findPairOrTriple(pair: 0x2D, triple: 0x20, in: $0, from: from) }
            var expected: Int?
            var i = from
            while i < hay.count {
                if i + 2 <= hay.count, hay[i] == 0x2D, hay[i + 1] == 0x2D { expected = i; break }
                if i + 3 <= hay.count, hay[i..<(i + 3)].allSatisfy({ $0 == 0x20 }) { expected = i; break }
                i += 1
            }
            #expect(found == expected, "\(hay) from \(from)")
        }
    }

    @Test func fieldLabelMatchesByteByByteScan() {
        var random = Bytes()
        let alphabet: [[UInt8]] = [[0x20], [0x20], [0x3A], [0x35], [0x2E], [0x28], [0x61], [0x62], Array("chủ trì".utf8),
                                   Array("thời gian".utf8), Array("ế".utf8), [0x09]]
        for _ in 0..<3000 {
            let line = random.line(from: alphabet, maxPieces: 40)
            guard !line.isEmpty else { continue }
            let lo = random.next(min(line.count, 4))
            let found = line.withUnsafeBufferPointer { FieldLabel.match($0, from: lo, to: line.count) }
            // The byte-by-byte reading: up to the first `:` within the limit, no digit, bracket,
            // `.` or `;` before it, at most eight words.
            var expected: (Int, Int, Field.Role)?
            let limit = min(line.count, lo + FieldLabel.maxLabelBytes + 1)
            var words = 1
            var i = lo
            while i < limit, line[i] != 0x3A, !(line[i] >= 0x30 && line[i] <= 0x39), line[i] != 0x28, line[i] != 0x2E, line[i] != 0x3B {
                if line[i] == 0x20 { words += 1 }
                i += 1
            }
            if i < limit, line[i] == 0x3A, i > lo, words <= FieldLabel.maxLabelWords {
                var labelEnd = i
                while labelEnd > lo, line[labelEnd - 1] == 0x20 { labelEnd -= 1 }
                var valueStart = i + 1
                while valueStart < line.count, line[valueStart] == 0x20 || line[valueStart] == 0x09 { valueStart += 1 }
                let label = Array(line[lo..<labelEnd]).withUnsafeBufferPointer { VietnameseText.lowercased($0) }
                let role = label.withUnsafeBufferPointer { FieldLabel.role(of: $0, words: words) }
                expected = (labelEnd, valueStart, role)
            }
            #expect(found?.0 == expected?.0 && found?.1 == expected?.1 && found?.2 == expected?.2, "\(line) from \(lo)")
        }
    }

    @Test func lineCleanerCollapsesSpacesAndSeesTabsAndPipes() {
        var random = Bytes()
        let alphabet: [[UInt8]] = [[0x20], [0x20], [0x20, 0x20], [0x09], [0x7C], [0x61], [0x62], Array("ế".utf8), [0x01]]
        for _ in 0..<3000 {
            let line = random.line(from: alphabet, maxPieces: 30)
            // Spaces trimmed, runs of them collapsed; every other byte stays.
            var expected: [UInt8] = []
            for b in line where !(b == 0x20 && (expected.isEmpty || expected.last == 0x20)) { expected.append(b) }
            while expected.last == 0x20 { expected.removeLast() }
            var buf = line
            var seen = LineCleaner.Seen()
            let end = buf.withUnsafeMutableBufferPointer { LineCleaner.clean($0, from: 0, to: $0.count, into: 0, seen: &seen) }
            #expect(Array(buf[0..<end]) == expected, "\(line)")
            #expect(seen.hasTab == line.contains(0x09))
            #expect(seen.hasPipe == line.contains(0x7C))
        }
    }
}
