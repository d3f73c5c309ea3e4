#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace massho::records {

// A medium's life (the city's standard, Art. 8): registered → in use ⇄ stored → carried out ⇄
// returned → erased → disposed | destroyed | returned to lessor. The last three are closed: a
// closed medium never changes again.
enum class MediaState {
    Registered,
    InUse,
    Stored,  // long-term storage, write-protected (Art. 8(6))
    CarriedOut,
    Returned,
    Erased,
    Disposed,
    Destroyed,
    ReturnedToLessor,
};

// "registered", "in-use", "stored", "carried-out", "returned", "erased", "disposed",
// "destroyed", "returned-to-lessor": the names the CLI takes and the register records.
std::string_view toString(MediaState state);
std::optional<MediaState> parseMediaState(std::string_view name);
bool isClosed(MediaState state);

// What can happen to a medium. `Move` is a plain change of where and how it is kept (in use ⇄
// stored); the others are acts with their own command and register entry.
enum class MediaAct { Move, Erase, CarryOut, CarryIn, Destroy, Dispose, ReturnToLessor };

// The reason an act is not allowed from `from` (for Move: to `to`), or nullopt when it is. The
// reason is one line a person can act on, e.g. "… is carried out: record its return first
// (massho carryin)".
std::optional<std::string> whyRefused(MediaState from, MediaAct act,
                                      std::optional<MediaState> to = std::nullopt);

}  // namespace massho::records
