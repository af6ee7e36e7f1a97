extension OutputFormat {
    /// Every output format, one line each; within a subject the first is the default.
    ///
    /// A new format is a new exporter file with a `static let format` and one line here: the
    /// CLI's `--format` values, `-o FILE` extensions and help are all read from this table.
    public static let all: [OutputFormat] = [
        JSONExporter.format,
        NDJSONExporter.format,
        TaskCSVExporter.format,
        TasksNDJSONExporter.format,
        XLSXExporter.format,
        HTMLReportExporter.format,
        ICSExporter.format,
        TableCSVExporter.format,
        XLSXTablesExporter.format,
        OutlineExporter.format,
        UnitsTextExporter.format,
        UnitsCSVExporter.format,
        UnitsJSONExporter.format,
        XLSXUnitsExporter.format,
        DiffTextExporter.format,
        DiffJSONExporter.format,
        DiffCSVExporter.format,
        XLSXDiffExporter.format,
        HTMLDiffExporter.format,
    ]
}
