using System.Security.Claims;
using GraphQL;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace SubgraphKit.Auth;

/// <summary>
/// Bearer tokens for writes: JwtBearer validates the token when one is sent; anonymous requests stay
/// anonymous and may read everything. A curation mutation calls <see cref="RequireWriteScope"/> before
/// it touches the database, so a refused write changes nothing.
/// </summary>
public static class WriteAccess
{
    private const string FailureKey = "SubgraphKit.Auth.Failure";

    public static WebApplicationBuilder AddWriteAccess(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WriteAccessOptions.Section).Get<WriteAccessOptions>() ?? new WriteAccessOptions();
        var key = SigningKey(options);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = WriteAccessOptions.Issuer,
                ValidAudience = WriteAccessOptions.Audience,
                // No key configured: no token can validate, so every write is refused.
                IssuerSigningKey = key ?? new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            // Remembered so a refused write can say why its token did not count.
            jwt.Events = new JwtBearerEvents
            {
                OnAuthenticationFailed = context =>
                {
                    context.HttpContext.Items[FailureKey] = context.Exception is SecurityTokenExpiredException
                        ? "The bearer token has expired."
                        : "The bearer token is not valid here (signature, issuer or audience).";
                    return Task.CompletedTask;
                },
            };
        });
        return builder;
    }

    /// <summary>The configured signing key, or null when none is set.</summary>
    public static SymmetricSecurityKey? SigningKey(WriteAccessOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return null;
        }

        var bytes = Convert.FromBase64String(options.SigningKey);
        return bytes.Length >= 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes, base64-encoded.");
    }

    /// <summary>
    /// Throws a GraphQL error unless the request carries a valid token with the write scope:
    /// <c>AUTH_NOT_AUTHENTICATED</c> without one (or with an expired or foreign one), and
    /// <c>AUTH_NOT_AUTHORIZED</c> when its scopes lack <see cref="WriteAccessOptions.WriteScope"/>.
    /// The codes are HotChocolate's.
    /// </summary>
    public static void RequireWriteScope(this IResolveFieldContext context)
    {
        var user = context.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            var http = context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext;
            var reason = http?.Items[FailureKey] as string ?? "Writes need a bearer token.";
            throw new ExecutionError($"{reason} Send 'Authorization: Bearer <token>' with the '{WriteAccessOptions.WriteScope}' scope.") { Code = "AUTH_NOT_AUTHENTICATED" };
        }

        if (!HasScope(user, WriteAccessOptions.WriteScope))
        {
            throw new ExecutionError($"The bearer token lacks the '{WriteAccessOptions.WriteScope}' scope that writes need.") { Code = "AUTH_NOT_AUTHORIZED" };
        }
    }

    // OAuth 2.0 puts scopes in one space-separated "scope" claim (RFC 8693 §4.2); some issuers send one claim per scope.
    private static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll("scope").Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
