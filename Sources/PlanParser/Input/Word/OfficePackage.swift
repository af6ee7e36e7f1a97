/// A zip package of XML parts (Office Open XML or OpenDocument): parts by name, the
/// package's relationships and content types, and every failure as a ``PlanParseError``
/// that names the part.
struct OfficePackage {
    let archive: ZipArchive
    /// `docx` or `odt`: how errors name the file.
    let format: String
    private let startsWithLocalHeader: Bool

    init(_ bytes: [UInt8], format: String, options: ParseOptions) throws(PlanParseError) {
        self.format = format
        startsWithLocalHeader = bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 3 && bytes[3] == 4
        var limits = ZipLimits.default
        limits.maxEntrySize = options.maxBytes
        limits.maxTotalSize = max(limits.maxTotalSize, options.maxBytes)
        do {
            archive = try ZipArchive(bytes, limits: limits)
        } catch {
            if case .notAZip = error, startsWithLocalHeader {
                // A local header but no directory at the end: the file was cut off.
                throw .unreadableDocument(format: format, reason: "the zip archive is truncated (no central directory at its end)")
            }
            throw .unreadableDocument(format: format, reason: error.description)
        }
    }

    /// The part at `path` (case-insensitive, as part names are), or nil when there is none.
    func part(_ path: String, required: Bool = false) throws(PlanParseError) -> [UInt8]? {
        let name = Self.normalized(path)
        guard let entry = archive.entry(named: name) ?? archive.entries.first(where: { $0.name.lowercased() == name.lowercased() })
        else {
            if required { throw .unreadableDocument(format: format, reason: "the zip archive has no \(name)") }
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try archive.contents(of: entry)
        } catch {
            if case .tooLarge(_, let size, let limit) = error { throw .tooLarge(byteCount: size, limit: limit) }
            throw .unreadableDocument(format: format, reason: error.description)
        }
        // XML parts are UTF-8 in practice; one written as UTF-16 (with its BOM) is converted.
        if bytes.count >= 2, bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF {
            do {
                return try UTF16Transcoder.transcode(bytes, from: 2, bigEndian: bytes[0] == 0xFE)
            } catch {
                throw .unreadableDocument(format: format, reason: "\(name): invalid UTF-16 at byte \(error.byteOffset)")
            }
        }
        return bytes
    }

    /// Runs an XML reader over a part, naming the part in its failure.
    func parsing<T>(_ path: String, _ body: () throws(XMLScanner.Failure) -> T) throws(PlanParseError) -> T {
        do {
            return try body()
        } catch {
            throw .unreadableDocument(format: format, reason: "\(Self.normalized(path)): \(error.description)")
        }
    }

    // MARK: - Office Open XML

    struct Relationship {
        var type: String
        /// The target part's path inside the package.
        var target: String
    }

    /// The relationships of `part` (`word/_rels/document.xml.rels` for `word/document.xml`),
    /// external targets left out.
    func relationships(of part: String) throws(PlanParseError) -> [Relationship] {
        let name = Self.normalized(part)
        let dir = name.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let file = name.split(separator: "/").last.map(String.init) ?? name
        let relsPath = (dir.isEmpty ? "" : dir + "/") + "_rels/" + file + ".rels"
        guard let xml = try self.part(relsPath) else { return [] }
        return try parsing(relsPath) { () throws(XMLScanner.Failure) in
            var result: [Relationship] = []
            var s = XMLScanner(xml)
            while true {
                let event = try s.next()
                if event == .endOfDocument { break }
                guard event == .start, s.local.count == 12, s.equals(s.local, "Relationship") else { continue }
                if s.attribute("TargetMode", is: "External") { continue }
                guard let type = s.string("Type"), let target = s.string("Target") else { continue }
                let path = target.hasPrefix("/") ? target : (dir.isEmpty ? "" : dir + "/") + target
                result.append(Relationship(type: type, target: Self.normalized(path)))
            }
            return result
        }
    }

    /// The content type of each part named in `[Content_Types].xml` (overrides only).
    func contentTypes() throws(PlanParseError) -> [String: String] {
        guard let xml = try part("[Content_Types].xml") else { return [:] }
        return try parsing("[Content_Types].xml") { () throws(XMLScanner.Failure) in
            var result: [String: String] = [:]
            var s = XMLScanner(xml)
            while true {
                let event = try s.next()
                if event == .endOfDocument { break }
                guard event == .start, s.equals(s.local, "Override"), let name = s.string("PartName"),
                    let type = s.string("ContentType")
                else { continue }
                result[Self.normalized(name).lowercased()] = type
            }
            return result
        }
    }

    /// The main WordprocessingML part: the package's `officeDocument` relationship, else
    /// `defaultPath`; nil when the package holds no Word document.
    func mainDocument(defaultPath: String) throws(PlanParseError) -> String? {
        let types = try contentTypes()
        let main = try relationships(of: "").first { $0.type.hasSuffix("/officeDocument") }?.target
        for candidate in [main, defaultPath].compactMap({ $0 }) {
            guard archive.entry(named: candidate) != nil
                || archive.entries.contains(where: { $0.name.lowercased() == candidate.lowercased() })
            else { continue }
            // Documents, templates and macro-enabled documents (`…ms-word.document.macroEnabled…`).
            if let type = types[candidate.lowercased()], !type.contains("wordprocessingml"), !type.contains("ms-word") {
                continue
            }
            return candidate
        }
        return nil
    }

    /// Why a package without a Word document is refused: what it is instead.
    func refusalForOtherContent() throws(PlanParseError) -> PlanParseError {
        let types = try contentTypes().values
        let names = Set(archive.entries.map { $0.name.lowercased() })
        if types.contains(where: { $0.contains("spreadsheetml") }) || names.contains("xl/workbook.xml") {
            return .unsupportedFormat(.excel)
        }
        if types.contains(where: { $0.contains("presentationml") }) || names.contains("ppt/presentation.xml") {
            return .unsupportedFormat(.powerPoint)
        }
        if let mime = try part("mimetype"), mime.count < 200 {
            return .unsupportedFormat(.openDocument(mediaType: String(decoding: mime, as: UTF8.self).trimmingSpaces))
        }
        return .unsupportedFormat(.zipArchive)
    }

    /// `/word/../word/./document.xml` → `word/document.xml`.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for piece in path.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }
}
