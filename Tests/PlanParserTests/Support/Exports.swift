@testable import PlanParser

// Short names for the exports the tests check, all through the one output seam.

func format(_ name: String, _ subject: ExportSubject) -> OutputFormat {
    OutputFormat.named(name, for: subject)!
}

extension PlanDocument {
    func jsonBytes(pretty: Bool = true) -> [UInt8] {
        var o = ExportOptions()
        o.pretty = pretty
        return PlanDocument.export([self], as: format("json", .documents), options: o)
    }
}

extension PlanDiff {
    func text(color: Bool = false) -> String {
        var o = ExportOptions()
        o.color = color
        return String(decoding: export(as: format("text", .diff), options: o), as: UTF8.self)
    }

    func jsonBytes(pretty: Bool = true) -> [UInt8] {
        var o = ExportOptions()
        o.pretty = pretty
        return export(as: format("json", .diff), options: o)
    }

    func csvBytes(bom: Bool = false, guardFormulas: Bool = true) -> [UInt8] {
        var o = ExportOptions()
        o.byteOrderMark = bom
        o.guardFormulas = guardFormulas
        return export(as: format("csv", .diff), options: o)
    }

    static var csvColumns: [String] { DiffCSVExporter.columns }
}

enum Exports {
    static func taskCSV(_ documents: [PlanDocument], bom: Bool = false) -> [UInt8] {
        var o = ExportOptions()
        o.byteOrderMark = bom
        return PlanDocument.export(documents, as: format("csv", .documents), options: o)
    }

    static func units(_ document: PlanDocument, as name: String, tasks: Bool = false) -> String {
        var o = ExportOptions()
        o.listTasks = tasks
        return String(decoding: PlanDocument.export([document], as: format(name, .units), options: o), as: UTF8.self)
    }
}

extension LineTokenizer {
    /// Tokenizes text given as bytes (tests feed lines directly).
    static func tokenize(_ bytes: [UInt8], lineCount: Int) -> TokenizedSource {
        tokenize(DecodedSource(bytes: bytes, lineCount: lineCount, encoding: .utf8, wasNormalized: false))
    }
}
