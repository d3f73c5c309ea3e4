#include "massho/image/crypto_erase.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "massho/base/unique_fd.h"
#include "massho/image/carryout_error.h"

namespace massho::image {
namespace {

using Kind = CarryOutError::Kind;

constexpr size_t kSector = 512;
constexpr size_t kWindow = 4 * 1024 * 1024;
constexpr size_t kMaxHeader = 64 * 1024;  // a header with many recipients is still far smaller
constexpr std::string_view kMagic = "age-encryption.org/v1\n";
constexpr std::string_view kMacLine = "\n--- ";

[[noreturn]] void ioFail(const std::string& what, const std::string& device) {
    throw CarryOutError(Kind::Failed,
                        what + " " + device + " failed: " + std::strerror(errno) +
                            " — the medium is NOT crypto-erased; destroy it physically");
}

size_t readAt(int fd, char* buf, size_t size, uint64_t offset, const std::string& device) {
    size_t done = 0;
    while (done < size) {
        ssize_t n = ::pread(fd, buf + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) ioFail("reading", device);
        if (n == 0) break;
        done += static_cast<size_t>(n);
    }
    return done;
}

// The header runs from the magic to the end of the "--- MAC" line; wipe whole sectors of it.
size_t headerLength(int fd, uint64_t offset, const std::string& device) {
    std::string head(kMaxHeader, '\0');
    size_t got = readAt(fd, head.data(), head.size(), offset, device);
    head.resize(got);
    size_t mac = head.find(kMacLine);
    size_t end = mac == std::string::npos ? std::string::npos : head.find('\n', mac + 1);
    size_t length = end == std::string::npos ? std::min(got, kMaxHeader) : end + 1;
    return (length + kSector - 1) / kSector * kSector;
}

void overwrite(int fd, uint64_t offset, size_t length, const std::string& device) {
    std::vector<unsigned char> noise(length);
    if (RAND_bytes(noise.data(), static_cast<int>(noise.size())) != 1)
        throw CarryOutError(Kind::Failed, "no random bytes for the header wipe");
    size_t done = 0;
    while (done < length) {
        ssize_t n =
            ::pwrite(fd, noise.data() + done, length - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ioFail("overwriting an age header on", device);
        done += static_cast<size_t>(n);
    }
}

}  // namespace

HeaderWipeResult destroyAgeHeaders(const std::string& device) {
    base::UniqueFd fd(::open(device.c_str(), O_RDWR | O_CLOEXEC));
    if (fd.get() < 0) ioFail("opening", device);
    HeaderWipeResult result;
    std::vector<char> buf(kWindow);
    for (uint64_t offset = 0;; offset += kWindow) {
        size_t got = readAt(fd.get(), buf.data(), buf.size(), offset, device);
        for (size_t s = 0; s + kMagic.size() <= got; s += kSector)
            if (std::string_view(buf.data() + s, kMagic.size()) == kMagic)
                result.offsets.push_back(offset + s);
        result.bytesScanned += got;
        if (got < buf.size()) break;
    }
    for (uint64_t at : result.offsets)
        overwrite(fd.get(), at, headerLength(fd.get(), at, device), device);
    if (::fsync(fd.get()) != 0) ioFail("flushing", device);
    // Check: no header is left where one was.
    for (uint64_t at : result.offsets) {
        char check[kMagic.size()];
        if (readAt(fd.get(), check, sizeof check, at, device) == sizeof check &&
            std::string_view(check, sizeof check) == kMagic)
            throw CarryOutError(Kind::Failed, "an age header on " + device +
                                                  " survived its overwrite: the medium is NOT "
                                                  "crypto-erased; destroy it physically");
    }
    return result;
}

}  // namespace massho::image
