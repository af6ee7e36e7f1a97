import Foundation
import Testing
@testable import PlanParser

/// Whole-document golden files: every `samples/**/*.txt` gives the JSON and task CSV in
/// `Golden/Expected/` byte for byte. Record with `RECORD_SNAPSHOTS=1 swift test --filter GoldenTests`.
@Suite struct GoldenTests {
    static let inputs: [String] = {
        let root = Fixtures.samples
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    static func expectedURL(_ input: String, _ ext: String) -> URL {
        let name = input.replacingOccurrences(of: "/", with: "__").replacingOccurrences(of: ".txt", with: "." + ext)
        return Fixtures.golden.appendingPathComponent("Expected").appendingPathComponent(name)
    }

    static func parse(_ input: String) throws -> PlanDocument {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.samples.appendingPathComponent(input)))
        return try PlanDocument.parse(bytes: bytes, path: "samples/" + input)
    }

    @Test func samplesExist() {
        #expect(Self.inputs.count >= 5, "samples/ should hold the sample plans")
    }

    @Test(arguments: inputs)
    func json(_ input: String) throws {
        let d = try Self.parse(input)
        assertGolden(d.jsonBytes(), at: Self.expectedURL(input, "json"))
    }

    @Test(arguments: inputs)
    func csv(_ input: String) throws {
        let d = try Self.parse(input)
        assertGolden(Exports.taskCSV([d]), at: Self.expectedURL(input, "csv"))
    }

    @Test(arguments: inputs)
    func deterministic(_ input: String) throws {
        #expect(try Self.parse(input).jsonBytes() == Self.parse(input).jsonBytes())
    }
}
