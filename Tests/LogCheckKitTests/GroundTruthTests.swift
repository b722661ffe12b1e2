import LogCheckKit
import LogCheckSyntax
import Testing

/// The measured ground truth (docs/evidence/measured.md, log4js 6.9.1 under a simulated PM2) as
/// scenarios: mode × instances × instance_var × pm2 × pm2InstanceVar × disableClustering × appender
/// × pm2-intercom. Every scenario that loses 100% of lines must get an error, every one that loses
/// some must get at least a warning, and every one that loses nothing must get no error.
@Suite struct GroundTruthTests {
    enum Mode: String, CaseIterable { case fork, cluster, implicitCluster }
    enum Loss { case none, some, all }

    struct Scenario: CustomStringConvertible {
        var mode: Mode
        var instances: Int
        var instanceVar: String?
        var pm2: String?
        var pm2InstanceVar: String?
        var disableClustering: Bool
        var appender: String
        var intercom: Bool

        var description: String {
            "\(mode) ×\(instances) instance_var=\(instanceVar ?? "default") pm2=\(pm2 ?? "absent") pm2InstanceVar=\(pm2InstanceVar ?? "absent") disableClustering=\(disableClustering) \(appender) intercom=\(intercom)"
        }

        var ecosystem: String {
            var app = "name: 'api', script: 'server.js', instances: \(instances)"
            if mode == .fork { app += ", exec_mode: 'fork'" }
            if mode == .cluster { app += ", exec_mode: 'cluster'" }
            if let v = instanceVar { app += ", instance_var: '\(v)'" }
            return "module.exports = { apps: [{ \(app) }] };\n"
        }

        var log4js: String {
            let appenders: String
            switch appender {
            case "stdout": appenders = #"{"type": "stdout"}"#
            case "file": appenders = #"{"type": "file", "filename": "logs/api.log"}"#
            case "file+rotation":
                appenders = #"{"type": "file", "filename": "logs/api.log", "maxLogSize": 4096, "backups": 1000}"#
            default:
                appenders =
                    #"{"type": "dateFile", "filename": "logs/api.log", "pattern": "yyyy-MM-dd-hh-mm-ss", "numBackups": 1000}"#
            }
            var text =
                "{\n  \"appenders\": {\"a\": \(appenders)},\n  \"categories\": {\"default\": {\"appenders\": [\"a\"], \"level\": \"info\"}}"
            if let p = pm2 { text += ",\n  \"pm2\": \(p)" }
            if let v = pm2InstanceVar { text += ",\n  \"pm2InstanceVar\": \(v == "null" ? "null" : "\"\(v)\"")" }
            if disableClustering { text += ",\n  \"disableClustering\": true" }
            return text + "\n}\n"
        }

        /// measured.md rules 1-7.
        var loss: Loss {
            let cluster = mode != .fork
            let pm2On = pm2 != nil && pm2 != "false"
            let appVar = instanceVar ?? "NODE_APP_INSTANCE"
            let logVar = pm2InstanceVar ?? "NODE_APP_INSTANCE"
            let rotation = appender == "file+rotation" || appender == "dateFile"
            if cluster && !disableClustering {
                if !(pm2On && appVar == logVar) { return .all }  // rule 3
                if instances > 1 && !intercom { return .some }  // rule 4
                return .none  // rule 5
            }
            // Fork, or cluster with disableClustering: every process writes itself (rules 1, 2, 6).
            return instances > 1 && rotation ? .some : .none
        }
    }

    static let scenarios: [Scenario] = {
        var list: [Scenario] = []
        for mode in Mode.allCases {
            for instances in [1, 2, 4] {
                for instanceVar in [nil, "INSTANCE_ID"] as [String?] {
                    for pm2 in [nil, "true", "false", "\"false\""] as [String?] {
                        for pm2InstanceVar in [nil, "NODE_APP_INSTANCE", "INSTANCE_ID", "null"] as [String?] {
                            for disable in [false, true] {
                                for appender in ["stdout", "file", "file+rotation", "dateFile"] {
                                    for intercom in [false, true] {
                                        list.append(
                                            Scenario(
                                                mode: mode, instances: instances, instanceVar: instanceVar, pm2: pm2,
                                                pm2InstanceVar: pm2InstanceVar, disableClustering: disable,
                                                appender: appender, intercom: intercom))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return list
    }()

    @Test func everyMeasuredScenario() {
        var failures: [String] = []
        var counts: [String: Int] = [:]
        for s in Self.scenarios {
            let findings = check(
                [
                    SourceFile(path: "ecosystem.config.js", text: s.ecosystem),
                    SourceFile(path: "log4js.json", text: s.log4js),
                ],
                settings: s.intercom ? "pm2-intercom: installed" : nil
            ).filter { $0.rule.family == .deployment }
            let worst = findings.map(\.severity).max()
            let loss = s.loss
            counts["\(loss)", default: 0] += 1
            switch loss {
            case .all where worst != .error:
                failures.append("100% lost but no error: \(s)")
            case .some where worst == nil || worst! < .warning:
                failures.append("some lost but no warning: \(s)")
            case .none where worst == .error:
                failures.append(
                    "nothing lost but an error (\(findings.filter { $0.severity == .error }.map(\.rule.id))): \(s)")
            default:
                break
            }
        }
        #expect(Self.scenarios.count == 4608)
        #expect(counts["all", default: 0] > 0 && counts["some", default: 0] > 0 && counts["none", default: 0] > 0)
        let sample = failures.prefix(10).joined(separator: "\n")
        #expect(failures.isEmpty, "\(failures.count) scenarios disagree with the measurements, for example:\n\(sample)")
    }
}
