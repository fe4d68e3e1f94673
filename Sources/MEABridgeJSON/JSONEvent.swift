/// One event of a JSON pull parser.
public enum JSONEvent: Sendable, Hashable {
    /// `{`.
    case beginObject
    /// `}`.
    case endObject
    /// `[`.
    case beginArray
    /// `]`.
    case endArray
    /// An object member name, unescaped.
    case key(String)
    /// A string value, unescaped.
    case string(String)
    /// A number, as its raw lexeme (validated against the RFC 8259 grammar).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// The kind of the event, without its payload.
    public var kind: JSONEventKind {
        switch self {
        case .beginObject: .beginObject
        case .endObject: .endObject
        case .beginArray: .beginArray
        case .endArray: .endArray
        case .key: .key
        case .string: .string
        case .number: .number
        case .bool: .bool
        case .null: .null
        }
    }
}

/// The kind of a `JSONEvent`, without its payload.
public enum JSONEventKind: Sendable, Hashable {
    /// `{`.
    case beginObject
    /// `}`.
    case endObject
    /// `[`.
    case beginArray
    /// `]`.
    case endArray
    /// An object member name.
    case key
    /// A string value.
    case string
    /// A number.
    case number
    /// `true` or `false`.
    case bool
    /// `null`.
    case null

    /// Whether an event of this kind starts a value (a scalar, `{` or `[`).
    public var startsValue: Bool {
        switch self {
        case .endObject, .endArray, .key: false
        default: true
        }
    }
}
