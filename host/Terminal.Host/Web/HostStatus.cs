using Terminal.Host.Storage.Model;

namespace Terminal.Host.Web;

/// <summary>What the status page and /api/status show (nothing personal: counts, codes and the public key's id).</summary>
internal sealed record HostStatus(string DistrictCode, string DistrictName, string DatabaseKind, string KeySuite, string KeyId, DistrictCounts Counts, string ProgramVersion);
