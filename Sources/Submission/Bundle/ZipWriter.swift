import Foundation

/// Writes a zip archive with the files stored as they are (no compression) and every
/// timestamp fixed at 1980-01-01 00:00, so the same files always give the same bytes, on any
/// machine and in any time zone. Names are written as UTF-8 with the UTF-8 flag set.
public struct ZipWriter {
    private var body = Data()
    private var central = Data()
    private var count = 0

    public init() {}

    /// Adds a regular file. `externalAttributes` is for tests that build hostile archives.
    public mutating func add(name: String, data: Data, externalAttributes: UInt32 = 0o100644 << 16) {
        add(nameBytes: Data(name.utf8), data: data, externalAttributes: externalAttributes, utf8Flag: true)
    }

    /// Adds an entry with raw name bytes (tests use this for names that are not UTF-8).
    public mutating func add(nameBytes: Data, data: Data, externalAttributes: UInt32 = 0o100644 << 16, utf8Flag: Bool,
                             declaredSize: UInt32? = nil) {
        let crc = CRC32.checksum(data)
        let offset = UInt32(body.count)
        let flags: UInt16 = utf8Flag ? 0x0800 : 0
        let size = UInt32(data.count)
        // Local file header.
        body.append(le32(0x0403_4b50))
        body.append(le16(20)); body.append(le16(flags)); body.append(le16(0)) // version, flags, stored
        body.append(le16(0)); body.append(le16(0x0021))                      // time 00:00, date 1980-01-01
        body.append(le32(crc)); body.append(le32(size)); body.append(le32(declaredSize ?? size))
        body.append(le16(UInt16(nameBytes.count))); body.append(le16(0))
        body.append(nameBytes)
        body.append(data)
        // Central directory header.
        central.append(le32(0x0201_4b50))
        central.append(le16(0x031E)); central.append(le16(20)); central.append(le16(flags)); central.append(le16(0))
        central.append(le16(0)); central.append(le16(0x0021))
        central.append(le32(crc)); central.append(le32(size)); central.append(le32(declaredSize ?? size))
        central.append(le16(UInt16(nameBytes.count))); central.append(le16(0)); central.append(le16(0))
        central.append(le16(0)); central.append(le16(0)); central.append(le32(externalAttributes)); central.append(le32(offset))
        central.append(nameBytes)
        count += 1
    }

    /// The finished archive.
    public func archive() -> Data {
        var data = body
        data.append(central)
        data.append(le32(0x0605_4b50))
        data.append(le16(0)); data.append(le16(0))
        data.append(le16(UInt16(count))); data.append(le16(UInt16(count)))
        data.append(le32(UInt32(central.count))); data.append(le32(UInt32(body.count)))
        data.append(le16(0))
        return data
    }

    private func le16(_ value: UInt16) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
    private func le32(_ value: UInt32) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
}

/// The CRC-32 checksum zip files use (IEEE 802.3 polynomial), eight bytes a step
/// ("slicing by 8": eight tables, each a byte further on).
public enum CRC32 {
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            tables[index] = value
        }
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    public static func checksum(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { checksum(UnsafeRawBufferPointer($0)) }
    }

    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        tables.withUnsafeBufferPointer { table in
            var offset = 0
            let count = bytes.count
            while offset + 8 <= count {
                let low = crc ^ UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                let high = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                crc = table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                offset += 8
            }
            while offset < count {
                crc = table[Int((crc ^ UInt32(bytes[offset])) & 0xFF)] ^ (crc >> 8)
                offset += 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
