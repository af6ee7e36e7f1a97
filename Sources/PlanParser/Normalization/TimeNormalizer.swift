// TEMPORARY placeholder; replaced by the normalization branch.
struct TimeProblem: Sendable, Equatable {
    var code: String
    var message: String
}

struct TimeNormalizer: Sendable {
    var planYear: Int?
    var planPeriod: PlanPeriod?

    init(planYear: Int?, planPeriod: PlanPeriod?) {
        self.planYear = planYear
        self.planPeriod = planPeriod
    }

    func milestones(in text: String) -> (milestones: [TimeMilestone], problems: [TimeProblem]) {
        let parts = text.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        return (parts.map { TimeMilestone(text: $0, kind: .unknown) }, [])
    }
}
