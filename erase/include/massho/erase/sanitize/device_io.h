#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace massho::erase::sanitize {

enum class DataDirection { None, FromDevice, ToDevice };

// The time the kernel gives a command that answers at once (IDENTIFY, a status poll, SET
// PASSWORD): as long as a write may take. Commands that run long get their own (the drive's
// estimate with a margin), and the stall watchdog waits that long before its own timeout counts.
inline constexpr uint32_t kCommandTimeoutMs = 30'000;

// One SCSI command as handed to SG_IO (ATA commands travel inside ATA PASS-THROUGH(16)).
struct ScsiCommand {
    std::vector<uint8_t> cdb;
    DataDirection direction = DataDirection::None;
    std::span<uint8_t> data;  // buffer to fill (FromDevice) or to send (ToDevice)
    uint32_t timeoutMs = kCommandTimeoutMs;
    std::string what;  // its name ("SECURITY ERASE UNIT"), for the stall watchdog's reason
    // It undoes what the job set on the drive (SECURITY DISABLE PASSWORD, the IDENTIFY checking
    // it): sent even after the stall watchdog has given the job up, once the drive answers again.
    bool undo = false;
};

// Everything SG_IO reports. Each field must be checked: QEMU's USB bridge answers an ATA
// pass-through with ioctl 0 but status CHECK CONDITION and ILLEGAL REQUEST sense.
struct ScsiStatus {
    int ioctlErrno = 0;  // errno of a failed ioctl(), 0 when the ioctl itself returned 0
    uint8_t status = 0;  // SCSI status byte (00h GOOD, 02h CHECK CONDITION)
    uint16_t hostStatus = 0;
    uint16_t driverStatus = 0;  // 08h DRIVER_SENSE is expected with CHECK CONDITION
    std::vector<uint8_t> sense;
};

// One NVMe admin command: the fields of struct nvme_admin_cmd that a sanitize tool sets.
struct NvmeAdminCommand {
    uint8_t opcode = 0;
    uint32_t nsid = 0;
    uint32_t cdw10 = 0, cdw11 = 0, cdw12 = 0, cdw13 = 0, cdw14 = 0, cdw15 = 0;
    DataDirection direction = DataDirection::None;
    std::span<uint8_t> data;
    uint32_t timeoutMs = kCommandTimeoutMs;
    std::string what;  // its name ("Format NVM"), for the stall watchdog's reason
};

struct NvmeCompletion {
    int ioctlErrno = 0;   // the ioctl failed before reaching the controller
    uint16_t status = 0;  // NVMe status (SCT << 8 | SC, plus DNR/More bits); 0 = success
    uint32_t result = 0;  // completion dword 0
};

// The ioctl boundary: a real implementation over a file descriptor, and scripted fakes in tests.
class SgIo {
  public:
    virtual ~SgIo() = default;
    virtual ScsiStatus execute(const ScsiCommand& command) = 0;
};

class NvmeAdmin {
  public:
    virtual ~NvmeAdmin() = default;
    virtual NvmeCompletion execute(const NvmeAdminCommand& command) = 0;
    // The namespace this block device stands for (NVME_IOCTL_ID), 0 when unknown.
    virtual uint32_t namespaceId() = 0;
};

// Open `path` (a whole block device) O_RDWR|O_NONBLOCK without O_EXCL, so that the erase target
// can hold the exclusive open at the same time. Throw SanitizeError when it cannot be opened.
std::unique_ptr<SgIo> openSgIo(const std::string& path);
std::unique_ptr<NvmeAdmin> openNvmeAdmin(const std::string& path);

}  // namespace massho::erase::sanitize
