using Terminal.Records.Categories;

namespace Terminal.Host.Reports.Data;

/// <summary>One household that is to receive an honour plaque (光荣牌): its street, address and the subjects living
/// there with their categories and a contact phone.</summary>
public sealed record HonourPlaqueHousehold(string StreetCode, string Address, IReadOnlyList<HonourPlaqueMember> Members);
