#include "massho/operations/erasure_entry.h"

#include "massho/records/register/canonical_json.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/entry_kind.h"

#ifndef MASSHO_VERSION
#define MASSHO_VERSION "unknown"
#endif

namespace massho::operations {

std::string formatRanges(const std::vector<erase::ByteRange>& ranges) {
    std::string out;
    for (const auto& r : ranges) {
        if (!out.empty()) out += ',';
        out += std::to_string(r.offset) + '+' + std::to_string(r.length);
    }
    return out;
}

namespace {

std::string describePasses(const erase::Report& report) {
    std::string out;
    for (size_t i = 0; i < report.passes.size(); ++i) {
        if (i) out += "; ";
        out += std::to_string(i + 1) + ": " + report.passes[i].description;
    }
    return out;
}

// What a drive command did and what was read afterwards: the commands with their
// outcomes, how many marker blocks changed, the content seen, and where progress came from.
void addHardwareEvidence(records::EntryBuilder& e, const erase::sanitize::HardwareEvidence& h) {
    std::string steps;
    for (const std::string& s : h.steps) steps += (steps.empty() ? "" : "; ") + s;
    e.set("drive_steps", steps);
    e.set("drive_markers", std::to_string(h.markersChanged) + " of " +
                               std::to_string(h.markersWritten) + " changed");
    e.set("drive_content", std::to_string(h.zeroBlocks) + " zero, " + std::to_string(h.oneBlocks) +
                               " all-FFh, " + std::to_string(h.otherBlocks) +
                               " other 4 KiB blocks read");
    e.set("drive_progress",
          h.driveReportedProgress ? "reported by the drive" : "estimated (the drive reports none)");
}

// Who, why, which medium and which method: the same in the started and the final entry.
void setJobFields(records::EntryBuilder& e, const MediumDescription& medium,
                  const ErasureContext& context, const erase::Method& method) {
    e.set("operator", context.operatorId);
    e.set("purpose", context.purpose);
    e.set("class", static_cast<int64_t>(context.infoClass));
    e.set("asset", context.assetTag);
    if (context.requestId) {
        e.set("request", *context.requestId);
        e.set("requester", context.requester);
        e.set("approver", context.approver);
        if (context.approvalEntry)
            e.set("approval_entry", static_cast<int64_t>(*context.approvalEntry));
    }

    e.set("device_path", medium.path);
    e.set("device_model", medium.model);
    e.set("device_serial", medium.serial);
    e.set("device_transport", medium.transport);
    e.set("device_media_type", medium.mediaType);
    e.set("device_size", static_cast<int64_t>(medium.sizeBytes));
    e.set("device_sector", static_cast<int64_t>(medium.logicalSector));
    e.set("method", method.id);
    e.set("method_name", method.name);
    e.set("software", "massho " MASSHO_VERSION);
}

// The result fields of a finished job, after the job fields.
std::string finishErasureEntry(records::EntryBuilder& e, const MediumDescription& medium,
                               const erase::Method& method, const erase::Report& report,
                               const erase::sanitize::HardwareEvidence* hardware) {
    e.set("passes", describePasses(report));
    e.set("pass_count", static_cast<int64_t>(report.passes.size()));
    e.set("bytes_written", static_cast<int64_t>(report.bytesWritten));
    e.set("error_ranges", formatRanges(report.errorRanges));
    e.set("verify_mode", erase::toString(report.verifyMode));
    e.set("verify_result", erase::toString(report.verifyResult));
    e.set("verify_bytes", static_cast<int64_t>(report.bytesVerified));
    if (report.firstMismatchOffset)
        e.set("verify_first_mismatch", static_cast<int64_t>(*report.firstMismatchOffset));
    // The level is what the method reaches on this media type, and only when it succeeded.
    const erase::NistLevel level =
        report.outcome == erase::Outcome::Erased
            ? method.nistLevel(
                  erase::parseMediaType(medium.mediaType).value_or(erase::MediaType::Unknown))
            : erase::NistLevel::None;
    e.set("nist_level", erase::toString(level));
    if (hardware) addHardwareEvidence(e, *hardware);
    e.set("started", records::formatRfc3339(report.started));
    e.set("ended", records::formatRfc3339(report.ended));
    return e.finish();
}

}  // namespace

std::string erasureEntry(const MediumDescription& medium, const ErasureContext& context,
                         const erase::Method& method, const erase::Report& report,
                         const erase::sanitize::HardwareEvidence* hardware) {
    records::EntryBuilder e(records::EntryKind::Erasure);
    e.set("result", erase::toString(report.outcome));
    if (!report.failureReason.empty()) e.set("failure", report.failureReason);
    if (context.startedEntry) e.set("started_entry", static_cast<int64_t>(*context.startedEntry));
    if (context.mediumEntry) e.set("medium_entry", static_cast<int64_t>(*context.mediumEntry));
    setJobFields(e, medium, context, method);
    return finishErasureEntry(e, medium, method, report, hardware);
}

std::string erasureStartedEntry(const MediumDescription& medium, const ErasureContext& context,
                                const erase::Method& method, erase::VerifyMode verify) {
    records::EntryBuilder e(records::EntryKind::ErasureStarted);
    setJobFields(e, medium, context, method);
    e.set("verify_mode", erase::toString(verify));
    return e.finish();
}

}  // namespace massho::operations
