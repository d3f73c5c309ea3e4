#include "massho/operations/latest_checkpoint.h"

#include <algorithm>
#include <chrono>

#include "massho/base/base64.h"
#include "massho/operations/require_role.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/clock.h"

namespace massho::operations {
namespace {

// "— NAME BASE64" where BASE64 holds key ID (4 bytes), timestamp (8, big-endian), signature.
CheckpointView::Cosignature readCosignature(uint64_t size, const std::string& line) {
    CheckpointView::Cosignature c{size, {}, {}};
    const std::string dash = "\xE2\x80\x94 ";  // U+2014 and a space
    if (line.rfind(dash, 0) != 0) return c;
    const std::string rest = line.substr(dash.size());
    const size_t space = rest.rfind(' ');
    if (space == std::string::npos) return c;
    c.witness = rest.substr(0, space);
    const auto bytes = base::base64::decode(rest.substr(space + 1));
    if (bytes && bytes->size() >= 12) {
        uint64_t seconds = 0;
        for (size_t i = 4; i < 12; ++i)
            seconds = (seconds << 8) | static_cast<uint8_t>((*bytes)[i]);
        c.time = records::formatRfc3339(records::TimePoint(std::chrono::seconds(seconds)));
    }
    return c;
}

}  // namespace

CheckpointView latestCheckpoint(records::Store& store, const records::User& person) {
    requireRole(person, {records::Role::Auditor, records::Role::RecordsOfficer},
                "reading the register's checkpoint");
    records::Register& log = store.signedRegister();
    CheckpointView view;
    view.size = log.size();
    if (view.size == 0) return view;
    const records::Hash root = log.root(view.size);
    view.rootBase64 = base::base64::encode(
        std::string_view(reinterpret_cast<const char*>(root.data()), root.size()));
    view.time = records::entryText(records::parseEntry(log.entry(view.size - 1)), "time");
    view.note = log.checkpoint();
    auto lines = log.cosignatures();
    std::reverse(lines.begin(), lines.end());
    for (const auto& [size, line] : lines) {
        if (view.cosignatures.size() == kMaxCosignaturesShown) break;
        view.cosignatures.push_back(readCosignature(size, line));
    }
    return view;
}

}  // namespace massho::operations
