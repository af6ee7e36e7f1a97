import Foundation
import Testing
@testable import PlanParser

/// PDF input through poppler's pdftotext (an optional program: these tests skip without it,
/// except in CI — `PLANPARSER_REQUIRE_READERS=1` from `.ci/run`, which installs poppler-utils).
@Suite(.enabled(if: ExternalTool.runs(ExternalProgram.find("pdftotext") != nil), "pdftotext (poppler-utils) not installed: PDF tests skipped"))
struct PDFReaderTests {
    @Test func readsLikeItsLayoutText() throws {
        // samples/converted/pdftotext-layout/table-appendix.text is pdftotext -layout of this PDF.
        let pdf = try PlanDocument.parse(contentsOf: Fixtures.samples.appendingPathComponent("pdf/table-appendix.pdf").path)
        let text = try Fixtures.sample("converted/pdftotext-layout/table-appendix.text")
        #expect(pdf.source.format == PDFReader.format)
        #expect(pdf.tasks == text.tasks)
        #expect(pdf.header == text.header)
        #expect(pdf.tasks.filter { $0.origin == .table }.count == 18)
    }

    @Test func everySamplePDF() throws {
        for (name, tasks) in [("field-bullets", 18), ("prose-bullets", 24), ("plan-2024", 20), ("report", 0)] {
            let d = try PlanDocument.parse(contentsOf: Fixtures.samples.appendingPathComponent("pdf/\(name).pdf").path)
            #expect(d.tasks.count == tasks, "\(name)")
            #expect(d.header.kind != nil, "\(name)")
        }
    }

    @Test func scanHasNoText() throws {
        #expect(throws: PlanParseError.noTextLayer) {
            try PlanDocument.parse(contentsOf: Fixtures.samples.appendingPathComponent("pdf/field-bullets.scan.pdf").path)
        }
        #expect(PlanParseError.noTextLayer.description
            == "the PDF has no text layer (a scanned image?): run OCR on it first (e.g. ocrmypdf), or give the .docx")
    }

    @Test func damagedPDF() throws {
        let bytes = Array("%PDF-1.4\nnot really a PDF\n".utf8)
        #expect(throws: PlanParseError.toolFailed(name: "pdftotext", reason: "Syntax Error: Couldn't find trailer dictionary (exit status 1)")) {
            try PlanDocument.parse(bytes: bytes)
        }
    }
}

@Suite struct PDFRecognitionTests {
    @Test func recognizedByContent() {
        #expect(PDFReader.recognizes(Array("%PDF-1.7\n".utf8)))
        #expect(PDFReader.recognizes(Array("\u{FEFF}junk %PDF-1.4".utf8)))
        #expect(!PDFReader.recognizes(Array("KẾ HOẠCH\nCải cách hành chính".utf8)))
    }

    @Test func missingToolMessage() {
        #expect(PlanParseError.missingTool(name: "pdftotext", install: PDFReader.install).description
            == "reading a PDF needs pdftotext, which is not installed: apt install poppler-utils (Debian, Ubuntu), brew install poppler (macOS), or Poppler for Windows (conda install poppler); or give the text of `pdftotext -layout FILE.pdf` instead")
        #expect(ExternalProgram.find("pdftotext", path: "/nonexistent:/also-not") == nil)
        #expect(ExternalProgram.find("sh", path: "/nonexistent:/bin") != nil)
    }
}
