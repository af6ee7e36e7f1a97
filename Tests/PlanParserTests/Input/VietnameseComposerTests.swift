import Foundation
import Testing

@testable import PlanParser

@Suite struct VietnameseComposerTests {
    /// Every Vietnamese vowel, both cases.
    static let vowels = Array(
        "aàáãảạăằắẵẳặâầấẫẩậeèéẽẻẹêềếễểệiìíĩỉịoòóõỏọôồốỗổộơờớỡởợuùúũủụưừứữửựyỳýỹỷỵ"
            + "AÀÁÃẢẠĂẰẮẴẲẶÂẦẤẪẨẬEÈÉẼẺẸÊỀẾỄỂỆIÌÍĨỈỊOÒÓÕỎỌÔỒỐỖỔỘƠỜỚỠỞỢUÙÚŨỦỤƯỪỨỮỬỰYỲÝỸỶỴ")

    /// Runs the composer on `text` and gives its output, or `nil` when it declines.
    static func compose(_ text: String) -> String? {
        var out: [UInt8] = Array("before|".utf8)
        let accepted = Array(text.utf8).withUnsafeBufferPointer { VietnameseComposer.compose($0, into: &out) }
        guard accepted else {
            #expect(out == Array("before|".utf8), "a declined chunk must leave the output as it was")
            return nil
        }
        return String(decoding: out.dropFirst(7), as: UTF8.self)
    }

    @Test(arguments: vowels)
    func composesEveryVowelFromNFD(vowel: Character) {
        let nfc = "x\(vowel)y \(vowel)"
        #expect(
            Self.compose(nfc.decomposedStringWithCanonicalMapping)?.unicodeScalars.elementsEqual(nfc.unicodeScalars)
                == true)
    }

    @Test(arguments: vowels)
    func composesEveryVowelFromTheCompositeForm(vowel: Character) {
        // ă â ê ô ơ ư precomposed, the tone as a mark, as older Vietnamese keyboards type it.
        let scalars = String(vowel).decomposedStringWithCanonicalMapping.unicodeScalars
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        let shape = String(String.UnicodeScalarView(scalars.filter { !tones.contains($0.value) }))
        let tone = String(String.UnicodeScalarView(scalars.filter { tones.contains($0.value) }))
        let input = shape.precomposedStringWithCanonicalMapping + tone
        #expect(Self.compose("[\(input)]")?.unicodeScalars.elementsEqual("[\(vowel)]".unicodeScalars) == true)
    }

    @Test(arguments: [
        ("Vie\u{302}\u{323}t", "Việt"),  // marks in non-canonical order
        ("Viê\u{323}t", "Việt"),
        ("o\u{323}\u{31B}", "ợ"),
        ("ơ\u{323}", "ợ"),
        ("ạ\u{302}", "ậ"),
        ("ướ ươ\u{301}", "ướ ướ"),
        ("no marks", "no marks"),
    ])
    func composes(input: String, expected: String) {
        #expect(Self.compose(input)?.unicodeScalars.elementsEqual(expected.unicodeScalars) == true)
    }

    @Test(arguments: [
        "n\u{303}",  // ñ: not a Vietnamese letter
        "e\u{306}",  // ĕ
        "o\u{303}\u{301}",  // ṍ: two tones
        "a\u{301}\u{302}",  // á + circumflex: nothing composes the second mark
        "a\u{304}",  // a mark Vietnamese does not use
        "\u{301}x",  // a mark without a letter
        "e\u{301}\u{1DC4}",  // followed by a mark from another block
        "ệ\u{323}",  // three marks in all
    ])
    func declines(input: String) {
        #expect(Self.compose(input) == nil)
    }
}
