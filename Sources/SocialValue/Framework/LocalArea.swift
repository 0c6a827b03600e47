import Foundation

/// The area whose residents and businesses count as local, as postcode districts.
public struct LocalArea: Sendable, Hashable, Codable {
    /// The area's name, such as "Rotherham borough".
    public var name: String
    /// Where the district list comes from.
    public var source: Source
    /// The districts wholly or partly inside the area.
    public var districts: [PostcodeDistrict]

    public init(name: String, source: Source, districts: [PostcodeDistrict]) {
        self.name = name
        self.source = source
        self.districts = districts
    }

    /// Whether a postcode is inside the area, outside it, or needs a question because its
    /// district is only partly inside. Nil when `postcode` is not a UK postcode or district.
    public func locality(of postcode: String) -> Locality? {
        guard let district = Self.district(of: postcode) else { return nil }
        guard let entry = districts.first(where: { $0.code == district }) else { return .outside(district: district) }
        switch entry.coverage {
        case .whole: return .inside(entry)
        case .partial: return .partial(entry)
        }
    }

    /// The outward code (district) of a postcode: `S60 1AE` and `s601ae` give `S60`;
    /// a bare district such as `S60` is accepted too. Nil when it is not of a postcode's shape.
    public static func district(of postcode: String) -> String? {
        let compact = postcode.uppercased().filter { !$0.isWhitespace }
        guard (2...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        let letters = compact.prefix(while: { $0.isLetter })
        guard (1...2).contains(letters.count) else { return nil }
        if compact.count >= 5 {
            // A full postcode: the inward code is always digit, letter, letter.
            let inward = compact.suffix(3)
            let characters = Array(inward)
            guard characters[0].isNumber, characters[1].isLetter, characters[2].isLetter else { return nil }
            let outward = String(compact.dropLast(3))
            return isOutwardCode(outward) ? outward : nil
        }
        return isOutwardCode(compact) ? compact : nil
    }

    private static func isOutwardCode(_ text: String) -> Bool {
        let letters = text.prefix(while: { $0.isLetter })
        let rest = text.dropFirst(letters.count)
        guard (1...2).contains(letters.count), let first = rest.first, first.isNumber, rest.count <= 2 else { return false }
        return true
    }
}

/// Whether a postcode is in the local area.
public enum Locality: Sendable, Hashable {
    /// The district lies wholly inside the area.
    case inside(PostcodeDistrict)
    /// The district straddles the boundary: ask whether the address is inside.
    case partial(PostcodeDistrict)
    /// The district is not in the area.
    case outside(district: String)
}

/// A postcode district and how much of it lies inside the local area.
public struct PostcodeDistrict: Sendable, Hashable, Codable {
    /// How much of a district lies inside the local area.
    public enum Coverage: String, Sendable, Hashable, Codable {
        case whole
        case partial
    }

    /// The outward code, such as `S60`.
    public var code: String
    public var coverage: Coverage
    /// The places the district covers.
    public var places: String
    /// Why the district is marked as it is (for example which councils share it).
    public var note: String?

    public init(code: String, coverage: Coverage, places: String, note: String? = nil) {
        self.code = code
        self.coverage = coverage
        self.places = places
        self.note = note
    }
}
