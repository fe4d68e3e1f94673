public import MEABridgeCore
public import MEABridgeJSON

/// A Frictionless Table Schema (specs.frictionlessdata.io/table-schema, v1, with v2's field-level `missingValues`):
/// what the columns of a CSV are, their types and formats, and the constraints on their values.
///
/// Supported: `fields` with `name`, `title`, `description`, `type` (`string`, `number`, `integer`, `boolean`,
/// `date`, `time`, `datetime`, `year`, `yearmonth`, `duration`, `geopoint`, `geojson`, `object`, `array`, `any`),
/// `format` (`default`, `any`, strptime patterns such as `%d/%m/%Y` for dates and times, `email`, `uri`, `uuid`,
/// `binary` for strings, `array`/`object` for geopoints), `trueValues`/`falseValues`, `decimalChar`, `groupChar`,
/// `bareNumber`, `missingValues`, and `constraints` (`required`, `unique`, `enum`, `pattern`, `minimum`, `maximum`,
/// `minLength`, `maxLength`); `primaryKey` and `missingValues` at the top level. `foreignKeys` refer to other
/// resources of a data package and are not checked.
///
/// Columns are matched to fields by name, ignoring case and the spaces or NBSP around header names, and failing
/// that ignoring punctuation too (`SpeciesName` is `species_name`), so column order does not matter and an optional
/// field may be absent.
public struct TableSchema: Sendable, Hashable {
    /// A field's type.
    public enum FieldType: String, Sendable, Hashable, CaseIterable {
        /// Any text.
        case string
        /// A decimal number.
        case number
        /// A whole number.
        case integer
        /// `true`/`false` (or the field's `trueValues`/`falseValues`).
        case boolean
        /// A calendar date.
        case date
        /// A time of day.
        case time
        /// A date and time.
        case datetime
        /// A year.
        case year
        /// A year and month (`2016-04`).
        case yearmonth
        /// An ISO 8601 duration (`P1Y2M`).
        case duration
        /// A point (`lon, lat` by default).
        case geopoint
        /// A GeoJSON object.
        case geojson
        /// A JSON object.
        case object
        /// A JSON array.
        case array
        /// Anything.
        case any
    }

    /// The constraints on a field's values.
    public struct Constraints: Sendable, Hashable {
        /// Whether a value is required (not one of the missing values).
        public var required = false
        /// Whether values must be unique.
        public var unique = false
        /// The allowed values, as written in the schema.
        public var enumValues: [String]?
        /// A regular expression the whole value must match.
        public var pattern: String?
        /// The smallest value allowed, as written (a number, or text in the field's format).
        public var minimum: String?
        /// The largest value allowed, as written.
        public var maximum: String?
        /// The shortest length (characters, or items of an array or object).
        public var minLength: Int?
        /// The longest length.
        public var maxLength: Int?

        /// Creates constraints.
        public init() {}
    }

    /// One field (column) of the table.
    public struct Field: Sendable, Hashable {
        /// The column's name.
        public var name: String
        /// A title for people.
        public var title: String?
        /// A description.
        public var description: String?
        /// The type.
        public var type: FieldType = .string
        /// The format (`default` when absent).
        public var format = "default"
        /// The constraints.
        public var constraints = Constraints()
        /// Values that mean "no value" for this field; the schema's when `nil`.
        public var missingValues: [String]?
        /// The texts read as `true`.
        public var trueValues = ["true", "True", "TRUE", "1"]
        /// The texts read as `false`.
        public var falseValues = ["false", "False", "FALSE", "0"]
        /// The decimal mark of numbers.
        public var decimalChar = "."
        /// The thousands separator of numbers, if any.
        public var groupChar: String?
        /// Whether numbers must be bare (`false` allows `€95`, `10%`).
        public var bareNumber = true
        /// Where the field is described in the schema file, for messages.
        public var schemaLocation: SourceLocation?

        /// Creates a field.
        /// - Parameters:
        ///   - name: The column's name.
        ///   - type: The type.
        ///   - format: The format.
        public init(name: String, type: FieldType = .string, format: String = "default") {
            self.name = name
            self.type = type
            self.format = format
        }
    }

    /// The fields, in order.
    public var fields: [Field]
    /// The fields whose values together identify a row.
    public var primaryKey: [String] = []
    /// Values that mean "no value" (`[""]` by default).
    public var missingValues = [""]

    /// Creates a schema.
    /// - Parameters:
    ///   - fields: The fields.
    ///   - primaryKey: The primary key's field names.
    ///   - missingValues: The values that mean "no value".
    public init(fields: [Field], primaryKey: [String] = [], missingValues: [String] = [""]) {
        self.fields = fields
        self.primaryKey = primaryKey
        self.missingValues = missingValues
    }

    /// The field named `name`, ignoring case.
    /// - Parameter name: The name.
    /// - Returns: The field, or `nil`.
    public func field(named name: String) -> Field? {
        let key = CSVText.headerKey(name)
        return fields.first { CSVText.headerKey($0.name) == key }
    }

    // MARK: Loading

    /// Loads a schema file.
    /// - Parameter path: The file.
    /// - Returns: The schema.
    /// - Throws: `SchemaLoadFailure` when the file cannot be read, is not JSON, or is not a valid table schema
    ///   (every problem found is in `diagnostics`, located in the schema file).
    public static func load(path: String) throws(SchemaLoadFailure) -> TableSchema {
        let value: JSONValue
        do {
            let source = try FileByteSource(path: path)
            var parser = JSONPullParser(source: source)
            do {
                value = try parser.readValue()
                try parser.finish()
            } catch {
                throw SchemaLoadFailure(
                    path: path,
                    message: "not valid JSON: \(error.message)",
                    diagnostics: [error.diagnostic(source: path)]
                )
            }
        } catch let failure as IOFailure {
            throw SchemaLoadFailure(path: path, message: failure.description)
        } catch let failure as SchemaLoadFailure {
            throw failure
        } catch {
            throw SchemaLoadFailure(path: path, message: "\(error)")
        }
        return try parse(value, path: path)
    }

    /// Reads a schema from its JSON value.
    /// - Parameters:
    ///   - value: The schema document.
    ///   - path: The schema file's name, for locations.
    /// - Returns: The schema.
    /// - Throws: `SchemaLoadFailure` listing every problem.
    public static func parse(_ value: JSONValue, path: String) throws(SchemaLoadFailure) -> TableSchema {
        var loader = Loader(path: path)
        let schema = loader.schema(value)
        if !loader.problems.isEmpty || schema == nil {
            let count = loader.problems.count
            throw SchemaLoadFailure(
                path: path,
                message: "not a valid table schema (\(count) problem\(count == 1 ? "" : "s"))",
                diagnostics: loader.problems
            )
        }
        guard let schema else { throw SchemaLoadFailure(path: path, message: "not a valid table schema") }
        return schema
    }

    /// Reads the parts of a schema document, collecting every problem.
    private struct Loader {
        let path: String
        var problems: [Diagnostic] = []

        init(path: String) { self.path = path }

        private func location(_ value: JSONValue, _ pointer: String) -> SourceLocation {
            SourceLocation(
                source: path,
                line: value.position.line,
                column: value.position.column,
                byteOffset: value.position.offset,
                path: pointer
            )
        }

        private mutating func problem(_ message: String, _ value: JSONValue, _ pointer: String) {
            problems.append(
                Diagnostic(
                    id: .schemaInvalid,
                    severity: .error,
                    message: message,
                    location: location(value, pointer)
                )
            )
        }

        private mutating func strings(_ value: JSONValue, _ pointer: String) -> [String]? {
            guard let elements = value.arrayValue else {
                problem("expected an array of strings, found \(value.typeName)", value, pointer)
                return nil
            }
            var out: [String] = []
            for (index, element) in elements.enumerated() {
                guard let text = element.stringValue else {
                    problem("expected a string, found \(element.typeName)", element, pointer + "/\(index)")
                    continue
                }
                out.append(text)
            }
            return out
        }

        /// A scalar as text (strings as they are, numbers as their lexeme, booleans as `true`/`false`).
        private mutating func scalarText(_ value: JSONValue, _ pointer: String) -> String? {
            switch value.kind {
            case .string(let text): return text
            case .number(let lexeme): return lexeme
            case .bool(let flag): return flag ? "true" : "false"
            default:
                problem("expected a string or a number, found \(value.typeName)", value, pointer)
                return nil
            }
        }

        mutating func schema(_ value: JSONValue) -> TableSchema? {
            guard let members = value.objectValue else {
                problem("a table schema is a JSON object, found \(value.typeName)", value, "")
                return nil
            }
            var schema = TableSchema(fields: [])
            var sawFields = false
            for member in members {
                let pointer = "/" + JSONPointer.escape(member.key)
                switch member.key {
                case "fields":
                    sawFields = true
                    guard let elements = member.value.arrayValue else {
                        problem("`fields` must be an array of field descriptors", member.value, pointer)
                        continue
                    }
                    for (index, element) in elements.enumerated() {
                        if let field = field(element, pointer + "/\(index)") { schema.fields.append(field) }
                    }
                case "primaryKey":
                    if let single = member.value.stringValue {
                        schema.primaryKey = [single]
                    } else if let names = strings(member.value, pointer) {
                        schema.primaryKey = names
                    }
                case "missingValues":
                    if let values = strings(member.value, pointer) { schema.missingValues = values }
                default:
                    break  // `$schema`, `foreignKeys`, `title`, … carry nothing this validator checks
                }
            }
            if !sawFields { problem("a table schema needs a `fields` array", value, "") }
            var names: Set<String> = []
            for field in schema.fields where !names.insert(CSVText.headerKey(field.name)).inserted {
                problems.append(
                    Diagnostic(
                        id: .schemaInvalid,
                        severity: .error,
                        message: "two fields are named '\(field.name)'",
                        location: field.schemaLocation
                    )
                )
            }
            for key in schema.primaryKey where !names.contains(CSVText.headerKey(key)) {
                problem("primary key field '\(key)' is not in `fields`", value, "/primaryKey")
            }
            return schema
        }

        private mutating func field(_ value: JSONValue, _ pointer: String) -> Field? {
            guard let members = value.objectValue else {
                problem("a field descriptor is an object, found \(value.typeName)", value, pointer)
                return nil
            }
            guard let name = value["name"]?.stringValue, !name.isEmpty else {
                problem("a field needs a non-empty string `name`", value, pointer)
                return nil
            }
            var field = Field(name: name)
            field.schemaLocation = location(value, pointer)
            for member in members {
                let at = pointer + "/" + JSONPointer.escape(member.key)
                let item = member.value
                switch member.key {
                case "title": field.title = item.stringValue
                case "description": field.description = item.stringValue
                case "type":
                    guard let text = item.stringValue, let type = FieldType(rawValue: text) else {
                        let known = FieldType.allCases.map(\.rawValue).joined(separator: ", ")
                        problem("unknown field type \(Self.shown(item)); types: \(known)", item, at)
                        continue
                    }
                    field.type = type
                case "format":
                    guard let text = item.stringValue else {
                        problem("`format` must be a string", item, at)
                        continue
                    }
                    field.format = text.hasPrefix("fmt:") ? String(text.dropFirst(4)) : text
                case "trueValues": if let values = strings(item, at) { field.trueValues = values }
                case "falseValues": if let values = strings(item, at) { field.falseValues = values }
                case "missingValues": if let values = strings(item, at) { field.missingValues = values }
                case "decimalChar": field.decimalChar = item.stringValue ?? "."
                case "groupChar": field.groupChar = item.stringValue
                case "bareNumber": field.bareNumber = item.boolValue ?? true
                case "constraints": field.constraints = constraints(item, at)
                default: break
                }
            }
            if let message = FieldCaster.formatProblem(field) {
                problem(message, value["format"] ?? value, pointer + "/format")
            }
            return field
        }

        private static func shown(_ value: JSONValue) -> String {
            value.stringValue.map { "'\($0)'" } ?? value.typeName
        }

        private mutating func constraints(_ value: JSONValue, _ pointer: String) -> Constraints {
            var constraints = Constraints()
            guard let members = value.objectValue else {
                problem("`constraints` must be an object", value, pointer)
                return constraints
            }
            for member in members {
                let at = pointer + "/" + JSONPointer.escape(member.key)
                let item = member.value
                switch member.key {
                case "required": constraints.required = item.boolValue ?? false
                case "unique": constraints.unique = item.boolValue ?? false
                case "enum":
                    guard let elements = item.arrayValue else {
                        problem("`enum` must be an array", item, at)
                        continue
                    }
                    var values: [String] = []
                    for (index, element) in elements.enumerated() {
                        if let text = scalarText(element, at + "/\(index)") { values.append(text) }
                    }
                    constraints.enumValues = values
                case "pattern":
                    guard let text = item.stringValue else {
                        problem("`pattern` must be a string", item, at)
                        continue
                    }
                    if (try? Regex(text)) == nil { problem("`pattern` is not a valid regular expression", item, at) }
                    constraints.pattern = text
                case "minimum": constraints.minimum = scalarText(item, at)
                case "maximum": constraints.maximum = scalarText(item, at)
                case "minLength":
                    guard let number = item.int64Value, number >= 0 else {
                        problem("`minLength` must be a non-negative integer", item, at)
                        continue
                    }
                    constraints.minLength = Int(number)
                case "maxLength":
                    guard let number = item.int64Value, number >= 0 else {
                        problem("`maxLength` must be a non-negative integer", item, at)
                        continue
                    }
                    constraints.maxLength = Int(number)
                default: break
                }
            }
            return constraints
        }
    }
}
