/// The shared-string table of a workbook (`xl/sharedStrings.xml`): each distinct text once,
/// cells naming it by number.
///
/// Every text cell of a workbook names its text here, as Excel itself writes workbooks: the
/// texts that repeat — sections, units and their keys, times, products, sources, kinds — are
/// stored once, so a workbook is smaller and faster to compress, and a text that does not
/// repeat costs about what an inline string would. Texts are found again by their bytes
/// (``ByteInterner``), never hashed as Swift `String`s.
final class XLSXSharedStrings {
    /// The `<si>` elements, one per line, in number order.
    private(set) var items: [UInt8] = []
    private(set) var uniqueCount = 0
    /// How many cells name a shared string.
    private(set) var referenceCount = 0

    private var texts = ByteInterner(capacity: 2048)

    var isEmpty: Bool { uniqueCount == 0 }

    /// The number of the text in `bytes`, added when new (`writeItem` then writes its
    /// `<t>…</t>` element for the table).
    func index(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, writeItem: (inout [UInt8]) -> Void) -> Int {
        referenceCount += 1
        let (k, isNew) = texts.id(of: bytes, hash: hash)
        if isNew {
            uniqueCount += 1
            items.append(contentsOf: Self.itemOpen)
            writeItem(&items)
            items.append(contentsOf: Self.itemClose)
        }
        return k
    }

    /// The part `xl/sharedStrings.xml`.
    func xml() -> [UInt8] {
        var out = XMLText.declaration
        out += Array(("<sst xmlns=\"\(XLSXWorkbook.mainNamespace)\" count=\"\(referenceCount)\""
            + " uniqueCount=\"\(uniqueCount)\">\n").utf8)
        out += items
        out += Array("</sst>\n".utf8)
        return out
    }

    /// The hash ``index(of:hash:writeItem:)`` takes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { ByteInterner.hash(bytes) }

    private static let itemOpen = Array("<si><t".utf8)
    private static let itemClose = Array("</si>\n".utf8)
}
