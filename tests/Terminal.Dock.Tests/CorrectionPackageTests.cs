using System.Security.Cryptography;
using Terminal.Dock.Handheld;
using Terminal.Dock.Packages;
using Terminal.Dock.Push;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing.Storage;

namespace Terminal.Dock.Tests;

/// <summary>
/// Version N+1 of a reviewed record as the dock link carries it: the list received as a push, the item corrected and
/// finalized on the store, and the outbox package the host pulls, opened with the district's key.
/// </summary>
[TestClass]
public sealed class CorrectionPackageTests
{
    [TestMethod]
    public async Task Package_VersionTwoKeepingTheDistrictsPhotos_OpensAsVersionTwoWithTheKeptHashesAndCarriesOnlyTheNewPhoto()
    {
        var folder = Path.Combine(Path.GetTempPath(), "correction-package-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var district = DistrictKeyPair.Generate(DistrictSuite.P256);
            using var recovery = RecoveryKey.Generate();
            using var store = TerminalStore.Provision(new TerminalStoreOptions { Folder = folder, Argon2id = Argon2idOptions.Cheap },
                new TerminalProvisioning("T650105-04", district.PublicKey, recovery, "op-0401", "246810"));
            var target = new StoreDockTarget(store);
            var reviewed = SampleCorrections.Reviewed();
            var others = Enumerable.Range(0, 80).Select(_ => SampleCorrections.GradeProblem(SampleCorrections.Reviewed())).ToList();
            var pushes = PushItem.Corrections("650105-04", [.. others, SampleCorrections.GradeProblem(reviewed)]);
            Assert.IsGreaterThan(1, pushes.Count, "the list goes in parts");
            foreach (var push in pushes)
            {
                Assert.AreEqual(PushStatus.Applied, (await target.ApplyAsync(push, CancellationToken.None)).Status);
            }
            var draft = store.BeginCorrection(reviewed.RecordId, 1, r => r.NextVersion(store.TerminalId, store.OperatorId!, new DateOnly(2019, 3, 4)), "module7").Record;
            var retaken = RandomNumberGenerator.GetBytes(5000);
            var sha = store.SavePhoto(draft.RecordId, retaken);
            var photos = draft.Photos.Select(p => p.Kind == PhotoKind.PersonalPhoto ? new PhotoReference(PhotoKind.PersonalPhoto, sha, retaken.Length, "image/jpeg", 720, 960) : p);
            var signed = SampleSignatures.Sign(store, draft.With("module7.grade", "5") with { Photos = [.. photos] });
            store.SaveDraft(signed, "review");
            store.Finalize(signed);

            var entry = (await target.EntriesAsync(CancellationToken.None)).Single();
            Assert.AreEqual($"{reviewed.RecordId:D}/v2", entry.PackageId);
            var bytes = new byte[entry.Length];
            Assert.AreEqual(bytes.Length, await target.ReadAsync(entry.Sequence, 0, bytes, CancellationToken.None));
            var package = OutboxPackage.Decode(bytes);
            Assert.AreEqual((reviewed.RecordId, 2), (package.RecordId, package.Version));
            var record = RecordSerializer.Deserialize(DistrictSeal.Open(district, TerminalStore.RecordContext(reviewed.RecordId, 2), package.SealedRecord));
            Assert.AreEqual((2, "5", "T650105-04"), (record.Version, record.Text("module7.grade"), record.TerminalId));
            var kept = reviewed.Photos.Where(p => p.Kind != PhotoKind.PersonalPhoto).Select(p => p.Sha256).ToList();
            CollectionAssert.IsSubsetOf(kept, record.Photos.Select(p => p.Sha256).ToList(), "the reviewed photos kept, named by hash");
            var carried = package.SealedPhotos.Select(p => Convert.ToHexStringLower(SHA256.HashData(DistrictSeal.Open(district, TerminalStore.FinalizedPhotoContext(reviewed.RecordId, 2), p)))).ToList();
            CollectionAssert.AreEqual(new[] { sha }, carried, "only the photo taken on the terminal travels");
            Assert.IsNotEmpty(package.SealedStrokes, "the new signature's strokes always travel");
            var image = DistrictSeal.Open(district, TerminalStore.SignatureImageContext(reviewed.RecordId, 2), package.SealedSignatureImage);
            Assert.AreEqual(record.Signature!.ImageSha256, Convert.ToHexStringLower(SHA256.HashData(image)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
