import MEABridgeCBD
import MEABridgeCanonical
public import MEABridgeCore
import MEABridgeInforMEA
import MEABridgeJSONSchema
import MEABridgeORS
import MEABridgeSpeciesPlus
import MEABridgeValidation

extension FormatRegistry {
    /// Every bundled reader, writer, schema validator and diagnostic description.
    ///
    /// Formats live in family modules (`MEABridgeInforMEA`, `MEABridgeCBD`, …); adding one means adding its type there
    /// and one line here. Nothing in the core changes.
    public static let builtIn = FormatRegistry(
        readers: [
            InforMEAODataJSONReader.self,
            CBDKMJSONReader.self,
            CBDSolrJSONReader.self,
            SpeciesPlusJSONReader.self,
            ORSJSONReader.self,
            ORSXMLReader.self,
        ],
        writers: [
            InforMEAODataJSONWriter.self,
            InforMEAAPIJSONWriter.self,
            NDJSONWriter.self,
        ],
        validators: [
            JSONSchemaValidator.self
        ],
        descriptions: ValidationCatalog.all + JSONSchemaValidator.diagnosticDescriptions + GoalCatalog.goalDescriptions
    )
}
