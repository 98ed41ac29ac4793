import EvidentCore
import Foundation

/// The JSON form of stored evidence: pretty-printed with sorted keys and a final newline, so that the same record
/// always gives the same bytes and a refresh shows as a readable diff; times as ISO 8601 in UTC, to the second.
enum EvidenceJSON {
    static func encode(_ record: EvidenceRecord) throws -> Data {
        try encoder.encode(record) + Data("\n".utf8)
    }

    static func decode(_ data: Data) throws -> EvidenceRecord {
        try decoder.decode(EvidenceRecord.self, from: data)
    }

    /// Writes a record, or any part of one.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(PublicationDate.iso8601(date))
        }
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// A short reason a file could not be decoded, naming the key path where there is one.
    static func reason(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return error.localizedDescription }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "it is not valid JSON"
        case .keyNotFound(let key, let context):
            return "`\(path(context.codingPath + [key]))` is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "`\(path(context.codingPath))` has the wrong type or value"
        @unknown default:
            return error.localizedDescription
        }
    }

    /// `cells[2].median`.
    private static func path(_ keys: [CodingKey]) -> String {
        keys.reduce("") { path, key in
            if let index = key.intValue { return path + "[\(index)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
    }
}
