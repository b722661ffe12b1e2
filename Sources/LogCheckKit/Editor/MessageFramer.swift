/// The base protocol of the Language Server Protocol: each message is a `Content-Length: N`
/// header (other headers allowed), a blank line, and N bytes of JSON.
public struct MessageFramer: Sendable {
    public struct Malformed: Error, Sendable, Equatable {
        public var reason: String
        public init(reason: String) { self.reason = reason }
    }

    /// Headers longer than this are not a header.
    static let maxHeader = 8192
    /// A message body larger than this is refused (an editor sends whole documents, not more).
    static let maxBody = 256 << 20

    private var buffer: [UInt8] = []
    private var start = 0

    public init() {}

    public mutating func append(_ bytes: [UInt8]) {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer += bytes
    }

    /// The next whole message body, nil until one has arrived. After `Malformed` the stream
    /// cannot be resynchronised: the caller stops.
    public mutating func next() throws -> [UInt8]? {
        guard let end = headerEnd() else {
            if buffer.count - start > Self.maxHeader { throw Malformed(reason: "a header longer than 8 KiB") }
            return nil
        }
        let header = String(decoding: buffer[start..<end], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { throw Malformed(reason: "a header line without ':'") }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" })
            if name == "content-length" {
                guard let n = Int(value), n >= 0 else { throw Malformed(reason: "Content-Length is not a number") }
                length = n
            }
        }
        guard let length else { throw Malformed(reason: "no Content-Length header") }
        guard length <= Self.maxBody else { throw Malformed(reason: "a message of \(length) bytes") }
        let bodyStart = end + 4
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        if start > 1 << 20 {
            buffer.removeFirst(start)
            start = 0
        }
        return body
    }

    /// The offset of the `\r\n\r\n` that ends the header, if it has arrived.
    private func headerEnd() -> Int? {
        var i = start
        let limit = min(buffer.count, start + Self.maxHeader + 4)
        while i + 3 < limit {
            if buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// A message with its header.
    public static func frame(_ message: JSONValue) -> [UInt8] {
        let body = Array(message.serialized(pretty: false).utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
