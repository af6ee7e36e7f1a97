#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files done / total and MB/s on stderr, only on a terminal and only after the first second.
struct Progress {
    let total: Int
    let enabled: Bool
    let started: Double
    private var done = 0
    private var lastDraw = 0.0
    private var drawn = false

    init(total: Int, enabled: Bool, started: Double) {
        self.total = total
        self.enabled = enabled
        self.started = started
    }

    mutating func advance(bytes: Int) {
        done += 1
        guard enabled else { return }
        let now = Monotonic.now()
        guard now - started >= 1, now - lastDraw >= 0.2 || done == total else { return }
        lastDraw = now
        let rate = Double(bytes) / 1_048_576 / max(now - started, 0.001)
        Console.err("\r\(done)/\(total) files, \(Format.fixed(rate, 1)) MB/s\u{1B}[K")
        drawn = true
    }

    mutating func clearLine() {
        if drawn {
            Console.err("\r\u{1B}[K")
            drawn = false
        }
    }
}

enum Monotonic {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

enum Format {
    /// `value` with `digits` decimals, without Foundation's String(format:).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((value * scale).rounded())
        let whole = n / Int(scale)
        let frac = abs(n % Int(scale))
        guard digits > 0 else { return String(whole) }
        let f = String(frac)
        return "\(whole).\(String(repeating: "0", count: digits - f.count))\(f)"
    }
}
