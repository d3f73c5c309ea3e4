#include "massho/erase/sanitize/hardware_erasure.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "../aligned_buffer.h"
#include "../watched_job.h"
#include "../watched_target.h"
#include "massho/erase/sampling.h"
#include "massho/erase/sanitize/sanitize_error.h"
#include "watched_drive.h"

namespace massho::erase::sanitize {
namespace {

using K = SanitizeError::Kind;
constexpr int kMarkers = 16;
constexpr std::size_t kBlock = 4096;

using DriveRun =
    std::function<DriveSanitizeResult(const DriveChannels&, const DriveSanitizeOptions&)>;

template <typename T>
T& need(T* channel, const std::string& id) {
    if (!channel)
        throw SanitizeError(K::Unsupported, "method " + id +
                                                " needs a drive channel this "
                                                "device does not have");
    return *channel;
}

// The catalog id → the drive command (catalog.cpp lists the same ids).
DriveRun driveRunFor(const std::string& id) {
    using A = AtaSanitizeAction;
    using N = NvmeSanitizeAction;
    using S = ScsiSanitizeAction;
    static const std::map<std::string, DriveRun> runs = {
        {"ata-secure-erase",
         [](auto& c, auto& o) { return ataSecurityErase(need(c.scsi, "ata"), false, o); }},
        {"ata-secure-erase-enhanced",
         [](auto& c, auto& o) { return ataSecurityErase(need(c.scsi, "ata"), true, o); }},
        {"ata-sanitize-crypto",
         [](auto& c, auto& o) { return ataSanitize(need(c.scsi, "ata"), A::CryptoScramble, o); }},
        {"ata-sanitize-block",
         [](auto& c, auto& o) { return ataSanitize(need(c.scsi, "ata"), A::BlockErase, o); }},
        {"ata-sanitize-overwrite",
         [](auto& c, auto& o) { return ataSanitize(need(c.scsi, "ata"), A::Overwrite, o); }},
        {"nvme-format-user-data",
         [](auto& c, auto& o) {
             return nvmeFormatErase(need(c.nvme, "nvme"), NvmeSecureErase::UserData, o);
         }},
        {"nvme-format-crypto",
         [](auto& c, auto& o) {
             return nvmeFormatErase(need(c.nvme, "nvme"), NvmeSecureErase::Crypto, o);
         }},
        {"nvme-sanitize-crypto",
         [](auto& c, auto& o) { return nvmeSanitize(need(c.nvme, "nvme"), N::CryptoErase, o); }},
        {"nvme-sanitize-block",
         [](auto& c, auto& o) { return nvmeSanitize(need(c.nvme, "nvme"), N::BlockErase, o); }},
        {"nvme-sanitize-overwrite",
         [](auto& c, auto& o) { return nvmeSanitize(need(c.nvme, "nvme"), N::Overwrite, o); }},
        {"scsi-sanitize-crypto",
         [](auto& c, auto& o) { return scsiSanitize(need(c.scsi, "scsi"), S::CryptoErase, o); }},
        {"scsi-sanitize-block",
         [](auto& c, auto& o) { return scsiSanitize(need(c.scsi, "scsi"), S::BlockErase, o); }},
        {"scsi-sanitize-overwrite",
         [](auto& c, auto& o) { return scsiSanitize(need(c.scsi, "scsi"), S::Overwrite, o); }},
    };
    const auto it = runs.find(id);
    if (it == runs.end()) throw SanitizeError(K::Unsupported, "no drive command for method " + id);
    return it->second;
}

// Marker offsets: block 0, the last block, and evenly between (NIST SP 800-88 Rev. 1 §4.7.2
// asks for the first and last LBA among the sampled locations).
std::vector<uint64_t> markerOffsets(uint64_t size) {
    const uint64_t blocks = size / kBlock;
    std::vector<uint64_t> out;
    for (int i = 0; i < kMarkers && blocks > 0; ++i) {
        const uint64_t b = i == kMarkers - 1 ? blocks - 1 : blocks * i / (kMarkers - 1);
        if (out.empty() || out.back() != b * kBlock) out.push_back(b * kBlock);
    }
    return out;
}

class Job {
  public:
    // `watch`: told where the job stands at the start of each phase, and what it leaves on the
    // drive (the stall watchdog).
    Job(Target& t, const Method& m, const DriveChannels& c, const HardwareErasureOptions& o,
        erase::detail::IoWatch* watch = nullptr)
        : target_(t),
          method_(m),
          channels_(c),
          options_(o),
          watch_(watch),
          buffer_(kBlock, kBlock) {}

    // The evidence as it stood when the phase running began (for a job given up mid-phase).
    HardwareEvidence evidenceAtPhase() const {
        std::lock_guard lock(phaseMutex_);
        return evidenceAtPhase_;
    }

    HardwareOutcome run() {
        const DriveRun drive = driveRunFor(method_.id);
        out_.report.started = std::chrono::system_clock::now();
        out_.report.verifyMode = options_.verify;
        if (writeMarkers() && runDrive(drive) && checkMarkers()) sampleRead();
        out_.report.ended = std::chrono::system_clock::now();
        return std::move(out_);
    }

  private:
    void phase(Progress::Phase kind, std::string name, std::string description) {
        if (!watch_) return;
        {
            std::lock_guard lock(phaseMutex_);
            evidenceAtPhase_ = out_.evidence;
        }
        watch_->phaseStarted(out_.report, kind, std::move(name), std::move(description));
    }

    bool writeMarkers() {
        phase(Progress::Phase::Writing, "marker blocks", "");
        offsets_ = markerOffsets(target_.size());
        markers_.assign(offsets_.size() * kBlock, 0);
        if (RAND_bytes(markers_.data(), static_cast<int>(markers_.size())) != 1)
            return fail("the random number generator failed (RAND_bytes)");
        for (std::size_t i = 0; i < offsets_.size(); ++i) {
            std::copy_n(markers_.data() + i * kBlock, kBlock, buffer_.data());
            if (target_.writeAt(buffer_.data(), kBlock, offsets_[i]) !=
                static_cast<ssize_t>(kBlock))
                return fail("writing marker block at byte " + std::to_string(offsets_[i]) +
                            " failed: the device does not take writes; destroy it");
        }
        if (target_.flush() != 0) return fail("flushing the marker blocks failed");
        for (std::size_t i = 0; i < offsets_.size(); ++i) {
            if (!readBlock(offsets_[i]) ||
                !std::equal(buffer_.data(), buffer_.data() + kBlock, markers_.data() + i * kBlock))
                return fail("marker block at byte " + std::to_string(offsets_[i]) +
                            " does not read back as written: the device does not keep data");
        }
        out_.evidence.markersWritten = static_cast<int>(offsets_.size());
        out_.evidence.steps.push_back(std::to_string(offsets_.size()) +
                                      " marker blocks written and read back");
        return true;
    }

    bool runDrive(const DriveRun& drive) {
        const std::string pass = "drive command: " + method_.name;
        phase(Progress::Phase::Writing, "drive command", pass);
        DriveSanitizeOptions driveOptions = options_.drive;
        driveOptions.onProgress = [this](const DriveProgress& p) { progress(p); };
        if (watch_)
            driveOptions.onLeftOnDrive = [watch = watch_](const std::string& note) {
                watch->setLeftOnDrive(note);
            };
        DriveSanitizeResult r;
        try {
            r = drive(channels_, driveOptions);
        } catch (const SanitizeError& e) {
            // The drive refused after the markers were written (its state changed since the
            // probe): nothing was erased, and the register says so.
            r.failure = std::string("the drive refused: ") + e.what();
            r.steps.push_back(r.failure);
        }
        out_.evidence.steps.insert(out_.evidence.steps.end(), r.steps.begin(), r.steps.end());
        out_.evidence.driveReportedProgress = r.driveReportedProgress;
        out_.report.passes.push_back({pass, 0, {}});
        if (!r.succeeded) return fail(r.failure);
        return true;
    }

    void progress(const DriveProgress& p) {
        if (!options_.onProgress) return;
        Progress out;
        out.pass = out.passCount = 1;
        out.bytesTotal = out.jobBytesTotal = target_.size();
        out.bytesDone = out.jobBytesDone =
            static_cast<uint64_t>(p.fraction * static_cast<double>(target_.size()));
        options_.onProgress(out);
    }

    bool checkMarkers() {
        phase(Progress::Phase::Verifying, "verification", "");
        out_.report.verifyResult = VerifyResult::Failed;
        for (std::size_t i = 0; i < offsets_.size(); ++i) {
            if (!readBlock(offsets_[i])) return fail(readError(offsets_[i]));
            out_.report.bytesVerified += kBlock;
            const bool same =
                std::equal(buffer_.data(), buffer_.data() + kBlock, markers_.data() + i * kBlock);
            if (!same) ++out_.evidence.markersChanged;
            if (same && !out_.report.firstMismatchOffset)
                out_.report.firstMismatchOffset = offsets_[i];
        }
        OPENSSL_cleanse(markers_.data(), markers_.size());
        out_.evidence.steps.push_back(std::to_string(out_.evidence.markersChanged) + " of " +
                                      std::to_string(offsets_.size()) + " marker blocks changed");
        if (out_.evidence.markersChanged != static_cast<int>(offsets_.size()))
            return fail("the drive reported success but a marker block at byte " +
                        std::to_string(*out_.report.firstMismatchOffset) +
                        " still holds what was written before: the erase did not happen; "
                        "destroy the drive");
        return true;
    }

    bool sampleRead() {
        std::vector<ByteRange> ranges;
        if (options_.verify == VerifyMode::Full) ranges = {{0, target_.size()}};
        if (options_.verify == VerifyMode::Sample)
            ranges = samplePlan(target_.size(), target_.logicalSector(), seed());
        for (const ByteRange& r : ranges) {
            for (uint64_t at = r.offset / kBlock * kBlock; at < r.end(); at += kBlock) {
                if (!readBlock(at)) return fail(readError(at));
                out_.report.bytesVerified += kBlock;
                classify();
            }
        }
        out_.evidence.steps.push_back("content read: " + std::to_string(out_.evidence.zeroBlocks) +
                                      " zero, " + std::to_string(out_.evidence.oneBlocks) +
                                      " all-FFh, " + std::to_string(out_.evidence.otherBlocks) +
                                      " other 4 KiB blocks");
        out_.report.verifyResult = VerifyResult::Passed;
        out_.report.outcome = Outcome::Erased;
        out_.report.failureReason.clear();
        return true;
    }

    void classify() {
        const uint8_t* b = buffer_.data();
        const bool uniform = std::all_of(b, b + kBlock, [&](uint8_t x) { return x == b[0]; });
        if (uniform && b[0] == 0x00) {
            ++out_.evidence.zeroBlocks;
        } else if (uniform && b[0] == 0xFF) {
            ++out_.evidence.oneBlocks;
        } else {
            ++out_.evidence.otherBlocks;
        }
    }

    uint64_t seed() const {
        uint64_t s = options_.sampleSeed;
        if (s == 0) RAND_bytes(reinterpret_cast<unsigned char*>(&s), sizeof s);
        return s ? s : 1;
    }

    bool readBlock(uint64_t offset) {
        const uint64_t length = std::min<uint64_t>(kBlock, target_.size() - offset);
        if (length < kBlock) std::fill_n(buffer_.data(), kBlock, 0);
        return target_.readAt(buffer_.data(), kBlock, offset) == static_cast<ssize_t>(length);
    }

    std::string readError(uint64_t offset) {
        out_.report.errorRanges.push_back({offset, kBlock});
        return "reading byte " + std::to_string(offset) +
               " after the drive command failed: the device has bad sectors; destroy it";
    }

    bool fail(std::string reason) {
        out_.report.outcome = Outcome::Failed;
        out_.report.failureReason = std::move(reason);
        return false;
    }

    Target& target_;
    const Method& method_;
    const DriveChannels& channels_;
    const HardwareErasureOptions& options_;
    erase::detail::IoWatch* watch_;
    mutable std::mutex phaseMutex_;
    HardwareEvidence evidenceAtPhase_;
    erase::detail::AlignedBuffer buffer_;
    std::vector<uint64_t> offsets_;
    std::vector<uint8_t> markers_;
    HardwareOutcome out_;
};

// Everything the job's thread touches under the watchdog, owned by it (erasure.cpp's WatchedRun
// for a drive command): the target and the drive's channels, each call timed.
class WatchedHardwareRun final : public erase::detail::WatchedJob {
  public:
    WatchedHardwareRun(std::unique_ptr<Target> target, const Method& method, DriveHandles drive,
                       const HardwareErasureOptions& given)
        : target_(std::move(target), watchPtr()),
          scsi_(drive.scsi
                    ? std::make_unique<detail::WatchedSgIo>(std::move(drive.scsi), watchPtr())
                    : nullptr),
          nvme_(drive.nvme
                    ? std::make_unique<detail::WatchedNvmeAdmin>(std::move(drive.nvme), watchPtr())
                    : nullptr),
          channels_{scsi_.get(), nvme_.get()},
          options_(jobOptions(given)),
          job_(target_, method, channels_, options_, &watch()) {}

    Report run() override {
        HardwareOutcome out = job_.run();
        evidence_ = std::move(out.evidence);
        return std::move(out.report);
    }
    // After the job ended by itself: what it saw; after it was given up: what it had seen when
    // the phase that stalled began, and the stall.
    HardwareEvidence evidence(const Report& report) const {
        if (!watchPtr()->abandoned()) return evidence_;
        HardwareEvidence e = job_.evidenceAtPhase();
        e.steps.push_back(report.failureReason.substr(0, report.failureReason.find(": the job")));
        return e;
    }

  private:
    HardwareErasureOptions jobOptions(const HardwareErasureOptions& given) {
        HardwareErasureOptions o = given;
        o.onProgress = [watch = &watch()](const Progress& p) { watch->post(p); };
        return o;
    }

    erase::detail::WatchedTarget target_;
    std::unique_ptr<detail::WatchedSgIo> scsi_;
    std::unique_ptr<detail::WatchedNvmeAdmin> nvme_;
    DriveChannels channels_;
    HardwareErasureOptions options_;
    Job job_;
    HardwareEvidence evidence_;
};

}  // namespace

void requireRunnable(const Method& method, const DriveCapabilities& caps) {
    if (!method.hardware)
        throw SanitizeError(K::Unsupported, "method " + method.id + " is not a drive command");
    if (std::find(caps.methods.begin(), caps.methods.end(), method.id) == caps.methods.end()) {
        std::string offered;
        for (const auto& m : caps.methods) offered += (offered.empty() ? "" : ", ") + m;
        throw SanitizeError(
            K::Unsupported,
            "the drive does not support " + method.id + " (interface " + caps.interface +
                (caps.note.empty() ? "" : ": " + caps.note) +
                "); it offers: " + (offered.empty() ? "no drive commands" : offered) +
                ": choose one of those or an overwrite method");
    }
    if (!caps.blocked.empty() && method.id.starts_with("ata-secure-erase"))
        throw SanitizeError(K::Frozen, "the drive's " + caps.blocked);
    if (!caps.hiddenArea.empty())
        throw SanitizeError(K::HiddenArea, caps.hiddenArea +
                                               ", which the drive command would not erase: remove "
                                               "it (hdparm -N) and try again");
}

HardwareOutcome runHardwareErasure(Target& target, const Method& method,
                                   const DriveChannels& channels,
                                   const HardwareErasureOptions& options) {
    if (target.size() < kBlock)
        throw SanitizeError(K::Unsupported, "the device is smaller than one marker block");
    return Job(target, method, channels, options).run();
}

HardwareOutcome runHardwareErasure(std::unique_ptr<Target> target, const Method& method,
                                   DriveHandles drive, const HardwareErasureOptions& options) {
    if (target->size() < kBlock)
        throw SanitizeError(K::Unsupported, "the device is smaller than one marker block");
    auto run =
        std::make_shared<WatchedHardwareRun>(std::move(target), method, std::move(drive), options);
    HardwareOutcome out;
    out.report =
        erase::detail::superviseJob(run, options.stallTimeout, nullptr, options.onProgress);
    out.evidence = run->evidence(out.report);
    return out;
}

}  // namespace massho::erase::sanitize
