namespace EditorialArchive.Tests.Infrastructure;

/// <summary>
/// The app with a hand-moved clock for desk tests: each test signs in its own editors, so the sign-in rate limit
/// is raised, and the scheduled publisher's own loop is slowed to a day so that tests moving the clock by hours
/// decide when scheduled pieces are published.
/// </summary>
public class DeskAppFactory : FakeClockAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Accounts:SignInAttemptsPerMinute", "1000"),
        new("Desk:PublishCheckInterval", PublishCheckInterval),
    ];

    protected virtual string PublishCheckInterval => "1.00:00:00";
}
