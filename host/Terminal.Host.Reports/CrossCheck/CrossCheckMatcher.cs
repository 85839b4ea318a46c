using Terminal.Host.Reports.Data;
using Terminal.Records.Categories;
using Terminal.Records.Identity;

namespace Terminal.Host.Reports.CrossCheck;

/// <summary>
/// Matches a department's list against the collected subjects (seed 001 §四(三)3: "重点核查并确认身份证号、住址等户籍信息以及
/// 服兵役、安置、抚恤情况等信息"). A listed person is matched by ID number; where the list has no number, or its number is
/// not among the subjects, by name and birth date — exactly, or with one safe name typo (<see cref="NameComparison"/>)
/// when the birth date and sex agree and only one subject fits. Every discrepancy becomes a <see cref="ReviewItem"/>
/// with a Chinese description: not collected, not on the list, different category, address, name, number or sex,
/// a probable typo, several candidates, death before the reference date.
/// </summary>
public static class CrossCheckMatcher
{
    /// <summary>Runs the cross-check of <paramref name="list"/> against <paramref name="subjects"/>.</summary>
    public static CrossCheckResult Match(IEnumerable<CrossCheckSubject> subjects, DepartmentList list, CrossCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(list);
        options ??= new CrossCheckOptions();
        var all = subjects.ToList();
        var byId = new Dictionary<string, CrossCheckSubject>(StringComparer.Ordinal);
        foreach (var s in all.Where(s => s.IdNumber is not null))
        {
            byId.TryAdd(s.IdNumber!, s);
        }
        var byBirth = all.Where(s => s.BirthDate is not null).ToLookup(s => s.BirthDate!.Value);
        var department = DepartmentNames.Name(list.Department);
        var matches = new List<CrossCheckMatch>();
        var items = new List<ReviewItem>();
        var matchedBy = new Dictionary<Guid, int>();

        foreach (var entry in list.Entries)
        {
            var who = $"{department}名单第{entry.Row}行的{entry.Name}" + (entry.IdNumber is { } n ? $"（身份证号码{n.Value}）" : "");
            var (subject, method) = Find(entry, byId, byBirth, options, who, items);
            if (subject is null)
            {
                continue;
            }
            if (matchedBy.TryGetValue(subject.RecordId, out var earlierRow))
            {
                items.Add(new ReviewItem(ReviewKind.Ambiguous, subject.RecordId, entry.Row,
                    $"{who}与第{earlierRow}行对应同一名采集对象{subject.Name}：请核实是否重复登记或对应有误。"));
                continue;
            }
            matchedBy[subject.RecordId] = entry.Row;
            matches.Add(new CrossCheckMatch(entry.Row, subject.RecordId, method));
            Compare(entry, subject, method, who, department, options, items);
        }
        if (options.ReportSubjectsNotOnList)
        {
            foreach (var s in all.Where(s => !matchedBy.ContainsKey(s.RecordId)))
            {
                items.Add(new ReviewItem(ReviewKind.NotOnList, s.RecordId, null,
                    $"采集对象{s.Name}" + (s.IdNumber is null ? "" : $"（身份证号码{s.IdNumber}）") + $"不在{department}名单中：请核实其{(list.Department == Department.PublicSecurity ? "户籍是否在本区" : "在该部门的登记情况")}。"));
            }
        }
        return new CrossCheckResult(list.Department, matches, items);
    }

    private static (CrossCheckSubject? Subject, MatchMethod Method) Find(DepartmentEntry entry, Dictionary<string, CrossCheckSubject> byId,
        ILookup<DateOnly, CrossCheckSubject> byBirth, CrossCheckOptions options, string who, List<ReviewItem> items)
    {
        if (entry.IdNumber is { } id && byId.TryGetValue(id.Value, out var byNumber))
        {
            return (byNumber, MatchMethod.IdNumber);
        }
        var birth = entry.BirthDate ?? entry.IdNumber?.BirthDate;
        if (birth is null)
        {
            items.Add(new ReviewItem(ReviewKind.NotCollected, null, entry.Row, $"{who}在采集记录中没有找到：请核实是否漏采。"));
            return (null, default);
        }
        var key = NameComparison.Key(entry.Name);
        var sex = entry.Sex ?? entry.IdNumber?.Sex;
        var sameBirth = byBirth[birth.Value].Where(s => sex is null || s.Sex is null || s.Sex == sex).ToList();
        var exact = sameBirth.Where(s => NameComparison.Key(s.Name) == key).ToList();
        var candidates = exact.Count > 0 || !options.TolerateNameTypos
            ? exact
            : sameBirth.Where(s => NameComparison.IsSafeTypo(NameComparison.Key(s.Name), key)).ToList();
        switch (candidates.Count)
        {
            case 1:
                return (candidates[0], exact.Count > 0 ? MatchMethod.NameAndBirthDate : MatchMethod.TolerantName);
            case 0:
                items.Add(new ReviewItem(ReviewKind.NotCollected, null, entry.Row,
                    $"{who}（出生日期{NameComparison.Date(birth.Value)}）在采集记录中没有找到：请核实是否漏采。"));
                return (null, default);
            default:
                items.Add(new ReviewItem(ReviewKind.Ambiguous, null, entry.Row,
                    $"{who}（出生日期{NameComparison.Date(birth.Value)}）可能是以下{candidates.Count}名采集对象之一：" +
                    string.Join("、", candidates.Select(c => c.Name + (c.IdNumber is null ? "" : $"（{c.IdNumber}）"))) + "。请人工核实后对应。"));
                return (null, default);
        }
    }

    private static void Compare(DepartmentEntry entry, CrossCheckSubject subject, MatchMethod method, string who, string department,
        CrossCheckOptions options, List<ReviewItem> items)
    {
        void Add(ReviewKind kind, string text) => items.Add(new ReviewItem(kind, subject.RecordId, entry.Row, $"{who}：{text}"));

        if (method == MatchMethod.IdNumber && NameComparison.Key(entry.Name) != NameComparison.Key(subject.Name))
        {
            Add(ReviewKind.DifferentName, $"身份证号码相同，但{department}登记的姓名为“{entry.Name}”，采集记录为“{subject.Name}”。请核对身份证。");
        }
        if (method == MatchMethod.TolerantName)
        {
            Add(ReviewKind.NameTypo, $"出生日期相同，姓名相差一个字：{department}为“{entry.Name}”，采集记录为“{subject.Name}”，疑似录入差错。请核对身份证后改正错误的一方。");
        }
        if (method != MatchMethod.IdNumber && entry.IdNumber is { } theirs && subject.IdNumber is { } ours && theirs.Value != ours)
        {
            Add(ReviewKind.DifferentIdNumber, $"姓名和出生日期相同，但身份证号码不同：{department}为{theirs.Value}，采集记录为{ours}。请核对身份证。");
        }
        var sex = entry.Sex ?? entry.IdNumber?.Sex;
        if (sex is { } s && subject.Sex is { } o && s != o)
        {
            Add(ReviewKind.DifferentSex, $"性别不同：{department}为“{SexName(s)}”，采集记录为“{SexName(o)}”。");
        }
        if (entry.Categories is { } listed && !listed.IsEmpty)
        {
            var missing = listed.Members().Where(c => !subject.Categories.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                Add(ReviewKind.DifferentCategory, $"{department}登记为“{string.Join("、", listed.Members().Select(CategoryNames.Name))}”，" +
                    $"采集记录为“{(subject.Categories.IsEmpty ? "未选类别" : string.Join("、", subject.Categories.Members().Select(CategoryNames.Name)))}”，" +
                    $"缺少“{string.Join("、", missing.Select(CategoryNames.Name))}”。请核对相关证件后确定对象类别。");
            }
        }
        if (entry.Address is { } theirAddress && subject.Address is { } ourAddress && !Addresses.Same(theirAddress, ourAddress))
        {
            Add(ReviewKind.DifferentAddress, $"住址不同：{department}为“{theirAddress}”，采集记录为“{ourAddress}”。请核实现住址和户籍地址。");
        }
        if (entry.DeathDate is { } death && death < options.ReferenceDate)
        {
            Add(ReviewKind.DeceasedBeforeReferenceDate, $"{department}记载其于{NameComparison.Date(death)}死亡，早于采集标准时点{NameComparison.Date(options.ReferenceDate)}：" +
                "不应作为本人采集（其遗属按遗属类别采集）。请核实后处理该记录。");
        }
    }

    private static string SexName(Sex sex) => sex switch { Sex.Male => "男", Sex.Female => "女", _ => "未知" };
}
