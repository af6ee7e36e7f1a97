import Foundation
import Testing

@testable import PlanParser

@Suite struct CRC32Tests {
    @Test func knownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum([0]) == 0xD202_EF8D)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(CRC32.checksum(Array("Kế hoạch".utf8)) == Self.bitwise(Array("Kế hoạch".utf8)))
    }

    @Test func oneMegabyte() {
        // 1 MiB of zeros and of a repeating pattern, against the bit-by-bit definition and
        // against values computed by Python's zlib.crc32.
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        #expect(CRC32.checksum(zeros) == 0xA738_EA1C)
        let pattern = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        #expect(CRC32.checksum(pattern) == Self.bitwise(pattern))
    }

    /// Every length around the 16-byte steps and every alignment of the start.
    @Test func lengthsAndAlignments() {
        var rng = SeededGenerator(seed: 3)
        let data = (0..<300).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for start in 0..<17 {
            for length in [0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 100, 283 - start] {
                let slice = Array(data[start..<(start + length)])
                #expect(CRC32.checksum(slice) == Self.bitwise(slice), "start \(start), length \(length)")
            }
        }
    }

    @Test func continuesFromAnInitialValue() {
        let a = Array("Kế hoạch cải cách ".utf8)
        let b = Array("hành chính năm 2024".utf8)
        #expect(CRC32.checksum(b, initial: CRC32.checksum(a)) == CRC32.checksum(a + b))
        #expect(CRC32.checksum([], initial: 0x1234_5678) == 0x1234_5678)
    }

    @Test(.enabled(if: ZipFixtures.python != nil, ZipFixtures.pythonMissing))
    func agreesWithPython() throws {
        let text = ZipFixtures.text
        let (status, out) = try ZipFixtures.runPython(
            "import sys, zlib; print(zlib.crc32(sys.stdin.buffer.read()))", input: text)
        #expect(status == 0)
        let expected = UInt32(String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(expected == CRC32.checksum(text))
    }

    /// The definition, one bit at a time.
    static func bitwise(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
