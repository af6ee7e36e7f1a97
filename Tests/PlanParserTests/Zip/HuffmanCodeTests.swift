import Foundation
import Testing

@testable import PlanParser

@Suite struct HuffmanCodeTests {
    static func kraft(_ lengths: [UInt8]) -> Double {
        lengths.filter { $0 > 0 }.reduce(0) { $0 + pow(2, -Double($1)) }
    }

    @Test func optimalWhenTheLimitDoesNotBind() {
        // Frequencies 1, 1, 2, 3, 5: a textbook tree.
        #expect(HuffmanCode.lengths([1, 1, 2, 3, 5], maxBits: 15) == [4, 4, 3, 2, 1])
        #expect(HuffmanCode.lengths([5, 0, 5], maxBits: 15) == [1, 0, 1])
        #expect(HuffmanCode.lengths([0, 9, 0], maxBits: 15) == [0, 1, 0])
        #expect(HuffmanCode.lengths([0, 0], maxBits: 15) == [0, 0])
    }

    @Test func lengthLimited() {
        // Fibonacci frequencies make a tree as deep as there are symbols.
        var f = [1, 1]
        while f.count < 30 { f.append(f[f.count - 1] + f[f.count - 2]) }
        let free = HuffmanCode.lengths(f, maxBits: 40)
        #expect(free.max() == 29)
        for limit in [15, 9, 7, 5] {
            let limited = HuffmanCode.lengths(f, maxBits: limit)
            #expect(Int(limited.max()!) == limit)
            #expect(Self.kraft(limited) == 1.0)
            // More frequent symbols never get longer codes.
            for i in 1..<f.count { #expect(limited[i] <= limited[i - 1]) }
        }
    }

    @Test func canonicalCodes() {
        // RFC 1951 §3.2.2 example: lengths (3, 3, 3, 3, 3, 2, 4, 4) give
        // 010, 011, 100, 101, 110, 00, 1110, 1111 (here bit-reversed).
        let codes = HuffmanCode.codes([3, 3, 3, 3, 3, 2, 4, 4])
        let msbFirst: [Int] = [0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111]
        let widths = [3, 3, 3, 3, 3, 2, 4, 4]
        for i in 0..<8 { #expect(Int(codes[i]) == InflateTable.reverse(msbFirst[i], bits: widths[i])) }
    }
}
