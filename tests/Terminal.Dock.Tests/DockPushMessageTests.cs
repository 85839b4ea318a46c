using CsCheck;
using Terminal.Dock.Packages;
using Terminal.Dock.Push;
using Terminal.Storage.Store;
using Terminal.Testing.Dock;

namespace Terminal.Dock.Tests;

/// <summary>The push messages and the outbox package format, on bytes.</summary>
[TestClass]
public sealed class DockPushMessageTests
{
    [TestMethod]
    public void PushAck_RoundTrip_KeepsEveryField()
    {
        var ack = new PushAck(Guid.NewGuid(), PushKind.Corrections, PushStatus.Refused, "请先登录");
        var bytes = PushItem.EncodeAck(ack);
        Assert.AreEqual((byte)Pull.DockMessageType.PushAck, bytes[0]);
        Assert.AreEqual(ack, PushItem.DecodeAck(bytes.AsSpan(1)));
    }

    [TestMethod]
    public void Push_RoundTrip_KeepsIdKindAndBody()
    {
        var push = PushItem.Clock(DateTimeOffset.UnixEpoch);
        var decoded = PushItem.Decode(push.Encode().AsSpan(1));
        Assert.AreEqual(push.Id, decoded.Id);
        Assert.AreEqual(PushKind.Clock, decoded.Kind);
        Assert.AreEqual(DateTimeOffset.UnixEpoch, decoded.Read<ClockPush>().HostTime);
    }

    [TestMethod]
    public void Push_UnknownKindOrTooShort_IsAFormatError()
    {
        Assert.ThrowsExactly<FormatException>(() => PushItem.Decode(new byte[10]));
        var bad = new byte[20];
        bad[16] = 99;
        Assert.ThrowsExactly<FormatException>(() => PushItem.Decode(bad));
    }

    [TestMethod]
    public void Corrections_Json_NamesTheKindInWords()
    {
        var push = PushItem.Corrections("650105-04", [new CorrectionItem(Guid.Empty, 1, CorrectionKind.Missing, ["photos.PersonalPhoto"], "缺照片")]).Single();
        var json = System.Text.Encoding.UTF8.GetString(push.Body.Span);
        StringAssert.Contains(json, "\"kind\":\"missing\"");
        StringAssert.Contains(json, "\"fieldPaths\":[\"photos.PersonalPhoto\"]");
        Assert.AreEqual(CorrectionKind.Missing, push.Read<CorrectionsPush>().Items[0].Kind);
    }

    [TestMethod]
    public void Corrections_ManyReviewedRecords_AreSplitIntoNumberedPartsThatFitAFrame()
    {
        var reviewed = new string('x', 6000);
        var items = Enumerable.Range(0, 80).Select(i => new CorrectionItem(Guid.NewGuid(), 1, CorrectionKind.Problem, ["module7.grade"], $"第{i}条") { ReviewedRecord = reviewed }).ToList();
        var pushes = PushItem.Corrections("650105-04", items);
        Assert.IsGreaterThan(1, pushes.Count);
        Assert.IsTrue(pushes.All(p => p.Body.Length <= PushItem.MaxBody));
        var parts = pushes.Select(p => p.Read<CorrectionsPush>()).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(1, pushes.Count).ToList(), parts.Select(p => p.Part).ToList());
        Assert.IsTrue(parts.All(p => p.Parts == pushes.Count && p.CollectionPoint == "650105-04"));
        CollectionAssert.AreEqual(items.Select(i => i.RecordId).ToList(), parts.SelectMany(p => p.Items).Select(i => i.RecordId).ToList());
        Assert.AreEqual(reviewed, parts[^1].Items[^1].ReviewedRecord);
    }

    [TestMethod]
    public void Corrections_EmptyList_IsOnePushThatEmptiesTheTerminalsList()
    {
        var push = PushItem.Corrections("650105-04", []).Single().Read<CorrectionsPush>();
        Assert.IsEmpty(push.Items);
        Assert.AreEqual((1, 1), (push.Part, push.Parts));
    }

    [TestMethod]
    public void InitialData_ManyEntries_IsSplitIntoPushesThatFitAFrame()
    {
        var entries = Enumerable.Range(0, 1200).Select(i => new InitialDataEntry($"6501051960010100{i % 100:00}", "张建国", new Dictionary<string, string> { ["personal.street"] = "650105007" })).ToList();
        var pushes = PushItem.InitialData(entries, ["650105196001010011"]);
        Assert.HasCount(3, pushes);
        Assert.AreEqual(1200, pushes.Sum(p => p.Read<InitialDataPush>().Upserts.Count));
        Assert.HasCount(1, pushes[0].Read<InitialDataPush>().Removed);
        Assert.IsTrue(pushes.All(p => p.Body.Length <= PushItem.MaxBody));
    }

    [TestMethod]
    public void OutboxPackage_AnyParts_RoundTrip() =>
        (from record in Gen.Byte.Array[0, 2000] from photos in Gen.Byte.Array[0, 500].Array[0, 4] from sequence in Gen.Long[1, long.MaxValue]
         from strokes in Gen.Byte.Array[0, 300] from image in Gen.Byte.Array[0, 300] select (record, photos, sequence, strokes, image))
        .Sample(t =>
        {
            var id = Guid.NewGuid();
            var bytes = OutboxPackage.Encode(id, 3, t.sequence, t.record, [.. t.photos.Select(p => (ReadOnlyMemory<byte>)p)], t.strokes, t.image);
            var back = OutboxPackage.Decode(bytes);
            return back.RecordId == id && back.Version == 3 && back.Sequence == t.sequence && back.SealedRecord.AsSpan().SequenceEqual(t.record)
                && back.SealedPhotos.Count == t.photos.Length && back.SealedPhotos.Zip(t.photos).All(p => p.First.AsSpan().SequenceEqual(p.Second))
                && back.SealedStrokes.AsSpan().SequenceEqual(t.strokes) && back.SealedSignatureImage.AsSpan().SequenceEqual(t.image);
        }, iter: 500);

    [TestMethod]
    public void OutboxPackage_TruncatedOrExtended_IsAFormatError()
    {
        var bytes = OutboxPackage.Encode(Guid.NewGuid(), 1, 1, [1, 2, 3], [new byte[] { 4, 5 }], [6, 7], [8]);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            Assert.ThrowsExactly<FormatException>(() => OutboxPackage.Decode(bytes.AsSpan(0, cut)), $"cut at {cut}");
        }
        Assert.ThrowsExactly<FormatException>(() => OutboxPackage.Decode([.. bytes, 0]));
    }

    [TestMethod]
    public void FaultyCable_DuplicateAndReorder_AreAppliedToWholeWrites()
    {
        var cable = new FaultyCable(duplicateEvery: 5, reorderEvery: 3);
        for (byte i = 1; i <= 5; i++)
        {
            cable.HostEnd.Write([i]);
        }
        var got = new byte[6];
        cable.TerminalEnd.ReadExactly(got);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 4, 3, 5, 5 }, got, "3 held back until after 4, 5 twice");
    }
}
