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
#include <filesystem>
#include <vector>

#include "massho/base/hex.h"
#include "massho/base/openssl_ptr.h"
#include "massho/image/carryout_error.h"
#include "subprocess.h"

namespace massho::image {
namespace {

using Kind = CarryOutError::Kind;
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

// The choice prepareFatMedium makes, and maxFileBytes must agree with.
bool usesExfat(uint64_t deviceBytes) {
    return deviceBytes > kExfatThreshold && haveProgram("mkfs.exfat");
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

uint64_t maxFileBytes(uint64_t deviceBytes) {
    return usesExfat(deviceBytes) ? UINT64_MAX : (4ull << 30) - 1;
}

FatMedium prepareFatMedium(const std::string& device, uint64_t deviceBytes,
                           const std::string& label) {
    FatMedium m;
    m.device = device;
    m.partitionOffset = kPartitionOffset;
    m.partitionBytes = (deviceBytes - kPartitionOffset) / kSector * kSector;
    const bool exfat = usesExfat(deviceBytes);
    m.filesystem = exfat ? "exfat" : "vfat";

    // sfdisk(8) script: MBR, one partition from sector 2048 to the end.
    const std::string script = std::string("label: dos\nstart=") +
                               std::to_string(kPartitionOffset / kSector) +
                               ", type=" + (exfat ? "7" : "c") + "\n";
    runTool({"sfdisk", "--quiet", "--wipe", "always", "--no-reread", "--no-tell-kernel", device},
            script);
    const std::string name = sanitizeLabel(label);
    if (exfat) {
        // mkfs.exfat has no offset option: it needs the partition device.
        throw CarryOutError(Kind::Failed,
                            "exFAT media above 32 GiB are not prepared yet: use a medium of at "
                            "most 32 GiB");
    }
    unsigned char id[4];
    if (RAND_bytes(id, sizeof id) != 1)
        throw CarryOutError(Kind::Failed, "no random bytes for the volume serial");
    char hex[10];
    std::snprintf(hex, sizeof hex, "%02X%02X%02X%02X", id[0], id[1], id[2], id[3]);
    m.volumeId = std::string(hex, 4) + "-" + std::string(hex + 4, 4);
    std::vector<std::string> mkfs = {"mkfs.vfat", "-i", hex};
    if (m.partitionBytes >= kFat32Minimum) mkfs.insert(mkfs.end(), {"-F", "32"});
    mkfs.insert(mkfs.end(),
                {"-n", name, "--offset", std::to_string(kPartitionOffset / kSector), device,
                 std::to_string(m.partitionBytes / 1024)});  // block count in KiB
    runTool(mkfs);
    return m;
}

struct MediumFileWriter::Impl {
    explicit Impl(const std::vector<std::string>& argv)
        : child(argv, {.pipeStdin = true, .environment = kMtoolsEnvironment}) {}
    Subprocess child;
    bool done = false;
};

MediumFileWriter::MediumFileWriter(const FatMedium& medium, const std::string& name)
    : impl_(std::make_unique<Impl>(
          std::vector<std::string>{"mcopy", "-o", "-i", medium.mtoolsImage(), "-", "::" + name})),
      name_(name) {}

MediumFileWriter::~MediumFileWriter() = default;

int MediumFileWriter::fd() const {
    return impl_->child.stdinFd();
}

void MediumFileWriter::finish() {
    impl_->done = true;
    int rc = impl_->child.wait();
    if (rc != 0)
        throw CarryOutError(Kind::Failed, "writing " + name_ + " to the medium failed (mcopy: " +
                                              detail::lastLine(impl_->child.errorText()) + ")");
}

std::string MediumFileWriter::abandon() {
    if (impl_->done) return {};
    impl_->done = true;
    impl_->child.wait();
    return detail::lastLine(impl_->child.errorText());
}

std::string readVolumeId(const std::string& device) {
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
    return hex.substr(0, 4) + "-" + hex.substr(4, 4);
}

void writeSmallFile(const FatMedium& medium, const std::string& name, const std::string& content) {
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

ReadBack readBackFile(const FatMedium& medium, const std::string& name) {
    flushDevice(medium.device);
    Subprocess child({"mcopy", "-i", medium.mtoolsImage(), "::" + name, "-"},
                     {.pipeStdout = true, .environment = kMtoolsEnvironment});
    base::MdCtxPtr md(EVP_MD_CTX_new());
    if (!md || EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr) != 1)
        throw CarryOutError(Kind::Failed, "SHA-256 could not be started");
    ReadBack result;
    std::vector<char> buf(64 * 1024);
    for (;;) {
        ssize_t n = ::read(child.stdoutFd(), buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        EVP_DigestUpdate(md.get(), buf.data(), static_cast<size_t>(n));
        result.bytes += static_cast<uint64_t>(n);
    }
    int rc = child.wait();
    if (rc != 0)
        throw CarryOutError(Kind::Failed, "reading " + name + " back from the medium failed (" +
                                              detail::lastLine(child.errorText()) + ")");
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned size = 0;
    EVP_DigestFinal_ex(md.get(), digest, &size);
    result.sha256 = base::hexEncode(std::string_view(reinterpret_cast<const char*>(digest), size));
    return result;
}

}  // namespace massho::image
