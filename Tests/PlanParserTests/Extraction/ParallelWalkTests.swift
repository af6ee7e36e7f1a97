import Foundation
import Testing

@testable import PlanParser

/// Task extraction on two threads (``ParallelWalk``) gives the records of one walk, byte for
/// byte: checked on documents long enough to be cut, whose two halves repeat the same
/// headings (so sentence ids such as `II.2.s3` continue across the cut).
@Suite struct ParallelWalkTests {
    /// Every sample text, one after another, as the benchmark's corpus is made.
    static let allSamples: [UInt8] = {
        let texts = GoldenTests.inputs.compactMap { try? Data(contentsOf: Fixtures.samples.appendingPathComponent($0)) }
        return Array(texts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n\n").utf8)
    }()

    static func parse(_ bytes: [UInt8], threads: Int) throws -> PlanDocument {
        try PlanDocument.parse(bytes: bytes, path: "joined.txt", options: ParseOptions(threads: threads))
    }

    @Test func samplesTwiceGiveTheSameBytesOnTwoThreads() throws {
        let twice = Self.allSamples + Array("\n\n".utf8) + Self.allSamples
        let one = try Self.parse(twice, threads: 1)
        let two = try Self.parse(twice, threads: 2)
        // The document is cut: both halves hold sections.
        let roots = two.store.rootViews
        let cut = try #require(ParallelWalk.split(roots))
        #expect(cut > 1 && cut < roots.count - 1)
        #expect(two.jsonBytes() == one.jsonBytes())
        // Sentence ids of one node continue in the second half (`….s4` after `….s1`–`s3`).
        let firstHalfEnd = roots[cut].line
        let secondHalf = one.tasks.filter { $0.line >= firstHalfEnd && $0.id.contains(".s") }
        let firstHalf = Set(one.tasks.filter { $0.line < firstHalfEnd && $0.id.contains(".s") }.map(\.id))
        #expect(!secondHalf.isEmpty)
        #expect(secondHalf.allSatisfy { !firstHalf.contains($0.id) })
        #expect(one.tasks.count == two.tasks.count)
        #expect(one.responsibilities.count == two.responsibilities.count)
    }

    @Test func shortDocumentsAreNotCut() throws {
        let doc = try Fixtures.sample("table-appendix.txt")
        #expect(ParallelWalk.split(doc.store.rootViews) == nil)
    }

    @Test(.enabled(if: Fixtures.seedsAvailable, Fixtures.skipMessage))
    func seedsJoinedGiveTheSameBytesOnTwoThreads() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds.path).sorted()
        var joined: [UInt8] = []
        for _ in 0..<6 {
            for n in names where n.hasSuffix(".txt") {
                joined += try Array(Data(contentsOf: Fixtures.seeds.appendingPathComponent(n))) + Array("\n\n".utf8)
            }
        }
        let one = try Self.parse(joined, threads: 1)
        let two = try Self.parse(joined, threads: 4)
        #expect(ParallelWalk.split(two.store.rootViews) != nil)
        #expect(two.jsonBytes() == one.jsonBytes())
    }
}
