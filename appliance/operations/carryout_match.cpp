#include "massho/operations/carryout_match.h"

#include "massho/records/ledger/media_ledger.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_keys.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/register.h"

namespace massho::operations {
namespace {

// An unmatched or unlabelled medium may hold anything: the strictest class.
constexpr int kUnknownClass = 1;

CarryOutMatch matchOf(uint64_t index, const records::EntryFields& f) {
    const std::string asset = records::entryText(f, "asset");
    return {index, records::entryText(f, "package"),
            asset.empty() ? records::entryText(f, "package") : asset,
            static_cast<int>(records::entryIntegerOr(f, "class", kUnknownClass))};
}

std::optional<CarryOutMatch> fromLedger(const records::Register& log,
                                        const records::MediaLedger* ledger,
                                        const records::DeviceIdentity& device) {
    if (!ledger) return std::nullopt;
    auto medium = ledger->findOpenByDevice(device);
    if (!medium || medium->state != records::MediaState::CarriedOut || !medium->carryOutEntry)
        return std::nullopt;
    return matchOf(*medium->carryOutEntry, records::parseEntry(log.entry(*medium->carryOutEntry)));
}

// The latest written carry-out filed under the serial or, for a medium without one, the FAT
// volume serial (entry_keys.h): those entries only, not the register.
std::optional<CarryOutMatch> searchRegister(const records::Register& log, const std::string& serial,
                                            const std::string& volumeId) {
    const bool bySerial = !serial.empty();
    if (!bySerial && volumeId.empty()) return std::nullopt;
    const std::string& key = bySerial ? serial : volumeId;
    std::optional<CarryOutMatch> found;
    log.forEachKeyed(
        bySerial ? records::entry_key::CarryOutSerial : records::entry_key::CarryOutVolume, key,
        key, [&](uint64_t index, const std::string& bytes) {
            records::EntryFields f;
            try {
                f = records::parseEntry(bytes);
            } catch (const records::EntryFormatError&) {
                return;
            }
            if (records::entryText(f, "result") == "written") found = matchOf(index, f);
        });
    return found;
}

}  // namespace

std::optional<CarryOutMatch> findCarryOut(const records::Register& log,
                                          const records::MediaLedger* ledger,
                                          const records::DeviceIdentity& device,
                                          const std::string& volumeId) {
    if (!device.serial.empty()) {
        if (auto m = fromLedger(log, ledger, device)) return m;
        return searchRegister(log, device.serial, volumeId);
    }
    // The volume serial names one carry-out; path, model and size only the medium last there.
    if (auto m = searchRegister(log, device.serial, volumeId)) return m;
    return fromLedger(log, ledger, device);
}

std::optional<uint64_t> findReturn(const records::Register& log, uint64_t carryOutIndex) {
    std::optional<uint64_t> found;
    const std::string key = std::to_string(carryOutIndex);
    log.forEachKeyed(records::entry_key::CarryInFor, key, key,
                     [&](uint64_t index, const std::string&) {
                         if (!found) found = index;
                     });
    return found;
}

}  // namespace massho::operations
