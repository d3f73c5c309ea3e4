#include <fcntl.h>
#include <linux/nvme_ioctl.h>
#include <scsi/sg.h>
#include <sys/ioctl.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "massho/base/unique_fd.h"
#include "massho/erase/sanitize/device_io.h"
#include "massho/erase/sanitize/sanitize_error.h"

namespace massho::erase::sanitize {
namespace {

base::UniqueFd openDevice(const std::string& path) {
    base::UniqueFd fd(::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
    if (!fd) {
        throw SanitizeError(SanitizeError::Kind::Io,
                            "cannot open " + path + " for drive commands (" + std::strerror(errno) +
                                "): run as root and check the path");
    }
    return fd;
}

class LinuxSgIo final : public SgIo {
  public:
    explicit LinuxSgIo(base::UniqueFd fd) : fd_(std::move(fd)) {}

    ScsiStatus execute(const ScsiCommand& c) override {
        std::array<uint8_t, 64> sense{};
        sg_io_hdr_t h{};
        h.interface_id = 'S';
        h.cmdp = const_cast<unsigned char*>(c.cdb.data());
        h.cmd_len = static_cast<unsigned char>(c.cdb.size());
        h.dxfer_direction = c.direction == DataDirection::FromDevice ? SG_DXFER_FROM_DEV
                            : c.direction == DataDirection::ToDevice ? SG_DXFER_TO_DEV
                                                                     : SG_DXFER_NONE;
        h.dxferp = c.data.empty() ? nullptr : c.data.data();
        h.dxfer_len = static_cast<unsigned>(c.data.size());
        h.sbp = sense.data();
        h.mx_sb_len = sense.size();
        h.timeout = c.timeoutMs;
        ScsiStatus out;
        if (::ioctl(fd_.get(), SG_IO, &h) != 0) {
            out.ioctlErrno = errno;
            return out;
        }
        out.status = h.status;
        out.hostStatus = h.host_status;
        out.driverStatus = h.driver_status;
        out.sense.assign(sense.begin(), sense.begin() + h.sb_len_wr);
        return out;
    }

  private:
    base::UniqueFd fd_;
};

class LinuxNvmeAdmin final : public NvmeAdmin {
  public:
    explicit LinuxNvmeAdmin(base::UniqueFd fd) : fd_(std::move(fd)) {}

    NvmeCompletion execute(const NvmeAdminCommand& c) override {
        nvme_admin_cmd cmd{};
        cmd.opcode = c.opcode;
        cmd.nsid = c.nsid;
        cmd.addr = reinterpret_cast<uintptr_t>(c.data.data());
        cmd.data_len = static_cast<uint32_t>(c.data.size());
        cmd.cdw10 = c.cdw10;
        cmd.cdw11 = c.cdw11;
        cmd.cdw12 = c.cdw12;
        cmd.cdw13 = c.cdw13;
        cmd.cdw14 = c.cdw14;
        cmd.cdw15 = c.cdw15;
        cmd.timeout_ms = c.timeoutMs;
        NvmeCompletion out;
        const int rc = ::ioctl(fd_.get(), NVME_IOCTL_ADMIN_CMD, &cmd);
        if (rc < 0) {
            out.ioctlErrno = errno;
        } else {
            out.status = static_cast<uint16_t>(rc);  // > 0: the NVMe status field
            out.result = cmd.result;
        }
        return out;
    }

    uint32_t namespaceId() override {
        const int id = ::ioctl(fd_.get(), NVME_IOCTL_ID);
        return id > 0 ? static_cast<uint32_t>(id) : 0;
    }

  private:
    base::UniqueFd fd_;
};

}  // namespace

std::unique_ptr<SgIo> openSgIo(const std::string& path) {
    return std::make_unique<LinuxSgIo>(openDevice(path));
}

std::unique_ptr<NvmeAdmin> openNvmeAdmin(const std::string& path) {
    return std::make_unique<LinuxNvmeAdmin>(openDevice(path));
}

}  // namespace massho::erase::sanitize
