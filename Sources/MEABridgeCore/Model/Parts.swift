public import OrderedCollections

/// A file attached to a record (InforMEA complex type `File`).
public struct FileRef: Sendable, Hashable, Codable {
    /// The provider's file id.
    public var id: String?
    /// A publicly downloadable link.
    public var url: String?
    /// The language of the file's content.
    public var language: LanguageCode?
    /// The MIME type, inferred from the extension when missing or bare (`pdf` → `application/pdf`).
    public var mimeType: String?
    /// The preferred file name.
    public var filename: String?
    /// The size in bytes.
    public var size: Int64?

    /// Creates a file reference; the MIME type is normalised (see `FileRef.normalizedMIMEType`).
    /// - Parameters:
    ///   - id: The provider's id.
    ///   - url: The download link.
    ///   - language: The content language.
    ///   - mimeType: The MIME type or a bare extension.
    ///   - filename: The file name.
    ///   - size: The size in bytes.
    public init(
        id: String? = nil,
        url: String? = nil,
        language: LanguageCode? = nil,
        mimeType: String? = nil,
        filename: String? = nil,
        size: Int64? = nil
    ) {
        self.id = id
        self.url = url
        self.language = language
        self.filename = filename
        self.size = size
        self.mimeType = Self.normalizedMIMEType(mimeType, filename: filename, url: url)
    }

    /// A proper MIME type: the given one if it has a `/`, else the one for a bare extension (`pdf`), else the one
    /// for the extension of the file name or URL; `nil` when nothing is known.
    /// - Parameters:
    ///   - given: The value received, if any.
    ///   - filename: The file name, if any.
    ///   - url: The URL, if any.
    /// - Returns: A lower-case MIME type, or `nil`.
    public static func normalizedMIMEType(_ given: String?, filename: String?, url: String?) -> String? {
        if let given = given?.trimmingWhitespace(), !given.isEmpty {
            if given.contains("/") { return given.lowercased() }
            let bare = given.lowercased().hasPrefix(".") ? String(given.lowercased().dropFirst()) : given.lowercased()
            if let type = mimeTypes[bare] { return type }
        }
        for candidate in [filename, url] {
            if let ext = candidate.flatMap(Self.fileExtension), let type = mimeTypes[ext] { return type }
        }
        return nil
    }

    /// The lower-case extension of a file name or URL path (query and fragment ignored).
    /// - Parameter name: A file name or URL.
    /// - Returns: The extension without the dot, or `nil`.
    public static func fileExtension(_ name: String) -> String? {
        var path = Substring(name)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            // `download.aspx?d=NAME.pdf` (BRS): the file name is in the query.
            let query = path[path.index(after: cut)...]
            if let equals = query.lastIndex(of: "="), query[equals...].contains(".") {
                path = query[query.index(after: equals)...]
            } else {
                path = path[..<cut]
            }
        }
        if let slash = path.lastIndex(of: "/") { path = path[path.index(after: slash)...] }
        guard let dot = path.lastIndex(of: "."), dot != path.startIndex else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        return ext.isEmpty ? nil : ext
    }

    /// Extensions and the MIME types they stand for.
    public static let mimeTypes: [String: String] = [
        "pdf": "application/pdf", "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "rtf": "application/rtf", "txt": "text/plain", "htm": "text/html", "html": "text/html",
        "xml": "application/xml",
        "csv": "text/csv", "json": "application/json", "zip": "application/zip", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "tif": "image/tiff", "tiff": "image/tiff",
        "mp4": "video/mp4", "mp3": "audio/mpeg",
    ]
}

/// A term a record is tagged with (InforMEA `VocabularyTerm`, Document keywords, LEO concepts).
public struct Keyword: Sendable, Hashable, Codable {
    /// The vocabulary URI (`http://www.informea.org/terms`), if given.
    public var namespace: String?
    /// The term label (English).
    public var term: String
    /// The concept URI, if given.
    public var uri: String?
    /// The scope (`leo`, `InforMEA`, a provider's own), if given.
    public var scope: String?

    /// Creates a keyword.
    /// - Parameters:
    ///   - namespace: The vocabulary URI.
    ///   - term: The term label.
    ///   - uri: The concept URI.
    ///   - scope: The scope.
    public init(namespace: String? = nil, term: String, uri: String? = nil, scope: String? = nil) {
        self.namespace = namespace
        self.term = term
        self.uri = uri
        self.scope = scope
    }
}

/// A link from a record to a global goal or target: an SDG target, an Aichi target or a GBF target.
public struct GoalRef: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The goal framework.
    public enum Framework: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The UN Sustainable Development Goals.
        case sdg
        /// The Aichi Biodiversity Targets (2011–2020).
        case aichi
        /// The Kunming-Montreal Global Biodiversity Framework.
        case gbf
        /// Another framework, by name.
        case other(String)

        /// Parses a framework name case-insensitively.
        /// - Parameter text: `SDG`, `Aichi`, `GBF`, `KMGBF` or another name.
        public init(parsing text: String) {
            switch text.trimmingWhitespace().lowercased() {
            case "sdg", "sdgs": self = .sdg
            case "aichi", "abt": self = .aichi
            case "gbf", "kmgbf", "kunming-montreal": self = .gbf
            default: self = .other(text.trimmingWhitespace())
            }
        }

        /// `SDG`, `AICHI`, `GBF` or the other name.
        public var description: String {
            switch self {
            case .sdg: "SDG"
            case .aichi: "AICHI"
            case .gbf: "GBF"
            case .other(let name): name
            }
        }

        /// Encodes as the name.
        /// - Parameter encoder: The encoder to write to.
        /// - Throws: `EncodingError` when the value cannot be written.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }

        /// Decodes from the name.
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when the value is not a string.
        public init(from decoder: any Decoder) throws {
            self.init(parsing: try decoder.singleValueContainer().decode(String.self))
        }
    }

    /// The framework.
    public var framework: Framework
    /// The goal or target code within it (`15.1`, `T11`, `A`).
    public var code: String
    /// A URI for the target, if known.
    public var uri: String?

    /// Creates a goal link.
    /// - Parameters:
    ///   - framework: The framework.
    ///   - code: The goal or target code.
    ///   - uri: A URI for it.
    public init(framework: Framework, code: String, uri: String? = nil) {
        self.framework = framework
        self.code = code
        self.uri = uri
    }

    /// Parses `FRAMEWORK:CODE` (for example `SDG:15.1`, `GBF:3`); `nil` without a colon.
    /// - Parameter text: The compact form.
    public init?(compact text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let code = String(text[text.index(after: colon)...]).trimmingWhitespace()
        guard !code.isEmpty else { return nil }
        self.init(framework: Framework(parsing: String(text[..<colon])), code: code)
    }

    /// The compact form `FRAMEWORK:CODE`.
    public var description: String { "\(framework):\(code)" }
}

/// A value of a provider-specific property that has no canonical field (`brs_unnumber`, `brsRegionUn`, …).
///
/// Kept in a record's `extras`, in the order received, so that nothing a provider sends is dropped.
public enum ExtraValue: Sendable, Hashable, Codable {
    /// JSON null.
    case null
    /// A boolean.
    case bool(Bool)
    /// A number, as its exact text.
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([ExtraValue])
    /// An object, members in order.
    case object(OrderedDictionary<String, ExtraValue>)
}

/// Provider-specific properties by name, in the order received.
public typealias Extras = OrderedDictionary<String, ExtraValue>
