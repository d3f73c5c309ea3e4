#include "massho/records/ledger/media_state.h"

#include <array>
#include <utility>

namespace massho::records {
namespace {

constexpr std::array<std::pair<MediaState, std::string_view>, 9> kNames{{
    {MediaState::Registered, "registered"},
    {MediaState::InUse, "in-use"},
    {MediaState::Stored, "stored"},
    {MediaState::CarriedOut, "carried-out"},
    {MediaState::Returned, "returned"},
    {MediaState::Erased, "erased"},
    {MediaState::Disposed, "disposed"},
    {MediaState::Destroyed, "destroyed"},
    {MediaState::ReturnedToLessor, "returned-to-lessor"},
}};

std::string named(MediaState s) {
    return std::string(toString(s));
}

// `media move` only changes where and how a medium is kept. Every other state is reached by the
// act that makes it true, so the register holds that act's evidence, not a claim.
std::optional<std::string> whyMoveRefused(MediaState from, MediaState to) {
    switch (to) {
        case MediaState::InUse:
        case MediaState::Stored:
            break;
        case MediaState::CarriedOut:
            return std::string(
                "a carry-out is recorded by 'massho carryout' (Art. 8(7): it "
                "encrypts the data and needs the approval)");
        case MediaState::Returned:
            return std::string("a return is recorded by 'massho carryin'");
        case MediaState::Erased:
            return std::string("only an erasure makes a medium erased: 'massho erase'");
        case MediaState::Disposed:
            return std::string("use 'massho media dispose'");
        case MediaState::Destroyed:
            return std::string("use 'massho media destroy' (with a witness)");
        case MediaState::ReturnedToLessor:
            return std::string("use 'massho media return-to-lessor'");
        case MediaState::Registered:
            return std::string("a medium cannot go back to registered");
    }
    if (from == MediaState::CarriedOut)
        return std::string("it is carried out: record its return first (massho carryin)");
    return std::nullopt;
}

}  // namespace

std::string_view toString(MediaState state) {
    for (const auto& [s, name] : kNames)
        if (s == state) return name;
    return "unknown";
}

std::optional<MediaState> parseMediaState(std::string_view name) {
    for (const auto& [s, n] : kNames)
        if (n == name) return s;
    return std::nullopt;
}

bool isClosed(MediaState state) {
    return state == MediaState::Disposed || state == MediaState::Destroyed ||
           state == MediaState::ReturnedToLessor;
}

std::optional<std::string> whyRefused(MediaState from, MediaAct act, std::optional<MediaState> to) {
    if (isClosed(from)) return "it is " + named(from) + ": a closed medium's record never changes";
    switch (act) {
        case MediaAct::Move:
            if (!to) return std::string("say where it goes (--to in-use or stored)");
            return whyMoveRefused(from, *to);
        case MediaAct::Erase:
        case MediaAct::CarryOut:
        case MediaAct::Destroy:
            if (from == MediaState::CarriedOut)
                return std::string("it is carried out: record its return first (massho carryin)");
            return std::nullopt;
        case MediaAct::CarryIn:
            if (from != MediaState::CarriedOut)
                return "it is " + named(from) + ", not carried out: there is nothing to return";
            return std::nullopt;
        case MediaAct::Dispose:
        case MediaAct::ReturnToLessor:
            // Art. 8(4), 20(11): nothing leaves for good unless it was erased last.
            if (from != MediaState::Erased)
                return "it is " + named(from) + ": erase it first (massho erase)";
            return std::nullopt;
    }
    return std::string("unknown act");
}

}  // namespace massho::records
