public import MEABridgeCore

extension JSONSchemaValidator {
    /// What each `json-schema.*` diagnostic means and how to fix it, for `meabridge explain` and the reports.
    ///
    /// An error's id is `json-schema.` followed by the schema keyword that failed; its message names the value and
    /// ends with the keyword's location in the schema.
    public static let diagnosticDescriptions: [DiagnosticDescription] = [
        describe(
            "type",
            "A value has the wrong JSON type.",
            "The schema expects another type here (a string where a number was given, an object where "
                + "an array was given). Write the value in the type the message names; for text, check that "
                + "it is not a bare number or a list."
        ),
        describe(
            "enum",
            "A value is not one of the allowed values.",
            "The field takes one of a fixed list of values, which the message lists. Use one of them "
                + "exactly (case matters)."
        ),
        describe(
            "const",
            "A value differs from the one the schema requires.",
            "The field must hold exactly the value the message shows, for example an entity name or a "
                + "schema name in a header."
        ),
        describe(
            "required",
            "A required property is missing.",
            "The object lacks a property the schema requires. Add it; the location points at the object "
                + "that should have it."
        ),
        describe(
            "additionalProperties",
            "A property is not allowed.",
            "The object has a property the schema does not define and does not allow. Remove it, fix a "
                + "misspelt name, or move provider-specific data to `extras`."
        ),
        describe(
            "unevaluatedProperties",
            "A property is not allowed here.",
            "No keyword of the schema accepts this property. Remove it or fix its name."
        ),
        describe(
            "properties",
            "A property is not allowed.",
            "The schema forbids this property outright. Remove it."
        ),
        describe(
            "patternProperties",
            "A property is not allowed.",
            "Properties whose names match the pattern in the message are forbidden. Rename or remove "
                + "it."
        ),
        describe(
            "propertyNames",
            "A property name is not allowed.",
            "Property names here must follow a rule, such as language codes in lower case (`en`, "
                + "`zh-hans`). Rename the property."
        ),
        describe(
            "pattern",
            "Text does not have the required shape.",
            "The text must match the regular expression in the message: a date written as YYYY-MM-DD, a "
                + "country as two capital letters, an OData date as /Date(ms)/. Rewrite the value in that "
                + "shape."
        ),
        describe(
            "format",
            "Text is not a valid date, time, e-mail, URI or other format.",
            "The value has the right shape but is not valid in its format: a day that does not exist "
                + "(2025-02-30), an e-mail without a domain, a URI with spaces. Correct the value."
        ),
        describe(
            "minLength",
            "Text is too short.",
            "The text is shorter than allowed, often empty where a value is required. Fill it in, or "
                + "leave the property out when there is nothing to say."
        ),
        describe(
            "maxLength",
            "Text is too long.",
            "The text is longer than the schema allows. Shorten it."
        ),
        describe(
            "minimum",
            "A number is too small.",
            "The number is below the minimum in the message (a negative size or count, a year before a "
                + "limit). Correct it."
        ),
        describe(
            "maximum",
            "A number is too large.",
            "The number is above the maximum in the message. Correct it."
        ),
        describe(
            "exclusiveMinimum",
            "A number is too small.",
            "The number must be greater than the limit in the message. Correct it."
        ),
        describe(
            "exclusiveMaximum",
            "A number is too large.",
            "The number must be less than the limit in the message. Correct it."
        ),
        describe(
            "multipleOf",
            "A number is not a multiple of the required step.",
            "The number must be a whole multiple of the step in the message (whole numbers where the "
                + "step is 1). Round or correct it."
        ),
        describe(
            "minItems",
            "A list has too few items.",
            "The list must have at least the number of items in the message, often at least one. Add "
                + "the missing items or leave the property out."
        ),
        describe(
            "maxItems",
            "A list has too many items.",
            "The list has more items than allowed. Remove the extra ones."
        ),
        describe(
            "uniqueItems",
            "A list repeats an item.",
            "The items of this list must all differ; the message names two equal ones. Remove the "
                + "duplicate."
        ),
        describe(
            "items",
            "A list has items it should not have.",
            "The schema allows no items here, or no items after the ones it lists. Remove them."
        ),
        describe(
            "prefixItems",
            "An item at this position is not allowed.",
            "The schema fixes what each position of the list may hold. Remove or move the item."
        ),
        describe(
            "additionalItems",
            "A list has more items than allowed.",
            "Only the items the schema lists are allowed. Remove the rest."
        ),
        describe(
            "unevaluatedItems",
            "An item is not allowed here.",
            "No keyword of the schema accepts this item. Remove it."
        ),
        describe(
            "contains",
            "A list lacks a required kind of item.",
            "At least one item (or the number in the message) must match the schema's `contains`. Add "
                + "such an item."
        ),
        describe(
            "maxContains",
            "A list has too many items of one kind.",
            "At most the number in the message may match the schema's `contains`. Remove some."
        ),
        describe(
            "minProperties",
            "An object has too few properties.",
            "The object must have at least the number of properties in the message, often at least one. "
                + "Fill it in or leave it out."
        ),
        describe(
            "maxProperties",
            "An object has too many properties.",
            "The object has more properties than allowed. Remove some."
        ),
        describe(
            "dependentRequired",
            "A property needs another one that is missing.",
            "When the first property in the message is present, the second must be too. Add it, or "
                + "remove the first."
        ),
        describe(
            "dependencies",
            "A property needs another one that is missing.",
            "When the first property in the message is present, the second must be too. Add it, or "
                + "remove the first."
        ),
        describe(
            "anyOf",
            "A value matches none of the allowed forms.",
            "The value must take one of several forms; the message says which alternative came closest "
                + "and what it lacks. Rewrite the value in that form."
        ),
        describe(
            "oneOf",
            "A value matches none, or more than one, of the allowed forms.",
            "Exactly one of the forms must fit. The message says which came closest, or which forms "
                + "both fit; make the value fit exactly one."
        ),
        describe(
            "not",
            "A value has a form the schema forbids.",
            "The value matches a form that is explicitly not allowed here. Change it."
        ),
        describe(
            "false",
            "No value is allowed here.",
            "The schema allows nothing at this place. Remove the value."
        ),
        DiagnosticDescription(
            "json-schema.invalid-schema",
            .error,
            "The schema file itself is not a valid JSON Schema.",
            "The schema given to `meabridge validate --schema` breaks the rules of its JSON Schema "
                + "draft (for example a misspelt type name or a negative minLength), or names a `$ref` that "
                + "cannot be resolved from local files. Fix the schema at the location shown; nothing was "
                + "validated."
        ),
    ]

    private static func describe(_ keyword: String, _ summary: String, _ explanation: String) -> DiagnosticDescription {
        DiagnosticDescription(DiagnosticID("json-schema." + keyword), .error, summary, explanation)
    }
}
