/// What no file shows but a rule needs: facts about the hosts the apps run on, which the user
/// states in `.logcheck.yml` (Settings).
public struct HostFacts: Sendable {
    /// `pm2-intercom: installed`: the PM2 module that relays log4js events between instances.
    public var pm2IntercomInstalled = false
    /// `pm2-home`: where PM2 keeps its logs (default ~/.pm2).
    public var pm2Home: String? = nil

    public init() {}
}
