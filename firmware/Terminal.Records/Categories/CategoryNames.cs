namespace Terminal.Records.Categories;

/// <summary>The Chinese names of the twelve categories, as the form prints them.</summary>
public static class CategoryNames
{
    private static readonly string[] Names =
    [
        "",
        "军队转业干部",
        "退役士兵",
        "军队离退休干部和退休士官",
        "军队无军籍离退休退职职工",
        "复员军人",
        "退伍红军老战士",
        "残疾军人",
        "伤残民兵民工",
        "烈士遗属",
        "因公牺牲军人遗属",
        "病故军人遗属",
        "现役军人家属",
    ];

    /// <summary>"残疾军人" for <see cref="Category.DisabledServiceman"/>.</summary>
    public static string Name(Category category) => Names[CategorySet.CheckedNumber(category)];

    /// <summary>"（7）残疾军人": the number in full-width brackets and the name, as the seed writes them.</summary>
    public static string Label(Category category) => $"（{(int)category}）{Name(category)}";
}
