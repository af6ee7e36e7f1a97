import Foundation
import Testing

@testable import PlanParser

/// `DUMP_CANONICAL=DIR swift test --filter CanonicalTextDump` writes the canonical text of
/// every Word fixture to DIR (a debugging aid; does nothing otherwise).
@Suite struct CanonicalTextDump {
    @Test func dump() throws {
        guard let dir = ProcessInfo.processInfo.environment["DUMP_CANONICAL"] else { return }
        let word = Fixtures.samples.appendingPathComponent("word")
        for name in try FileManager.default.contentsOfDirectory(atPath: word.path).sorted()
        where name.hasSuffix(".docx") || name.hasSuffix(".odt") {
            let bytes = [UInt8](try Data(contentsOf: word.appendingPathComponent(name)))
            guard let text = try? PlanDocument.canonicalText(bytes: bytes) else { continue }
            try Data(text).write(to: URL(fileURLWithPath: dir).appendingPathComponent(name + ".txt"))
        }
    }
}
