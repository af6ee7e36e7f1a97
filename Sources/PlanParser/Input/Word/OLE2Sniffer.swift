/// Tells what an OLE2 compound file (magic `D0 CF 11 E0 A1 B1 1A E1`) holds: the container
/// of Word 97–2003 documents, of Excel and PowerPoint 97–2003, and of password-protected
/// Office 2007+ files (`EncryptionInfo` + `EncryptedPackage`). None of them can be read;
/// this only names them, so the refusal can say what to do.
///
/// The names come from the directory entries, which lie at 128-byte boundaries after the
/// 512-byte header whatever the sector size (512 or 4096): each is checked in place, no
/// sector chain is followed, and nothing is allocated from the file's numbers.
enum OLE2Sniffer {
    enum Content: Equatable {
        case word97
        case encryptedOffice
        case excel97
        case powerPoint97
        case unknown
    }

    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func isCompoundFile(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 8 && Array(bytes[0..<8]) == magic
    }

    static func content(of bytes: [UInt8]) -> Content {
        var names: Set<String> = []
        var offset = 512
        while offset + 128 <= bytes.count, names.count < 4096 {
            if let name = entryName(bytes, at: offset) { names.insert(name) }
            offset += 128
        }
        if names.contains("EncryptedPackage") || names.contains("EncryptionInfo") { return .encryptedOffice }
        if names.contains("WordDocument") { return .word97 }
        if names.contains("Workbook") || names.contains("Book") { return .excel97 }
        if names.contains("PowerPoint Document") { return .powerPoint97 }
        return .unknown
    }

    /// The name of the directory entry at `offset`, when one is there: a UTF-16LE name of
    /// the length the entry gives, and an object type of storage, stream or root.
    private static func entryName(_ bytes: [UInt8], at offset: Int) -> String? {
        let length = Int(bytes[offset + 64]) | Int(bytes[offset + 65]) << 8
        let type = bytes[offset + 66]
        guard length >= 4, length <= 64, length % 2 == 0, type == 1 || type == 2 || type == 5 else { return nil }
        var units: [UInt16] = []
        for k in stride(from: 0, to: length - 2, by: 2) {
            let u = UInt16(bytes[offset + k]) | UInt16(bytes[offset + k + 1]) << 8
            guard u >= 0x20 else { return nil }
            units.append(u)
        }
        // The name ends with a NUL unit.
        guard bytes[offset + length - 2] == 0, bytes[offset + length - 1] == 0 else { return nil }
        return String(decoding: units, as: UTF16.self)
    }

    /// The refusal for a compound file.
    static func refusal(_ bytes: [UInt8]) -> PlanParseError {
        switch content(of: bytes) {
        case .word97: return .unsupportedFormat(.word97)
        case .encryptedOffice: return .unsupportedFormat(.encrypted)
        case .excel97: return .unsupportedFormat(.excel97)
        case .powerPoint97: return .unsupportedFormat(.powerPoint97)
        case .unknown: return .unsupportedFormat(.compoundFile)
        }
    }
}
