import LogCheckKit
import LogCheckSyntax
import Testing

/// Numbers at the edges of what a file can hold (YAML's .inf and .nan, 1e300, a negative size
/// with thirty digits) reach every rule that shows or converts a number; each must give its
/// finding with the number written as JavaScript writes it, never trap on a conversion.
@Suite struct NumberExtremesTests {
    /// LC316 is opt-in: selected here with the rules that are on by default.
    func findings(_ name: String, _ text: String) -> [String] {
        check([SourceFile(path: name, text: text)], settings: "select: [LC0, LC1, LC2, LC3, LC316]\n").map {
            "\($0.rule.id) \($0.location.start.line):\($0.location.start.column) \($0.message)"
        }
    }

    @Test func javaScriptText() {
        #expect(3.0.javaScriptText == "3")
        #expect((-2.5).javaScriptText == "-2.5")
        #expect(1e300.javaScriptText == "1e+300")
        #expect(Double.infinity.javaScriptText == "Infinity")
        #expect((-Double.infinity).javaScriptText == "-Infinity")
        #expect(Double.nan.javaScriptText == "NaN")
        #expect(1e15.javaScriptText == "1000000000000000")
        #expect(1e20.javaScriptText == "100000000000000000000")
        #expect((-123456789012345678901.0).javaScriptText == "-123456789012345680000")
        #expect(18446744073709551616.0.javaScriptText == "18446744073709552000")
        #expect(1e21.javaScriptText == "1e+21")
        #expect(1e-7.javaScriptText == "1e-7")
        #expect(0.1.javaScriptText == "0.1")
        #expect(0.000001.javaScriptText == "0.000001")
        #expect(1.5e-7.javaScriptText == "1.5e-7")
        #expect(123.456.javaScriptText == "123.456")
        #expect(1.2345e25.javaScriptText == "1.2345e+25")
        #expect(0.0.javaScriptText == "0")
        #expect((-0.0).javaScriptText == "0")
        #expect(999_999_999_999_999.0.javaScriptText == "999999999999999")
    }

    @Test func hugeAndInfiniteAppNumbers() {
        let out = findings(
            "ecosystem.yml",
            """
            apps:
              - name: b
                script: b.js
                exec_mode: cluster
                instances: 1e300
                wait_ready: true
                listen_timeout: .inf
                max_restarts: -1e300
              - name: c
                script: c.js
                instances: .nan
                max_memory_restart: 1e300G
            """)
        #expect(
            out.contains(
                "LC316 6:17 wait_ready: app \"b\" must call process.send('ready') when it is listening; otherwise every reload waits Infinity ms and then goes on anyway"
            ))
        #expect(
            out.contains(
                "LC305 8:19 `pm2 start` aborts every app in this file: The minimum of \"max_restarts\" is 0, but now is -1e+300"
            ), "\(out)")
        #expect(!out.contains { $0.hasPrefix("LC308 ") && $0.contains("app \"c\"") })
    }

    @Test func hugeLog4jsSizes() {
        let out = findings(
            "log4js.json",
            """
            {"appenders": {"f": {"type": "file", "filename": "a.log", "maxLogSize": -1e30, "backups": "1e30"},
                           "m": {"type": "multiFile", "base": "logs/", "property": "categoryName", "extension": ".log", "maxLogSize": "99999999999999999999G"}},
             "categories": {"default": {"appenders": ["f", "m"], "level": "info"}}}
            """)
        #expect(
            out.contains { $0.hasPrefix("LC215 1:73 ") && $0.contains("(\"options.maxSize (-1e+30) should be > 0\")") },
            "\(out)")
        #expect(out.contains { $0.hasPrefix("LC219 1:91 ") && $0.contains("instead of 1e+30") }, "\(out)")
        #expect(out.contains { $0.hasPrefix("LC216 2:123 ") }, "\(out)")
    }
}
