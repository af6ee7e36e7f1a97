/// Times the parsing stages for a caller that asked (``ParseOptions/stageTimer``) — the cheap
/// profile behind BENCHMARKS.md. The library never prints; the caller decides what to do.
struct StageClock {
    private let report: (@Sendable (String, Double) -> Void)?
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init(report: (@Sendable (String, Double) -> Void)?) {
        self.report = report
        last = clock.now
    }

    mutating func lap(_ stage: String) {
        guard let report else { return }
        let now = clock.now
        let d = now - last
        report(stage, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        last = now
    }
}
