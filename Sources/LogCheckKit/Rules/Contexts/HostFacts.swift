/// What no ecosystem file or config shows but a rule needs: facts about the hosts the apps run
/// on, which the user states in `.logcheck.yml` (Settings) or a launch file shows (the Link
/// stage's `LaunchFacts`).
public struct HostFacts: Sendable {
    /// `pm2-intercom: installed`: the PM2 module that relays log4js events between instances.
    public var pm2IntercomInstalled = false
    /// Where a launch file installs pm2-intercom (`pm2 install pm2-intercom` in the Dockerfile
    /// or script that starts the apps); nil when only the settings say so.
    public var pm2IntercomInstalledBy: Location? = nil
    /// `pm2-home`: where PM2 keeps its logs (default ~/.pm2).
    public var pm2Home: String? = nil

    public init() {}
}
