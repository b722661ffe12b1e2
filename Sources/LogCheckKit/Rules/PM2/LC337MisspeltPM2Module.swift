import LogCheckSyntax

public enum LC337MisspeltPM2Module: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC337", slug: "misspelt-pm2-module", family: .pm2, severity: .error,
        summary: "`pm2 install` of a name one typo away from a PM2 module (`ppm2-intercom`).",
        rationale: """
            `pm2 install <name>` installs the npm package of that name as a PM2 module (it runs npm in \
            PM2's modules folder). A misspelt name is not the module: the install fails (in a Dockerfile or a \
            setup script, usually with the build still going on, or stopped), or it installs whatever package \
            someone published under that name. Either way the module the line was written for is not there: \
            without pm2-intercom, log4js in pm2 mode loses the lines of every instance but 0 (LC103), and without \
            pm2-logrotate PM2's log files grow without bound. The name `ppm2-intercom` was seen in a real \
            Dockerfile.
            """,
        examples: [
            .bad(
                "Dockerfile",
                "FROM node:20\nRUN npm install -g pm2 && pm2 install «ppm2-intercom»\nCMD [\"pm2-runtime\", \"ecosystem.config.js\"]\n",
                "`pm2 install ppm2-intercom` installs the npm package \"ppm2-intercom\", not the PM2 module pm2-intercom: the install fails or brings someone else's package, and pm2-intercom is not there"
            ),
            .good(
                "Dockerfile",
                "FROM node:20\nRUN npm install -g pm2 && pm2 install pm2-intercom\nCMD [\"pm2-runtime\", \"ecosystem.config.js\"]\n"
            ),
        ])

    /// The modules PM2's own organisation publishes (pm2.io documentation, "PM2 modules").
    static let modules = Suggest.Index(["pm2-intercom", "pm2-logrotate", "pm2-server-monit", "pm2-auto-pull"])

    public static func check(_ context: inout EcosystemContext) {
        guard let sites = context.document.launch else { return }
        for install in sites.installs {
            guard let name = install.module.value, !name.hasPrefix("@"), !name.contains("/"),
                let intended = modules.closest(name, maxDistance: 2), intended != name
            else { continue }
            context.report(
                description,
                "`pm2 install \(name)` installs the npm package \"\(name)\", not the PM2 module \(intended): the install fails or brings someone else's package, and \(intended) is not there",
                at: Location(context.document.source, install.module.span),
                help: "write `pm2 install \(intended)`")
        }
    }
}
