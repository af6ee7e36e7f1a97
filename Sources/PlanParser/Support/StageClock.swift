#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints how long each parsing stage took to stderr when `PLANPARSER_TIMING` is set —
/// the cheap profile behind BENCHMARKS.md. Costs one `getenv` per document otherwise.
struct StageClock {
    private let enabled: Bool
    private var last: Double
    private var lines: [String] = []

    init() {
        enabled = getenv("PLANPARSER_TIMING") != nil
        last = enabled ? StageClock.now() : 0
    }

    mutating func lap(_ stage: StaticString) {
        guard enabled else { return }
        let t = StageClock.now()
        lines.append("\(stage): \(Int((t - last) * 1_000_000)) µs")
        last = t
    }

    func report() {
        guard enabled else { return }
        let text = Array((lines.joined(separator: "\n") + "\n").utf8)
        _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
