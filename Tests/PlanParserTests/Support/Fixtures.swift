import Foundation
@testable import PlanParser

/// Paths of the package, its samples and the shared seed documents.
enum Fixtures {
    /// The package root (three levels above this file).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let samples = packageRoot.appendingPathComponent("samples")
    static let seeds = packageRoot.appendingPathComponent("../shared/seeds").standardized
    static let golden = packageRoot.appendingPathComponent("Tests/PlanParserTests/Golden")

    /// Seed documents live outside the repository; tests that need them are skipped without them.
    static let seedsAvailable = FileManager.default.fileExists(atPath: seeds.path)
    static let skipMessage: Comment = "../shared/seeds not found: seed tests skipped"

    /// The seed whose file name starts with `prefix` (`"000"`).
    static func seedURL(_ prefix: String) -> URL {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        let name = names.sorted().first { $0.hasPrefix(prefix) } ?? prefix
        return seeds.appendingPathComponent(name)
    }

    static func seed(_ prefix: String) throws -> PlanDocument {
        try PlanDocument.parse(contentsOf: seedURL(prefix).path)
    }

    static func sample(_ relativePath: String) throws -> PlanDocument {
        try PlanDocument.parse(contentsOf: samples.appendingPathComponent(relativePath).path)
    }

    /// Parses an inline text (tests of small inputs).
    static func parse(_ text: String) throws -> PlanDocument {
        try PlanDocument.parse(bytes: Array(text.utf8), path: "inline")
    }
}

import Testing

extension PlanDocument {
    func task(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) -> PlanTask? {
        let t = tasks.first { $0.id == id }
        if t == nil { Issue.record("no task \(id)", sourceLocation: sourceLocation) }
        return t
    }
}
