import LogCheckSyntax

public enum LC012LaunchFileSyntax: InputRule {
    public static let codes: [SyntaxCode] = [
        .shellSyntax, .dockerfileSyntax, .procfileSyntax, .systemdSyntax, .composeCommand, .launchShape,
    ]
    public static let description = RuleDescription(
        id: "LC012", slug: "launch-file-syntax", family: .input, severity: .error,
        summary:
            "A file that starts PM2 (a shell script, Dockerfile, compose file, Procfile, systemd unit or package.json scripts) that its own tool rejects or reads otherwise than it looks.",
        rationale: """
            logcheck reads the PM2 command lines of launch files as the tool that runs them does: sh for shell \
            scripts, package.json scripts and Procfile lines, Docker for a Dockerfile, Compose for a compose file \
            (which splits a string command into words without a shell), systemd for a unit. Where that tool \
            rejects the file (an unknown Dockerfile instruction, an unterminated quote compose cannot split) \
            nothing starts, an error; where it reads the text otherwise than it looks (compose stops a string \
            command at an unquoted `&&` and drops the rest, a here-document that the text ends inside) the \
            command that runs is not the one written, a warning. The command lines logcheck could not read are \
            not checked.
            """,
        examples: [
            .bad(
                "docker-compose.yml",
                "services:\n  web:\n    command: npm run build «&& pm2-runtime server.js -i 2»\n",
                "compose runs no shell: it splits service \"web\" command into words and stops at the unquoted '&', so everything from here on is dropped",
                severity: .warning
            ),
            .good(
                "docker-compose.yml",
                "services:\n  web:\n    command: [\"sh\", \"-c\", \"npm run build && pm2-runtime server.js -i 2\"]\n"),
        ])
}
