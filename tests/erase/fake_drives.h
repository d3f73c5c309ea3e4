#pragma once

// Scripted fake drives behind the ioctl interfaces (SgIo, NvmeAdmin): small models of the drive
// state machines that the sanitize code talks to, with switches for the failures a real drive
// shows (frozen, aborted commands, a USB bridge, power loss mid-sanitize).

#include <array>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "massho/erase/sanitize/device_io.h"
#include "massho/erase/sanitize/hardware_erasure.h"

namespace massho::erase::sanitize::testing {

// ATA responses as libata's SAT layer returns them.
ScsiStatus ataRegisters(uint8_t status, uint8_t error, uint16_t count, uint64_t lba);
ScsiStatus ataGood();         // a data command without CK_COND that completed
ScsiStatus ataAborted();      // ABORTED COMMAND, status 51h error 04h
ScsiStatus illegalRequest();  // what QEMU's USB bridge answers to an ATA PASS-THROUGH

// An IDENTIFY DEVICE block with the given words set (others zero), strings filled in.
std::array<uint8_t, 512> identifyBlock(std::initializer_list<std::pair<int, uint16_t>> words);

class FakeAtaDrive : public SgIo {
  public:
    // IDENTIFY words: security supported + enhanced, 48-bit, SANITIZE with all three actions.
    FakeAtaDrive();
    ScsiStatus execute(const ScsiCommand& command) override;

    // Knobs.
    bool frozen = false;
    bool sanitizeFrozen = false;
    bool usbBridge = false;                 // every pass-through: ILLEGAL REQUEST
    bool abortEraseUnit = false;            // ERASE UNIT aborted, password stays set
    bool abortDisable = false;              // SECURITY DISABLE PASSWORD aborted
    int sanitizePolls = 3;                  // SANITIZE STATUS polls while in progress
    bool sanitizeFails = false;             // the sanitize ends in failure
    std::function<void()> duringEraseUnit;  // runs inside the (blocking) ERASE UNIT
    // Runs before each pass-through is answered, with its ATA command (B4h for every SANITIZE
    // and SANITIZE STATUS): a test may block in it, a drive that stops answering.
    std::function<void(uint8_t command)> beforeAnswer;
    uint64_t nativeMaxLba = 0x0FFF;  // READ NATIVE MAX ADDRESS EXT (IDENTIFY says 1000h sectors)
    uint64_t dcoMaxLba = 0x0FFF;     // DEVICE CONFIGURATION IDENTIFY

    // What happened.
    std::vector<uint8_t> commands;  // ATA command opcode of every pass-through (B4h: see features)
    std::vector<uint16_t> sanitizeFeatures;
    std::vector<std::string> passwordsSeen;  // password bytes of F1h/F4h/F6h
    bool securityEnabled = false;
    bool erased = false;
    // The erase mode of the last SECURITY ERASE UNIT that erased (ACS-3 7.43, its data block).
    enum class EraseMode { None, Normal, Enhanced };
    EraseMode eraseMode = EraseMode::None;
    std::array<uint8_t, 512> identify{};

  private:
    ScsiStatus sanitize(uint16_t feature);
    ScsiStatus eraseUnit(std::span<const uint8_t> block);
    std::string password_;
    int pollsLeft_ = 0;
    bool sanitizeRunning_ = false, sanitizeFailed_ = false;
};

class FakeNvme : public NvmeAdmin {
  public:
    // As QEMU 7.2 emulates it: OACS 10Ah, FNA 0, SANICAP 0; one 512-byte-LBA
    // namespace (NSID 1) of 2048 blocks.
    FakeNvme();
    NvmeCompletion execute(const NvmeAdminCommand& command) override;
    uint32_t namespaceId() override { return 1; }

    uint16_t oacs = 0x10A;
    uint8_t fna = 0;
    uint32_t sanicap = 0;
    uint8_t flbas = 0;
    uint16_t formatStatus = 0;  // non-zero: Format NVM fails with this status
    int sanitizePolls = 2;
    bool powerLossMidSanitize = false;
    uint32_t sanitizeEstimate = 0xFFFF'FFFFu;  // seconds, for all three actions (log bytes 19:8)
    std::function<void()> onFormat;  // what the "media" undergoes when Format NVM succeeds
    // Runs before each admin command is answered, with its opcode: a test may block in it.
    std::function<void(uint8_t opcode)> beforeAnswer;

    std::vector<NvmeAdminCommand> commands;  // data spans not valid after the call
    int formats = 0;

  private:
    int sanitizeLeft_ = 0;
    bool sanitizing_ = false;
    uint16_t lastState_ = 0;
};

// A SCSI disk whose answers a test scripts: REPORT SUPPORTED OPERATION CODES says SANITIZE is
// supported (unless `sanitizeSupported` is false), SANITIZE is accepted, and REQUEST SENSE returns
// `senseScript` in turn (the last one repeats).
class ScriptedScsiDisk : public SgIo {
  public:
    ScsiStatus execute(const ScsiCommand& command) override;

    bool sanitizeSupported = true;
    std::vector<std::vector<uint8_t>> senseScript;
    std::vector<std::vector<uint8_t>> cdbs;
    std::vector<uint8_t> parameters;  // data-out of SANITIZE

  private:
    std::size_t next_ = 0;
};

// A drive that stops answering until the test lets it: a fake's beforeAnswer waits here.
class Gate {
  public:
    void wait();
    void open();
    bool reached();  // a command has waited here

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = false, reached_ = false;
};

// The channel a job owns (runHardwareErasure under the stall watchdog keeps its channels), over a
// fake the test keeps to look at afterwards.
class SgIoLink : public SgIo {
  public:
    explicit SgIoLink(std::shared_ptr<SgIo> drive) : drive_(std::move(drive)) {}
    ScsiStatus execute(const ScsiCommand& command) override { return drive_->execute(command); }

  private:
    std::shared_ptr<SgIo> drive_;
};

class NvmeLink : public NvmeAdmin {
  public:
    explicit NvmeLink(std::shared_ptr<NvmeAdmin> nvme) : nvme_(std::move(nvme)) {}
    NvmeCompletion execute(const NvmeAdminCommand& command) override {
        return nvme_->execute(command);
    }
    uint32_t namespaceId() override { return nvme_->namespaceId(); }

  private:
    std::shared_ptr<NvmeAdmin> nvme_;
};

// Fixed-format sense data (SPC-5 §4.4.3) with an optional progress indication.
std::vector<uint8_t> fixedSense(uint8_t key, uint8_t asc, uint8_t ascq, int progress = -1);

// Options for a job on a fake drive: polls without waiting, a fixed seed for the sampled
// verification (the same sectors every run).
HardwareErasureOptions fakeDriveOptions();

}  // namespace massho::erase::sanitize::testing
