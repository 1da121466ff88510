using System.Text.Json;
using Edge.Hosting;

namespace Edge.Requests;

/// <summary>
/// The trusted documents, by id: the persisted-documents manifest that GraphQL Code Generator writes for the
/// typed client from schema/operations/ (<c>{"sha256:&lt;hex&gt;": "&lt;document&gt;"}</c>), so the ids the
/// client sends and the ids the edge accepts come from one file. A request that names a known id runs its
/// document in every mode; with <c>TRUSTED_DOCUMENTS=1</c> nothing else runs, so arbitrary (expensive or
/// probing) queries stop at the edge. <c>TRUSTED_DOCUMENTS_MANIFEST=file</c> serves another manifest of the
/// same form.
/// </summary>
public sealed class TrustedDocuments
{
    /// <summary>The generated client's manifest, relative to gateway/.</summary>
    public const string DefaultManifest = "../clients/typescript/src/generated/persisted-documents.json";

    private const string IdPrefix = "sha256:";

    private readonly Dictionary<string, string> _documents;

    public TrustedDocuments(IConfiguration configuration)
    {
        Enabled = configuration["TRUSTED_DOCUMENTS"] == "1";
        var manifest = configuration["TRUSTED_DOCUMENTS_MANIFEST"];
        _documents = Load(GatewayDirectory.Resolve(string.IsNullOrWhiteSpace(manifest) ? DefaultManifest : manifest));
    }

    /// <summary>Trusted-documents-only mode: a request must name a document of the manifest.</summary>
    public bool Enabled { get; }

    /// <summary>The document of an id, given as hex or as "sha256:hex".</summary>
    public string? Find(string id) => _documents.GetValueOrDefault(Bare(id));

    private static string Bare(string id) => id.StartsWith(IdPrefix, StringComparison.Ordinal) ? id[IdPrefix.Length..] : id;

    private static Dictionary<string, string> Load(string manifest)
    {
        Dictionary<string, string>? documents;
        try
        {
            documents = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidOperationException(
                $"The trusted documents' manifest {manifest} cannot be read: expected {{\"sha256:<hex>\": \"<document>\"}}, as `npm run codegen` in clients/ writes it ({ex.Message})", ex);
        }

        return documents is { Count: > 0 }
            ? documents.ToDictionary(entry => Bare(entry.Key), entry => entry.Value, StringComparer.Ordinal)
            : throw new InvalidOperationException($"The trusted documents' manifest {manifest} holds no document.");
    }
}
