namespace EditorialArchive.Web.Localization;

/// <summary>Marker for the UI strings in Resources/Localization.SharedResource*.resx.</summary>
public sealed class SharedResource;
