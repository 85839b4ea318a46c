using System.CommandLine;
using Terminal.Host.Roster;
using Terminal.Host.Service;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Cli;

/// <summary>`roster import`: the district's initial data, for expected counts per street and point and the list of people not yet seen.</summary>
internal static class RosterCommand
{
    public static Command Build()
    {
        var file = new Option<string>("--file") { Description = "初始数据 CSV（与配置终端所用的格式相同，须有 personal.street 列）", Required = true };
        var settings = HostSettings.Option();
        var import = new Command("import", "导入初始数据（替换已导入的），据此计算各街道、采集点应采人数") { file, settings };
        import.SetAction((parse, token) => UserCommand.GuardedAsync(parse, async () =>
        {
            var loaded = HostSettings.Load(parse.GetValue(settings));
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new HostStartupException($"文件不存在：{Path.GetFullPath(path)}");
            }
            var (entries, problems) = RosterImport.Read(path, loaded.District.Code, DateOnly.FromDateTime(DateTime.Today));
            if (problems.Count > 0)
            {
                throw new HostStartupException("初始数据有误，未导入任何内容：\n" + string.Join('\n', problems));
            }
            var store = await loaded.OpenStoreAsync(token).ConfigureAwait(false);
            await DistrictStartup.SeedCollectionPointsAsync(store, loaded.District.Code, token).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            await store.ImportRosterAsync(entries, now, token).ConfigureAwait(false);
            await store.AppendAuditAsync(new OfficeAuditEntry(now, UserCommand.CommandLineActor, "导入初始数据", "roster", $"{entries.Count} 人，文件 {Path.GetFileName(path)}"), token).ConfigureAwait(false);
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"已导入初始数据 {entries.Count} 人：");
            foreach (var point in await store.CollectionPointsAsync(token).ConfigureAwait(false))
            {
                o.WriteLine($"  {point.Code} {point.Name}：应采 {point.ExpectedCount} 人");
            }
        }));
        return new Command("roster", "初始数据（应采人员名单）") { import };
    }
}
