import Foundation
import Testing

@testable import PlanParser

/// The standard library's NFC (``CanonicalComposition``) — what the decoder falls back on for
/// the decomposed text the Vietnamese composer declines — gives what Foundation gives.
@Suite struct CanonicalCompositionTests {
    static let cases: [(input: String, expected: String)] = [
        ("A\u{30A}", "\u{C5}"),  // A + ring above → Å
        ("q\u{307}\u{323}", "q\u{323}\u{307}"),  // marks put in canonical order, nothing to compose
        ("\u{1100}\u{1161}", "\u{AC00}"),  // Hangul jamo → one syllable
        ("\u{212B}", "\u{C5}"),  // ANGSTROM SIGN, a singleton → Å
        ("Vie\u{323}\u{302}t", "Việt"),  // Vietnamese, marks in either order
        ("Vie\u{302}\u{323}t", "Việt"),
        ("e\u{301}\u{302}", "\u{E9}\u{302}"),  // two marks of one class: the first composes, the second stays
        ("plain ASCII", "plain ASCII"),
    ]

    @Test(arguments: cases)
    func composes(input: String, expected: String) {
        let composed = CanonicalComposition.composed(input)
        #expect(Array(composed.unicodeScalars) == Array(expected.unicodeScalars))
        #expect(Array(composed.unicodeScalars) == Array(input.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func decodingADecomposedPlanGivesTheComposedText() throws {
        let nfc = "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Trào Å ngội 가\n"
        let decomposed = nfc.decomposedStringWithCanonicalMapping
        let bytes = try PlanDocument.canonicalText(bytes: Array(decomposed.utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == nfc)
    }
}
