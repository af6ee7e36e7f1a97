/// The parsing pipeline: bytes → lines → tokens → tree → records.
extension PlanDocument {
    /// Parses a plan from raw file bytes (UTF-8 with or without BOM, or UTF-16 with BOM).
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: how to name the source in the output (`source.path`).
    /// - Throws: ``PlanParseError`` when the bytes are not a usable text (binary, invalid
    ///   encoding, empty, too large). Everything else is parsed, with warnings.
    public static func parse(bytes: [UInt8], path: String = "-", maxBytes: Int = PlanDocument.defaultMaxBytes)
        throws(PlanParseError) -> PlanDocument
    {
        let decoded = try SourceDecoder.decode(bytes, limit: maxBytes)
        return parse(decoded: decoded, path: path)
    }

    /// Reads and parses the file at `path`.
    public static func parse(contentsOf path: String, maxBytes: Int = PlanDocument.defaultMaxBytes)
        throws(PlanParseError) -> PlanDocument
    {
        let decoded = try SourceDecoder.read(path: path, limit: maxBytes)
        return parse(decoded: consume decoded, path: path)
    }

    /// Files larger than this are refused unless the caller raises the limit (256 MiB).
    public static let defaultMaxBytes = 256 << 20

    static func parse(decoded: consuming DecodedSource, path: String) -> PlanDocument {
        var clock = StageClock()
        defer { clock.report() }
        // 1. Lines and tokens. The tokenizer cleans the decoded bytes in place, so hand it the
        // only reference to them.
        let lineCount = decoded.lineCount
        let bytes = decoded.bytes
        decoded.bytes = []
        var source = LineTokenizer.tokenize(consume bytes, lineCount: lineCount)
        clock.lap("tokenize")
        // Page numbers, running headers and decoration lines leave the text here.
        let furniture: [SourceLine]
        (source.tokens, furniture) = FurnitureDetector(source: source).split()
        clock.lap("furniture")
        // 2. Frame: header at the top, closing block near the end.
        let frame = FrameParser(source: source).parse()
        var (header, warnings) = HeaderExtractor(source: source, frame: frame).extract()
        clock.lap("frame and header")
        // 3. Section tree of everything else.
        var ranges: [Range<Int>] = []
        if let closing = frame.closing {
            ranges = [frame.header.upperBound..<closing.lowerBound, closing.upperBound..<source.tokens.count]
        } else {
            ranges = [frame.header.upperBound..<source.tokens.count]
        }
        let body = { () -> SectionParser.Output in
            var sectionParser = SectionParser(source: source)
            return sectionParser.parse(ranges: ranges)
        }()
        clock.lap("sections")
        warnings += body.warnings
        warnings += HeadingSpellCheck.check(body.store)
        clock.lap("spell check")
        // 4. Citations everywhere.
        var citations = CitationExtractor()
        source.storage.withUnsafeBufferPointer { buf in
            for t in source.tokens {
                citations.scan(UnsafeBufferPointer(rebasing: buf[Int(t.line.lowerBound)..<Int(t.line.upperBound)]),
                               lineNumber: Int(t.number))
            }
        }
        var closing: Closing?
        if let c = frame.closing, !c.isEmpty {
            closing = Closing(line: Int(source.tokens[c.lowerBound].number), endLine: Int(source.tokens[c.upperBound - 1].number))
        }
        let lines = source.lineCount
        // The tokens are done with; the text stays (the section store reads it).
        source.tokens = []
        // The document's own number (`Số: 12/KH-UBND`) is not a citation of another document.
        header.references = citations.citations().filter { $0.number != header.number }
        clock.lap("citations")
        // 5. Tasks and targets.
        var extractor = TaskExtractor(normalizer: TimeNormalizer(planYear: header.planYear, planPeriod: header.planPeriod))
        extractor.extract(from: body.store)
        clock.lap("tasks")
        let tasks = attachReferences(header.references, to: extractor.tasks)
        clock.lap("task references")
        warnings += extractor.warnings
        // Warnings in line order; equal lines keep the order they were found in.
        warnings = warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return PlanDocument(
            source: SourceInfo(path: path, lines: lines), header: header, preamble: body.preamble,
            store: body.store, closing: closing, tasks: tasks, targets: extractor.targets, warnings: warnings,
            leftovers: body.leftovers, furniture: furniture)
    }
}

extension PlanDocument {
    /// Each task gets the citations made on its lines.
    /// - Complexity: O(citation lines + task lines), through an index by line.
    static func attachReferences(_ references: [Citation], to tasks: [PlanTask]) -> [PlanTask] {
        guard !references.isEmpty else { return tasks }
        var byLine: [Int: [Int]] = [:]
        for (k, c) in references.enumerated() {
            for line in c.lines { byLine[line, default: []].append(k) }
        }
        var result = tasks
        for i in result.indices {
            // Citations on the task's lines, in citation order, each with the lines it is on.
            var hits: [(citation: Int, line: Int)] = []
            for line in result[i].line...max(result[i].line, result[i].endLine) {
                for k in byLine[line] ?? [] { hits.append((k, line)) }
            }
            guard !hits.isEmpty else { continue }
            hits.sort { ($0.citation, $0.line) < ($1.citation, $1.line) }
            var refs: [Citation] = []
            for h in hits {
                if let last = refs.last, last.number == references[h.citation].number, last.kind == references[h.citation].kind {
                    refs[refs.count - 1].lines.append(h.line)
                } else {
                    let c = references[h.citation]
                    refs.append(Citation(kind: c.kind, number: c.number, date: c.date, issuer: c.issuer, lines: [h.line]))
                }
            }
            result[i].references = refs
        }
        return result
    }

    /// The document as JSON (schema in README.md), pretty-printed unless `pretty` is false.
    public func jsonBytes(pretty: Bool = true) -> [UInt8] {
        var exporter = DocumentJSONExporter(writer: JSONWriter(pretty: pretty))
        exporter.write(self)
        exporter.writer.finish()
        return exporter.writer.bytes
    }

    /// Streams the JSON to `sink` in chunks of about `chunkSize` bytes.
    public func writeJSON(pretty: Bool = true, chunkSize: Int = 1 << 20, to sink: @escaping (inout [UInt8]) -> Void) {
        var exporter = DocumentJSONExporter(writer: JSONWriter(pretty: pretty, flushThreshold: chunkSize, flush: { buf in
            sink(&buf)
            buf.removeAll(keepingCapacity: true)
        }))
        exporter.write(self)
        exporter.writer.finish()
    }
}
