#include "drive_steps.h"

namespace massho::erase::sanitize::detail {

AtaRegisters AtaChannel::run(const AtaCommand& command, const std::string& what,
                             std::span<uint8_t> data, uint32_t timeoutMs, bool record) {
    const Cdb16 cdb = ataPassThrough16(command);
    ScsiCommand scsi;
    scsi.cdb.assign(cdb.begin(), cdb.end());
    scsi.direction = command.dataSectors == 0                 ? DataDirection::None
                     : command.protocol == AtaProtocol::PioIn ? DataDirection::FromDevice
                                                              : DataDirection::ToDevice;
    scsi.data = data;
    scsi.timeoutMs = timeoutMs;
    scsi.what = what;
    scsi.undo = undoing_;
    try {
        AtaRegisters r = checkAtaResult(io_.execute(scsi), what, command.dataSectors == 0);
        if (record) result_.steps.push_back(what + ": ok");
        return r;
    } catch (const SanitizeError& e) {
        if (record) result_.steps.push_back(e.what());
        throw;
    }
}

std::array<uint8_t, 512> AtaChannel::identify() {
    std::array<uint8_t, 512> block{};
    const Cdb16 cdb = ataPassThrough16(ataIdentifyDevice());
    ScsiCommand scsi;
    scsi.cdb.assign(cdb.begin(), cdb.end());
    scsi.direction = DataDirection::FromDevice;
    scsi.data = block;
    scsi.what = "IDENTIFY DEVICE";
    scsi.undo = undoing_;
    checkAtaResult(io_.execute(scsi), "IDENTIFY DEVICE", false);
    return block;
}

}  // namespace massho::erase::sanitize::detail
