/// The parameter values of a cell, by name. Values are the YAML scalar text (`10`, `0.5`, `tcp`); in JSON, a
/// value that reads as a number is written as one (`{"n": 100}`), and either form is read back.
package struct CellParams: Codable, Sendable, Equatable, Hashable {
    package var values: [String: String]

    package init(_ values: [String: String]) {
        self.values = values
    }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Name.self)
        var values: [String: String] = [:]
        // Numbers first: most values are, and a failed attempt costs a thrown error.
        for key in container.allKeys {
            if let integer = try? container.decode(Int.self, forKey: key) {
                values[key.stringValue] = String(integer)
            } else if let number = try? container.decode(Double.self, forKey: key) {
                values[key.stringValue] = String(number)
            } else {
                values[key.stringValue] = try container.decode(String.self, forKey: key)
            }
        }
        self.values = values
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Name.self)
        for (name, value) in values {
            let key = Name(stringValue: name)
            if let integer = Int(value), String(integer) == value {
                try container.encode(integer, forKey: key)
            } else if let number = Double(value), number.isFinite, String(number) == value {
                try container.encode(number, forKey: key)
            } else {
                try container.encode(value, forKey: key)
            }
        }
    }

    /// `n=100, latency_ms=5` (names in the order given), or empty.
    package func label(order: [String]) -> String {
        order.compactMap { name in values[name].map { "\(name)=\($0)" } }.joined(separator: ", ")
    }

    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
