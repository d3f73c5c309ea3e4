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
void appendMedium(std::string& out, const RequestLine& r) {
    if (r.deviceSerial.empty()) {
        appendEscapedForDisplay(out, r.devicePath);
        out += " without serial";
    } else {
        out += "serial ";
        appendEscapedForDisplay(out, r.deviceSerial);
    }
    out += " (";
    appendEscapedForDisplay(out, r.deviceModel);
    out += ", ";
    out += std::to_string(r.deviceSize);
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

std::string_view shownStateOf(const RequestLine& r, std::string_view nowRfc3339) {
    // Request::displayState, with `now` formatted once for the whole list.
    const bool expired = (r.state == RequestState::Approved || r.state == RequestState::Claimed) &&
                         r.approvalExpires && nowRfc3339 >= *r.approvalExpires;
    return expired ? std::string_view("expired") : toString(r.state);
}

void appendRequestLine(std::string& out, const RequestLine& r, std::string_view state) {
    appendPadded(out, r.id, 11);
    out += ' ';
    size_t start = out.size();
    out += state;
    pad(out, start, 9);
    out += ' ';
    appendPadded(out, r.purpose, 12);
    out += ' ';
    start = out.size();
    out += std::to_string(r.infoClass);
    pad(out, start, 5);
    out += ' ';
    appendPadded(out, r.assetTag, 12);
    out += ' ';
    appendPadded(out, r.requester, 10);
    out += ' ';
    appendPadded(out, r.decidedBy.value_or("-"), 10);
    out += ' ';
    appendPadded(out, r.method.empty() ? std::string_view("-") : r.method, 9);
    out += ' ';
    appendMedium(out, r);
    out += '\n';
}

size_t writeRequestList(const Requests& requests, const std::optional<std::string>& shownState,
                        TimePoint now, std::FILE* out) {
    std::string block;
    block.reserve(kBlock + 4096);
    appendRequestListHeader(block);
    size_t count = 0;
    const std::string nowText = formatRfc3339(now);
    // With a state, only the rows of its stored states (index requests_by_state).
    const auto stored = shownState ? storedStatesShownAs(*shownState) : std::vector<RequestState>{};
    requests.forEachListed(shownState ? &stored : nullptr, [&](const RequestLine& r) {
        const std::string_view state = shownStateOf(r, nowText);
        if (shownState && *shownState != state) return;
        appendRequestLine(block, r, state);
        ++count;
        if (block.size() >= kBlock) writeBlock(out, block);
    });
    writeBlock(out, block);
    return count;
}

}  // namespace massho::records
