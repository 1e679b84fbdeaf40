/// Encodes every stored property under its own name, `nil` as an explicit `null`: synthesised `Encodable` leaves a
/// nil out, and `podmem.snapshot/1` promises every key. A type adopts it instead of writing `encode(to:)` by hand, so
/// a new field cannot be forgotten there; decoding stays synthesised.
public protocol ExplicitNullEncodable: Encodable {
    /// Whether the property `label` is left out of this value's encoding: an optional part of the schema that this
    /// value does not have. None by default.
    func omitsProperty(_ label: String) -> Bool
}

extension ExplicitNullEncodable {
    public func omitsProperty(_ label: String) -> Bool { false }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: PropertyKey.self)
        for child in Mirror(reflecting: self).children {
            guard let label = child.label, !omitsProperty(label) else { continue }
            guard let value = child.value as? any Encodable else {
                throw EncodingError.invalidValue(
                    child.value,
                    EncodingError.Context(
                        codingPath: encoder.codingPath, debugDescription: "\(Self.self).\(label) is not Encodable"))
            }
            try container.encode(value, forKey: PropertyKey(stringValue: label))
        }
    }
}

private struct PropertyKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
