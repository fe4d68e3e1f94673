public import MEABridgeCore
import MEABridgeXML
import OrderedCollections

/// The EDM model of what an `informea-atom` output holds: the entity types written, their properties with EDM types,
/// and their navigation properties with the row types they lead to; it renders the matching `$metadata` (CSDL).
///
/// ``InforMEAAtomWriter`` fills one as it writes (``InforMEAAtomWriter/model``), so the `$metadata` describes exactly
/// the entity sets, properties and navigations of that output.
/// Properties are declared in the order first seen. A property seen with different numeric types gets the widest
/// (`Edm.Int16` < `Edm.Int32` < `Edm.Int64` < `Edm.Decimal` < `Edm.Double`), with other types `Edm.String`.
/// Provider-specific values that are arrays or objects have no OData v2 property type and are left out of the
/// model (the Atom output still carries them).
public struct InforMEAAtomModel: Sendable, Hashable {
    /// A property of an entity type.
    public struct Property: Sendable, Hashable {
        /// The property name.
        public var name: String
        /// The EDM type (`Edm.String`, `Edm.DateTime`, …).
        public var type: String
    }

    /// A navigation property: a collection of rows of another entity type.
    public struct Navigation: Sendable, Hashable {
        /// The navigation property name.
        public var name: String
        /// The entity type of its rows.
        public var target: String
    }

    /// An entity type and its entity set.
    public struct EntityType: Sendable, Hashable {
        /// The type name (`Meeting`, `MeetingTitle`).
        public var name: String
        /// The entity set name (`Meetings`; rows use their type name).
        public var entitySet: String
        /// The properties, `id` (the key) first.
        public var properties: [Property]
        /// The navigation properties.
        public var navigations: [Navigation]
    }

    /// The entity types, in the order first written (the rows' types after their owners').
    public private(set) var entityTypes: [EntityType] = []
    /// Where each type, and each type's property, is in ``entityTypes``: every record of a type notes the same
    /// names, so they are found by hashing rather than by scanning.
    private var typeIndex: [String: Int] = [:]
    private var propertyIndex: [[String: Int]] = []

    /// Creates an empty model.
    public init() {}

    mutating func note(
        _ typeName: String,
        set: String,
        _ scalars: [Property],
        _ navigations: [AtomEncoding.Navigation]
    ) {
        let index: Int
        if let known = typeIndex[typeName] {
            index = known
        } else {
            index = entityTypes.count
            entityTypes.append(
                EntityType(
                    name: typeName,
                    entitySet: set,
                    properties: [Property(name: "id", type: "Edm.String")],
                    navigations: []
                )
            )
            typeIndex[typeName] = index
            propertyIndex.append(["id": 0])
        }
        for property in scalars where property.name != "id" {
            if let existing = propertyIndex[index][property.name] {
                let current = entityTypes[index].properties[existing].type
                if current != property.type {
                    entityTypes[index].properties[existing].type = Self.wider(current, property.type)
                }
            } else {
                propertyIndex[index][property.name] = entityTypes[index].properties.count
                entityTypes[index].properties.append(property)
            }
        }
        for navigation in navigations {
            if !entityTypes[index].navigations.contains(where: { $0.name == navigation.name }) {
                entityTypes[index].navigations.append(Navigation(name: navigation.name, target: navigation.rowType))
            }
            var rowProperties = navigation.declared.map { Property(name: $0.name, type: $0.type) }
            for row in navigation.rows {
                for field in row.fields where !rowProperties.contains(where: { $0.name == field.name }) {
                    rowProperties.append(Property(name: field.name, type: field.value.type ?? "Edm.String"))
                }
            }
            note(navigation.rowType, set: navigation.rowType, rowProperties, navigation.rows.flatMap(\.navigations))
        }
    }

    private static let numericOrder = ["Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Decimal", "Edm.Double"]

    private static func wider(_ a: String, _ b: String) -> String {
        if a == b { return a }
        guard let x = numericOrder.firstIndex(of: a), let y = numericOrder.firstIndex(of: b) else {
            return "Edm.String"
        }
        return numericOrder[max(x, y)]
    }

    /// The `$metadata` document (OData v2 CSDL in EDMX) for this model.
    /// - Parameters:
    ///   - namespace: The schema namespace, which also qualifies the `category` terms of the Atom output.
    ///   - containerName: The entity container's name.
    /// - Returns: The document, UTF-8 XML.
    public func metadataDocument(namespace: String = "informea", containerName: String = "InforMEA") -> String {
        var out: [UInt8] = []
        func line(_ indent: Int, _ text: String) {
            out.append(contentsOf: String(repeating: " ", count: indent * 2).utf8)
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\n"))
        }
        func attribute(_ value: String) -> String {
            var bytes: [UInt8] = []
            XMLOutput.appendAttributeValue(value, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        line(0, "<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        line(0, "<edmx:Edmx Version=\"1.0\" xmlns:edmx=\"\(AtomVocabulary.edmx)\">")
        line(1, "<edmx:DataServices m:DataServiceVersion=\"2.0\" xmlns:m=\"\(AtomVocabulary.metadata)\">")
        line(2, "<Schema Namespace=\"\(attribute(namespace))\" xmlns=\"\(AtomVocabulary.edm)\">")
        for type in entityTypes {
            line(3, "<EntityType Name=\"\(attribute(type.name))\">")
            line(4, "<Key>")
            line(5, "<PropertyRef Name=\"id\"/>")
            line(4, "</Key>")
            for property in type.properties {
                let nullable = property.name == "id" ? "false" : "true"
                line(
                    4,
                    "<Property Name=\"\(attribute(property.name))\" Type=\"\(property.type)\" "
                        + "Nullable=\"\(nullable)\"/>"
                )
            }
            for navigation in type.navigations {
                let association = "\(namespace).\(type.name)_\(navigation.name)"
                line(
                    4,
                    "<NavigationProperty Name=\"\(attribute(navigation.name))\" "
                        + "Relationship=\"\(attribute(association))\" FromRole=\"\(attribute(type.name))\" "
                        + "ToRole=\"\(attribute(navigation.target))\"/>"
                )
            }
            line(3, "</EntityType>")
        }
        for type in entityTypes {
            for navigation in type.navigations {
                line(3, "<Association Name=\"\(attribute("\(type.name)_\(navigation.name)"))\">")
                line(
                    4,
                    "<End Type=\"\(attribute("\(namespace).\(type.name)"))\" Multiplicity=\"1\" "
                        + "Role=\"\(attribute(type.name))\"/>"
                )
                line(
                    4,
                    "<End Type=\"\(attribute("\(namespace).\(navigation.target)"))\" Multiplicity=\"*\" "
                        + "Role=\"\(attribute(navigation.target))\"/>"
                )
                line(3, "</Association>")
            }
        }
        line(3, "<EntityContainer Name=\"\(attribute(containerName))\" m:IsDefaultEntityContainer=\"true\">")
        for type in entityTypes {
            line(
                4,
                "<EntitySet Name=\"\(attribute(type.entitySet))\" "
                    + "EntityType=\"\(attribute("\(namespace).\(type.name)"))\"/>"
            )
        }
        for type in entityTypes {
            for navigation in type.navigations {
                let name = "\(type.name)_\(navigation.name)"
                let targetSet = entityTypes.first { $0.name == navigation.target }?.entitySet ?? navigation.target
                line(
                    4,
                    "<AssociationSet Name=\"\(attribute(name))\" Association=\"\(attribute("\(namespace).\(name)"))\">"
                )
                line(5, "<End EntitySet=\"\(attribute(type.entitySet))\" Role=\"\(attribute(type.name))\"/>")
                line(5, "<End EntitySet=\"\(attribute(targetSet))\" Role=\"\(attribute(navigation.target))\"/>")
                line(4, "</AssociationSet>")
            }
        }
        line(3, "</EntityContainer>")
        line(2, "</Schema>")
        line(1, "</edmx:DataServices>")
        line(0, "</edmx:Edmx>")
        return String(decoding: out, as: UTF8.self)
    }
}
