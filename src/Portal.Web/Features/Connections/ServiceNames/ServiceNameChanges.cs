namespace Portal.Web.Features.Connections.ServiceNames;

/// <summary>What we changed while normalising the input; the UI shows <see cref="ServiceNameParseResult.Note"/> for it.</summary>
[Flags]
public enum ServiceNameChanges
{
    None = 0,
    Trimmed = 1,
    Lowercased = 2,
}
