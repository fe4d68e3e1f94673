import MEABridgeCBD
import MEABridgeCITES
import MEABridgeCSV
import MEABridgeCanonical
public import MEABridgeCore
import MEABridgeECOLEX
import MEABridgeInforMEA
import MEABridgeJSONSchema
import MEABridgeORS
import MEABridgeRamsar
import MEABridgeSpeciesPlus
import MEABridgeValidation
import MEABridgeXML

extension FormatRegistry {
    /// Every bundled reader, writer, schema validator and diagnostic description.
    ///
    /// Formats live in family modules (`MEABridgeInforMEA`, `MEABridgeCBD`, …); adding one means adding its type there
    /// and one line here. Nothing in the core changes.
    public static let builtIn = FormatRegistry(
        readers: [
            InforMEAODataJSONReader.self,
            InforMEAAtomReader.self,
            FAOLEXReader.self,
            CBDKMJSONReader.self,
            CBDSolrJSONReader.self,
            SpeciesPlusJSONReader.self,
            ORSJSONReader.self,
            ORSXMLReader.self,
            CITESAnnualReportReader.self,
            CITESTradeReader.self,
            RamsarRSISReader.self,
        ],
        writers: [
            InforMEAODataJSONWriter.self,
            InforMEAAPIJSONWriter.self,
            InforMEAAtomWriter.self,
            NDJSONWriter.self,
            TradeCSVWriter.self,
        ],
        validators: [
            JSONSchemaValidator.self,
            TableSchemaValidator.self,
            XSDSchemaValidator.self,
        ],
        descriptions: ValidationCatalog.all + JSONSchemaValidator.diagnosticDescriptions + GoalCatalog.goalDescriptions
            + CSVDiagnosticDescriptions.all + CITESDiagnosticDescriptions.all + RamsarDiagnosticDescriptions.all
            + XSDSchemaValidator.diagnosticDescriptions + FAOLEXReader.diagnosticDescriptions
            + TradeCSVWriter.diagnosticDescriptions
    )
}
