namespace Terminal.Host.Storage.Model;

/// <summary>How much the district database holds: for the office's status page.</summary>
/// <param name="CollectionPoints">Collection points set up.</param>
/// <param name="Terminals">Terminals registered (provisioned for this district).</param>
/// <param name="Records">Distinct records received, but for those merged into another (a person collected twice counts once).</param>
/// <param name="RecordVersions">Record versions received (a corrected record counts once per version).</param>
public sealed record DistrictCounts(long CollectionPoints, long Terminals, long Records, long RecordVersions);
