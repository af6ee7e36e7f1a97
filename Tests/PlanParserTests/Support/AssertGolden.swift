import Foundation
import Testing

/// Compares `actual` with the golden file at `url`. With `RECORD_SNAPSHOTS=1` in the
/// environment the file is (re)written and the test fails, so every change gets reviewed.
func assertGolden(_ actual: [UInt8], at url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let expected = (try? Data(contentsOf: url)).map { [UInt8]($0) }
    if record || expected == nil {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(actual).write(to: url)
        Issue.record("recorded \(url.lastPathComponent); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let expected, expected != actual else { return }
    Issue.record("\(url.lastPathComponent) differs:\n\(lineDiff(expected, actual))", sourceLocation: sourceLocation)
}

/// The first differing lines of two texts, `-` expected, `+` actual, with a little context.
func lineDiff(_ expected: [UInt8], _ actual: [UInt8], limit: Int = 12) -> String {
    let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let b = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    var i = 0
    while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
    var out: [String] = []
    if i > 0 { out.append("  \(i): \(a[i - 1])") }
    for k in i..<min(a.count, i + limit) { out.append("- \(k + 1): \(a[k])") }
    for k in i..<min(b.count, i + limit) { out.append("+ \(k + 1): \(b[k])") }
    return out.joined(separator: "\n")
}
