@testable import PlanParser

/// Writes zip archives field by field, so that tests can make headers lie.
enum RawZip {
    struct Entry {
        var name: String
        var method: UInt16 = 8
        var flags: UInt16 = 0x0800
        var data: [UInt8]  // as stored: compressed for method 8
        var crc: UInt32
        var uncompressedSize: Int
        /// When set, the central header declares this uncompressed size in a ZIP64 extra field.
        var zip64Size: UInt64? = nil
    }

    static func archive(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ o: inout [UInt8]) { o += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int, _ o: inout [UInt8]) { u16(v & 0xFFFF, &o); u16(v >> 16 & 0xFFFF, &o) }
        for e in entries {
            let offset = out.count
            let name = Array(e.name.utf8)
            for target in [0, 1] {
                var h: [UInt8] = []
                u32(target == 0 ? 0x0403_4B50 : 0x0201_4B50, &h)
                if target == 1 { u16(20, &h) }
                u16(20, &h)
                u16(Int(e.flags), &h)
                u16(Int(e.method), &h)
                u16(0, &h)
                u16(0x21, &h)
                u32(Int(e.crc), &h)
                u32(e.data.count, &h)
                let wide = target == 1 ? e.zip64Size : nil
                u32(wide == nil ? e.uncompressedSize : 0xFFFF_FFFF, &h)
                u16(name.count, &h)
                u16(wide == nil ? 0 : 12, &h)
                if target == 1 {
                    u16(0, &h)
                    u16(0, &h)
                    u16(0, &h)
                    u32(0, &h)
                    u32(offset, &h)
                }
                h += name
                if let wide {
                    u16(0x0001, &h)
                    u16(8, &h)
                    u32(Int(wide & 0xFFFF_FFFF), &h)
                    u32(Int(wide >> 32), &h)
                }
                if target == 0 { out += h + e.data } else { central += h }
            }
        }
        let cdOffset = out.count
        out += central
        var end: [UInt8] = []
        u32(0x0605_4B50, &end)
        u16(0, &end)
        u16(0, &end)
        u16(entries.count, &end)
        u16(entries.count, &end)
        u32(central.count, &end)
        u32(cdOffset, &end)
        u16(0, &end)
        return out + end
    }

    /// A raw DEFLATE stream of `1 + 258 × matches` zero bytes in about `matches / 4` bytes:
    /// one dynamic block whose length-258 code and distance-1 code are both the 1-bit code
    /// "0", so that the body is nothing but zero bytes — how real zip bombs are made.
    static func zeroBomb(matches: Int) -> [UInt8] {
        var lit = [UInt8](repeating: 0, count: 286)
        lit[285] = 1  // "0"
        lit[0] = 2  // "10"
        lit[256] = 2  // "11"
        var b = DeflateStreamBuilder()
        b.dynamic(literal: lit, distance: [1])
        b.literal(0)
        var bits = 2 * matches
        while bits >= 32 {
            b.bits(0, 32)
            bits -= 32
        }
        b.bits(0, bits)
        b.endOfBlock()
        return b.bytes()
    }

    static func u32(_ b: [UInt8], _ p: Int) -> UInt32 {
        UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
    }
}
