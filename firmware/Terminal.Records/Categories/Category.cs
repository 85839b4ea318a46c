namespace Terminal.Records.Categories;

/// <summary>
/// The twelve subject categories (对象类别), numbered as the collection form lists them in seed 001 §三(二)1:
/// "(1)军队转业干部 (2)退役士兵 (3)军队离退休干部和退休士官 (4)军队无军籍离退休退职职工 (5)复员军人
/// (6)退伍红军老战士 (7)残疾军人 (8)伤残民兵民工 (9)烈士遗属 (10)因公牺牲军人遗属 (11)病故军人遗属 (12)现役军人家属".
/// Seed 001 §二 defines (五) as 退伍红军老战士 and (六) as 复员军人; the form's list (§三) is the one the
/// multi-select rules number, so it is the one used here (public copies of the national form agree: codes.md §4).
/// </summary>
public enum Category
{
    /// <summary>(1) 军队转业干部</summary>
    TransferredOfficer = 1,
    /// <summary>(2) 退役士兵</summary>
    DischargedSoldier = 2,
    /// <summary>(3) 军队离退休干部和退休士官</summary>
    RetiredCadreOrSergeant = 3,
    /// <summary>(4) 军队无军籍离退休退职职工</summary>
    NonMilitaryRetiredStaff = 4,
    /// <summary>(5) 复员军人</summary>
    DemobilizedServiceman = 5,
    /// <summary>(6) 退伍红军老战士（含西路军红军老战士和红军失散人员）</summary>
    RedArmyVeteran = 6,
    /// <summary>(7) 残疾军人</summary>
    DisabledServiceman = 7,
    /// <summary>(8) 伤残民兵民工</summary>
    DisabledMilitiaman = 8,
    /// <summary>(9) 烈士遗属</summary>
    MartyrSurvivor = 9,
    /// <summary>(10) 因公牺牲军人遗属</summary>
    DutyDeathSurvivor = 10,
    /// <summary>(11) 病故军人遗属</summary>
    IllnessDeathSurvivor = 11,
    /// <summary>(12) 现役军人家属</summary>
    ActiveServiceFamily = 12,
}
