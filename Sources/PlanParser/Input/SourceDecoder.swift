/// Turns the raw bytes of a source file into a `DecodedSource`: the first stage of parsing.
///
/// The stages, in order: sniff the BOM; UTF-16 is converted to UTF-8 (`UTF16Transcoder`);
/// one pass validates and cleans the UTF-8 (`UTF8Cleaner`); text that contains combining
/// marks is composed to NFC (`NFCNormalizer`). Clean UTF-8 NFC text, by far the common
/// case, costs one validating pass and no copy.
enum SourceDecoder {
    /// Decodes the complete contents of a file.
    /// - Parameter limit: the largest accepted size in bytes.
    /// - Throws: `tooLarge`, `invalidUTF8`, `invalidUTF16`, `binary` or `empty`.
    static func decode(_ data: [UInt8], limit: Int = PlanDocument.defaultMaxBytes) throws(PlanParseError) -> DecodedSource {
        guard data.count <= limit else { throw .tooLarge(byteCount: data.count, limit: limit) }
        let encoding = SourceEncoding(sniffing: data)

        let utf8: [UInt8]
        let utf8Start: Int
        switch encoding {
        case .utf8, .utf8BOM:
            utf8 = data
            utf8Start = encoding.bomLength
        case .cp1258, .tcvn3, .vni:
            // Never sniffed; only named by the caller.
            return try decode(data, legacy: encoding.legacy ?? .cp1258, limit: limit)
        case .utf16LE, .utf16BE:
            do {
                utf8 = try UTF16Transcoder.transcode(
                    data, from: encoding.bomLength, bigEndian: encoding == .utf16BE)
            } catch {
                let line = encoding.line(atByteOffset: error.byteOffset, in: data)
                switch error.kind {
                case .nul: throw .binary(byteOffset: error.byteOffset, line: line)
                case .invalidUTF16: throw .invalidUTF16(byteOffset: error.byteOffset, line: line)
                }
            }
            utf8Start = 0
        }

        let cleaned: UTF8Cleaner.Output
        do {
            cleaned = try UTF8Cleaner.clean(utf8, from: utf8Start)
        } catch {
            // Only reachable for UTF-8 files: the transcoder emits valid UTF-8 without NUL,
            // so the offset is one in `data`.
            let line = encoding.line(atByteOffset: error.byteOffset, in: data)
            switch error.kind {
            case .invalidUTF8:
                throw .invalidUTF8(byteOffset: error.byteOffset, line: line,
                                   likely: LegacyEncoding.looksLikeCP1258(data) ? .cp1258 : nil)
            case .nul:
                throw .binary(
                    byteOffset: error.byteOffset, line: line,
                    looksLikeUTF16: looksLikeUTF16(data))
            }
        }

        let endsWithBreak = utf8.last == 0x0A || utf8.last == 0x0D
        return try finish(cleaned, endsWithBreak: endsWithBreak, encoding: encoding, composed: false)
    }

    /// Decodes a file in a legacy Vietnamese encoding the caller names (it cannot be told
    /// from the bytes), then cleans it like any other: line breaks, spaces, NFC.
    /// - Throws: `tooLarge`, `binary` (a NUL byte) or `empty`.
    static func decode(_ data: [UInt8], legacy: LegacyEncoding, limit: Int = PlanDocument.defaultMaxBytes) throws(PlanParseError)
        -> DecodedSource
    {
        guard data.count <= limit else { throw .tooLarge(byteCount: data.count, limit: limit) }
        let encoding = SourceEncoding(legacy)
        if let nul = data.firstIndex(of: 0) {
            let line = encoding.line(atByteOffset: nul, in: data)
            throw .binary(byteOffset: nul, line: line, looksLikeUTF16: looksLikeUTF16(data))
        }
        let (utf8, composed) = legacy.decodeReportingComposition(data)
        let cleaned: UTF8Cleaner.Output
        do {
            cleaned = try UTF8Cleaner.clean(utf8, from: 0)
        } catch {
            preconditionFailure("legacy decoding makes valid UTF-8 without NUL")
        }
        let endsWithBreak = data.last == 0x0A || data.last == 0x0D
        return try finish(cleaned, endsWithBreak: endsWithBreak, encoding: encoding, composed: composed)
    }

    /// The stages after cleaning, shared by every encoding: the emptiness check, NFC and
    /// the line count.
    private static func finish(
        _ cleaned: UTF8Cleaner.Output, endsWithBreak: Bool, encoding: SourceEncoding, composed: Bool
    ) throws(PlanParseError) -> DecodedSource {
        var bytes = cleaned.bytes
        // Unicode spaces, FF and VT are spaces by now, and BOMs and zero-width characters gone.
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }) else { throw .empty }

        var wasNormalized = composed
        if cleaned.hasCombiningMarks {
            let normalized = NFCNormalizer.normalize(bytes)
            bytes = normalized.bytes
            wasNormalized = wasNormalized || normalized.changed
        }

        // Every original line break is one LF now; a last line without a break still counts.
        let lineCount = cleaned.lineFeeds + (endsWithBreak ? 0 : 1)
        var decoded = DecodedSource(
            bytes: bytes, lineCount: lineCount, encoding: encoding, wasNormalized: wasNormalized)
        decoded.pageStarts = cleaned.formFeedLines
        return decoded
    }

    /// Reads the file at `path` and decodes it. `"-"` is a file name here, not stdin.
    /// - Throws: `fileNotFound`, `unreadable`, and everything `decode` throws.
    static func read(path: String, limit: Int = PlanDocument.defaultMaxBytes) throws(PlanParseError) -> DecodedSource {
        try decode(SourceFile.contents(ofPath: path, limit: limit), limit: limit)
    }

    /// Whether the NUL bytes at the start of `data` sit where UTF-16 puts them around ASCII
    /// text: many of them, nearly all at even or nearly all at odd offsets.
    private static func looksLikeUTF16(_ data: [UInt8]) -> Bool {
        let sample = data.prefix(4096)
        var nulsAtEven = 0
        var nulsAtOdd = 0
        for (offset, b) in sample.enumerated() where b == 0 {
            if offset % 2 == 0 { nulsAtEven += 1 } else { nulsAtOdd += 1 }
        }
        let nuls = nulsAtEven + nulsAtOdd
        return nuls * 5 >= sample.count && max(nulsAtEven, nulsAtOdd) * 10 >= nuls * 9
    }
}
