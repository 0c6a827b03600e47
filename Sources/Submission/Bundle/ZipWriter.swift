import CPlatform
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

/// The CRC-32 checksum zip files use (IEEE 802.3 polynomial), worked out by zlib.
public enum CRC32 {
    public static func checksum(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { checksum($0) }
    }

    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress else { return 0 }
        return svwizard_crc32(base, bytes.count)
    }
}
