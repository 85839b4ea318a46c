using System.Text;
using Terminal.Storage.Store;
using Terminal.Storage.Tests.Support;

namespace Terminal.Storage.Tests.Store;

/// <summary>
/// A stolen terminal: after sample subjects are collected (roster loaded, ID cards read, drafts, photos, finalized
/// records, an exported audit log), no file under the store folder holds any of their names or ID numbers (in UTF-8,
/// UTF-16LE or GB18030) or any run of their photos' bytes.
/// </summary>
[TestClass]
public sealed class TerminalStoreStolenDeviceTests
{
    private static readonly (string Name, string IdNumber)[] Subjects =
    [
        ("张建国", "650105196503120137"),
        ("阿依古丽·买买提", "65010519720202002X"),
        ("欧阳秀英", "650105195811300026"),
        ("李明", "650105197001010017"),
    ];

    [TestMethod]
    public void StoreFolder_AfterCollecting_HoldsNoNameIdNumberOrPhotoBytes()
    {
        using var f = new StoreFixture();
        f.Store.LoadInitialData(Subjects.Select(s => new InitialDataEntry(s.IdNumber, s.Name, new Dictionary<string, string> { ["identity.address"] = "新疆乌鲁木齐市水磨沟区南湖北路123号" })));
        var photos = new List<byte[]>();
        for (var i = 0; i < Subjects.Length; i++)
        {
            var (name, idNumber) = Subjects[i];
            f.Store.RecordCardRead(idNumber);
            var record = f.SampleWithPhotos(photos: 2, name: name, idNumber: idNumber);
            photos.AddRange(record.Photos.Select(p => f.Store.LoadPhoto(record.RecordId, p.Sha256)!));
            f.Store.SaveDraft(record, "identity");
            if (i % 2 == 0)
            {
                f.Store.Finalize(record);
            }
        }
        Assert.IsTrue(f.Store.HasCollected(Subjects[0].IdNumber));
        _ = f.Store.ExportAudit();
        f.Store.Dispose();

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encodings = new[] { Encoding.UTF8, Encoding.Unicode, Encoding.GetEncoding("GB18030") };
        var secrets = Subjects
            .SelectMany(s => new[] { s.Name, s.IdNumber, s.IdNumber[6..14], "新疆乌鲁木齐市水磨沟区南湖北路" })
            .SelectMany(text => encodings.Select(e => (What: $"{text} ({e.WebName})", Bytes: e.GetBytes(text))))
            .Concat(photos.SelectMany(p => new[] { ("photo head", p[..32]), ("photo middle", p[1000..1032]), ("photo tail", p[^32..]) }))
            .ToList();
        var files = Directory.GetFiles(f.Folder, "*", SearchOption.AllDirectories);
        Assert.IsNotEmpty(files);
        Assert.IsTrue(files.Any(file => File.ReadAllBytes(file).AsSpan().IndexOf("T650105-04"u8) >= 0), "the scan must find what is stored in the clear (the terminal id)");
        foreach (var file in files)
        {
            var content = File.ReadAllBytes(file);
            foreach (var (what, bytes) in secrets)
            {
                Assert.AreEqual(-1, content.AsSpan().IndexOf(bytes), $"{Path.GetFileName(file)} contains {what}");
            }
        }
    }
}
