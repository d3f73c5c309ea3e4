#include "pass_writer.h"

#include <algorithm>
#include <cerrno>
#include <memory>

#include "device_presence.h"
#include "media_io.h"
#include "pattern_cache.h"
#include "pipeline.h"
#include "range_list.h"

namespace massho::erase::detail {
namespace {

// Enough buffers for the generator to stay ahead of the writer without hogging memory.
constexpr std::size_t kRingSlots = 4;

// Where the bytes of chunk i come from: a cached periodic pattern, or a generator thread.
//
// Many jobs in one process (masshod: one per drive): each pass has exactly one generator thread,
// whatever the number of cores, and shares nothing with other jobs: the ring, the pattern cache
// and the OpenSSL contexts (one per chunk) are its own; there is no pool, static cache or lock in
// the engine. N jobs are N generators and N writers, and the kernel's scheduler shares the cores
// among them; a generator 4 chunks ahead sleeps, so each job takes CPU in proportion to what its
// drive accepts. AES-128-CTR makes about 9 GB per CPU-second on the 2-CPU development VM
// (AES-NI), so two cores saturate only beyond about 18 GB/s of drives: no per-job thread count to
// adapt, no process-wide scheduler. (The one shared thing, OpenSSL 3's provider store that each
// new context looks AES-128-CTR up in, costs nothing measurable: a cipher fetched once changed
// nothing with 1 to 8 threads.) massho_parallel_erase_bench (tests/bench) shows N jobs following
// N parallel dd writes until the disk saturates.
class ChunkFeed {
  public:
    ChunkFeed(const PatternSource& pattern, uint64_t size, std::size_t chunk, std::size_t align)
        : size_(size), chunk_(chunk), cache_(pattern, chunk, align) {
        if (cache_.periodic()) return;
        const std::size_t count = static_cast<std::size_t>((size + chunk - 1) / chunk);
        pipeline_ = std::make_unique<Pipeline>(count, kRingSlots, chunk, align,
                                               [&pattern, this](std::size_t i, AlignedBuffer& b) {
                                                   pattern.fill(offsetOf(i), b.span(lengthOf(i)));
                                                   return 0;
                                               });
    }
    const uint8_t* acquire(std::size_t i) {
        if (!pipeline_) return cache_.bytesAt(offsetOf(i), lengthOf(i)).data();
        return pipeline_->acquire().buffer->data();
    }
    void release() {
        if (pipeline_) pipeline_->release();
    }
    uint64_t offsetOf(std::size_t i) const { return static_cast<uint64_t>(i) * chunk_; }
    std::size_t lengthOf(std::size_t i) const {
        return static_cast<std::size_t>(std::min<uint64_t>(chunk_, size_ - offsetOf(i)));
    }

  private:
    uint64_t size_;
    std::size_t chunk_;
    PatternCache cache_;
    std::unique_ptr<Pipeline> pipeline_;
};

// Writes one chunk; on a media error, finds the bad sectors. Returns a fatal reason or "".
std::string writeChunk(Target& target, JobControl& job, const uint8_t* data, std::size_t length,
                       uint64_t offset, std::vector<ByteRange>& bad) {
    const int err = writeFully(target, data, length, offset);
    if (err == 0) {
        job.answeredAt = offset;
        return {};
    }
    if (std::string gone = vanishedReason(target, job.answeredAt, err, offset); !gone.empty()) {
        addRange(bad, {offset, length});  // not written, or not known to be
        return gone;
    }
    if (err == ENOSPC) {
        // The size came from the device itself: running out of room before it is a bug or a
        // shrinking device, never the end of the job.
        return "the device ended before its reported size of " + std::to_string(target.size()) +
               " bytes (ENOSPC within the chunk at byte " + std::to_string(offset) +
               "): its end was not erased; check the device";
    }
    if (!isMediaError(err)) {
        return "writing failed at byte " + std::to_string(offset) + ": " + describeErrno(err);
    }
    auto io = [&](uint64_t at, std::size_t len) {
        return writeFully(target, data + (at - offset), len, at);
    };
    std::string fatal = retryInSectors(offset, length, target.logicalSector(), io, bad);
    return fatal.empty() ? fatal : "writing failed: " + fatal;
}

}  // namespace

PhaseOutcome writePass(Target& target, const PatternSource& pattern, JobControl& job) {
    PhaseOutcome out;
    const uint64_t size = target.size();
    ChunkFeed feed(pattern, size, job.chunkBytes, target.bufferAlignment());
    const std::size_t count =
        static_cast<std::size_t>((size + job.chunkBytes - 1) / job.chunkBytes);
    for (std::size_t i = 0; i < count; ++i) {
        if (job.cancelled()) {
            out.cancelled = true;
            return out;
        }
        const uint64_t offset = feed.offsetOf(i);
        const std::size_t length = feed.lengthOf(i);
        const uint64_t badBefore = totalLength(out.errors);
        out.fatal = writeChunk(target, job, feed.acquire(i), length, offset, out.errors);
        feed.release();
        if (!out.fatal.empty()) return out;
        out.bytesDone += length - (totalLength(out.errors) - badBefore);
        if (totalLength(out.errors) > kMaxBadBytes) {
            out.fatal = "more than 64 MiB could not be written: the device is failing; destroy it";
            return out;
        }
        job.progress.advance(length);
    }
    if (const int err = target.flush(); err != 0) {
        out.fatal = "flushing the device after the pass failed: " + describeErrno(err) +
                    "; what was written may not be on the medium";
    }
    return out;
}

}  // namespace massho::erase::detail
