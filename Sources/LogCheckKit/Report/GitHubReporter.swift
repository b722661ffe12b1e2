/// `--format github`: GitHub Actions workflow commands, one per finding, which GitHub shows as
/// annotations on the pull request:
///
///     ::error file=log4js.json,line=3,col=3,endLine=3,endColumn=14,title=LC102 instance-var-mismatch::message
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = ""
        for d in report.diagnostics {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            let s = d.location.start
            let e = d.location.end
            let props = [
                "file=\(property(d.file.path))",
                "line=\(s.line)", "col=\(s.column)", "endLine=\(e.line)", "endColumn=\(e.column)",
                "title=\(property("\(d.rule.id) \(d.rule.slug)"))",
            ]
            var message = d.message
            for r in d.related {
                message += "\n\(r.location.file.path):\(r.location.start.line):\(r.location.start.column): \(r.message)"
            }
            if let help = d.help { message += "\nhelp: \(help)" }
            out += "::\(command) \(props.joined(separator: ","))::\(data(message))\n"
        }
        return out
    }

    /// Escaping for the message part of a workflow command.
    func data(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Escaping for a property value (also `:` and `,`).
    func property(_ s: String) -> String {
        var out = ""
        for c in data(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
