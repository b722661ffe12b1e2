import LogCheckSyntax
import Testing

/// Shell text as POSIX sh splits it: each command's assignments and words, each word as
/// `value[the source text it spans]`, `?` for a value known only at run time.
@Suite struct ShellReaderTests {
    static func commands(_ text: String) -> [String] {
        let f = source(text, "run.sh")
        return ShellReader.read(ShellText(source: f, span: Span(0, f.bytes.count))).commands.map { render($0, f) }
    }

    static func render(_ c: ShellCommand, _ f: SourceFile) -> String {
        let a = c.assignments.map { "\($0.name)=\($0.value.value ?? "?")[\(f.text($0.span))]" }
        let w = c.words.map { "\($0.value ?? "?")[\(f.text($0.span))]" }
        return (a + w).joined(separator: " ")
    }

    static func diagnostics(_ text: String) -> [String] {
        let f = source(text, "run.sh")
        return ShellReader.read(ShellText(source: f, span: Span(0, f.bytes.count))).diagnostics.map {
            "\($0.code.rawValue) \(where_($0.span, in: f))"
        }
    }

    @Test func assignmentsAndWords() {
        #expect(
            Self.commands("NODE_ENV=production pm2 start app.js -i 0") == [
                "NODE_ENV=production[NODE_ENV=production] pm2[pm2] start[start] app.js[app.js] -i[-i] 0[0]"
            ])
    }

    @Test func quotesAndEscapes() {
        #expect(
            Self.commands(#"echo 'a b' "c $HOME d" e\ f \$x"#) == [
                #"echo[echo] a b['a b'] ?["c $HOME d"] e f[e\ f] $x[\$x]"#
            ])
        // In double quotes a backslash escapes only $, `, ", \ and a line break.
        #expect(Self.commands(#"echo "a\b \" \\""#) == [#"echo[echo] a\b " \["a\b \" \\"]"#])
    }

    @Test func operatorsSplitCommands() {
        #expect(
            Self.commands("a && b || c | d & e; f\ng") == [
                "a[a]", "b[b]", "c[c]", "d[d]", "e[e]", "f[f]", "g[g]",
            ])
    }

    @Test func compoundCommandsAndReservedWords() {
        #expect(
            Self.commands("if [ -f x ]; then pm2 start a; else exit 1; fi") == [
                "[[[] -f[-f] x[x] ][]]", "pm2[pm2] start[start] a[a]", "exit[exit] 1[1]",
            ])
        #expect(Self.commands("for i in 1 2 3; do echo $i; done") == ["echo[echo] ?[$i]"])
        #expect(
            Self.commands("case $1 in\n  start|go) pm2 start app.js;;\n  *) echo usage;;\nesac\nafter") == [
                "pm2[pm2] start[start] app.js[app.js]", "echo[echo] usage[usage]", "after[after]",
            ])
        #expect(
            Self.commands("(cd /app && exec pm2-runtime start x)") == [
                "cd[cd] /app[/app]", "exec[exec] pm2-runtime[pm2-runtime] start[start] x[x]",
            ])
        #expect(Self.commands("f() { pm2 start x; }") == ["pm2[pm2] start[start] x[x]"])
    }

    @Test func substitutionsAreUnknownAndTheirCommandsCount() {
        #expect(
            Self.commands("echo $(date +%s) `whoami`") == [
                "echo[echo] ?[$(date +%s)] ?[`whoami`]", "date[date] +%s[+%s]", "whoami[whoami]",
            ])
        #expect(Self.commands("echo $((1 + 2)) ${A:-x}") == ["echo[echo] ?[$((1 + 2))] ?[${A:-x}]"])
    }

    @Test func shDashCStringsAreReadAgainWithTheirSpans() {
        #expect(
            Self.commands(#"sh -c 'pm2 start "my app.js" --name api'"#) == [
                #"sh[sh] -c[-c] pm2 start "my app.js" --name api['pm2 start "my app.js" --name api']"#,
                #"pm2[pm2] start[start] my app.js["my app.js"] --name[--name] api[api]"#,
            ])
    }

    @Test func redirectionsAndHereDocuments() {
        #expect(Self.commands("echo a >out 2>&1 <in") == ["echo[echo] a[a]"])
        #expect(Self.commands("cat <<EOF > x\nbody ; rm -rf /\nEOF\nnext") == ["cat[cat]", "next[next]"])
    }

    @Test func lineContinuationsAndCRLF() {
        #expect(Self.commands("echo one \\\n  two") == ["echo[echo] one[one] two[two]"])
        #expect(
            Self.commands("pm2 start a.js\r\npm2 save\r\n") == [
                "pm2[pm2] start[start] a.js[a.js]", "pm2[pm2] save[save]",
            ])
    }

    @Test func whatShWouldReject() {
        #expect(Self.diagnostics("echo 'open") == ["shellSyntax 1:6-1:11"])
        #expect(Self.diagnostics("echo $(date") == ["shellSyntax 1:6-1:12"])
        #expect(Self.diagnostics("pm2 start a.js") == [])
    }
}
