/// A web portal's navigation printed above a document: the menu bar and the breadcrumb a
/// browser prints with the page (`Trang chủ | Văn bản chỉ đạo điều hành | Liên hệ`,
/// `Trang chủ > Văn bản > Kế hoạch`). Only asked about the lines at the top of a page, under
/// the browser's ``PrintHeader`` (``FurnitureDetector``, ``ColumnSplit``): there it is furniture,
/// not the issuer or the title.
enum PortalNavigation {
    /// Whether `line` (no leading space) is a menu or breadcrumb: `Trang chủ` ("home page")
    /// first, then, after spaces, one of the separators `|`, `>`, `»`, `›`, `/`.
    static func isNavigation(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count > home.count + 2, line[0] | 0x20 == UInt8(ascii: "t") else { return false }
        // `Trang chủ`, `TRANG CHỦ`, `Trang Chủ`: each byte as in one case or the other.
        for k in home.indices where line[k] != home[k] && line[k] != homeUpper[k] { return false }
        var i = home.count
        guard line[i] == 0x20 else { return false }
        while i < line.count, line[i] == 0x20 { i += 1 }
        guard i < line.count else { return false }
        switch line[i] {
        case UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "/"):
            return true
        case 0xC2:  // » (U+00BB)
            return i + 1 < line.count && line[i + 1] == 0xBB
        case 0xE2:  // › (U+203A)
            return i + 2 < line.count && line[i + 1] == 0x80 && line[i + 2] == 0xBA
        default:
            return false
        }
    }

    static func isNavigation(_ line: ArraySlice<UInt8>) -> Bool {
        line.withUnsafeBufferPointer { isNavigation($0) }
    }

    static func isNavigation(_ line: String) -> Bool {
        isNavigation(Array(line.utf8)[...])
    }

    /// "Trang chủ": home page.
    private static let home = Array("trang chủ".utf8)
    /// The same bytes in capitals (`TRANG CHỦ`), position by position.
    private static let homeUpper = Array("TRANG CHỦ".utf8)
}
