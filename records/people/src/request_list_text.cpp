#include "massho/records/people/request_list_text.h"

#include "massho/records/register/errors.h"
#include "massho/records/register/text_field.h"

namespace massho::records {
namespace {

constexpr size_t kBlock = 1 << 16;

void pad(std::string& out, size_t start, size_t width) {
    const size_t written = out.size() - start;
    if (written < width) out.append(width - written, ' ');
}

// Recorded text escaped for a terminal, padded to `width` bytes as printf's "%-Ns" pads (the
// format these lines had when they were printed one by one).
void appendPadded(std::string& out, std::string_view text, size_t width) {
    const size_t start = out.size();
    appendEscapedForDisplay(out, text);
    pad(out, start, width);
}

// DeviceIdentity::describe(), escaped, without building it: its own words are plain ASCII, so
// escaping the parts one by one gives what escaping the whole gives.
void appendMedium(std::string& out, const DeviceIdentity& d) {
    if (d.serial.empty()) {
        appendEscapedForDisplay(out, d.path);
        out += " without serial";
    } else {
        out += "serial ";
        appendEscapedForDisplay(out, d.serial);
    }
    out += " (";
    appendEscapedForDisplay(out, d.model);
    out += ", ";
    out += std::to_string(d.sizeBytes);
    out += " bytes)";
}

void writeBlock(std::FILE* out, std::string& block) {
    if (!block.empty() && std::fwrite(block.data(), 1, block.size(), out) != block.size())
        throw StoreError("cannot write the request list: the output refused it");
    block.clear();
}

}  // namespace

std::vector<RequestState> storedStatesShownAs(const std::string& shown) {
    for (auto s : {RequestState::Pending, RequestState::Rejected, RequestState::Used})
        if (shown == toString(s)) return {s};
    return {RequestState::Approved, RequestState::Claimed};
}

void appendRequestListHeader(std::string& out) {
    char line[128];
    std::snprintf(line, sizeof line, "%-11s %-9s %-12s %-5s %-12s %-10s %-10s %-9s %s\n", "ID",
                  "STATE", "PURPOSE", "CLASS", "ASSET", "REQUESTER", "DECIDED BY", "METHOD",
                  "MEDIUM");
    out += line;
}

void appendRequestLine(std::string& out, const Request& r, std::string_view state) {
    const auto& d = r.details;
    appendPadded(out, r.id, 11);
    out += ' ';
    size_t start = out.size();
    out += state;
    pad(out, start, 9);
    out += ' ';
    appendPadded(out, d.purpose, 12);
    out += ' ';
    start = out.size();
    out += std::to_string(d.infoClass);
    pad(out, start, 5);
    out += ' ';
    appendPadded(out, d.assetTag, 12);
    out += ' ';
    appendPadded(out, r.requester, 10);
    out += ' ';
    appendPadded(out, r.decidedBy.value_or("-"), 10);
    out += ' ';
    appendPadded(out, d.method.empty() ? std::string_view("-") : std::string_view(d.method), 9);
    out += ' ';
    appendMedium(out, d.device);
    out += '\n';
}

size_t writeRequestList(const Requests& requests, const std::optional<std::string>& shownState,
                        TimePoint now, std::FILE* out) {
    std::string block;
    block.reserve(kBlock + 4096);
    appendRequestListHeader(block);
    size_t count = 0;
    // With a state, only the rows of its stored states (index requests_by_state).
    const auto stored = shownState ? storedStatesShownAs(*shownState) : std::vector<RequestState>{};
    requests.forEach(shownState ? &stored : nullptr, [&](const Request& r) {
        const std::string state = r.displayState(now);
        if (shownState && *shownState != state) return;
        appendRequestLine(block, r, state);
        ++count;
        if (block.size() >= kBlock) writeBlock(out, block);
    });
    writeBlock(out, block);
    return count;
}

}  // namespace massho::records
