#include "fake_drives.h"

#include <chrono>
#include <cstring>

namespace massho::erase::sanitize::testing {

ScsiStatus ataRegisters(uint8_t status, uint8_t error, uint16_t count, uint64_t lba) {
    ScsiStatus r;
    r.status = 0x02;
    r.driverStatus = 0x08;
    const uint8_t key = (status & 0x01) ? 0x0B : 0x01;
    r.sense = {0x72,
               key,
               0x00,
               0x1D,
               0,
               0,
               0,
               14,
               0x09,
               0x0C,
               0x01,
               error,
               static_cast<uint8_t>(count >> 8),
               static_cast<uint8_t>(count),
               static_cast<uint8_t>(lba >> 24),
               static_cast<uint8_t>(lba),
               static_cast<uint8_t>(lba >> 32),
               static_cast<uint8_t>(lba >> 8),
               static_cast<uint8_t>(lba >> 40),
               static_cast<uint8_t>(lba >> 16),
               0x40,
               status};
    return r;
}

ScsiStatus ataGood() {
    return ScsiStatus{};
}
ScsiStatus ataAborted() {
    return ataRegisters(0x51, 0x04, 0, 0);
}

ScsiStatus illegalRequest() {
    ScsiStatus r;
    r.status = 0x02;
    r.driverStatus = 0x08;
    r.sense = {0x70, 0, 0x05, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x20, 0x00, 0, 0, 0, 0};
    return r;
}

std::array<uint8_t, 512> identifyBlock(std::initializer_list<std::pair<int, uint16_t>> words) {
    std::array<uint8_t, 512> b{};
    auto text = [&](int first, const char* s, int count) {
        std::string t(s);
        t.resize(2 * count, ' ');
        for (int i = 0; i < count; ++i) {
            b[2 * (first + i)] = static_cast<uint8_t>(t[2 * i + 1]);
            b[2 * (first + i) + 1] = static_cast<uint8_t>(t[2 * i]);
        }
    };
    text(10, "FAKE0001", 10);
    text(23, "1.0", 4);
    text(27, "Massho Fake SSD", 20);
    for (auto [w, v] : words) {
        b[2 * w] = static_cast<uint8_t>(v);
        b[2 * w + 1] = static_cast<uint8_t>(v >> 8);
    }
    return b;
}

FakeAtaDrive::FakeAtaDrive()
    : identify(identifyBlock({{59, 0xF000},
                              {82, 0x4402},
                              {83, 0x4C00},
                              {89, 0x0002},
                              {90, 0x0003},
                              {100, 0x1000},
                              {128, 0x0021},
                              {217, 0x0001}})) {}

ScsiStatus FakeAtaDrive::execute(const ScsiCommand& c) {
    if (c.cdb.size() != 16 || c.cdb[0] != 0x85) return illegalRequest();
    const uint8_t op = c.cdb[14];
    commands.push_back(op);
    if (beforeAnswer) beforeAnswer(op);
    if (usbBridge) return illegalRequest();
    auto password = [&] { return std::string(c.data.begin() + 2, c.data.begin() + 34); };
    switch (op) {
        case 0xEC: {
            auto block = identify;
            uint16_t w128 = static_cast<uint16_t>(block[256] | block[257] << 8);
            if (securityEnabled) w128 |= 0x0002;
            if (frozen) w128 |= 0x0008;
            block[256] = static_cast<uint8_t>(w128);
            std::memcpy(c.data.data(), block.data(), 512);
            return ataGood();
        }
        case 0xF1:
            passwordsSeen.push_back(password());
            if (frozen) return ataAborted();
            password_ = password();
            securityEnabled = true;
            return ataGood();
        case 0xF3:
            return securityEnabled ? ataRegisters(0x50, 0, 0, 0) : ataAborted();
        case 0xF4:
            passwordsSeen.push_back(password());
            if (duringEraseUnit) duringEraseUnit();
            return eraseUnit(c.data);
        case 0xF6:
            passwordsSeen.push_back(password());
            if (abortDisable || password() != password_) return ataAborted();
            securityEnabled = false;
            return ataGood();
        case 0x27:
            return ataRegisters(0x50, 0, 0, nativeMaxLba);
        case 0xB1: {
            std::fill(c.data.begin(), c.data.end(), 0);
            c.data[0] = 0x02;
            for (int i = 0; i < 8; ++i) c.data[6 + i] = static_cast<uint8_t>(dcoMaxLba >> 8 * i);
            return ataGood();
        }
        case 0xB4:
            return sanitize(static_cast<uint16_t>(c.cdb[3] << 8 | c.cdb[4]));
        default:
            return ataAborted();
    }
}

// SECURITY ERASE UNIT's data block, word 0 (ACS-3 7.43): bit 0 IDENTIFIER (0: compare
// the user password, 1: the master password), bit 1 ENHANCED (erase mode: 1 enhanced, 0 normal).
// The fake has no master password, and aborts an enhanced erase when IDENTIFY word 128 bit 5 says
// enhanced erase is not supported.
ScsiStatus FakeAtaDrive::eraseUnit(std::span<const uint8_t> block) {
    const bool master = block[0] & 0x01, enhanced = block[0] & 0x02;
    const bool enhancedSupported = identify[256] & 0x20;
    const std::string password(block.begin() + 2, block.begin() + 34);
    if (abortEraseUnit || master || password != password_ || (enhanced && !enhancedSupported))
        return ataAborted();
    erased = true;
    eraseMode = enhanced ? EraseMode::Enhanced : EraseMode::Normal;
    securityEnabled = false;  // ACS-3 §4.18.11: a successful erase disables security
    return ataGood();
}

ScsiStatus FakeAtaDrive::sanitize(uint16_t feature) {
    sanitizeFeatures.push_back(feature);
    if (feature != 0x0000) {  // a sanitize action
        if (sanitizeFrozen) return ataAborted();
        sanitizeRunning_ = true;
        sanitizeFailed_ = false;
        pollsLeft_ = sanitizePolls;
        return ataRegisters(0x50, 0, 0, 0);
    }
    uint16_t count = sanitizeFrozen ? 0x2000 : 0;
    if (sanitizeRunning_ && pollsLeft_ > 0) {
        const uint16_t progress = static_cast<uint16_t>(65535 / (pollsLeft_ + 1));
        --pollsLeft_;
        return ataRegisters(0x50, 0, count | 0x4000, progress);
    }
    if (sanitizeRunning_) {
        sanitizeRunning_ = false;
        sanitizeFailed_ = sanitizeFails;
        erased = !sanitizeFails;
    }
    if (sanitizeFailed_) return ataRegisters(0x51, 0x04, count, 0x01);  // reason 01h: failed
    return ataRegisters(0x50, 0, count | (erased ? 0x8000 : 0), 0xFFFF);
}

FakeNvme::FakeNvme() = default;

NvmeCompletion FakeNvme::execute(const NvmeAdminCommand& c) {
    commands.push_back(c);
    if (beforeAnswer) beforeAnswer(c.opcode);
    auto put = [&](std::size_t offset, uint64_t value, int bytes) {
        for (int i = 0; i < bytes; ++i) c.data[offset + i] = static_cast<uint8_t>(value >> 8 * i);
    };
    switch (c.opcode) {
        case 0x06:
            std::fill(c.data.begin(), c.data.end(), 0);
            if (c.cdw10 == 0x01) {
                std::memcpy(c.data.data() + 4, "FAKENVME            ", 20);
                std::memcpy(c.data.data() + 24, "QEMU NVMe Ctrl", 14);
                put(256, oacs, 2);
                put(328, sanicap, 4);
                put(516, 1, 4);
                c.data[524] = fna;
            } else {
                put(0, 2048, 8);
                c.data[25] = 1;
                c.data[26] = flbas;
                put(128, 9u << 16, 4);   // LBAF0: 512 bytes
                put(132, 12u << 16, 4);  // LBAF1: 4096 bytes
            }
            return {};
        case 0x80:
            ++formats;
            if (formatStatus == 0 && onFormat) onFormat();
            return NvmeCompletion{0, formatStatus, 0};
        case 0x84:
            if (sanicap == 0) return NvmeCompletion{0, 0x0001, 0};  // Invalid Command Opcode
            sanitizeLeft_ = sanitizePolls;
            sanitizing_ = true;
            return {};
        case 0x02: {
            std::fill(c.data.begin(), c.data.end(), 0);
            uint16_t sprog = 0xFFFF, sstat = lastState_;
            if (sanitizing_ && sanitizeLeft_ > 0) {
                --sanitizeLeft_;
                sprog = static_cast<uint16_t>(65536 / (sanitizeLeft_ + 2));
                sstat = 2;
            } else if (sanitizing_) {
                sanitizing_ = false;
                lastState_ = powerLossMidSanitize ? 3 : 0x101;
                sstat = lastState_;
            }
            put(0, sprog, 2);
            put(2, sstat, 2);
            for (std::size_t at : {8, 12, 16}) put(at, sanitizeEstimate, 4);
            return {};
        }
        default:
            return NvmeCompletion{0, 0x0001, 0};
    }
}

std::vector<uint8_t> fixedSense(uint8_t key, uint8_t asc, uint8_t ascq, int progress) {
    std::vector<uint8_t> s(18, 0);
    s[0] = 0x70;
    s[2] = key;
    s[7] = 10;
    s[12] = asc;
    s[13] = ascq;
    if (progress >= 0) {
        s[15] = 0x80;
        s[16] = static_cast<uint8_t>(progress >> 8);
        s[17] = static_cast<uint8_t>(progress);
    }
    return s;
}

ScsiStatus ScriptedScsiDisk::execute(const ScsiCommand& c) {
    cdbs.push_back(c.cdb);
    switch (c.cdb[0]) {
        case 0xA3:
            std::fill(c.data.begin(), c.data.end(), 0);
            c.data[1] = sanitizeSupported ? 0x03 : 0x01;
            return {};
        case 0x48:
            parameters.assign(c.data.begin(), c.data.end());
            return {};
        case 0x03: {
            const auto& s = senseScript.at(std::min(next_, senseScript.size() - 1));
            ++next_;
            std::fill(c.data.begin(), c.data.end(), 0);
            std::copy(s.begin(), s.end(), c.data.begin());
            return {};
        }
        default:
            return illegalRequest();
    }
}

void Gate::wait() {
    std::unique_lock lock(mutex_);
    reached_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
}

void Gate::open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
}

bool Gate::reached() {
    std::lock_guard lock(mutex_);
    return reached_;
}

HardwareErasureOptions fakeDriveOptions() {
    HardwareErasureOptions o;
    o.drive.sleep = [](std::chrono::milliseconds) {};
    o.sampleSeed = 7;
    return o;
}

}  // namespace massho::erase::sanitize::testing
