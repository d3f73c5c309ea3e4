#include "verifier.h"

#include <algorithm>
#include <cstring>

#include "device_presence.h"
#include "media_io.h"
#include "pattern_cache.h"
#include "pipeline.h"
#include "range_list.h"

namespace massho::erase::detail {
namespace {

constexpr std::size_t kRingSlots = 3;

// The ranges cut into pieces of at most one chunk.
std::vector<ByteRange> cutIntoPieces(const std::vector<ByteRange>& ranges, std::size_t chunk) {
    std::vector<ByteRange> pieces;
    for (const ByteRange& r : ranges) {
        for (uint64_t at = r.offset; at < r.end(); at += chunk) {
            pieces.push_back({at, std::min<uint64_t>(chunk, r.end() - at)});
        }
    }
    return pieces;
}

// Offset of the first byte where `actual` differs from `expected` within the piece, if any.
std::optional<uint64_t> firstDifference(const uint8_t* actual, const uint8_t* expected,
                                        std::size_t length, uint64_t offset) {
    if (std::memcmp(actual, expected, length) == 0) return std::nullopt;
    for (std::size_t i = 0; i < length; ++i) {
        if (actual[i] != expected[i]) return offset + i;
    }
    return std::nullopt;
}

// Offset of the first non-zero byte, if any; scans a word at a time.
std::optional<uint64_t> firstNonZero(const uint8_t* data, std::size_t length, uint64_t offset) {
    constexpr std::size_t kStride = 4096;
    std::size_t i = 0;
    for (; i + kStride <= length; i += kStride) {
        uint64_t any = 0;
        for (std::size_t w = 0; w < kStride; w += sizeof(uint64_t)) {
            uint64_t word;
            std::memcpy(&word, data + i + w, sizeof word);
            any |= word;
        }
        if (any) break;
    }
    for (; i < length; ++i) {
        if (data[i]) return offset + i;
    }
    return std::nullopt;
}

// Compares in blocks small enough to stay in the CPU cache: the regenerated (or cached)
// expected bytes are used while they are hot, so each byte read crosses memory once.
constexpr std::size_t kCompareBlock = 64 * 1024;

// First wrong byte of `part` (whose bytes are at `data`), comparing with `pattern`.
// May modify `data` (keystream patterns are XORed into it).
std::optional<uint64_t> checkPart(const PatternSource& pattern, PatternCache& expected,
                                  uint8_t* data, ByteRange part) {
    const std::size_t length = static_cast<std::size_t>(part.length);
    if (const auto period = pattern.period()) {
        // A stride that is a multiple of the period keeps the phase: one cached block serves all.
        const std::size_t stride = std::max(*period, kCompareBlock - kCompareBlock % *period);
        const auto want = expected.bytesAt(part.offset, std::min(stride, length));
        for (std::size_t at = 0; at < length; at += stride) {
            const std::size_t n = std::min(stride, length - at);
            if (auto d = firstDifference(data + at, want.data(), n, part.offset + at)) return d;
        }
        return std::nullopt;
    }
    for (std::size_t at = 0; at < length; at += kCompareBlock) {
        const std::size_t n = std::min(kCompareBlock, length - at);
        std::optional<uint64_t> d;
        if (pattern.xorInto(part.offset + at, {data + at, n})) {
            d = firstNonZero(data + at, n, part.offset + at);
        } else {
            d = firstDifference(data + at, expected.bytesAt(part.offset + at, n).data(), n,
                                part.offset + at);
        }
        if (d) return d;
    }
    return std::nullopt;
}

// The parts of `piece` not covered by `bad` (both sorted).
std::vector<ByteRange> readableParts(ByteRange piece, const std::vector<ByteRange>& bad) {
    std::vector<ByteRange> parts;
    uint64_t at = piece.offset;
    for (const ByteRange& b : bad) {
        if (b.end() <= at || b.offset >= piece.end()) continue;
        if (b.offset > at) parts.push_back({at, b.offset - at});
        at = std::max(at, b.end());
    }
    if (at < piece.end()) parts.push_back({at, piece.end() - at});
    return parts;
}

}  // namespace

PhaseOutcome verifyRanges(Target& target, const PatternSource& pattern,
                          const std::vector<ByteRange>& ranges, JobControl& job) {
    PhaseOutcome out;
    const std::vector<ByteRange> pieces = cutIntoPieces(ranges, job.chunkBytes);
    const std::size_t align = target.bufferAlignment();
    PatternCache expected(pattern, job.chunkBytes, align);
    Pipeline reader(pieces.size(), kRingSlots, job.chunkBytes, align,
                    [&](std::size_t i, AlignedBuffer& buffer) {
                        return readFully(target, buffer.data(), pieces[i].length, pieces[i].offset);
                    });
    for (const ByteRange& piece : pieces) {
        if (job.cancelled()) {
            out.cancelled = true;
            return out;
        }
        auto [buffer, status] = reader.acquire();
        std::vector<ByteRange> bad;
        if (status == 0) job.answeredAt = piece.offset;
        if (status != 0) {
            out.fatal = vanishedReason(target, job.answeredAt, status, piece.offset);
            if (!out.fatal.empty()) {
                addRange(out.errors, piece);
                return out;
            }
            if (!isMediaError(status)) {
                out.fatal = "reading back failed at byte " + std::to_string(piece.offset) + ": " +
                            describeErrno(status);
                return out;
            }
            // Init-captured: a structured binding cannot be captured by reference before C++20
            // compilers implement P1091 (clang 14 builds the fuzz targets).
            auto io = [&, slot = buffer](uint64_t at, std::size_t len) {
                return readFully(target, slot->data() + (at - piece.offset), len, at);
            };
            out.fatal = retryInSectors(piece.offset, piece.length, target.logicalSector(), io, bad);
            if (!out.fatal.empty()) return out;
            for (const ByteRange& b : bad) addRange(out.errors, b);
            if (totalLength(out.errors) > kMaxBadBytes) {
                out.fatal = "more than 64 MiB could not be read: the device is failing; destroy it";
                return out;
            }
        }
        for (const ByteRange& part : readableParts(piece, bad)) {
            const std::size_t skip = static_cast<std::size_t>(part.offset - piece.offset);
            out.mismatchOffset = checkPart(pattern, expected, buffer->data() + skip, part);
            if (out.mismatchOffset) return out;
            out.bytesDone += part.length;
        }
        reader.release();
        job.progress.advance(piece.length);
    }
    return out;
}

}  // namespace massho::erase::detail
