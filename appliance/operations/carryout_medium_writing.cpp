#include "massho/operations/carryout_medium_writing.h"

#include <memory>

#include "massho/base/deadline_job.h"
#include "massho/base/duration_text.h"
#include "massho/image/fat_medium.h"
#include "massho/image/medium_activity.h"
#include "massho/operations/operation_error.h"

namespace massho::operations {
namespace {

using base::ProgressDeadline;

std::string bytesOf(const char* what, uint64_t done, uint64_t total) {
    return std::string(what) + ", after " + std::to_string(done) + " bytes of " +
           std::to_string(total);
}

// A step is entered when its first report arrives (as the erasing step is).
void enterStep(ProgressSink& progress, std::string_view step) {
    if (progress.last().step != step) progress.beginStep(step);
}

// The steps, on the job's thread. `w` is the thread's own; the caller's progress, cancel flag and
// `into` are reached only in tasks run on the caller's thread (ProgressDeadline::onWatcher),
// which never run once the caller has given up and gone.
void writeSteps(const MediumWriting& w, ProgressDeadline& deadline, ProgressSink& progress,
                const CancelToken& cancel, MediumWritten& into) {
    bool cancelled = false;
    const auto stopAt = [&](const char* when) {
        deadline.onWatcher([&] {
            if (!cancel.requested()) return;
            into.cancelledAt = when;
            cancelled = true;
        });
        return cancelled;
    };
    deadline.advance("it was being formatted");
    const image::FatMedium fat = image::prepareFatMedium(w.device, w.deviceBytes, "MASSHO");
    deadline.onWatcher([&] { into.volumeId = fat.volumeId; });
    if (stopAt("after formatting, before the package was written")) return;
    deadline.advance("README.txt was written");
    image::writeSmallFile(fat, "README.txt", w.readme);
    const uint64_t total = w.plan.totalBytes;
    deadline.advance(bytesOf("the package was written", 0, total));
    const image::PackageEncryption encryption{w.recipients, w.passphrase ? &*w.passphrase : nullptr,
                                              w.scryptLogN};
    image::PackageWritten written = image::writePackage(
        fat, w.packageName, w.plan, encryption,
        [&](uint64_t done) {
            deadline.advance(bytesOf("the package was written", done, total));
            deadline.onWatcher([&] {
                enterStep(progress, "writing");
                progress.report(done, total);
            });
        },
        [&](uint64_t done, uint64_t size) {  // the package read back from the medium
            deadline.advance(bytesOf("the package was read back", done, size));
            deadline.onWatcher([&] {
                enterStep(progress, "checking");
                progress.report(done, size);
            });
        });
    deadline.advance("the package was flushed to it");
    image::flushDevice(w.device);
    deadline.onWatcher([&] { into.package = std::move(written); });
}

}  // namespace

void writeCarryOutMedium(MediumWriting writing, ProgressSink& progress, const CancelToken& cancel,
                         MediumWritten& into) {
    progress.beginStep("formatting");
    // The job's thread owns its copy: it may outlive this call, stuck on the medium.
    auto w = std::make_shared<const MediumWriting>(std::move(writing));
    const std::optional<std::string> stalledWhile = base::runUnderDeadline(
        [w, &progress, &cancel, &into](ProgressDeadline& deadline) {
            writeSteps(*w, deadline, progress, cancel, into);
        },
        w->stallTimeout,
        [activity = image::MediumActivity(w->device)]() mutable { return activity.moved(); });
    if (stalledWhile)
        throw OperationError(
            base::ErrorCategory::Failed,
            "the medium stopped responding while " + *stalledWhile + ": nothing moved on it for " +
                base::durationText(w->stallTimeout) +
                "; the carry-out was given up, and the medium stays held until it answers or is "
                "unplugged (destroy it if this happens again)");
}

}  // namespace massho::operations
