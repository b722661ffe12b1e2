import LogCheckSyntax
import Testing

@Suite struct SourceFileTests {
    @Test func linesAndColumnsAreOneBased() {
        let f = source("ab\ncd")
        #expect(f.lineColumn(of: 0) == LineColumn(line: 1, column: 1))
        #expect(f.lineColumn(of: 2) == LineColumn(line: 1, column: 3))
        #expect(f.lineColumn(of: 3) == LineColumn(line: 2, column: 1))
        #expect(f.lineColumn(of: 5) == LineColumn(line: 2, column: 3))
        #expect(f.lineCount == 2)
    }

    @Test func crlfCountsAsOneLineBreak() {
        let f = source("a: 1\r\nbb: 2\r\n")
        #expect(f.lineColumn(of: 6) == LineColumn(line: 2, column: 1))
        #expect(f.lineColumn(of: 10) == LineColumn(line: 2, column: 5))
        #expect(f.lineText(0) == "a: 1")
        #expect(f.lineText(1) == "bb: 2")
        #expect(f.lineEnding == .crlf)
    }

    @Test func loneCarriageReturnBreaksALine() {
        let f = source("a\rb")
        #expect(f.lineColumn(of: 2) == LineColumn(line: 2, column: 1))
    }

    @Test func byteOrderMarkDoesNotShiftColumns() {
        let f = SourceFile(path: "x", bytes: [0xEF, 0xBB, 0xBF] + Array("ab".utf8))
        #expect(f.bomLength == 3)
        #expect(f.lineColumn(of: 3) == LineColumn(line: 1, column: 1))
        #expect(f.lineColumn(of: 4) == LineColumn(line: 1, column: 2))
        #expect(f.lineText(0) == "ab")
    }

    @Test func multiByteCharactersCountAsOneColumn() {
        let f = source("é€😀x")
        // é = 2 bytes, € = 3, 😀 = 4
        #expect(f.lineColumn(of: 9) == LineColumn(line: 1, column: 4))
        #expect(!f.isASCII)
    }

    @Test func tabsCountAsOneColumn() {
        let f = source("\tx")
        #expect(f.lineColumn(of: 1) == LineColumn(line: 1, column: 2))
    }

    @Test func invalidUTF8IsFoundNotFatal() {
        let f = SourceFile(path: "x", bytes: [0x61, 0xC3, 0x28, 0x62])
        #expect(f.invalidUTF8Offset == 1)
        let d = EncodingCheck.diagnose(f)
        #expect(d?.code == .encoding)
        #expect(d?.span == Span(1, 2))
        #expect(
            d?.message
                == "the file is not valid UTF-8 (byte 0xC3 at offset 1); Node would decode it with replacement characters"
        )
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        #expect(SourceFile(path: "x", bytes: [0xC0, 0x80]).invalidUTF8Offset == 0)
        #expect(SourceFile(path: "x", bytes: [0xED, 0xA0, 0x80]).invalidUTF8Offset == 0)
        #expect(SourceFile(path: "x", bytes: [0xF4, 0x90, 0x80, 0x80]).invalidUTF8Offset == 0)
        #expect(SourceFile(path: "x", bytes: [0xF0, 0x9F, 0x98, 0x80]).invalidUTF8Offset == nil)
    }

    @Test func utf16IsReported() {
        let f = SourceFile(path: "x", bytes: [0xFF, 0xFE, 0x7B, 0x00])
        #expect(EncodingCheck.diagnose(f)?.message.hasPrefix("the file is UTF-16") == true)
    }

    @Test func nulByteIsReported() {
        let f = SourceFile(path: "x", bytes: Array("{}".utf8) + [0])
        #expect(EncodingCheck.diagnose(f)?.span == Span(2, 3))
    }

    /// The line table keeps the start of every 32nd line and each line's length (one byte, longer
    /// lines apart). Checked against a full table worked out here, across many blocks, lines of
    /// every length and every kind of line break.
    @Test(arguments: [["\n", "\r\n", "\r", "\n"], ["\n"]])
    func lineTableAgreesWithAFullOne(breaks: [String]) {
        var text = "\u{FEFF}"
        for i in 0..<200 {
            let long = i % 50 == 7 ? String(repeating: "y", count: i == 57 ? 70_000 : 254 + i % 3) : ""
            text += ["k\(i): v", "é\(i)", "", "x"][i % 4] + long + breaks[i % 7 % breaks.count]
        }
        text += "last"
        let f = source(text)
        let b = f.bytes
        var starts = [0]
        var i = 0
        while i < b.count {
            if b[i] == 0x0A {
                starts.append(i + 1)
            } else if b[i] == 0x0D {
                if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        #expect(f.lineCount == starts.count)
        var visited = 0
        f.forEachLineSpan { index, span in
            #expect(span == f.lineSpan(index))
            visited += 1
        }
        #expect(visited == starts.count)
        for (line, start) in starts.enumerated() {
            #expect(f.lineStart(line) == start)
            let end = line + 1 < starts.count ? starts[line + 1] : b.count
            // Every offset of a short line; the ends and the middle of a long one.
            let offsets =
                end - start < 300
                ? Array(start..<max(start + 1, end)) : [start, start + 1, (start + end) / 2, end - 2, end - 1]
            for offset in offsets where offset <= b.count {
                #expect(f.lineIndex(of: offset) == line)
                #expect(f.lineStart(containing: offset) == start)
                #expect(f.lineColumn(of: offset).line == line + 1)
            }
        }
        #expect(f.lineText(starts.count - 1) == "last")
        #expect(f.lineColumn(of: 3) == LineColumn(line: 1, column: 1))
    }

    /// The scan reads eight bytes at a time: a line break, a NUL, a multi-byte character or an
    /// invalid byte at any position of a word, or split across two words, is found as a
    /// byte-by-byte scan finds it.
    @Test(
        arguments: [[0x0A], [0x0D], [0x0D, 0x0A], [0x00], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xFF], [0xC3]] as [[UInt8]]
    )
    func wordScanFindsWhatAByteScanFinds(special: [UInt8]) {
        for length in 0..<40 {
            for at in 0...length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes.insert(contentsOf: special, at: at)
                bytes += [UInt8(ascii: "b")] + special + [UInt8(ascii: "c")]
                let f = SourceFile(path: "t", bytes: bytes)
                var starts = [0]
                var i = 0
                var nul: Int? = nil
                while i < bytes.count {
                    if bytes[i] == 0x0A {
                        starts.append(i + 1)
                    } else if bytes[i] == 0x0D {
                        if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                        starts.append(i + 1)
                    } else if bytes[i] == 0 && nul == nil {
                        nul = i
                    }
                    i += 1
                }
                #expect(f.lineCount == starts.count, "\(special) at \(at) of \(length)")
                for (line, start) in starts.enumerated() { #expect(f.lineStart(line) == start) }
                #expect(f.nulOffset == nul)
                #expect(f.isASCII == !bytes.contains { $0 >= 0x80 })
                let valid = String(validating: bytes, as: UTF8.self) != nil
                #expect(f.invalidUTF8Offset == (valid ? nil : at), "\(special) at \(at) of \(length)")
            }
        }
    }
}
