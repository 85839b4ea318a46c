using System.Security.Cryptography;
using CsCheck;
using Terminal.Storage.Audit;

namespace Terminal.Storage.Tests.Audit;

[TestClass]
public sealed class AuditVerifierTests
{
    private static readonly ECDsa Terminal = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly byte[] PublicKey = Terminal.ExportSubjectPublicKeyInfo();
    private static readonly DateTimeOffset Start = new(2018, 11, 5, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly AuditAction[] Actions = [AuditAction.Login, AuditAction.CardRead, AuditAction.Create, AuditAction.Edit, AuditAction.Finalize, AuditAction.Purge, AuditAction.FailedPin, AuditAction.Checkpoint];

    /// <summary>
    /// Logs of 1–25 entries with checkpoints here and there (never two in a row, as the store writes them), ending in
    /// a signed checkpoint (as exported).
    /// </summary>
    private static readonly Gen<List<AuditEntry>> Logs =
        Gen.Int[0, Actions.Length - 1].Array[0, 24].Select(picks =>
        {
            var entries = new List<AuditEntry>();
            AuditEntry? last = null;
            foreach (var action in picks.Select(i => Actions[i]).Append(AuditAction.Checkpoint))
            {
                if (action == AuditAction.Checkpoint && last is { IsCheckpoint: true })
                {
                    continue;
                }
                last = AuditChain.Next(last, Start.AddMinutes(entries.Count), action, "op-0401", action == AuditAction.Finalize ? "6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70/v1" : "", action == AuditAction.FailedPin ? "1" : "", Terminal);
                entries.Add(last);
            }
            return entries;
        });

    private static byte[] Export(IEnumerable<AuditEntry> entries) => [.. entries.SelectMany(AuditEntryCodec.Encode)];

    [TestMethod]
    public void Verify_UntouchedLog_IsIntact() =>
        Logs.Sample(log => AuditVerifier.Verify(Export(log), PublicKey).IsIntact, iter: 100);

    [TestMethod]
    public void Verify_AnySingleByteEdited_IsDetected() =>
        Gen.Select(Logs, Gen.Int, Gen.Byte[1, 255]).Sample((log, at, flip) =>
        {
            var bytes = Export(log);
            bytes[(int)((uint)at % bytes.Length)] ^= flip;
            return !AuditVerifier.Verify(bytes, PublicKey).IsIntact;
        }, iter: 1000);

    [TestMethod]
    public void Verify_AnyEntryDeleted_IsDetected() =>
        Gen.Select(Logs, Gen.Int).Sample((log, at) =>
        {
            log.RemoveAt((int)((uint)at % log.Count));
            return !AuditVerifier.Verify(Export(log), PublicKey).IsIntact;
        }, iter: 500);

    [TestMethod]
    public void Verify_TwoEntriesSwapped_IsReportedAsReordered() =>
        Gen.Select(Logs.Where(l => l.Count >= 2), Gen.Int).Sample((log, at) =>
        {
            var i = (int)((uint)at % (log.Count - 1));
            (log[i], log[i + 1]) = (log[i + 1], log[i]);
            return AuditVerifier.Verify(Export(log), PublicKey).Problems.Any(p => p.Kind == AuditProblemKind.Reordered);
        }, iter: 300);

    [TestMethod]
    public void Verify_MiddleEntryDeleted_ReportsTheGapInChinese()
    {
        var log = Logs.Single(l => l.Count >= 6, seed: "0000000000C1");
        log.RemoveAt(2);
        var problem = AuditVerifier.Verify(Export(log), PublicKey).Problems.First(p => p.Kind == AuditProblemKind.Gap);
        Assert.AreEqual("审计日志缺少第 3 至 3 条：请勿采信该终端的数据，并报告技术人员。", problem.Message);
    }

    [TestMethod]
    public void Verify_SignedByAnotherKey_ReportsBadSignature()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entry = AuditChain.Next(null, Start, AuditAction.Checkpoint, "", "", "", other);
        Assert.AreEqual(AuditProblemKind.BadSignature, AuditVerifier.Verify(AuditEntryCodec.Encode(entry), PublicKey).Problems.Single().Kind);
    }

    [TestMethod]
    public void Verify_LiveLogEndingUnsigned_IsIntactOnlyWhenASignedEndIsNotRequired()
    {
        var first = AuditChain.Next(null, Start, AuditAction.Provision, "", "", "");
        var second = AuditChain.Next(first, Start, AuditAction.Login, "op-0401", "", "");
        Assert.IsTrue(AuditVerifier.Verify([first, second], PublicKey).IsIntact);
        Assert.AreEqual(AuditProblemKind.UnsignedEnd, AuditVerifier.Verify(Export([first, second]), PublicKey).Problems.Single().Kind);
    }

    [TestMethod]
    public void Next_CheckpointRightAfterACheckpoint_IsRefused()
    {
        var checkpoint = AuditChain.Next(null, Start, AuditAction.Checkpoint, "", "", "", Terminal);
        Assert.ThrowsExactly<InvalidOperationException>(() => AuditChain.Next(checkpoint, Start, AuditAction.Checkpoint, "", "", "", Terminal));
    }

    [TestMethod]
    public void TryDecode_EncodedEntry_GivesItBack()
    {
        var entry = AuditChain.Next(null, Start, AuditAction.Checkpoint, "op-0401", "kh:00", "x", Terminal);
        Assert.IsTrue(AuditEntryCodec.TryDecode(AuditEntryCodec.Encode(entry), out var back, out _));
        CollectionAssert.AreEqual(AuditEntryCodec.Encode(entry), AuditEntryCodec.Encode(back!));
    }
}
