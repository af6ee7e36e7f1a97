import Foundation
import Testing
@testable import PlanParser

/// `extract` on PDF files and converter text: what it prints and the exit status.
@Suite struct ConverterInputTests {
    /// pdftotext is optional; CI (`PLANPARSER_REQUIRE_READERS=1`) installs it and must not skip.
    static let hasPdftotext = ExternalProgram.find("pdftotext") != nil
        || ProcessInfo.processInfo.environment["PLANPARSER_REQUIRE_READERS"] == "1"

    @Test(.enabled(if: hasPdftotext, "pdftotext (poppler-utils) not installed: skipped"))
    func pdf() throws {
        let r = try ExtractRunner.run(["--stats", "samples/pdf/table-appendix.pdf"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("tasks: 35 (table 18, fields 0, prose 17)"))
    }

    @Test(.enabled(if: hasPdftotext, "pdftotext (poppler-utils) not installed: skipped"))
    func scannedPDF() throws {
        let r = try ExtractRunner.run(["samples/pdf/field-bullets.scan.pdf"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "samples/pdf/field-bullets.scan.pdf: error: the PDF has no text layer (a scanned image?): run OCR on it first (e.g. ocrmypdf), or give the .docx\n")
    }

    @Test func pdfWithoutPdftotext() throws {
        let empty = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let r = try ExtractRunner.run(["samples/pdf/report.pdf"], environment: ["PATH": empty.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "samples/pdf/report.pdf: error: reading a PDF needs pdftotext, which is not installed: apt install poppler-utils (Debian, Ubuntu), brew install poppler (macOS), or Poppler for Windows (conda install poppler); or give the text of `pdftotext -layout FILE.pdf` instead\n")
    }

    @Test func strictStopsOnALostTable() throws {
        // Plain pdftotext wraps the cells and drops the empty ones: the table cannot be counted back.
        let lost = try ExtractRunner.run(["--strict", "--stats", "samples/converted/pdftotext/table-appendix.text"])
        #expect(lost.status == 3)
        #expect(lost.stderr.contains(":155: warning: the table at lines 155–521 was not read: its columns were lost in conversion"))
        // LibreOffice's "Save as Text" prints every cell on a line of its own: rows counted back.
        let counted = try ExtractRunner.run(["--strict", "--stats", "samples/converted/libreoffice-txt/table-appendix.text"])
        #expect(counted.status == 0)
        #expect(counted.stdout.contains("tasks: 35 (table 18, fields 0, prose 17)"))
        // The same plan from pdftotext -layout keeps its table: no warning of that class.
        let kept = try ExtractRunner.run(["--strict", "--stats", "samples/converted/pdftotext-layout/table-appendix.text"])
        #expect(kept.status == 0)
        #expect(kept.stdout.contains("tasks: 35 (table 18, fields 0, prose 17)"))
    }

    @Test func convertedTextFromStandardInput() throws {
        let text = try Data(contentsOf: ExtractRunner.packageRoot.appendingPathComponent("samples/converted/pandoc-gfm/plan-2024.text"))
        let r = try ExtractRunner.run(["--stats", "-"], stdin: [UInt8](text))
        #expect(r.status == 0)
        #expect(r.stdout.contains("tasks: 20 (table 20, fields 0, prose 0)"))
    }
}
