/// A table as the parser keeps it: rows of a fixed number of cells, every cell a byte range of
/// the ``SectionStore``'s text — no `String` and no array per row, so a table costs a few bytes
/// per cell beyond its text (a 250 MB appendix stays within a few times its size).
/// ``Table`` values are made from it only when asked (``TableView/table``).
struct StoredTable: Sendable, Equatable {
    var line: Int32
    var endLine: Int32
    var columns: [TableColumn]
    /// Cells per row.
    var width: Int32
    /// Into ``SectionStore/tableRows``.
    var rows: Range<Int32>
}

/// One row of a ``StoredTable``.
struct StoredRow: Sendable, Equatable {
    var line: Int32
    var endLine: Int32
    var kind: TableRow.Kind
    /// Into ``SectionStore/groupPaths``: the group headings over the row; -1 for none.
    var groupPath: Int32
    /// The row's first cell in ``SectionStore/cells``; the table's `width` cells follow.
    var firstCell: Int32
}

/// A read-only view of one table of a ``SectionStore``.
struct TableView {
    unowned(unsafe) let store: SectionStore
    let index: Int

    var stored: StoredTable { store.tables[index] }
    var line: Int { Int(stored.line) }
    var endLine: Int { Int(stored.endLine) }
    var columns: [TableColumn] { stored.columns }
    var width: Int { Int(stored.width) }
    var rowCount: Int { stored.rows.count }

    func row(_ i: Int) -> RowView {
        RowView(store: store, index: Int(stored.rows.lowerBound) + i, width: Int(stored.width))
    }

    var rows: LazyMapSequence<Range<Int>, RowView> { (0..<rowCount).lazy.map { row($0) } }

    /// The table as a value.
    var table: Table {
        Table(line: line, endLine: endLine, columns: columns, rows: (0..<rowCount).map { row($0).tableRow })
    }
}

/// A read-only view of one row of a stored table.
struct RowView {
    unowned(unsafe) let store: SectionStore
    let index: Int
    let width: Int
    /// The row, read once (as ``SectionView`` reads its node).
    let stored: StoredRow

    init(store: SectionStore, index: Int, width: Int) {
        self.store = store
        self.index = index
        self.width = width
        stored = store.tableRows[index]
    }
    var kind: TableRow.Kind { stored.kind }
    var line: Int { Int(stored.line) }
    var endLine: Int { Int(stored.endLine) }

    /// The group headings over the row, outermost first.
    var groupPath: [SectionHeading] {
        let g = stored.groupPath
        return g < 0 ? [] : store.groupPaths[Int(g)]
    }

    /// The innermost group's heading as printed (``TableRow/group``).
    var group: String? { groupPath.last?.text }

    func cell(_ c: Int) -> StoredText {
        StoredText(store: store, range: store.cells[Int(stored.firstCell) + c])
    }

    var cells: [String] { (0..<width).map { cell($0).string } }

    var tableRow: TableRow {
        var row = TableRow(line: line, endLine: endLine, kind: kind, group: group, cells: cells)
        row.groupPath = groupPath
        return row
    }
}
