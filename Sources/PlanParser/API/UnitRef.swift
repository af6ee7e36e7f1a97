/// A unit (department, office, committee…) named in a task's lead or support field.
public struct UnitRef: Sendable, Hashable {
    /// The name as printed, list dashes and trailing punctuation removed.
    public var name: String
    /// A comparison key: the same unit written two ways gets the same key
    /// (`Phòng Quản lý KH&CN` and `Phòng quản lý Khoa học và Công nghệ`).
    public var key: String

    public init(name: String, key: String) {
        self.name = name
        self.key = key
    }
}
