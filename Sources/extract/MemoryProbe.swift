import Foundation

/// Reports the memory the diff itself uses, next to the stage times of `PLANPARSER_TIMING`
/// (a measuring aid of the CLI; the library never prints).
///
/// At the start of a diff the two documents are parsed and held; the probe notes the
/// resident size then and resets the process's high-water mark (Linux: `5` written to
/// `/proc/self/clear_refs`). At the end, the new high-water mark minus the resident size at
/// the start is the peak of the diff's own structures (profiles, features, index, report),
/// whatever parsing needed before. Off (one `getenv`) unless `PLANPARSER_TIMING` is set;
/// silent where `/proc` is missing.
struct MemoryProbe {
    private let enabled: Bool
    private var startMB = 0.0

    init() {
        enabled = Console.environment("PLANPARSER_TIMING") != nil
        guard enabled else { return }
        startMB = Self.status("VmRSS") ?? 0
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// Prints `diff memory: …` on stderr.
    func report() {
        guard enabled, let peak = Self.status("VmHWM") else { return }
        let line = String(
            format: "diff memory: %.0f MB resident at the start (the parsed plans), peak %.0f MB, the diff's own %.0f MB\n",
            startMB, peak, max(0, peak - startMB))
        Console.err(line)
    }

    /// A `kB` field of `/proc/self/status`, in MB.
    private static func status(_ field: String) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
            return Double(digits).map { $0 / 1024 }
        }
        return nil
    }
}
