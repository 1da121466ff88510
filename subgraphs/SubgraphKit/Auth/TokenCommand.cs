using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SubgraphKit.Auth;

/// <summary>
/// <c>token [--scope "graph:write"] [--minutes 60]</c>: prints a bearer token signed with the configured
/// Auth:SigningKey, for development and tests (like <c>dotnet user-jwts create</c>, which is not available here).
/// </summary>
public sealed class TokenCommand
{
    private TokenCommand(string scope, int minutes) => (Scope, Minutes) = (scope, minutes);

    public string Scope { get; }

    public int Minutes { get; }

    public static bool TryParse(string[] args, out TokenCommand command)
    {
        command = new TokenCommand(WriteAccessOptions.WriteScope, 60);
        if (args.Length < 1 || args[0] != "token")
        {
            return false;
        }

        var scope = Option(args, "--scope") ?? WriteAccessOptions.WriteScope;
        var minutes = int.Parse(Option(args, "--minutes") ?? "60", CultureInfo.InvariantCulture);
        command = new TokenCommand(scope, minutes);
        return true;
    }

    public int Run(IConfiguration configuration)
    {
        var options = configuration.GetSection(WriteAccessOptions.Section).Get<WriteAccessOptions>() ?? new WriteAccessOptions();
        if (WriteAccess.SigningKey(options) is not { } key)
        {
            Console.Error.WriteLine("No Auth:SigningKey is configured (set Auth__SigningKey); ./run.sh keeps one in .data/signing-key.");
            return 1;
        }

        Console.WriteLine(Create(key, Scope, DateTime.UtcNow.AddMinutes(Minutes)));
        return 0;
    }

    /// <summary>A signed token for <paramref name="scope"/> that expires at <paramref name="expires"/>.</summary>
    public static string Create(SecurityKey key, string scope, DateTime expires)
    {
        // Issued before it expires, even for the already-expired tokens tests make.
        var issued = expires.AddMinutes(-5) < DateTime.UtcNow ? expires.AddMinutes(-5) : DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = WriteAccessOptions.Issuer,
            Audience = WriteAccessOptions.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "curator"), new Claim("scope", scope)]),
            NotBefore = issued,
            IssuedAt = issued,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
