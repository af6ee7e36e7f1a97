@testable import PlanParser

/// Writes hand-made DEFLATE streams bit by bit, to test exactly one malformation at a time.
struct DeflateStreamBuilder {
    var writer = BitWriter()
    /// Bits written so far.
    private(set) var position = 0
    /// Codes of the current block's literal/length and distance alphabets (bit-reversed).
    var literalCodes: [UInt16] = []
    var literalLengths: [UInt8] = []
    var distanceCodes: [UInt16] = []
    var distanceLengths: [UInt8] = []

    /// A complete code-length code: symbols 0–15 get 5 bits, 16 and 17 get 3, 18 gets 2.
    static let standardCodeLengthLengths: [UInt8] = [UInt8](repeating: 5, count: 16) + [3, 3, 2]

    mutating func bits(_ value: Int, _ width: Int) {
        write(UInt32(value), width)
    }

    mutating func write(_ value: UInt32, _ width: Int) {
        writer.write(value, width)
        position += width
    }

    /// BFINAL and BTYPE.
    mutating func header(final: Bool = true, type: Int) {
        bits((final ? 1 : 0) | type << 1, 3)
    }

    mutating func fixed(final: Bool = true) {
        header(final: final, type: 1)
        literalLengths = InflateTable.fixedLiteralLengths
        literalCodes = HuffmanCode.codes(literalLengths)
        distanceLengths = [UInt8](repeating: 5, count: 32)
        distanceCodes = HuffmanCode.codes(distanceLengths)
    }

    /// A dynamic header sending `literal` and `distance` lengths with the code-length code
    /// `codeLengthLengths` (indexed by symbol), as the code-length symbols `runs`
    /// (`(symbol, extra bits value)`; nil runs: one symbol per length, no repeats).
    mutating func dynamic(
        final: Bool = true, literal: [UInt8], distance: [UInt8],
        codeLengthLengths: [UInt8] = standardCodeLengthLengths, runs: [(Int, Int)]? = nil,
        hlit: Int? = nil, hdist: Int? = nil, hclen: Int = 19
    ) {
        header(final: final, type: 2)
        bits((hlit ?? literal.count) - 257, 5)
        bits((hdist ?? distance.count) - 1, 5)
        bits(hclen - 4, 4)
        for i in 0..<hclen { bits(Int(codeLengthLengths[InflateTable.codeLengthOrder[i]]), 3) }
        let clCodes = HuffmanCode.codes(codeLengthLengths)
        for (symbol, extra) in runs ?? (literal + distance).map({ (Int($0), 0) }) {
            write(UInt32(clCodes[symbol]), Int(codeLengthLengths[symbol]))
            switch symbol {
            case 16: bits(extra, 2)
            case 17: bits(extra, 3)
            case 18: bits(extra, 7)
            default: break
            }
        }
        literalLengths = literal
        literalCodes = HuffmanCode.codes(literal)
        distanceLengths = distance
        distanceCodes = HuffmanCode.codes(distance)
    }

    mutating func literal(_ symbol: Int) {
        write(UInt32(literalCodes[symbol]), Int(literalLengths[symbol]))
    }

    mutating func endOfBlock() { literal(256) }

    /// A match: length symbol and extra bits, then distance symbol and extra bits.
    mutating func match(length: Int, distance: Int) {
        let lc = Int(Deflater.lengthCode[length])
        literal(257 + lc)
        bits(length - Int(InflateTable.lengthBase[lc]), Int(InflateTable.lengthExtra[lc]))
        distanceSymbol(Deflater.distanceCode(distance))
        let dc = Deflater.distanceCode(distance)
        bits(distance - Int(InflateTable.distanceBase[dc]), Int(InflateTable.distanceExtra[dc]))
    }

    mutating func distanceSymbol(_ symbol: Int) {
        write(UInt32(distanceCodes[symbol]), Int(distanceLengths[symbol]))
    }

    mutating func bytes() -> [UInt8] { writer.finish() }
}
