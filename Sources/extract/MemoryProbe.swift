import PlanParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC)
        if fd >= 0 {
            _ = FileDescriptor.write(fd, Array("5".utf8))
            close(fd)
        }
    }

    /// Prints `diff memory: …` on stderr.
    func report() {
        guard enabled, let peak = Self.status("VmHWM") else { return }
        func mb(_ x: Double) -> String { String(Int(x.rounded())) }
        let line = "diff memory: \(mb(startMB)) MB resident at the start (the parsed plans), peak \(mb(peak)) MB, "
            + "the diff's own \(mb(max(0, peak - startMB))) MB\n"
        Console.err(line)
    }

    /// A `kB` field of `/proc/self/status`, in MB.
    private static func status(_ field: String) -> Double? {
        guard let bytes = try? InputBytes.contents(ofPath: "/proc/self/status", limit: 1 << 20) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter { $0.isNumber }
            return Double(digits).map { $0 / 1024 }
        }
        return nil
    }
}
