import LogCheckSyntax

/// Every rule logcheck has, in id order.
public enum RuleRegistry {
    public static let inputRules: [any InputRule.Type] = [
        LC001InvalidEncoding.self, LC002YAMLSyntax.self, LC003JSONSyntax.self, LC004JavaScriptSyntax.self,
        LC005DuplicateKey.self, LC006MultipleDocuments.self, LC007NestingTooDeep.self, LC008AliasBomb.self,
        LC009FileTooLarge.self, LC010EmptyFile.self, LC012LaunchFileSyntax.self,
    ]

    public static let otherRules: [any Rule.Type] = [
        LC011UnrecognisedFile.self, LC401UnknownSetting.self, LC402InvalidSetting.self, LC403UnusedSuppression.self,
        LC404UnknownSuppression.self,
    ]

    public static let deploymentRules: [any DeploymentRule.Type] = [
        LC101ClusterLogsDropped.self, LC102InstanceVarMismatch.self, LC103NeedsPM2Intercom.self,
        LC104SharedRotatingFile.self, LC105InstanceVarSetInEnv.self, LC107LogServerPortCollision.self,
        LC110LogFileInWatchedTree.self,
    ]

    public static let deploymentSetRules: [any DeploymentSetRule.Type] = [
        LC106IntercomMixesApps.self
    ]

    public static let clusteredAppRules: [any ClusteredAppRule.Type] = [
        LC111SelfClusterLogsDropped.self
    ]

    public static let log4jsRules: [any Log4jsRule.Type] = [
        LC108PM2InstanceVarIgnored.self, LC109PM2FlagIgnored.self,
        LC201ConfigNotAnObject.self, LC202InvalidAppenders.self, LC203AppenderWithoutType.self,
        LC204UnknownAppenderType.self, LC205ExternalAppenderType.self, LC206InvalidCategories.self,
        LC207InvalidCategory.self, LC208UndefinedAppender.self, LC209UnknownLevel.self,
        LC210EnableCallStackNotBoolean.self, LC211InvalidCustomLevel.self, LC212CustomLevelNameCollision.self,
        LC213CustomLevelOverridesBuiltIn.self, LC214CustomLevelsShareValue.self, LC215InvalidMaxLogSize.self,
        LC216MaxLogSizeIgnored.self, LC217InvalidFilename.self, LC218InvalidBackups.self, LC219BackupsAsString.self,
        LC220DateFileBackupsIgnored.self, LC221DatePattern.self, LC222MultiprocessMasterAppender.self,
        LC223MultiprocessMode.self, LC224InvalidPort.self, LC225TCPServerInCategory.self,
        LC226FilterAppenderUndefined.self, LC227LogLevelFilterLevel.self, LC228LogLevelFilterDropsMark.self,
        LC229NoLogFilterExclude.self, LC230CategoryFilterExclude.self, LC231AppenderDependencyLoop.self,
        LC232InvalidLayout.self, LC233PatternNeedsCallStack.self, LC234PatternTokens.self,
        LC235TimezoneOffsetIgnored.self, LC236UnusedAppender.self, LC237ClusteringFlagNotBoolean.self,
        LC238SharedLogFile.self, LC239DuplicateAppenderInCategory.self, LC240Log4jsV1Config.self,
        LC241UnknownKey.self, LC242CategoryNameDots.self, LC243FileSyncOptionIgnored.self,
        LC244MultiFileIncomplete.self, LC245InvalidFileOpenOption.self, LC246InvalidDatePattern.self,
    ]

    public static let ecosystemRules: [any EcosystemRule.Type] = [
        LC301ConfigNameNotRecognised.self, LC302ESMConfig.self, LC303NoApps.self, LC304UnknownAppKey.self,
        LC305InvalidAppValue.self, LC306FalsyValueDropped.self, LC307InstancesString.self,
        LC308ImplicitClusterMode.self, LC309ClusterNonNodeInterpreter.self, LC310AliasConflict.self,
        LC311TimeOverridesDateFormat.self, LC312InstanceVarInEnv.self, LC313ClusterCommandScript.self,
        LC314SharedLogPath.self, LC315LogFileAlongsideOutErr.self, LC316WaitReadyAndTimeouts.self,
        LC317EnvFileKey.self, LC318DeploySection.self, LC319RuntimeValue.self, LC320NonStrictJSON.self,
        LC321LegacyPM2Key.self, LC322MissingScript.self, LC323EnvValueType.self, LC324NumberAsString.self,
        LC325MemoryLimitInBytes.self, LC326InvalidCron.self, LC327OptionWithoutEffect.self,
        LC328UidGidNeedsRoot.self, LC329InspectInCluster.self, LC330MergeLogsMisunderstood.self,
        LC331WatchRestartLoop.self, LC332ClusterLogDateFormat.self, LC333ListenTimeoutUnused.self,
        LC334DuplicateAppName.self, LC335UnknownCLIOption.self, LC336CLIOptionIgnored.self,
        LC337MisspeltPM2Module.self, LC338CLIOptionWithoutValue.self,
    ]

    /// The rules over a launch file's command line and the ecosystem file it starts. LC331 is an
    /// ecosystem rule too (it reads the apps' own `watch` there).
    public static let ecosystemStartRules: [any EcosystemStartRule.Type] = [
        LC331WatchRestartLoop.self, LC339CLIEnvironmentUndefined.self, LC340CLIOnlyMatchesNoApp.self,
    ]

    /// The log4js rules that know the format of log4js before 2.0 (`appenders` as a list): the
    /// only ones run on a config whose project declares such a version. Each is in `log4jsRules`.
    public static let log4jsRulesBefore2: [any Log4jsRule.Type] = [LC202InvalidAppenders.self]

    public static let all: [RuleDescription] = {
        var list = inputRules.map { $0.description } + otherRules.map { $0.description }
        list += log4jsRules.map { $0.description }
        list += ecosystemRules.map { $0.description }
        list += deploymentRules.map { $0.description } + deploymentSetRules.map { $0.description }
        list += clusteredAppRules.map { $0.description }
        let listed = Set(list.map(\.id))
        list += ecosystemStartRules.map { $0.description }.filter { !listed.contains($0.id) }
        list.sort { $0.id < $1.id }
        return list
    }()

    static let byCode: [SyntaxCode: any InputRule.Type] = {
        var map: [SyntaxCode: any InputRule.Type] = [:]
        for rule in inputRules { for code in rule.codes { map[code] = rule } }
        return map
    }()

    public static func description(for code: SyntaxCode) -> RuleDescription {
        byCode[code]!.description
    }

    /// The input rule that reports a reader's finding.
    public static func inputRule(for code: SyntaxCode) -> any InputRule.Type { byCode[code]! }

    /// Looks a rule up by id (`LC102`) or slug (`instance-var-mismatch`), case-insensitively.
    public static func find(_ name: String) -> RuleDescription? {
        let key = name.lowercased()
        return all.first { $0.id.lowercased() == key || $0.slug == key }
    }
}
