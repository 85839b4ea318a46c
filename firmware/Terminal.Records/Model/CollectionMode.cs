namespace Terminal.Records.Model;

/// <summary>How the subject was met (seed 000 §六(二): "以现场采集、入户采集与对象自主申报相结合的方式").</summary>
public enum CollectionMode
{
    /// <summary>现场采集: at a collection point.</summary>
    OnSite = 1,
    /// <summary>入户采集: a home visit for someone who cannot come.</summary>
    HomeVisit = 2,
    /// <summary>自主申报: the subject came forward and declared.</summary>
    SelfDeclared = 3,
}
