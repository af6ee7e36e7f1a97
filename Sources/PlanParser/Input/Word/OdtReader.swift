extension InputFormat {
    /// OpenDocument text (`.odt`).
    static let odt = InputFormat(
        name: "odt", extensions: ["odt"], summary: "OpenDocument text (.odt): paragraphs, lists, tables")
}

/// Reads OpenDocument text files: a zip whose first entry, `mimetype`, says
/// `application/vnd.oasis.opendocument.text`.
enum OdtReader: DocumentReader {
    static let format = InputFormat.odt
    static let mediaType = Array("application/vnd.oasis.opendocument.text".utf8)

    /// The `mimetype` entry comes first and stored, so its bytes sit right after the first
    /// local header (ODF 1.2 part 3, 3.3).
    static func recognizes(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 38 + mediaType.count, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 3, bytes[3] == 4
        else { return false }
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        guard nameLength == 8, Array(bytes[30..<38]) == Array("mimetype".utf8) else { return false }
        let start = 38 + extraLength
        guard start + mediaType.count <= bytes.count else { return false }
        return Array(bytes[start..<(start + mediaType.count)]) == mediaType
            && (start + mediaType.count == bytes.count || bytes[start + mediaType.count] == 0x50)
    }

    static func read(_ bytes: [UInt8], options: ParseOptions) throws(PlanParseError) -> DecodedSource {
        throw .unsupportedFormat(.openDocument(mediaType: String(decoding: mediaType, as: UTF8.self)))
    }
}
