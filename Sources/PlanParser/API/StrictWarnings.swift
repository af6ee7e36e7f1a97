extension PlanDocument {
    /// Warning codes that `extract --strict` treats as failures (exit status 3): each means
    /// content was lost, not merely written unusually.
    ///
    /// - `table-lost`: a table could not be read as one, so its rows are not tasks.
    public static let strictWarningCodes: [String] = ["table-lost"]

    /// Whether the document has a warning whose code is in ``strictWarningCodes``.
    public var hasStrictWarnings: Bool {
        warnings.contains { Self.strictWarningCodes.contains($0.code) }
    }
}
