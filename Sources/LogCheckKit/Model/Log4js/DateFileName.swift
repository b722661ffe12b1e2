/// The names streamroller 3.1.5 gives the files of a date-rolling appender (`dateFile`, or `file`
/// with a `pattern`), and what date-format 4.0.14 makes of a pattern.
public enum DateFileName {
    /// The file named `filename` with `date` added, as streamroller's fileNameFormatter.js:15-38
    /// builds the current file with `alwaysIncludePattern` and every backup: after the extension,
    /// or before it with `keepFileExt`, behind `separator` (`fileNameSep`, default ".").
    public static func with(date: String, filename: String, keepFileExt: Bool, separator: String) -> String {
        let base = Path.basename(filename)
        let dir = String(filename.dropLast(base.utf8.count))
        // path.parse: the extension starts at the last dot that does not start the name.
        if keepFileExt, let dot = base.lastIndex(of: "."), dot != base.startIndex {
            return dir + base[..<dot] + separator + date + base[dot...]
        }
        return filename + separator + date
    }

    /// The pattern formatted for 31 January 2024, 00:00:00.000 UTC, as date-format's asString
    /// (lib/index.js:29-62) replaces its tokens in order: dd, MM, y{1,4} (every run of up to four
    /// y's is the year, 4 digits when the pattern has yyyy, else 2), hh, mm, ss, SSS, O.
    public static func sample(_ pattern: String) -> String {
        let year = pattern.contains("yyyy") ? "2024" : "24"
        var s = pattern.replacing("dd", with: "31").replacing("MM", with: "01")
        var out = ""
        var run = 0
        for c in s {
            if c == "y" {
                run += 1
                if run == 4 {
                    out += year
                    run = 0
                }
                continue
            }
            if run > 0 {
                out += year
                run = 0
            }
            out.append(c)
        }
        if run > 0 { out += year }
        s = out.replacing("hh", with: "00").replacing("mm", with: "00").replacing("ss", with: "00")
        return s.replacing("SSS", with: "000").replacing("O", with: "Z")
    }
}
