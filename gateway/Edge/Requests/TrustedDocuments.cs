using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Hosting;

namespace Edge.Requests;

/// <summary>
/// Trusted-documents-only mode (<c>TRUSTED_DOCUMENTS=1</c>): only the operations of schema/operations/ run,
/// by id, so arbitrary (expensive or probing) queries stop at the edge. A document's id is the SHA-256 hex
/// of its text normalized as gateway/lib/trusted-documents.mjs does (LF line endings, one final newline);
/// <c>TRUSTED_DOCUMENTS_MANIFEST=file</c> serves a manifest written by `node gateway/operations.mjs manifest`.
/// </summary>
public sealed class TrustedDocuments
{
    private readonly Dictionary<string, string> _documents;

    public TrustedDocuments(IConfiguration configuration)
    {
        Enabled = configuration["TRUSTED_DOCUMENTS"] == "1";
        _documents = Enabled ? Load(configuration["TRUSTED_DOCUMENTS_MANIFEST"]) : [];
    }

    public bool Enabled { get; }

    public string? Find(string id) => _documents.GetValueOrDefault(id);

    /// <summary>LF line endings, no trailing white space, exactly one final newline.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd() + "\n";

    public static string IdOf(string normalized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));

    private static Dictionary<string, string> Load(string? manifest)
    {
        if (!string.IsNullOrWhiteSpace(manifest))
        {
            try
            {
                return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))
                    ?? throw new InvalidOperationException($"TRUSTED_DOCUMENTS_MANIFEST={manifest} is empty.");
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"TRUSTED_DOCUMENTS_MANIFEST={manifest}: expected {{\"<sha256 hex>\": \"<document text>\"}} ({ex.Message})", ex);
            }
        }

        var directory = GatewayDirectory.Resolve("../schema/operations");
        var documents = Directory.EnumerateFiles(directory, "*.graphql")
            .Select(file => Normalize(File.ReadAllText(file)))
            .ToDictionary(IdOf, text => text);
        return documents.Count > 0 ? documents : throw new InvalidOperationException($"TRUSTED_DOCUMENTS=1 but {directory} holds no *.graphql");
    }
}
