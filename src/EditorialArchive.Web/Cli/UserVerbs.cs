using System.Text;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.Cli;

/// <summary>
/// <c>users add|list|disable|enable|set-password</c>: account management from the server's shell, which is how
/// the first admin is made (the repository ships no account and no password).
/// </summary>
public static class UserVerbs
{
    public const string Usage = """
        users add --email EMAIL --role editor|admin [--name NAME] [--password-stdin]
        users list
        users disable --email EMAIL
        users enable --email EMAIL
        users set-password --email EMAIL [--password-stdin]
        Without --password-stdin the password is asked for twice at the terminal, without echo.
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<MigrationRunner>().ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
        var accounts = services.GetRequiredService<EditorAccounts>();
        var users = services.GetRequiredService<UserRepository>();
        var options = CliArguments.Parse(args.Skip(1), flags: ["--password-stdin"]);
        var actor = new AuditEvent(null, $"cli:{Environment.UserName}", "");

        switch (args.FirstOrDefault())
        {
            case "add":
                {
                    var email = options.Required("--email");
                    var role = options.Required("--role");
                    if ((EditorAccounts.ValidateEmail(email) ?? (EditorRoles.IsValid(role) ? null : "Role must be 'editor' or 'admin'.")) is { } error)
                    {
                        Console.Error.WriteLine(error);
                        return 1;
                    }

                    var password = ReadPassword(options.Has("--password-stdin"));
                    var result = await accounts.CreateAsync(email, options.Optional("--name"), role, password, actor, cancellationToken);
                    return Report(result, $"Added {email} as {role}.");
                }

            case "list":
                foreach (var user in await users.ListAllAsync(cancellationToken))
                {
                    Console.WriteLine($"{user.Email,-40} {user.Role,-7} {(user.IsDisabled ? "disabled" : "enabled"),-8} {user.DisplayName}");
                }

                return 0;

            case "disable" or "enable":
                {
                    var account = await FindAsync(users, options.Required("--email"), cancellationToken);
                    var disable = args[0] == "disable";
                    return Report(await accounts.SetDisabledAsync(account.Id, disable, actor, cancellationToken), $"{account.Email} {args[0]}d.");
                }

            case "set-password":
                {
                    var account = await FindAsync(users, options.Required("--email"), cancellationToken);
                    var password = ReadPassword(options.Has("--password-stdin"));
                    return Report(await accounts.SetPasswordAsync(account.Id, password, actor, cancellationToken), $"New password set for {account.Email}.");
                }

            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static async Task<EditorAccount> FindAsync(UserRepository users, string email, CancellationToken cancellationToken) =>
        await users.GetByEmailAsync(email, cancellationToken) ?? throw new ArgumentException($"There is no account for {email}.");

    private static int Report(AccountResult result, string success)
    {
        if (result.Succeeded)
        {
            Console.WriteLine(success);
            return 0;
        }

        Console.Error.WriteLine(result.Error);
        return 1;
    }

    private static string ReadPassword(bool fromStdin)
    {
        if (fromStdin)
        {
            return Console.In.ReadLine() ?? throw new ArgumentException("--password-stdin was given but standard input was empty.");
        }

        if (Console.IsInputRedirected)
        {
            throw new ArgumentException("There is no terminal to ask for a password: pass it on standard input with --password-stdin.");
        }

        var first = Prompt("Password: ");
        var second = Prompt("Repeat password: ");
        return first == second ? first : throw new ArgumentException("The two passwords differ; nothing was changed.");
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
