#include "massho/image/fat_medium.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <vector>

#include "exfat_format.h"
#include "exfat_volume.h"
#include "massho/base/hex.h"
#include "massho/base/openssl_ptr.h"
#include "massho/base/unique_fd.h"
#include "massho/image/carryout_error.h"
#include "subprocess.h"

namespace massho::image {
namespace {

using Kind = CarryOutError::Kind;
using detail::ExfatVolume;
using detail::runTool;
using detail::Subprocess;

constexpr uint64_t kSector = 512;
constexpr uint64_t kExfatThreshold = 32ull << 30;  // FAT32 above 32 GiB is refused by Windows
constexpr uint64_t kFat32Minimum = 64ull << 20;    // below this mkfs.fat picks FAT12/16 itself

// mtools refuses some geometries of raw devices without this; the medium is ours to write.
// Given to each mtools child, never set in this process (a service runs other threads).
const std::vector<std::string> kMtoolsEnvironment{"MTOOLS_SKIP_CHECK=1"};

bool haveProgram(const char* name) {
    for (const char* dir : {"/usr/sbin", "/sbin", "/usr/bin", "/bin"})
        if (access((std::string(dir) + "/" + name).c_str(), X_OK) == 0) return true;
    return false;
}

std::string sanitizeLabel(const std::string& label) {
    std::string out;
    for (char c : label) {
        if (out.size() == 11) break;
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += c;
        if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 'A');
    }
    return out.empty() ? "MASSHO" : out;
}

// The device's logical sector size (BLKSSZGET); 512 for an image file.
unsigned logicalSectorBytes(const std::string& device) {
    base::UniqueFd fd(::open(device.c_str(), O_RDONLY | O_CLOEXEC));
    int bytes = 0;
    if (!fd || ::ioctl(fd.get(), BLKSSZGET, &bytes) != 0 || bytes <= 0) return kSector;
    return static_cast<unsigned>(bytes);
}

// The choice prepareFatMedium makes, and maxFileBytes must agree with. mkfs.exfat formats an
// image file (exfat_format.h), so always with 512-byte sectors, which a drive with larger logical
// sectors cannot mount (Linux: "bogus logical sector size"): such a drive stays FAT32.
bool usesExfat(const std::string& device, uint64_t deviceBytes) {
    return deviceBytes > kExfatThreshold && haveProgram("mkfs.exfat") &&
           haveProgram("tune.exfat") && logicalSectorBytes(device) == kSector;
}

bool isExfat(const FatMedium& medium) {
    return medium.filesystem == "exfat";
}

base::UniqueFd openMedium(const std::string& device, int flags) {
    base::UniqueFd fd(::open(device.c_str(), flags | O_CLOEXEC));
    if (!fd)
        throw CarryOutError(Kind::Failed,
                            "cannot open " + device + " (" + std::strerror(errno) + ")");
    return fd;
}

// "1A2B3C4D" → "1A2B-3C4D", as FAT and exFAT volume serials are shown.
std::string volumeIdFromHex(const std::string& hex) {
    return hex.substr(0, 4) + "-" + hex.substr(4, 4);
}

// The SHA-256 and length of what `read` yields until it returns 0 (or < 0: an error); `onBytes`
// is told the length so far after each read.
ReadBack hashAll(const std::function<ssize_t(char*, size_t)>& read,
                 const std::function<void(uint64_t)>& onBytes) {
    base::MdCtxPtr md(EVP_MD_CTX_new());
    if (!md || EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr) != 1)
        throw CarryOutError(Kind::Failed, "SHA-256 could not be started");
    ReadBack result;
    std::vector<char> buf(1 << 20);
    for (ssize_t n; (n = read(buf.data(), buf.size())) > 0;) {
        EVP_DigestUpdate(md.get(), buf.data(), static_cast<size_t>(n));
        result.bytes += static_cast<uint64_t>(n);
        if (onBytes) onBytes(result.bytes);
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned size = 0;
    EVP_DigestFinal_ex(md.get(), digest, &size);
    result.sha256 = base::hexEncode(std::string_view(reinterpret_cast<const char*>(digest), size));
    return result;
}

}  // namespace

std::string FatMedium::mtoolsImage() const {
    return device + "@@" + std::to_string(partitionOffset);
}

uint64_t usableBytes(uint64_t deviceBytes) {
    if (deviceBytes <= kPartitionOffset + (2ull << 20)) return 0;
    uint64_t partition = deviceBytes - kPartitionOffset;
    // FAT32 tables are ≈ 2 × 4 bytes per 4 KiB cluster (0.2 %); 1 % + 1 MiB covers the reserved
    // area, the root directory, the README and cluster slack on every geometry mkfs picks.
    return partition - partition / 100 - (1ull << 20);
}

uint64_t maxFileBytes(const std::string& device, uint64_t deviceBytes) {
    return usesExfat(device, deviceBytes) ? UINT64_MAX : (4ull << 30) - 1;
}

FatMedium prepareFatMedium(const std::string& device, uint64_t deviceBytes,
                           const std::string& label) {
    FatMedium m;
    m.device = device;
    m.partitionOffset = kPartitionOffset;
    m.partitionBytes = (deviceBytes - kPartitionOffset) / kSector * kSector;
    const bool exfat = usesExfat(device, deviceBytes);
    m.filesystem = exfat ? "exfat" : "vfat";

    // sfdisk(8) script: MBR, one partition from sector 2048 to the end.
    const std::string script = std::string("label: dos\nstart=") +
                               std::to_string(kPartitionOffset / kSector) +
                               ", type=" + (exfat ? "7" : "c") + "\n";
    runTool({"sfdisk", "--quiet", "--wipe", "always", "--no-reread", "--no-tell-kernel", device},
            script);
    const std::string name = sanitizeLabel(label);
    unsigned char id[4];
    if (RAND_bytes(id, sizeof id) != 1)
        throw CarryOutError(Kind::Failed, "no random bytes for the volume serial");
    char hex[10];
    std::snprintf(hex, sizeof hex, "%02X%02X%02X%02X", id[0], id[1], id[2], id[3]);
    m.volumeId = volumeIdFromHex(hex);
    if (exfat) {
        detail::formatExfat(device, kPartitionOffset, m.partitionBytes, name, hex);
        return m;
    }
    std::vector<std::string> mkfs = {"mkfs.vfat", "-i", hex};
    if (m.partitionBytes >= kFat32Minimum) mkfs.insert(mkfs.end(), {"-F", "32"});
    mkfs.insert(mkfs.end(),
                {"-n", name, "--offset", std::to_string(kPartitionOffset / kSector), device,
                 std::to_string(m.partitionBytes / 1024)});  // block count in KiB
    runTool(mkfs);
    return m;
}

// The two ways a file reaches the medium: mcopy for FAT32, ExfatVolume for exFAT.
struct MediumFileWriter::Impl {
    virtual ~Impl() = default;
    virtual int fd() const = 0;
    virtual void finish(const std::string& name) = 0;
    virtual std::string abandon() = 0;
};

namespace {

// `mcopy -i IMAGE - ::NAME` reading from a pipe.
class McopyWriter : public MediumFileWriter::Impl {
  public:
    McopyWriter(const FatMedium& medium, const std::string& name)
        : child_({"mcopy", "-o", "-i", medium.mtoolsImage(), "-", "::" + name},
                 {.pipeStdin = true, .environment = kMtoolsEnvironment}) {}

    int fd() const override { return child_.stdinFd(); }

    void finish(const std::string& name) override {
        done_ = true;
        if (child_.wait() != 0)
            throw CarryOutError(Kind::Failed, "writing " + name + " to the medium failed (mcopy: " +
                                                  detail::lastLine(child_.errorText()) + ")");
    }

    std::string abandon() override {
        if (done_) return {};
        done_ = true;
        child_.wait();
        return detail::lastLine(child_.errorText());
    }

  private:
    Subprocess child_;
    bool done_ = false;
};

// Straight onto the medium after everything allocated; the file's clusters and directory entries
// are recorded once its length is known (finish).
class ExfatWriter : public MediumFileWriter::Impl {
  public:
    explicit ExfatWriter(const FatMedium& medium)
        : device_(openMedium(medium.device, O_RDWR)),
          volume_(device_.get(), medium.partitionOffset),
          start_(volume_.nextFileOffset()) {
        if (::lseek(device_.get(), static_cast<off_t>(start_), SEEK_SET) < 0)
            throw CarryOutError(Kind::Failed, "cannot seek on " + medium.device + " (" +
                                                  std::strerror(errno) + ")");
    }

    int fd() const override { return device_.get(); }

    void finish(const std::string& name) override {
        const off_t end = ::lseek(device_.get(), 0, SEEK_CUR);
        if (end < 0)
            throw CarryOutError(Kind::Failed, "cannot tell how much of " + name + " was written (" +
                                                  std::strerror(errno) + ")");
        volume_.addFile(name, static_cast<uint64_t>(end) - start_, std::time(nullptr));
    }

    std::string abandon() override { return {}; }

  private:
    base::UniqueFd device_;
    ExfatVolume volume_;
    uint64_t start_;
};

std::unique_ptr<MediumFileWriter::Impl> fileWriter(const FatMedium& medium,
                                                   const std::string& name) {
    if (isExfat(medium)) return std::make_unique<ExfatWriter>(medium);
    return std::make_unique<McopyWriter>(medium, name);
}

}  // namespace

MediumFileWriter::MediumFileWriter(const FatMedium& medium, const std::string& name)
    : impl_(fileWriter(medium, name)), name_(name) {}

MediumFileWriter::~MediumFileWriter() = default;

int MediumFileWriter::fd() const {
    return impl_->fd();
}

void MediumFileWriter::finish() {
    impl_->finish(name_);
}

std::string MediumFileWriter::abandon() {
    return impl_->abandon();
}

std::string readVolumeId(const std::string& device) {
    {
        base::UniqueFd fd(::open(device.c_str(), O_RDONLY | O_CLOEXEC));
        if (auto serial = fd ? detail::exfatSerial(fd.get(), kPartitionOffset) : std::nullopt) {
            char hex[10];
            std::snprintf(hex, sizeof hex, "%08X", *serial);
            return volumeIdFromHex(hex);
        }
    }
    Subprocess child({"minfo", "-i", device + "@@" + std::to_string(kPartitionOffset), "::"},
                     {.pipeStdout = true, .environment = kMtoolsEnvironment});
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(child.stdoutFd(), buf, sizeof buf)) > 0;)
        if (out.size() < 65536) out.append(buf, static_cast<size_t>(n));
    if (child.wait() != 0) return {};
    // minfo prints the boot sector's "serial number: 1A2B3C4D".
    const std::string key = "serial number: ";
    size_t at = out.find(key);
    if (at == std::string::npos || out.size() < at + key.size() + 8) return {};
    std::string hex = out.substr(at + key.size(), 8);
    for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return volumeIdFromHex(hex);
}

void writeSmallFile(const FatMedium& medium, const std::string& name, const std::string& content) {
    if (isExfat(medium)) {
        MediumFileWriter file(medium, name);
        if (!detail::writeAll(file.fd(), content.data(), content.size()))
            throw CarryOutError(Kind::Failed, "writing " + name + " to the medium failed (" +
                                                  std::strerror(errno) + ")");
        file.finish();
        return;
    }
    runTool({"mcopy", "-o", "-i", medium.mtoolsImage(), "-", "::" + name}, content,
            kMtoolsEnvironment);
}

void flushDevice(const std::string& device) {
    int fd = ::open(device.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw CarryOutError(Kind::Failed,
                            "cannot reopen " + device + " to flush it: " + std::strerror(errno));
    bool synced = ::fsync(fd) == 0;
    int err = errno;
    // BLKFLSBUF only on block devices; a regular file (tests of the library) has no such cache.
    if (synced) ::ioctl(fd, BLKFLSBUF, 0);
    ::close(fd);
    if (!synced)
        throw CarryOutError(Kind::Failed, "the medium did not take the written data (" +
                                              std::string(std::strerror(err)) +
                                              "): it may have been pulled out");
}

ReadBack readBackFile(const FatMedium& medium, const std::string& name,
                      const std::function<void(uint64_t)>& onBytes) {
    flushDevice(medium.device);
    if (isExfat(medium)) {
        base::UniqueFd fd = openMedium(medium.device, O_RDONLY);
        const auto extent = ExfatVolume(fd.get(), medium.partitionOffset).find(name);
        if (!extent)
            throw CarryOutError(Kind::Failed,
                                "reading " + name + " back from the medium failed (no such file)");
        uint64_t at = extent->offset;
        const uint64_t end = extent->offset + extent->bytes;
        int readErrno = 0;
        ReadBack back = hashAll(
            [&](char* buf, size_t size) -> ssize_t {
                const size_t want = static_cast<size_t>(std::min<uint64_t>(size, end - at));
                ssize_t n;
                do n = want ? ::pread(fd.get(), buf, want, static_cast<off_t>(at)) : 0;
                while (n < 0 && errno == EINTR);
                if (n < 0) readErrno = errno;
                if (n > 0) at += static_cast<uint64_t>(n);
                return n;
            },
            onBytes);
        if (at != end)
            throw CarryOutError(
                Kind::Failed, "reading " + name + " back from the medium failed (" +
                                  (readErrno ? std::strerror(readErrno) : "the medium ends early") +
                                  ")");
        return back;
    }
    Subprocess child({"mcopy", "-i", medium.mtoolsImage(), "::" + name, "-"},
                     {.pipeStdout = true, .environment = kMtoolsEnvironment});
    ReadBack result = hashAll(
        [&](char* buf, size_t size) -> ssize_t {
            ssize_t n;
            do n = ::read(child.stdoutFd(), buf, size);
            while (n < 0 && errno == EINTR);
            return n;
        },
        onBytes);
    int rc = child.wait();
    if (rc != 0)
        throw CarryOutError(Kind::Failed, "reading " + name + " back from the medium failed (" +
                                              detail::lastLine(child.errorText()) + ")");
    return result;
}

}  // namespace massho::image
